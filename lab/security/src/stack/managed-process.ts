import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { probeOnce } from '../http/probe-once.js';

const running = new Set<ManagedProcess>();
let hooksInstalled = false;

/** Last lines of a child's output, shown when it fails to start or dies. */
const TAIL_LINES = 60;

export interface StartOptions {
  cwd: string;
  env?: Readonly<Record<string, string>>;
  /** Open an IPC channel (the child then has process.send). */
  ipc?: boolean;
}

/**
 * A child process in its own process group: stop() and this process's exit (normal, error or
 * Ctrl-C) end the whole group, so grandchildren such as Next's server never outlive a run.
 */
export class ManagedProcess {
  readonly child: ChildProcess;
  private readonly output: string[] = [];

  private constructor(
    readonly name: string,
    command: string,
    args: readonly string[],
    options: StartOptions,
  ) {
    installExitHooks();
    this.child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc ? (['ipc'] as const) : [])],
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
    options: StartOptions,
  ): ManagedProcess {
    return new ManagedProcess(name, command, args, options);
  }

  get pid(): number {
    if (this.child.pid === undefined)
      throw new Error(`${this.name} has no pid: it failed to spawn.`);
    return this.child.pid;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
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
    return new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /** SIGTERM to the group, SIGKILL after `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    if (!this.alive) return;
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

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.once('exit', () => {
    for (const managed of running) signalGroup(managed.pid, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping ${running.size} server process(es)…`);
      void stopAll().finally(() => process.exit(130));
    });
  }
}
