// Reads the saved /matrix runs and writes docs/browser-matrix.md and docs/browser-matrix.json.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MATRIX_RESULTS_DIR, type MatrixRun } from '../matrix/matrix-run.js';
import { browserMatrixMarkdown } from './browser-matrix-markdown.js';
import { buildBrowserMatrix, missingRuns, type BrowserMatrix } from './browser-matrix.js';

const DOCS_DIR = fileURLToPath(new URL('../../docs/', import.meta.url));

export function readMatrixRuns(dir = MATRIX_RESULTS_DIR): MatrixRun[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as MatrixRun);
}

export type WriteOutcome =
  { written: true; matrix: BrowserMatrix; files: string[] } | { written: false; missing: string[] };

/** Writes the docs when every engine ran from every page origin; otherwise leaves them alone. */
export function writeMatrixDocs(runs = readMatrixRuns()): WriteOutcome {
  const missing = missingRuns(runs);
  if (missing.length > 0) return { written: false, missing };
  const matrix = buildBrowserMatrix(runs, new Date().toISOString().slice(0, 10));
  mkdirSync(DOCS_DIR, { recursive: true });
  const files = [join(DOCS_DIR, 'browser-matrix.json'), join(DOCS_DIR, 'browser-matrix.md')];
  writeFileSync(files[0]!, `${JSON.stringify(matrix, null, 2)}\n`);
  writeFileSync(files[1]!, browserMatrixMarkdown(matrix));
  return { written: true, matrix, files };
}
