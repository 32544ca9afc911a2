import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';

const ENTRY = fileURLToPath(new URL('./index.ts', import.meta.url));
const API_DIR = fileURLToPath(new URL('..', import.meta.url));

describe('readConfig', () => {
  it('adds the alt port 8001 with the alt-port origin, and a 2,000-entry log, to the template’s settings', () => {
    const config = readConfig({});
    expect([config.port, config.altPort, config.logCapacity]).toEqual([8000, 8001, 2000]);
    expect([...config.policy.exactOrigins]).toEqual(['http://localhost:3000']);
    expect([...config.altPolicy.exactOrigins]).toEqual(['http://localhost:3001']);
  });

  it('names the variable of a lab origin that is not a bare origin', () => {
    expect(() => readConfig({ API_ALT_PORT_ORIGIN: 'localhost:8001' })).toThrow(
      /API_ALT_PORT_ORIGIN/,
    );
    expect(() => readConfig({ REQUEST_LOG_SIZE: '0' })).toThrow(/REQUEST_LOG_SIZE="0"/);
  });
});

describe('the entry point', () => {
  it('listens on the http ports and the https port, and exits 0 on SIGTERM', async () => {
    const certsDir = mkdtempSync(join(tmpdir(), 'lab-api-certs-'));
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
      cwd: API_DIR,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        ALT_PORT: '0',
        API_TLS_PORT: '0',
        LAB_CERTS_DIR: certsDir,
      },
    });
    let stdout = '';
    let signalled = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!signalled && (stdout.match(/listening on/g) ?? []).length === 3) {
        signalled = true;
        child.kill('SIGTERM');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearTimeout(timer);
    rmSync(certsDir, { recursive: true, force: true });
    expect(code).toBe(0);
    expect(stdout).toContain('lab-api: main listening on http://');
    expect(stdout).toContain('lab-api: alt listening on http://');
    expect(stdout).toContain('lab-api: tls listening on https://');
    expect(stdout).toContain('SIGTERM received, closing all 3 listeners');
  }, 30_000);
});
