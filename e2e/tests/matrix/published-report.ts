// The part of what /matrix publishes in `<script type="application/json" id="results">` that the
// suite reads (the full shape is MatrixReport in apps/web/lib/matrix-report.ts).
import type { Engine, Expectation, ExpectedOutcome, PageOriginRole } from '@cors-lab/scenarios';

export interface PublishedCheck {
  name: string;
  expected: unknown;
  observed: unknown;
  pass: boolean;
}

export interface PublishedResult {
  id: string;
  title: string;
  category: string;
  runId: string;
  expected: Expectation;
  engineNote?: { note: string; source: string };
  observed: {
    outcome: ExpectedOutcome;
    status?: number;
    body?: unknown;
    readableHeaders: string[];
    error?: { name: string; message: string };
  };
  predicted: { outcome: ExpectedOutcome; reason?: string; explanation?: string };
  server?: { preflights: number; actual: number };
  checks: PublishedCheck[];
  pass: boolean;
  predictionAgrees: boolean;
}

export interface PublishedReport {
  pageOrigin: string;
  page: PageOriginRole;
  engine: Engine | 'unknown';
  userAgent: string;
  durationMs: number;
  total: number;
  results: PublishedResult[];
}

/**
 * Parses the page's JSON and checks the fields the suite relies on, so a change to the page's
 * output fails here with the field named rather than as a wrong verdict later.
 */
export function parsePublishedReport(json: string | null, pageUrl: string): PublishedReport {
  if (!json) {
    throw new Error(`${pageUrl} reached data-state="done" but has no #results script element.`);
  }
  const report = JSON.parse(json) as PublishedReport;
  const missing = ['pageOrigin', 'page', 'engine', 'durationMs', 'results'].filter(
    (field) => !(field in report),
  );
  if (missing.length > 0 || !Array.isArray(report.results)) {
    throw new Error(
      `${pageUrl} published results without ${missing.join(', ') || 'a results array'}; ` +
        'expected the MatrixReport shape of apps/web/lib/matrix-report.ts.',
    );
  }
  for (const result of report.results) {
    for (const field of ['id', 'runId', 'observed', 'predicted', 'checks'] as const) {
      if (result[field] === undefined) {
        throw new Error(
          `${pageUrl} published scenario ${result.id ?? '(no id)'} without "${field}"; expected the ScenarioResult shape of apps/web/lib/run-scenario.ts.`,
        );
      }
    }
  }
  return report;
}
