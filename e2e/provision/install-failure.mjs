// Remembers a failed `playwright install`: an offline machine fails the same way on every run, after
// 3-30 s of trying, so auto provisioning does not try again for an hour with the same Playwright.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** How long a failed install is not tried again (E2E_ENGINES=playwright always tries). */
export const RETRY_INSTALL_AFTER_MS = 60 * 60 * 1000;

/**
 * @typedef {{ playwright: string, at: string, why: string }} InstallFailure
 */

/**
 * The failure recorded in `file` if it is recent and was Playwright `version`'s, else undefined.
 * @param {string} file
 * @param {string} version
 * @param {number} now epoch milliseconds
 * @returns {InstallFailure & { agoMs: number } | undefined}
 */
export function recentInstallFailure(file, version, now) {
  /** @type {Partial<InstallFailure>} */
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const at = Date.parse(recorded.at ?? '');
  const agoMs = now - at;
  if (recorded.playwright !== version || !Number.isFinite(at) || agoMs < 0) return undefined;
  if (agoMs >= RETRY_INSTALL_AFTER_MS) return undefined;
  return { playwright: version, at: recorded.at ?? '', why: recorded.why ?? '?', agoMs };
}

/**
 * @param {string} file
 * @param {InstallFailure} failure
 */
export function recordInstallFailure(file, failure) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(failure, null, 2)}\n`);
}

/** @param {string} file */
export function forgetInstallFailure(file) {
  rmSync(file, { force: true });
}
