#!/usr/bin/env node
// Decides which engines the e2e run uses and writes the choice (with exact versions) to
// .cache/engines.json. Playwright's own browsers when installed or installable, else Debian's.
// E2E_ENGINES=playwright|debian forces one source; a missing engine fails the run loudly.
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CHOICE_FILE, writeChoice } from './choice.mjs';
import { describeDebianEngines, installDebianEngines } from './debian-engines.mjs';
import {
  RETRY_INSTALL_AFTER_MS,
  forgetInstallFailure,
  recentInstallFailure,
  recordInstallFailure,
} from './install-failure.mjs';
import {
  describePlaywrightEngines,
  installPlaywrightBrowsers,
  missingPlaywrightBrowsers,
  playwrightVersion,
} from './playwright-engines.mjs';

const SOURCES = ['auto', 'playwright', 'debian'];
const wanted = process.env.E2E_ENGINES || 'auto';
const INSTALL_FAILED_FILE = join(dirname(CHOICE_FILE), 'playwright-install-failed.json');

/** @returns {{ source: import('./choice.mjs').EngineSource, reason: string }} */
function decide() {
  if (!SOURCES.includes(wanted)) {
    throw new Error(
      `E2E_ENGINES is "${wanted}"; expected one of ${SOURCES.join(', ')} (unset means auto).`,
    );
  }
  if (wanted === 'debian') return { source: 'debian', reason: 'E2E_ENGINES=debian' };
  if (missingPlaywrightBrowsers().length === 0) {
    return { source: 'playwright', reason: "Playwright's browsers are installed" };
  }
  const version = playwrightVersion();
  const failed =
    wanted === 'auto' && recentInstallFailure(INSTALL_FAILED_FILE, version, Date.now());
  if (failed) {
    const minutes = Math.round(failed.agoMs / 60_000);
    return {
      source: 'debian',
      reason: `playwright install failed ${minutes} min ago (${failed.why}); not tried again within ${RETRY_INSTALL_AFTER_MS / 60_000} min (E2E_ENGINES=playwright tries now); using Debian's engines`,
    };
  }
  const started = performance.now();
  const install = installPlaywrightBrowsers();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (install.ok) {
    forgetInstallFailure(INSTALL_FAILED_FILE);
    return { source: 'playwright', reason: `playwright install succeeded (${seconds} s)` };
  }
  recordInstallFailure(INSTALL_FAILED_FILE, {
    playwright: version,
    at: new Date().toISOString(),
    why: install.why,
  });
  if (wanted === 'playwright') {
    throw new Error(
      `E2E_ENGINES=playwright but \`playwright install chromium firefox webkit\` failed: ${install.why}. ` +
        "Run it by hand to see why, or unset E2E_ENGINES to fall back to Debian's engines.",
    );
  }
  return {
    source: 'debian',
    reason: `playwright install failed after ${seconds} s (${install.why}); using Debian's engines`,
  };
}

try {
  const { source, reason } = decide();
  if (source === 'debian') {
    installDebianEngines();
  }
  const engines = source === 'debian' ? describeDebianEngines() : describePlaywrightEngines();
  writeChoice({ source, reason, decidedAt: new Date().toISOString(), engines });
  console.log(`provision: ${source} engines (${reason}) -> ${CHOICE_FILE}`);
  for (const [name, build] of Object.entries(engines)) {
    console.log(
      `  ${name.padEnd(8)} ${build.product} ${build.version}${build.package ? ` [${build.package}]` : ''}`,
    );
  }
} catch (error) {
  console.error(`provision: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
