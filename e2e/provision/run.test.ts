import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineChoice } from './choice.mjs';

const RUN = fileURLToPath(new URL('./run.mjs', import.meta.url));

let scratch: string;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'e2e-provision-'));
});

afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function provision(env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [RUN], {
    encoding: 'utf8',
    env: { ...process.env, E2E_ENGINE_CHOICE: join(scratch, 'engines.json'), ...env },
  });
}

// Where Playwright itself expects its builds under a given browsers path.
function playwrightExecutables(browsersPath: string): Record<string, string> {
  const script =
    "import('@playwright/test').then((pw) => console.log(JSON.stringify({ chromium: pw.chromium.executablePath(), firefox: pw.firefox.executablePath(), webkit: pw.webkit.executablePath() })))";
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    cwd: dirname(RUN),
    env: { ...process.env, PLAYWRIGHT_BROWSERS_PATH: browsersPath },
  });
  return JSON.parse(result.stdout) as Record<string, string>;
}

describe('provision/run.mjs', () => {
  it("chooses Playwright's own browsers when all three are installed, with their pinned versions", () => {
    const browsersPath = join(scratch, 'browsers');
    const executables = playwrightExecutables(browsersPath);
    for (const file of Object.values(executables)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, '');
    }

    const result = provision({ PLAYWRIGHT_BROWSERS_PATH: browsersPath, E2E_ENGINES: 'auto' });

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("playwright engines (Playwright's browsers are installed)");
    const choice = JSON.parse(readFileSync(join(scratch, 'engines.json'), 'utf8')) as EngineChoice;
    expect(choice.source).toBe('playwright');
    expect(choice.engines.chromium.executablePath).toBe(executables.chromium);
    expect(choice.engines.webkit.executablePath).toBe(executables.webkit);
    expect(choice.engines.chromium.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(choice.engines.firefox.product).toMatch(/\(playwright firefox v\d+\)$/);
  }, 30_000);

  it('refuses an unknown E2E_ENGINES value, naming it and the accepted ones', () => {
    const result = provision({ E2E_ENGINES: 'sometimes' });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'E2E_ENGINES is "sometimes"; expected one of auto, playwright, debian',
    );
  }, 30_000);
});
