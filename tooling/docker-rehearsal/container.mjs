// Starts a built runtime stage the way `docker run` would: its CMD, from its WORKDIR, with only the
// image's ENV plus the variables compose would pass, and runs its HEALTHCHECK command the same way.
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { connect } from 'node:net';
import { inStage } from './build-stages.mjs';
import { signalGroup, spawnTracked } from './processes.mjs';

/** The container's environment: nothing leaks in from the host except a PATH to node and sh. */
function containerEnv(stage, overrides) {
  return {
    ...stage.env,
    ...overrides,
    PATH: [dirname(process.execPath), '/usr/bin', '/bin'].join(':'),
    HOME: inStage(stage, '/tmp'),
  };
}

function argvOf(command) {
  return command.argv ?? ['/bin/sh', '-c', command.shell];
}

/** @returns {{ child: import('node:child_process').ChildProcess, stop: (graceMs: number) => Promise<{ graceful: boolean, ms: number, exit: string }> }} */
export function startContainer(stage, { env, logFile }) {
  if (!stage.cmd)
    throw new Error(
      `The final stage "${stage.name}" has no CMD, so the container would not start anything.`,
    );
  const [command, ...args] = argvOf(stage.cmd);
  const out = createWriteStream(logFile, { flags: 'a' });
  out.write(`\n$ (container ${stage.name}) ${[command, ...args].join(' ')}\n`);
  const child = spawnTracked(command, args, {
    cwd: inStage(stage, stage.workdir),
    env: containerEnv(stage, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);

  // `docker stop` sends SIGTERM and kills after 10 s: measure how long the app takes to leave.
  const stop = (graceMs) =>
    new Promise((resolve) => {
      const started = Date.now();
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve({
          graceful: false,
          ms: 0,
          exit: `had already exited (${child.exitCode ?? child.signalCode})`,
        });
        return;
      }
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        resolve({
          graceful: signal === null,
          ms: Date.now() - started,
          exit: signal ?? `code ${code}`,
        });
      });
      signalGroup(child, 'SIGTERM');
    });
  return { child, stop };
}

/** Runs the stage's HEALTHCHECK command as Docker would inside the container; returns its exit code. */
export function runHealthcheck(stage, { env }) {
  if (!stage.healthcheck) throw new Error(`The final stage "${stage.name}" has no HEALTHCHECK.`);
  const [command, ...args] = argvOf(stage.healthcheck);
  const timeoutMs = durationMs(stage.healthcheck.flags.timeout ?? '30s');
  const result = spawnSync(command, args, {
    cwd: inStage(stage, stage.workdir),
    env: containerEnv(stage, env),
    timeout: timeoutMs,
    encoding: 'utf8',
  });
  return {
    code: result.status,
    output: `${result.stdout}${result.stderr}`.trim(),
    timedOut: result.error?.code === 'ETIMEDOUT',
  };
}

function durationMs(text) {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(text);
  if (!match) throw new Error(`HEALTHCHECK duration "${text}" is not like 3s, 500ms or 1m.`);
  return Number(match[1]) * { ms: 1, s: 1000, m: 60_000 }[match[2]];
}

/** Resolves once something accepts TCP connections on the port; rejects if the child exits first. */
export function waitForPort(port, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const onExit = (code, signal) =>
      reject(new Error(`exited (${signal ?? `code ${code}`}) before listening on port ${port}`));
    child.once('exit', onExit);
    const attempt = () => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        child.off('exit', onExit);
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) {
          child.off('exit', onExit);
          reject(new Error(`nothing listened on 127.0.0.1:${port} within ${timeoutMs / 1000} s`));
        } else setTimeout(attempt, 250);
      });
    };
    attempt();
  });
}
