// What the copy tests share: copy the package out of the workspace the way a user would, compile
// it with a given TypeScript, link only the frameworks a server needs, and talk to that server.
import { execFile, fork, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, realpath, rm, symlink } from 'node:fs/promises';
import { request, type IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** The two compilers a copy must satisfy: the repo's TypeScript 5.9 and TypeScript 7 (native). */
export const COMPILERS = {
  'TypeScript 5.9': require.resolve('typescript/bin/tsc'),
  // TypeScript 7's `exports` hide bin/; its bin/tsc starts the native compiler.
  'TypeScript 7': join(PACKAGE_DIR, 'node_modules', 'typescript7', 'bin', 'tsc'),
} as const;
export type Compiler = keyof typeof COMPILERS;

export async function temporaryDir(prefix: string): Promise<string> {
  return realpath(await mkdtemp(join(tmpdir(), prefix)));
}

export async function removeDir(dir: string): Promise<void> {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
}

/** The package's own files a user copies: manifest, tsconfigs and sources without tests. */
export async function copyPackage(to: string): Promise<void> {
  for (const file of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'LICENSE']) {
    await cp(join(PACKAGE_DIR, file), join(to, file));
  }
  await copySources(join(to, 'src'));
}

export async function copySources(to: string): Promise<void> {
  await cp(join(PACKAGE_DIR, 'src'), to, {
    recursive: true,
    filter: (source) => !source.endsWith('.test.ts'),
  });
}

/** Runs `tsc` in `dir` and lists every file it read; throws with the diagnostics when it fails. */
export async function compile(compiler: Compiler, dir: string, args: string[]): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [COMPILERS[compiler], ...args, '--listFiles'],
    { cwd: dir },
  ).catch((error: { stdout?: string; message: string }) => {
    // --listFiles prints every file read after the errors: keep the diagnostics only.
    const diagnostics = (error.stdout ?? error.message)
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('/'));
    throw new Error(
      `${compiler} (tsc ${args.join(' ')}) failed in the copy at ${dir}. A copy has only ` +
        `TypeScript's built-in libs: no @types packages, no workspace tsconfig to extend.\n` +
        diagnostics.join('\n'),
    );
  });
  return stdout.split('\n').filter((line) => line.trim() !== '');
}

/** Whether `file` is one of a TypeScript compiler's own `lib.*.d.ts` files. */
export function isCompilerLib(file: string): boolean {
  return /^lib\..*\.d\.ts$/.test(basename(file)) && file.includes(`${sep}typescript`);
}

/** Symlinks this package's installed devDependencies `names` into `dir/node_modules`. */
export async function linkModules(dir: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const target = join(dir, 'node_modules', name);
    await mkdir(dirname(target), { recursive: true });
    await symlink(await realpath(join(PACKAGE_DIR, 'node_modules', name)), target, 'dir');
  }
}

export interface RunningServer {
  readonly child: ChildProcess;
  readonly baseUrl: string;
}

/** Forks a server script that listens on port 0 and sends `{ port }` over IPC once listening. */
export function startServer(script: string, cwd: string): Promise<RunningServer> {
  const child = fork(script, { cwd, execArgv: [], stdio: 'pipe' });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('message', (message: { port: number }) =>
      resolve({ child, baseUrl: `http://127.0.0.1:${message.port}` }),
    );
    child.once('exit', (code) =>
      reject(new Error(`${basename(script)} in ${cwd} exited with ${code}:\n${output}`)),
    );
  });
}

/** Stops a forked server and waits until it has exited. */
export async function stopServer(server: RunningServer | undefined): Promise<void> {
  if (server === undefined || server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill();
  await exited;
}

export interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export function send(
  baseUrl: string,
  method: string,
  path: string,
  headers: Readonly<Record<string, string>>,
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
