import type { Engine, PageOriginRole } from '@cors-lab/scenarios';
import type { ScenarioResult } from './run-scenario';

/** What /matrix publishes in `<script type="application/json" id="results">` once every scenario ran. */
export interface MatrixReport {
  /** `window.location.origin` of the page that ran the catalogue. */
  pageOrigin: string;
  /** The lab's name for that origin. */
  page: PageOriginRole;
  engine: Engine | 'unknown';
  userAgent: string;
  /** ISO time the first scenario started. */
  startedAt: string;
  /** Wall time for the whole catalogue, in milliseconds. */
  durationMs: number;
  total: number;
  /** Scenarios whose every check passed (observed == expected). */
  passed: number;
  failed: number;
  /** Scenarios where predict() disagrees with what the engine did. */
  predictionDisagreements: number;
  results: ScenarioResult[];
}

export function buildReport(
  fields: Omit<MatrixReport, 'total' | 'passed' | 'failed' | 'predictionDisagreements'>,
): MatrixReport {
  const passed = fields.results.filter((result) => result.pass).length;
  return {
    ...fields,
    total: fields.results.length,
    passed,
    failed: fields.results.length - passed,
    predictionDisagreements: fields.results.filter((result) => !result.predictionAgrees).length,
  };
}

/** JSON safe to put inside a `<script>` element: `<` is escaped so no `</script>` can end it early. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}
