// After every run: prints how long each engine took to run the catalogue per page origin, and
// rewrites docs/browser-matrix.{md,json} when the run covered every engine and page origin
// (a partial run, e.g. --project chromium, leaves the committed docs alone).
import type { Reporter } from '@playwright/test/reporter';
import { readMatrixRuns, writeMatrixDocs } from './matrix-docs.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export default class MatrixReporter implements Reporter {
  private testsRun = 0;

  printsToStdio(): boolean {
    return false;
  }

  onTestEnd(): void {
    this.testsRun++;
  }

  onEnd(): void {
    // `--list`, or a run stopped before any test: what test-results holds is an earlier run's.
    if (this.testsRun === 0) return;
    const runs = readMatrixRuns();
    if (runs.length === 0) return;
    const lines = ['Matrix (one page load per engine and page origin):'];
    for (const project of [...new Set(runs.map((run) => run.project))]) {
      const own = runs.filter((run) => run.project === project);
      const total = own.reduce((sum, run) => sum + run.loadMs, 0);
      const scenarios = own.reduce((sum, run) => sum + run.report.results.length, 0);
      const each = own
        .map((run) => `${run.pageOrigin} ${run.report.results.length} in ${seconds(run.loadMs)}`)
        .join(', ');
      lines.push(
        `  ${project.padEnd(18)} ${scenarios} scenario runs in ${seconds(total)}: ${each}`,
      );
    }
    // Servers started elsewhere (test:docker's containers) listen on other ports than the docs show.
    if (process.env.E2E_EXTERNAL_SERVERS === '1') {
      lines.push('  docs/browser-matrix.* left as they are: the servers were external');
    } else {
      const outcome = writeMatrixDocs(runs);
      lines.push(
        outcome.written
          ? `  wrote ${outcome.files.join(' and ')}`
          : `  docs/browser-matrix.* left as they are: this run lacks ${outcome.missing.join(', ')}`,
      );
    }
    console.log(lines.join('\n'));
  }
}
