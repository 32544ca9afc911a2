// The engines a run uses, decided once by provision/run.mjs and read by the config and reports.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {'chromium' | 'firefox' | 'webkit'} EngineName
 * @typedef {'playwright' | 'debian'} EngineSource
 * @typedef {{
 *   product: string,
 *   version: string,
 *   package?: string,
 *   executablePath: string,
 *   driverPath?: string,
 *   xvfbPath?: string,
 * }} EngineBuild
 * @typedef {{
 *   source: EngineSource,
 *   reason: string,
 *   decidedAt: string,
 *   engines: Record<EngineName, EngineBuild>,
 * }} EngineChoice
 */

// E2E_ENGINE_CHOICE moves it, so provisioning can be tested without touching the real choice.
export const CHOICE_FILE =
  process.env.E2E_ENGINE_CHOICE ??
  join(dirname(fileURLToPath(import.meta.url)), '..', '.cache', 'engines.json');

/** @param {EngineChoice} choice */
export function writeChoice(choice) {
  mkdirSync(dirname(CHOICE_FILE), { recursive: true });
  writeFileSync(CHOICE_FILE, `${JSON.stringify(choice, null, 2)}\n`);
}

/** @returns {EngineChoice} */
export function readChoice() {
  let text;
  try {
    text = readFileSync(CHOICE_FILE, 'utf8');
  } catch {
    throw new Error(
      `No engine choice at ${CHOICE_FILE}. Run \`node provision/run.mjs\` in e2e/ first, ` +
        'or run the suite with `pnpm --filter @cors-lab/e2e test:e2e`, which does it for you.',
    );
  }
  return JSON.parse(text);
}
