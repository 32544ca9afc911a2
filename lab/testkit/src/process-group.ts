import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { probeOnce } from './probe-once.js';

const running = new Set<ProcessGroup>();
let exitHookInstalled = false;
let signalHooksInstalled = false;

/** Last lines of a child's output, shown when it fails to start or dies. */
const TAIL_LINES = 60;

export interface StartOptions {
  /** Default: this process's working directory. */
  cwd?: string;
  /** Added to this process's environment, unless `replaceEnv` is set. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Use `env` as the whole environment instead of adding to this process's. */
  replaceEnv?: boolean;
  /** Open an IPC channel (the child then has process.send). */
  ipc?: boolean;
  /** Extra pipes after stdin/stdout/stderr, e.g. `['pipe']` for a file descriptor 3 the child writes. */
  extraPipes?: readonly 'pipe'[];
}

/**
 * A child process in its own process group: stop() and this process's exit end the whole group,
 * so grandchildren (Next's server, MiniBrowser's web processes, nginx workers) never outlive a run.
 * Commands that own the terminal also call stopAllOnSignals() so Ctrl-C stops them too.
 */
export class ProcessGroup {
  readonly child: ChildProcess;
  private readonly output: string[] = [];
  private spawnError: Error | undefined;

  private constructor(
    readonly name: string,
    command: string,
    args: readonly string[],
    options: StartOptions,
  ) {
    installExitHook();
    const stdio: StdioOptions = [
      'ignore',
      'pipe',
      'pipe',
      ...(options.extraPipes ?? []),
      ...(options.ipc ? (['ipc'] as const) : []),
    ];
    this.child = spawn(command, args, {
      cwd: options.cwd,
      env: options.replaceEnv ? { ...options.env } : { ...process.env, ...options.env },
      detached: true,
      stdio,
    });
    // spawn reports a missing command asynchronously: keep it as output and end the group.
    this.child.once('error', (error) => {
      this.spawnError = error;
      this.output.push(`${command}: ${error.message}`);
      running.delete(this);
    });
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line) this.output.push(line);
      this.output.splice(0, Math.max(0, this.output.length - TAIL_LINES));
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    running.add(this);
    this.child.once('exit', () => running.delete(this));
  }

  static start(
    name: string,
    command: string,
    args: readonly string[],
    options: StartOptions = {},
  ): ProcessGroup {
    return new ProcessGroup(name, command, args, options);
  }

  get pid(): number {
    if (this.child.pid === undefined)
      throw new Error(`${this.name} has no pid: it failed to spawn (is the command installed?).`);
    return this.child.pid;
  }

  get alive(): boolean {
    return !this.spawnError && this.child.exitCode === null && this.child.signalCode === null;
  }

  get outputTail(): string {
    return this.output.join('\n');
  }

  /** Waits until `url` answers with any status below 500; fails fast if the process exits. */
  async waitForHttp(url: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.alive) {
        throw new Error(
          `${this.name} exited (${this.child.exitCode ?? this.child.signalCode}) before ${url} answered. Its output:\n${this.outputTail}`,
        );
      }
      const answer = await probeOnce(url, 1000).catch(() => undefined);
      if (answer !== undefined && answer.status < 500) return;
      await sleep(200);
    }
    throw new Error(
      `${this.name} did not answer ${url} within ${timeoutMs} ms. Its output:\n${this.outputTail}`,
    );
  }

  /** Waits for the child to exit by itself; resolves with its exit code. */
  exited(): Promise<number | null> {
    if (!this.alive) return Promise.resolve(this.child.exitCode);
    return new Promise((resolve) => {
      this.child.once('exit', (code) => resolve(code));
      this.child.once('error', () => resolve(null));
    });
  }

  /** SIGTERM to the group, SIGKILL after `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.child.pid === undefined) return;
    if (!this.alive) {
      signalGroup(this.pid, 'SIGKILL');
      return;
    }
    const exit = this.exited();
    signalGroup(this.pid, 'SIGTERM');
    const killed = await Promise.race([exit.then(() => false), sleep(graceMs).then(() => true)]);
    if (killed) {
      signalGroup(this.pid, 'SIGKILL');
      await exit;
    }
    // The leader may exit before its own children: sweep what is left of the group.
    signalGroup(this.pid, 'SIGKILL');
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Stops every process still running, e.g. in a finally block. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((process) => process.stop()));
}

// Last resort when the owner exits without stopping them: kill is synchronous, so it runs here.
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const group of running)
      if (group.child.pid !== undefined) signalGroup(group.pid, 'SIGKILL');
  });
}

/** For commands run from a terminal: on SIGINT or SIGTERM, stop every group, then exit 130. */
export function stopAllOnSignals(): void {
  if (signalHooksInstalled) return;
  signalHooksInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping ${running.size} server process(es)…`);
      void stopAll().finally(() => process.exit(130));
    });
  }
}
