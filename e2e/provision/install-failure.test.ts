import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  RETRY_INSTALL_AFTER_MS,
  forgetInstallFailure,
  recentInstallFailure,
  recordInstallFailure,
} from './install-failure.mjs';

let scratch: string;
let file: string;
const AT = Date.parse('2026-11-28T12:00:00Z');

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'e2e-install-failure-'));
  file = join(scratch, 'nested', 'playwright-install-failed.json');
});

afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('a remembered playwright install failure', () => {
  it('holds for an hour with the same Playwright, and says how long ago and why', () => {
    recordInstallFailure(file, {
      playwright: '1.64.1',
      at: new Date(AT).toISOString(),
      why: 'Error: getaddrinfo ENOTFOUND cdn.playwright.dev',
    });
    expect(recentInstallFailure(file, '1.64.1', AT + 5 * 60_000)).toEqual({
      playwright: '1.64.1',
      at: '2026-11-28T12:00:00.000Z',
      why: 'Error: getaddrinfo ENOTFOUND cdn.playwright.dev',
      agoMs: 300_000,
    });
    expect(recentInstallFailure(file, '1.64.1', AT + RETRY_INSTALL_AFTER_MS)).toBeUndefined();
  });

  it('does not hold for another Playwright, a clock gone back, or once forgotten', () => {
    recordInstallFailure(file, { playwright: '1.64.1', at: new Date(AT).toISOString(), why: 'x' });
    expect(recentInstallFailure(file, '1.65.0', AT + 1_000)).toBeUndefined();
    expect(recentInstallFailure(file, '1.64.1', AT - 1_000)).toBeUndefined();
    forgetInstallFailure(file);
    expect(recentInstallFailure(file, '1.64.1', AT + 1_000)).toBeUndefined();
  });

  it('ignores a missing or unreadable record', () => {
    expect(recentInstallFailure(file, '1.64.1', AT)).toBeUndefined();
    writeFileSync(join(scratch, 'bad.json'), '{ not json');
    expect(recentInstallFailure(join(scratch, 'bad.json'), '1.64.1', AT)).toBeUndefined();
    writeFileSync(join(scratch, 'no-time.json'), '{"playwright":"1.64.1","why":"x"}');
    expect(recentInstallFailure(join(scratch, 'no-time.json'), '1.64.1', AT)).toBeUndefined();
  });
});
