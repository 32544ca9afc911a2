// What /matrix publishes once every scenario ran, read back by the e2e suite and the docs writer.
import type { Prediction } from '@cors-lab/cors-predict';
import type { Engine, Expectation, PageOriginRole, TargetRole } from '../types.js';
import type { Check, Observation, ServerView } from './judge.js';

/** Everything the matrix reports about one scenario, run once from one page origin. */
export interface ScenarioResult {
  id: string;
  title: string;
  category: string;
  runId: string;
  /** The author's expectation for this page origin and engine. */
  expected: Expectation;
  /** Set when this engine has a documented difference that replaced the common expectation. */
  engineNote?: { note: string; source: string };
  /** What the page saw of the last request (the only one unless the scenario repeats it). */
  observed: Observation;
  /** What predict() says, judging the headers the server actually sent (from the request log). */
  predicted: Pick<
    Prediction,
    'outcome' | 'reason' | 'explanation' | 'fix' | 'preflight' | 'reachesServer'
  >;
  /** What the request logs show; absent when no server keeps a log there (a closed port). */
  server?: ServerView;
  /** Every request of the run the logs recorded, across servers, in order. */
  reached: { target: TargetRole; method: string; path: string; origin?: string; status: number }[];
  checks: Check[];
  /** Every check passed: observed == expected. */
  pass: boolean;
  /** predicted.outcome == observed.outcome. */
  predictionAgrees: boolean;
  explanation: string;
  fix: string;
  durationMs: number;
}

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

/**
 * Parses what a /matrix page published and checks the fields readers rely on, so a change to the
 * page's output fails here with the field named rather than as a wrong verdict later.
 */
export function parseMatrixReport(json: string | null, pageUrl: string): MatrixReport {
  if (!json) {
    throw new Error(`${pageUrl} reached data-state="done" but has no #results script element.`);
  }
  const report = JSON.parse(json) as MatrixReport;
  const missing = ['pageOrigin', 'page', 'engine', 'durationMs', 'results'].filter(
    (field) => !(field in report),
  );
  if (missing.length > 0 || !Array.isArray(report.results)) {
    throw new Error(
      `${pageUrl} published results without ${missing.join(', ') || 'a results array'}; ` +
        'expected the MatrixReport shape of @cors-lab/scenarios (contracts/matrix-report.ts).',
    );
  }
  for (const result of report.results) {
    for (const field of ['id', 'runId', 'observed', 'predicted', 'checks'] as const) {
      if (result[field] === undefined) {
        throw new Error(
          `${pageUrl} published scenario ${result.id ?? '(no id)'} without "${field}"; expected the ScenarioResult shape of @cors-lab/scenarios.`,
        );
      }
    }
  }
  return report;
}
