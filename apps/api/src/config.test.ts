import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.js';

const ENTRY = fileURLToPath(new URL('./index.ts', import.meta.url));
const API_DIR = fileURLToPath(new URL('..', import.meta.url));

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real entry point (through tsx) with only `env` and PATH; `whenReady` runs once both ports listen. */
function runEntry(env: Record<string, string>, whenReady?: (pid: number) => void): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
      cwd: API_DIR,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (whenReady && (stdout.match(/listening on/g) ?? []).length === 2) {
        whenReady(child.pid!);
        whenReady = undefined;
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('readConfig', () => {
  it('defaults to ports 8000 and 8001, the web origin for :8000 and the alt-port origin for :8001', () => {
    const config = readConfig({});
    expect([config.port, config.altPort, config.logCapacity]).toEqual([8000, 8001, 2000]);
    expect([...config.policy.exactOrigins]).toEqual(['http://localhost:3000']);
    expect([...config.altPolicy.exactOrigins]).toEqual(['http://localhost:3001']);
    expect(config.policy.credentials).toBe(true);
  });

  it('reads a comma-separated allow-list with spaces, patterns included', () => {
    const config = readConfig({
      CORS_ALLOWED_ORIGINS: ' https://app.example.com , https://*.example.org ',
    });
    expect([...config.policy.exactOrigins]).toEqual(['https://app.example.com']);
    expect(config.policy.originPatterns).toHaveLength(1);
  });

  it('refuses * with credentials, quoting the variables and the policy error', () => {
    expect(() => readConfig({ CORS_ALLOWED_ORIGINS: '*', CORS_CREDENTIALS: 'true' })).toThrow(
      /^Invalid CORS configuration \(CORS_ALLOWED_ORIGINS="\*", CORS_CREDENTIALS="true"\): .+/,
    );
  });

  it('refuses an origin with a trailing slash', () => {
    expect(() => readConfig({ CORS_ALLOWED_ORIGINS: 'http://localhost:3000/' })).toThrow(
      ConfigError,
    );
  });

  it('refuses an empty list entry, a non-boolean and an out-of-range port, naming each variable', () => {
    expect(() => readConfig({ CORS_ALLOWED_ORIGINS: 'http://a.test,,http://b.test' })).toThrow(
      /CORS_ALLOWED_ORIGINS="http:\/\/a.test,,http:\/\/b.test" has an empty entry/,
    );
    expect(() => readConfig({ CORS_CREDENTIALS: 'yes' })).toThrow(
      /CORS_CREDENTIALS="yes" is not a boolean: use "true" or "false"/,
    );
    expect(() => readConfig({ PORT: '70000' })).toThrow(
      /PORT="70000" is invalid: expected a whole number from 0 to 65535/,
    );
    expect(() => readConfig({ WEB_ORIGIN: 'localhost:3000' })).toThrow(/WEB_ORIGIN/);
  });
});

describe('the entry point', () => {
  it('exits 1 with the policy message when CORS_ALLOWED_ORIGINS is * and credentials are on', async () => {
    const exit = await runEntry({ CORS_ALLOWED_ORIGINS: '*', PORT: '0', ALT_PORT: '0' });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toMatch(/^api: Invalid CORS configuration \(CORS_ALLOWED_ORIGINS="\*"/);
    expect(exit.stdout).not.toContain('listening');
  }, 30_000);

  it('listens on both ports and exits 0 on SIGTERM', async () => {
    const exit = await runEntry({ PORT: '0', ALT_PORT: '0' }, (pid) =>
      process.kill(pid, 'SIGTERM'),
    );
    expect(exit.code).toBe(0);
    expect(exit.stdout).toContain('api: main listening');
    expect(exit.stdout).toContain('api: alt listening');
    expect(exit.stdout).toContain('SIGTERM received, closing both listeners');
  }, 30_000);
});
