import { spawn, type ChildProcess } from 'node:child_process';

export interface CommandOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Written to the command's stdin (e.g. a tar stream for `docker import`). */
  input?: NodeJS.ReadableStream;
  /** Each output line as it arrives (build logs, test runs); the result still holds it all. */
  onLine?: (line: string) => void;
  /** Killed (SIGKILL) after this long; the error says so. */
  timeoutMs?: number;
}

const running = new Set<ChildProcess>();

/** Ends every command still running (SIGTERM), e.g. on Ctrl-C, so teardown can start at once. */
export function stopRunningCommands(): void {
  for (const child of running) child.kill('SIGTERM');
}

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs a command to its end and returns its output; never throws for a non-zero exit. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let stdout = '';
    let stderr = '';
    let partial = '';
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    const lines = (chunk: string) => {
      if (!options.onLine) return;
      const text = partial + chunk;
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) options.onLine(line);
    };
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      lines(chunk);
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      lines(chunk);
    });
    if (options.input && child.stdin) options.input.pipe(child.stdin);
    child.once('error', (error) => {
      running.delete(child);
      clearTimeout(timer);
      reject(new Error(`Could not run ${command}: ${error.message}. Is it installed and on PATH?`));
    });
    child.once('close', (code) => {
      running.delete(child);
      clearTimeout(timer);
      if (partial) options.onLine?.(partial);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/** The last `count` non-empty lines of a command's output, for error messages. */
export function tail(text: string, count = 30): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(-count)
    .join('\n');
}

/** Runs a command and returns its stdout; a non-zero exit throws with the command and its output. */
export async function mustRun(
  command: string,
  args: readonly string[],
  options: CommandOptions = {},
): Promise<string> {
  const result = await runCommand(command, args, options);
  if (result.code !== 0) {
    const why = result.timedOut ? `timed out after ${options.timeoutMs} ms` : `exit ${result.code}`;
    throw new Error(
      `\`${[command, ...args].join(' ')}\` failed (${why}):\n${tail(result.stderr + result.stdout)}`,
    );
  }
  return result.stdout;
}
