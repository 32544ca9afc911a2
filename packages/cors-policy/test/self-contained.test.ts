// Proves the package can be copied into another project: built alone, outside the workspace, with
// only its own files, then served by a real Express app in its own process.
import { execFile, fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, realpath, rm, symlink, mkdir } from 'node:fs/promises';
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const TSC = require.resolve('typescript/bin/tsc');
const TYPESCRIPT_LIB_DIR = dirname(require.resolve('typescript/lib/lib.d.ts'));
const EXPRESS_DIR = dirname(require.resolve('express/package.json'));
const ALLOWED = 'https://app.example.com';

let copyDir = '';
let compiledFiles: string[] = [];
let app: ChildProcess | undefined;
let baseUrl = '';

async function copyPackage(to: string): Promise<void> {
  for (const file of ['package.json', 'tsconfig.json', 'tsconfig.build.json']) {
    await cp(join(PACKAGE_DIR, file), join(to, file));
  }
  await cp(join(PACKAGE_DIR, 'src'), join(to, 'src'), {
    recursive: true,
    filter: (source) => !source.endsWith('.test.ts'),
  });
  await cp(join(PACKAGE_DIR, 'test', 'express-app.mjs'), join(to, 'express-app.mjs'));
}

/** Builds with the copy's own tsconfig.build.json (as its `build` script does) and lists every file tsc read. */
async function build(dir: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [TSC, '-p', 'tsconfig.build.json', '--listFiles'],
    { cwd: dir },
  ).catch((error: { stdout?: string; message: string }) => {
    // --listFiles prints every file read after the errors: keep the diagnostics only.
    const diagnostics = (error.stdout ?? error.message)
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('/'));
    throw new Error(
      `tsc -p tsconfig.build.json failed in the copy at ${dir}, so the package does not build on ` +
        `its own. A copy has only TypeScript's built-in libs: no @types packages, no workspace ` +
        `tsconfig to extend.\n${diagnostics.join('\n')}`,
    );
  });
  return stdout.split('\n').filter((line) => line.trim() !== '');
}

function startApp(dir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(join(dir, 'express-app.mjs'), { cwd: dir, execArgv: [], stdio: 'pipe' });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve({ child, port: message.port }));
    child.once('exit', (code) =>
      reject(new Error(`The copy's Express app exited with ${code}:\n${output}`)),
    );
  });
}

function send(
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  copyDir = await realpath(await mkdtemp(join(tmpdir(), 'cors-policy-copy-')));
  await copyPackage(copyDir);
  compiledFiles = await build(copyDir);
  // Express is linked only after the build, so the build cannot lean on it.
  await mkdir(join(copyDir, 'node_modules'));
  await symlink(await realpath(EXPRESS_DIR), join(copyDir, 'node_modules', 'express'), 'dir');
  const started = await startApp(copyDir);
  app = started.child;
  baseUrl = `http://127.0.0.1:${started.port}`;
}, 60_000);

afterAll(async () => {
  app?.kill();
  if (copyDir) await rm(copyDir, { recursive: true, force: true });
});

describe('a copy of packages/cors-policy outside the workspace', () => {
  it('declares no runtime dependencies', async () => {
    const manifest = JSON.parse(await readFile(join(copyDir, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.peerDependencies ?? {}).toEqual({});
  });

  it('builds with its own tsconfig from files inside the copy and TypeScript’s own lib files only', () => {
    const outside = compiledFiles.filter(
      (file) => !file.startsWith(copyDir + sep) && !file.startsWith(TYPESCRIPT_LIB_DIR + sep),
    );
    expect(outside).toEqual([]);
    expect(compiledFiles.map((file) => relative(copyDir, file))).toContain(join('src', 'index.ts'));
  });

  it('is the production half only: no predictor import and at most 2,000 lines of code', async () => {
    const sources = compiledFiles.filter(
      (file) => file.startsWith(join(copyDir, 'src') + sep) && file.endsWith('.ts'),
    );
    const texts = await Promise.all(sources.map((file) => readFile(file, 'utf8')));
    expect(texts.filter((text) => /cors-predict|from '\.\/predict/.test(text))).toEqual([]);
    const lines = texts.reduce((sum, text) => sum + text.split('\n').length, 0);
    expect(lines).toBeLessThanOrEqual(2000);
  });

  it('answers a preflight from an allowed origin with 204 and the policy’s headers', async () => {
    const res = await send('OPTIONS', '/items/1', {
      origin: ALLOWED,
      'access-control-request-method': 'PUT',
      'access-control-request-headers': 'content-type',
    });
    expect(res.status).toBe(204);
    expect(res.body).toBe('');
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(res.headers['access-control-allow-methods']?.split(/\s*,\s*/)).toContain('PUT');
    expect(res.headers['access-control-allow-headers']?.toLowerCase()).toContain('content-type');
    expect(res.headers['access-control-max-age']).toBe('600');
    expect(res.headers.vary).toMatch(/\bOrigin\b/i);
  });

  it('sends the actual request’s CORS headers alongside the route’s answer', async () => {
    const res = await send('PUT', '/items/1', {
      origin: ALLOWED,
      'content-type': 'application/json',
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ saved: true });
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(res.headers['access-control-expose-headers']).toBe('X-Request-Id');
    expect(res.headers.vary).toMatch(/\bOrigin\b/i);
  });

  it('answers a preflight from an origin outside the list without any CORS header', async () => {
    const res = await send('OPTIONS', '/items/1', {
      origin: 'https://app.example.com.evil.net',
      'access-control-request-method': 'PUT',
    });
    const corsHeaders = Object.keys(res.headers).filter((name) =>
      name.startsWith('access-control-'),
    );
    expect(corsHeaders).toEqual([]);
    expect(res.headers.vary).toMatch(/\bOrigin\b/i);
  });
});
