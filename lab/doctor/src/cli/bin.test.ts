// The built cors-doctor executable, run as a user runs it: exit codes, one-line errors, JSON,
// colour only on a terminal, and a copy of the package run with npx.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@cors-lab/testkit';
import { startScriptedServer, type ScriptedServer } from '../testing/scripted-server.js';
import { main } from './main.js';

const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(PACKAGE, 'dist', 'cors-doctor.js');
const PAGE = 'http://localhost:3000';
const run = promisify(execFile);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function doctor(
  args: string[],
  options: { cwd?: string; command?: string[] } = {},
): Promise<Result> {
  const [command, ...prefix] = options.command ?? [process.execPath, BIN];
  try {
    const { stdout, stderr } = await run(command ?? '', [...prefix, ...args], {
      cwd: options.cwd ?? PACKAGE,
      timeout: 60_000,
      env: { ...process.env, NO_COLOR: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let allowing: ScriptedServer;
let refusing: ScriptedServer;

beforeAll(async () => {
  if (!existsSync(BIN))
    throw new Error(`${BIN} is missing: run pnpm --filter @cors-lab/doctor build first.`);
  allowing = await startScriptedServer(() => ({
    status: 200,
    headers: { 'Access-Control-Allow-Origin': PAGE, 'X-Powered-By': 'Express' },
  }));
  refusing = await startScriptedServer(() => ({
    status: 200,
    headers: { 'X-Powered-By': 'Express' },
  }));
});

afterAll(async () => {
  await allowing?.close();
  await refusing?.close();
});

describe('exit codes', () => {
  it('0 when every engine allows, 1 when they block', async () => {
    expect((await doctor([`${allowing.origin}/`, '--origin', PAGE])).code).toBe(0);
    const blocked = await doctor([`${refusing.origin}/`, '--origin', PAGE]);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain('chromium  BLOCKED  missing-allow-origin');
    expect(blocked.stdout).toContain('app.use(cors({');
  });

  it('3 with one line when nothing listens, saying it is not a CORS answer', async () => {
    const port = await freePort();
    const result = await doctor([`http://127.0.0.1:${port}/`, '--origin', PAGE]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`127.0.0.1:${port}`);
    expect(result.stderr).toContain('not a CORS answer');
  });

  it.each([
    [['http://localhost:8000/'], '--origin is required'],
    [['ftp://example.com/', '--origin', PAGE], 'ftp:'],
    [['not a url', '--origin', PAGE], '"not a url" is not a URL'],
    [['http://localhost:8000/', '--origin', `${PAGE}/`], `use --origin ${PAGE}`],
    [['http://localhost:8000/', '--origin', PAGE, '--header', 'X-A: b\r\nX-Injected: 1'], 'CR, LF'],
    [
      ['http://localhost:8000/', '--origin', PAGE, '--header', 'Bad Name: 1'],
      'not a valid header name',
    ],
    [['http://localhost:8000/', '--origin', PAGE, '--credentials', 'yes'], '--credentials "yes"'],
    [['http://localhost:8000/', '--origin', PAGE, '--timeout', '-1'], '--timeout'],
    [['http://localhost:8000/', '--origin', PAGE, '--frobnicate'], 'frobnicate'],
  ])('2 for %j, naming the value', async (args, words) => {
    const result = await doctor(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('output', () => {
  it('prints the documented JSON shape with --json', async () => {
    const result = await doctor([`${allowing.origin}/x`, '--origin', PAGE, '--json']);
    const report = JSON.parse(result.stdout) as {
      exchanges: Record<string, unknown>[];
      engines: Record<string, Record<string, unknown>>;
    };
    expect(report.exchanges[0]).toMatchObject({
      kind: 'actual',
      url: `${allowing.origin}/x`,
      origin: PAGE,
      status: 200,
      headers: { 'access-control-allow-origin': PAGE },
    });
    expect(Object.keys(report.engines)).toEqual(['chromium', 'firefox', 'webkit']);
    expect(report.engines.firefox).toMatchObject({
      outcome: 'allowed',
      reason: 'cors-allowed',
      fix: '',
    });
    expect(report.engines.firefox?.readableHeaders).toEqual([]);
  });

  it('has no colour in a pipe, colour on a terminal, none on a terminal with NO_COLOR', async () => {
    const piped = await doctor([`${refusing.origin}/`, '--origin', PAGE]);
    expect(piped.stdout).not.toContain('\u001b[');
    const written: string[] = [];
    const io = (env: NodeJS.ProcessEnv) => ({
      stdout: { isTTY: true, write: (text: string) => written.push(text) },
      stderr: { write: () => true },
      env,
    });
    await main([`${refusing.origin}/`, '--origin', PAGE], io({}));
    expect(written.join('')).toContain('\u001b[31mBLOCKED');
    written.length = 0;
    await main([`${refusing.origin}/`, '--origin', PAGE], io({ NO_COLOR: '1' }));
    expect(written.join('')).not.toContain('\u001b[');
  });
});

describe('a copy of the package', () => {
  it('runs with npx cors-doctor and nothing installed', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'cors-doctor-copy-'));
    try {
      cpSync(join(PACKAGE, 'package.json'), join(copy, 'package.json'));
      cpSync(join(PACKAGE, 'dist', 'cors-doctor.js'), join(copy, 'dist', 'cors-doctor.js'));
      cpSync(join(PACKAGE, 'bin', 'cors-doctor.js'), join(copy, 'bin', 'cors-doctor.js'));
      const result = await doctor([`${allowing.origin}/`, '--origin', PAGE, '--json'], {
        cwd: copy,
        command: ['npx', '--offline', 'cors-doctor'],
      });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toHaveProperty('engines.webkit.outcome', 'allowed');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
