// Compares what an engine did with what the catalogue's author expects and what predict() said,
// and words every difference as one line naming the scenario.
import {
  SCENARIOS,
  expectationFor,
  type Engine,
  type Expectation,
  type PageOriginRole,
  type Scenario,
} from '@cors-lab/scenarios';
import type { PublishedReport, PublishedResult } from './published-report.js';

const json = (value: unknown) => JSON.stringify(value) ?? 'undefined';

function describe(result: PublishedResult, expected: Expectation | undefined): string {
  const error = result.observed.error
    ? ` (engine error: ${result.observed.error.name}: ${result.observed.error.message})`
    : '';
  return (
    `${result.id}: expected ${expected?.outcome ?? '(none)'}, predicted ${result.predicted.outcome}, ` +
    `observed ${result.observed.outcome}${error}`
  );
}

/** Every fact of the author's expectation the engine did not show, as `what: expected X, saw Y`. */
function differences(expected: Expectation, result: PublishedResult): string[] {
  const found: string[] = [];
  const { observed, server } = result;
  if (observed.outcome !== expected.outcome) found.push('outcome differs');
  if (expected.outcome === 'allowed' && observed.outcome === 'allowed') {
    if (expected.status !== undefined && observed.status !== expected.status) {
      found.push(`status: expected ${expected.status}, saw ${json(observed.status)}`);
    }
    const body = (observed.body ?? {}) as Record<string, unknown>;
    for (const [field, value] of Object.entries(expected.body ?? {})) {
      if (json(body[field]) !== json(value)) {
        found.push(`body.${field}: expected ${json(value)}, saw ${json(body[field])}`);
      }
    }
  }
  if (expected.server) {
    const seen = server ? `${server.preflights} preflights, ${server.actual} actual` : 'no log';
    if (
      server?.preflights !== expected.server.preflights ||
      server.actual !== expected.server.actual
    ) {
      found.push(
        `server log: expected ${expected.server.preflights} preflights, ${expected.server.actual} actual, saw ${seen}`,
      );
    }
  }
  if (json(result.expected) !== json(expected)) {
    found.push(
      `the page judged against ${json(result.expected)} instead of the catalogue's ${json(expected)}`,
    );
  }
  // The page's own checks also cover readable/hidden headers and redirect hops.
  for (const check of result.checks.filter((c) => !c.pass)) {
    found.push(
      `page check ${check.name}: expected ${json(check.expected)}, saw ${json(check.observed)}`,
    );
  }
  return found;
}

/**
 * The line saying how one result differs from what the author expects for this page origin and
 * engine (per-engine differences applied), or undefined when it agrees in every fact.
 */
export function scenarioDisagreement(
  scenario: Scenario,
  result: PublishedResult | undefined,
  engine: Engine,
  page: PageOriginRole,
): string | undefined {
  const expected = expectationFor(scenario, page, engine);
  if (!result)
    return `${scenario.id}: the catalogue runs it from ${page}, but the page published no result`;
  if (!expected) return `${scenario.id}: the catalogue has no expectation for ${page}`;
  const found = differences(expected, result);
  return found.length > 0 ? `${describe(result, expected)}; ${found.join('; ')}` : undefined;
}

/** Every scenario's disagreement, plus scenarios the page ran that the catalogue does not list. */
export function disagreementsWithCatalogue(
  report: PublishedReport,
  engine: Engine,
  page: PageOriginRole,
): string[] {
  const results = new Map(report.results.map((result) => [result.id, result]));
  const applicable = SCENARIOS.filter((scenario) => scenario.pageOrigins.includes(page));
  const lines = applicable
    .map((scenario) => scenarioDisagreement(scenario, results.get(scenario.id), engine, page))
    .filter((line) => line !== undefined);
  const known = new Set(applicable.map((scenario) => scenario.id));
  for (const result of report.results.filter((r) => !known.has(r.id))) {
    lines.push(`${result.id}: the page ran it, but the catalogue does not run it from ${page}`);
  }
  return lines;
}

/** One line per scenario where predict(), judging the headers the server sent, missed the engine's outcome. */
export function disagreementsWithPrediction(
  report: PublishedReport,
  engine: Engine,
  page: PageOriginRole,
): string[] {
  return report.results
    .filter((result) => result.predicted.outcome !== result.observed.outcome)
    .map((result) => {
      const scenario = SCENARIOS.find((candidate) => candidate.id === result.id);
      const expected = scenario && expectationFor(scenario, page, engine);
      return `${describe(result, expected)}; predict() reason: ${result.predicted.reason ?? '(none)'}`;
    });
}
