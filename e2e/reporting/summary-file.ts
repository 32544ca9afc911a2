import { fileURLToPath } from 'node:url';

/** Where the run summary (engines, phases, floor and ratio) is written after every run. */
export const SUMMARY_FILE = fileURLToPath(
  new URL('../test-results/engine-summary.json', import.meta.url),
);
