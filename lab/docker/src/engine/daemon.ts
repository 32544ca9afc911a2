import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runCommand, tail } from '../host/command.js';

/** The engine this run talks to, and whether this run must stop it. */
export interface Daemon {
  /** Set when this run started dockerd; undefined when one was already running. */
  startedPid: number | undefined;
  logFile: string | undefined;
  /** Stops the dockerd this run started (SIGTERM, SIGKILL after the grace period); no-op otherwise. */
  stop(): Promise<void>;
}

const READY_WITHIN_MS = 60_000;
/** The default bridge dockerd creates on start and leaves behind on stop. */
const DEFAULT_BRIDGE = '/sys/class/net/docker0';
// dockerd stops its containers and its own containerd before it exits.
const STOP_GRACE_MS = 30_000;

/** Where dockerd lives: Debian installs it in /usr/sbin, which non-root PATHs often lack. */
export function dockerdPath(path = process.env.PATH ?? ''): string | undefined {
  const dirs = [...path.split(':'), '/usr/sbin', '/usr/bin', '/usr/local/bin'];
  return dirs
    .filter((dir) => dir.startsWith('/'))
    .map((dir) => join(dir, 'dockerd'))
    .find((file) => existsSync(file));
}

export async function daemonAnswers(client: string): Promise<boolean> {
  const result = await runCommand(client, ['info', '--format', '{{.ServerVersion}}'], {
    timeoutMs: 10_000,
  });
  return result.code === 0 && result.stdout.trim() !== '';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function exited(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(200);
  }
  return true;
}

/**
 * Reuses the daemon `client` reaches, or starts dockerd with its defaults (data root
 * /var/lib/docker, socket /var/run/docker.sock) and remembers its pid so that only it is stopped.
 */
export async function ensureDaemon(client: string): Promise<Daemon> {
  if (await daemonAnswers(client)) {
    return { startedPid: undefined, logFile: undefined, stop: async () => {} };
  }
  const dockerd = dockerdPath();
  if (!dockerd) {
    throw new Error(
      'No Docker daemon answers and dockerd is not installed: install docker.io (Debian) or Docker Engine.',
    );
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      `No Docker daemon answers \`${client} info\`, and only root may start ${dockerd}. ` +
        'Start the engine (`sudo systemctl start docker`, or `sudo dockerd &`) and rerun.',
    );
  }
  const bridgeExisted = existsSync(DEFAULT_BRIDGE);
  const logFile = join(tmpdir(), `cors-lab-dockerd-${process.pid}.log`);
  const out = openSync(logFile, 'w');
  // Its own process group: a Ctrl-C meant for this run reaches dockerd only through stop().
  const child = spawn(dockerd, [], { detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${dockerd}; see ${logFile}.`);
  child.unref();
  const readLog = () => tail(readFileSync(logFile, 'utf8'), 20);
  const stop = async () => {
    if (alive(pid)) {
      process.kill(pid, 'SIGTERM');
      if (!(await exited(pid, STOP_GRACE_MS))) {
        process.kill(pid, 'SIGKILL');
        await exited(pid, 5_000);
      }
    }
    // The machine gets back the network interfaces it had: docker0 goes if this run made it.
    if (!bridgeExisted && existsSync(DEFAULT_BRIDGE))
      await runCommand('ip', ['link', 'delete', 'docker0']);
    // Its log served while it ran (a failed start quotes its tail); no run leaves one behind.
    rmSync(logFile, { force: true });
  };

  const deadline = Date.now() + READY_WITHIN_MS;
  while (!(await daemonAnswers(client))) {
    if (!alive(pid)) {
      throw new Error(`dockerd exited while starting:\n${readLog()}`);
    }
    if (Date.now() > deadline) {
      const log = readLog();
      await stop();
      throw new Error(`dockerd did not answer within ${READY_WITHIN_MS / 1000} s:\n${log}`);
    }
    await sleep(250);
  }
  return { startedPid: pid, logFile, stop };
}
