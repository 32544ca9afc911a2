// Reads the saved /matrix runs (of one run, or of several shards) and writes docs/browser-matrix.md
// and docs/browser-matrix.json.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MATRIX_RESULTS_DIR, matrixRunFile, type MatrixRun } from '../matrix/matrix-run.js';
import { browserMatrixMarkdown } from './browser-matrix-markdown.js';
import { buildBrowserMatrix, missingRuns, type BrowserMatrix } from './browser-matrix.js';
import type { RunPhases } from './run-phases.js';
import { SUMMARY_FILE } from './summary-file.js';

const DOCS_DIR = fileURLToPath(new URL('../../docs/', import.meta.url));

export function readMatrixRuns(dir = MATRIX_RESULTS_DIR): MatrixRun[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as MatrixRun);
}

/** The phases a run's summary recorded (reporting/engine-summary.ts), if it wrote one. */
export function readRunPhases(summaryFile = SUMMARY_FILE): RunPhases | undefined {
  if (!existsSync(summaryFile)) return undefined;
  return (JSON.parse(readFileSync(summaryFile, 'utf8')) as { phases?: RunPhases }).phases;
}

export interface CollectedRuns {
  runs: MatrixRun[];
  /** One per run or shard that left a summary. */
  phases: RunPhases[];
}

/**
 * The runs and phases of several result folders, e.g. the `test-results` of each shard: a folder
 * holds `matrix/*.json` and `engine-summary.json`. The same engine and page origin twice is refused.
 */
export function collectResults(folders: readonly string[]): CollectedRuns {
  const runs: MatrixRun[] = [];
  const phases: RunPhases[] = [];
  const seen = new Map<string, string>();
  for (const folder of folders.map((one) => resolve(one))) {
    const matrixDir = join(folder, 'matrix');
    if (!existsSync(matrixDir)) {
      throw new Error(
        `${folder} has no matrix/ folder; pass the test-results folder of each run or shard (it holds matrix/*.json and engine-summary.json).`,
      );
    }
    for (const run of readMatrixRuns(matrixDir)) {
      const key = matrixRunFile(run.project, run.pageOrigin);
      const earlier = seen.get(key);
      if (earlier) {
        throw new Error(
          `${run.project} from ${run.pageOrigin} is in both ${earlier} and ${folder}; pass each shard's results once.`,
        );
      }
      seen.set(key, folder);
      runs.push(run);
    }
    const phase = readRunPhases(join(folder, 'engine-summary.json'));
    if (phase) phases.push(phase);
  }
  return { runs, phases };
}

export type WriteOutcome =
  { written: true; matrix: BrowserMatrix; files: string[] } | { written: false; missing: string[] };

/** Writes the docs when every engine ran from every page origin; otherwise leaves them alone. */
export function writeMatrixDocs(
  runs = readMatrixRuns(),
  phases: RunPhases[] = [readRunPhases()].filter((phase) => phase !== undefined),
): WriteOutcome {
  const missing = missingRuns(runs);
  if (missing.length > 0) return { written: false, missing };
  const matrix = buildBrowserMatrix(runs, new Date().toISOString().slice(0, 10), phases);
  mkdirSync(DOCS_DIR, { recursive: true });
  const files = [join(DOCS_DIR, 'browser-matrix.json'), join(DOCS_DIR, 'browser-matrix.md')];
  writeFileSync(files[0]!, `${JSON.stringify(matrix, null, 2)}\n`);
  writeFileSync(files[1]!, browserMatrixMarkdown(matrix));
  return { written: true, matrix, files };
}
