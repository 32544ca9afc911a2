// Judges again, from Node, what an engine did: the catalogue's expectation for this page origin and
// engine against what the page published, with the same judge the page runs (so a page that judged
// against the wrong expectation, or skipped a fact, is caught), and words every difference as one
// line naming the scenario.
import {
  SCENARIOS,
  compare,
  expectationFor,
  type Engine,
  type Expectation,
  type MatrixReport,
  type PageOriginRole,
  type Scenario,
  type ScenarioResult,
} from '@cors-lab/scenarios';

const json = (value: unknown) => JSON.stringify(value) ?? 'undefined';

function describe(result: ScenarioResult, expected: Expectation | undefined): string {
  const error = result.observed.error
    ? ` (engine error: ${result.observed.error.name}: ${result.observed.error.message})`
    : '';
  return (
    `${result.id}: expected ${expected?.outcome ?? '(none)'}, predicted ${result.predicted.outcome}, ` +
    `observed ${result.observed.outcome}${error}`
  );
}

/** Every fact of the author's expectation the engine did not show, as `what: expected X, saw Y`. */
function differences(expected: Expectation, result: ScenarioResult): string[] {
  const found = compare(expected, result.observed, result.server)
    .filter((check) => !check.pass)
    .map((check) => `${check.name}: expected ${json(check.expected)}, saw ${json(check.observed)}`);
  if (json(result.expected) !== json(expected)) {
    found.push(
      `the page judged against ${json(result.expected)} instead of the catalogue's ${json(expected)}`,
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
  result: ScenarioResult | undefined,
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
  report: MatrixReport,
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
  report: MatrixReport,
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
