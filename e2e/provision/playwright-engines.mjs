// Playwright's own browser builds: used whenever they are installed or `playwright install` works.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium, firefox, webkit } from '@playwright/test';

const BROWSERS = ['chromium', 'firefox', 'webkit'];
const BROWSER_TYPES = { chromium, firefox, webkit };
// A real download of three browsers takes minutes; an offline machine fails within seconds.
const INSTALL_TIMEOUT_MS = 10 * 60 * 1000;

const require = createRequire(import.meta.url);

function playwrightCli() {
  return join(dirname(require.resolve('@playwright/test/package.json')), 'cli.js');
}

/** The installed @playwright/test's version: a failed install is remembered per version. */
export function playwrightVersion() {
  /** @type {{ version: string }} */
  const manifest = JSON.parse(
    readFileSync(require.resolve('@playwright/test/package.json'), 'utf8'),
  );
  return manifest.version;
}

// The build numbers Playwright pins live in playwright-core's browsers.json.
function pinnedBuilds() {
  const playwrightDir = dirname(
    require.resolve('playwright/package.json', {
      paths: [dirname(require.resolve('@playwright/test/package.json'))],
    }),
  );
  const coreDir = dirname(
    require.resolve('playwright-core/package.json', { paths: [playwrightDir] }),
  );
  /** @type {{ browsers: { name: string, browserVersion?: string, title?: string, revision: string }[] }} */
  const manifest = JSON.parse(readFileSync(join(coreDir, 'browsers.json'), 'utf8'));
  return manifest.browsers;
}

/** @returns {string[]} the Playwright browsers whose executables are not on disk */
export function missingPlaywrightBrowsers() {
  return BROWSERS.filter(
    (name) => !existsSync(BROWSER_TYPES[/** @type {'chromium'} */ (name)].executablePath()),
  );
}

/**
 * Runs `playwright install` (a no-op for builds already there) and, as root, its system deps.
 * @returns {{ ok: true } | { ok: false, why: string }}
 */
export function installPlaywrightBrowsers() {
  const cli = playwrightCli();
  const install = spawnSync(process.execPath, [cli, 'install', ...BROWSERS], {
    encoding: 'utf8',
    timeout: INSTALL_TIMEOUT_MS,
  });
  if (install.status !== 0) {
    const lastLine = `${install.stderr}\n${install.stdout}`
      .trim()
      .split('\n')
      .find((line) => line.startsWith('Error:'));
    return { ok: false, why: lastLine ?? `exit ${install.status ?? install.signal}` };
  }
  if (process.getuid?.() === 0) {
    const deps = spawnSync(process.execPath, [cli, 'install-deps', ...BROWSERS], {
      stdio: 'inherit',
    });
    if (deps.status !== 0) {
      return {
        ok: false,
        why: `playwright install-deps failed (exit ${deps.status ?? deps.signal})`,
      };
    }
  }
  const missing = missingPlaywrightBrowsers();
  return missing.length === 0
    ? { ok: true }
    : { ok: false, why: `still missing: ${missing.join(', ')}` };
}

/** @returns {import('./choice.mjs').EngineChoice['engines']} */
export function describePlaywrightEngines() {
  const builds = pinnedBuilds();
  /** @param {string} name */
  const build = (name) => {
    const entry = builds.find((candidate) => candidate.name === name);
    const executablePath = BROWSER_TYPES[/** @type {'chromium'} */ (name)].executablePath();
    return {
      product: `${entry?.title ?? name} (playwright ${name} v${entry?.revision})`,
      version: entry?.browserVersion ?? 'unknown',
      executablePath,
    };
  };
  return { chromium: build('chromium'), firefox: build('firefox'), webkit: build('webkit') };
}
