import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';
import { ConfigError } from './env.js';

const ENTRY = fileURLToPath(new URL('./index.ts', import.meta.url));
const API_DIR = fileURLToPath(new URL('..', import.meta.url));

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real entry point (through tsx) with only `env` and PATH; `whenReady` runs once it listens. */
function runEntry(env: Record<string, string>, whenReady?: (pid: number) => void): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
      cwd: API_DIR,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    // tsx compiles the entry on start: on a busy 2-core machine that alone took 15-20 s.
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (whenReady && stdout.includes('listening on')) {
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
  it('defaults to port 8000 and allows only the web origin, with credentials', () => {
    const config = readConfig({});
    expect(config.port).toBe(8000);
    expect([...config.policy.exactOrigins]).toEqual(['http://localhost:3000']);
    expect(config.policy.credentials).toBe(true);
  });

  it('allows WEB_ORIGIN when CORS_ALLOWED_ORIGINS is unset', () => {
    const config = readConfig({ WEB_ORIGIN: 'https://app.example.com' });
    expect([...config.policy.exactOrigins]).toEqual(['https://app.example.com']);
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

  it('refuses an empty list entry, a non-boolean, an out-of-range port and a non-origin, naming each variable', () => {
    expect(() => readConfig({ CORS_ALLOWED_ORIGINS: 'http://a.test,,http://b.test' })).toThrow(
      /CORS_ALLOWED_ORIGINS="http:\/\/a.test,,http:\/\/b.test" has an empty entry/,
    );
    expect(() => readConfig({ CORS_CREDENTIALS: 'yes' })).toThrow(
      /CORS_CREDENTIALS="yes" is not a boolean: use "true" or "false"/,
    );
    expect(() => readConfig({ PORT: '70000' })).toThrow(
      /PORT="70000" is invalid: expected a whole number from 0 to 65535/,
    );
    expect(() => readConfig({ WEB_ORIGIN: 'localhost:3000' })).toThrow(
      /WEB_ORIGIN="localhost:3000"/,
    );
    expect(() => readConfig({ WEB_ORIGIN: 'http://localhost:3000/' })).toThrow(
      /e\.g\. "http:\/\/localhost:3000"/,
    );
  });
});

describe('the entry point', () => {
  it('exits 1 with the policy message when CORS_ALLOWED_ORIGINS is * and credentials are on', async () => {
    const exit = await runEntry({ CORS_ALLOWED_ORIGINS: '*', PORT: '0' });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toMatch(/^api: Invalid CORS configuration \(CORS_ALLOWED_ORIGINS="\*"/);
    expect(exit.stdout).not.toContain('listening');
  }, 90_000);

  it('listens and exits 0 on SIGTERM', async () => {
    const exit = await runEntry({ PORT: '0' }, (pid) => process.kill(pid, 'SIGTERM'));
    expect(exit.code).toBe(0);
    expect(exit.stdout).toContain('api: api listening');
    expect(exit.stdout).toContain('SIGTERM received, closing the listener');
  }, 90_000);
});
