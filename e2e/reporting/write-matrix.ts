// `pnpm --filter @cors-lab/e2e report`: regenerates docs/browser-matrix.{md,json} from the last run.
import { MATRIX_RESULTS_DIR } from '../matrix/matrix-run.js';
import { writeMatrixDocs } from './matrix-docs.js';

const outcome = writeMatrixDocs();
if (outcome.written) {
  console.log(`Wrote ${outcome.files.join(' and ')}.`);
} else {
  console.error(
    `${MATRIX_RESULTS_DIR} lacks the runs ${outcome.missing.join(', ')}; the docs were left as they are. ` +
      'Run the whole suite first: CI=true pnpm --filter @cors-lab/e2e test:e2e',
  );
  process.exitCode = 1;
}
