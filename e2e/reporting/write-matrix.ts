// `pnpm --filter @cors-lab/e2e report [folder ...]`: regenerates docs/browser-matrix.{md,json}
// from the last run's test-results, or merges the test-results folders of several shards.
import { MATRIX_RESULTS_DIR } from '../matrix/matrix-run.js';
import { collectResults, writeMatrixDocs } from './matrix-docs.js';

const folders = process.argv.slice(2);
try {
  const outcome =
    folders.length > 0
      ? (() => {
          const { runs, phases } = collectResults(folders);
          return writeMatrixDocs(runs, phases);
        })()
      : writeMatrixDocs();
  if (outcome.written) {
    console.log(`Wrote ${outcome.files.join(' and ')}.`);
  } else {
    console.error(
      `${folders.length > 0 ? folders.join(', ') : MATRIX_RESULTS_DIR} lack the runs ${outcome.missing.join(', ')}; the docs were left as they are. ` +
        'Run the whole suite first (CI=true pnpm --filter @cors-lab/e2e test:e2e), or pass every shard’s test-results folder.',
    );
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
