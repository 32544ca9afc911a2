// Helper processes started in their own process group, so stopping one also stops what it
// spawned (WebKitWebDriver -> MiniBrowser -> WebKit*Process), even if this worker exits abruptly.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';

const liveGroups = new Set<number>();

// Last resort when the worker exits without fixture teardown: kill is synchronous, so it runs here.
process.on('exit', () => {
  for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
});

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group is already gone.
  }
}

export interface ProcessGroup {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr, for error messages. */
  output(): string;
  /** Resolves when the leader has exited. */
  exited: Promise<void>;
  /** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves when the leader is gone. */
  stop(graceMs?: number): Promise<void>;
}

export function spawnProcessGroup(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; stdio?: StdioOptions } = {},
): ProcessGroup {
  const child = spawn(command, args, {
    detached: true,
    env: options.env ?? process.env,
    stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'],
  });
  const pgid = child.pid;
  if (pgid === undefined)
    throw new Error(`Could not start ${command}: is it installed and executable?`);
  liveGroups.add(pgid);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => output,
    exited,
    async stop(graceMs = 3_000) {
      killGroup(pgid, 'SIGTERM');
      const forced = setTimeout(() => killGroup(pgid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(forced);
      // Children (MiniBrowser, web processes) may outlive the leader by a moment.
      killGroup(pgid, 'SIGKILL');
      liveGroups.delete(pgid);
    },
  };
}
