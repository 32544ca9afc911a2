// The behaviour matrix as data: scenario x engine (exact build) x page origin -> outcome, built
// from the saved /matrix runs in catalogue order so the committed file only changes with behaviour.
import {
  ENGINES,
  PAGE_ORIGIN_ROLES,
  SCENARIOS,
  expectationFor,
  type Engine,
  type Expectation,
  type ExpectedOutcome,
  type PageOriginRole,
} from '@cors-lab/scenarios';
import { scenarioDisagreement } from '../matrix/disagreements.js';
import type { MatrixRun } from '../matrix/matrix-run.js';
import type { ScenarioResult } from '@cors-lab/scenarios';

/** The Playwright project of the development-only Chromium without web security. */
export const INSECURE_PROJECT = 'chromium-insecure';

/** The Playwright project of the development-only Chromium with the Allow CORS extension. */
export const EXTENSION_PROJECT = 'chromium-extension';

export interface MatrixEngine {
  engine: Engine;
  product: string;
  version: string;
  source: string;
  protocol: string;
}

export interface MatrixCell {
  observed: ExpectedOutcome;
  /** The engine's words when fetch() rejected, e.g. `TypeError: Failed to fetch`. */
  error?: string;
  predicted: ExpectedOutcome;
  agreesWithExpectation: boolean;
  /** Why it does not agree, when it does not. */
  disagreement?: string;
  agreesWithPrediction: boolean;
  /** What the API's request log saw on the scenario's path; absent where no log is kept. */
  server?: { preflights: number; actual: number };
}

export interface MatrixRow {
  id: string;
  title: string;
  category: string;
  page: PageOriginRole;
  pageOrigin: string;
  /** The author's expectation for every engine without a documented difference. */
  expected: ExpectedOutcome;
  /** What the author expects to reach the API on the scenario's path (preflights included). */
  expectedServer?: { preflights: number; actual: number };
  /** Engines whose documented difference replaces the expectation here, with what it expects. */
  engineExpected: Partial<Record<Engine, ExpectedOutcome>>;
  engines: Partial<Record<Engine, MatrixCell>>;
}

export interface EngineDifference {
  id: string;
  title: string;
  engine: Engine;
  note: string;
  source: string;
  pages: PageOriginRole[];
  /** Per page origin, what each engine showed of the facts the difference is about. */
  shown: { pageOrigin: string; engines: Partial<Record<Engine, string>> }[];
}

export interface EngineSummary extends MatrixEngine {
  scenarios: number;
  runs: number;
  agreeWithExpectation: number;
  agreeWithPrediction: number;
}

/** A development-only Chromium run compared with what the catalogue expects of normal Chromium. */
export interface DevelopmentOnlyRun {
  developmentOnly: true;
  product: string;
  version: string;
  /** The unpacked extension the run loaded, if any. */
  extension?: string;
  pageOrigin: string;
  /** Scenarios the catalogue expects Chromium to block that this run read. */
  nowReadable: { id: string; title: string; observed: ExpectedOutcome }[];
  /** Scenarios expected blocked that stayed unreadable even so, with the engine's words. */
  stillBlocked: { id: string; title: string; observed: ExpectedOutcome; error?: string }[];
  /** Other scenarios that ended differently than in normal Chromium, e.g. `no-cors` no longer opaque. */
  alsoChanged: {
    id: string;
    title: string;
    expected: ExpectedOutcome;
    observed: ExpectedOutcome;
  }[];
}

export interface BrowserMatrix {
  generated: string;
  pageOrigins: { page: PageOriginRole; origin: string }[];
  engines: EngineSummary[];
  rows: MatrixRow[];
  engineDifferences: EngineDifference[];
  /** Rows where engines disagree with each other although the catalogue documents no difference. */
  undocumentedDifferences: string[];
  webSecurityOff?: DevelopmentOnlyRun;
  corsExtension?: DevelopmentOnlyRun;
}

/** The runs a complete matrix needs, as `<engine project> from <page role>`, minus those present. */
export function missingRuns(runs: readonly MatrixRun[]): string[] {
  return ENGINES.flatMap((engine) =>
    PAGE_ORIGIN_ROLES.filter(
      (page) => !runs.some((run) => run.project === engine && run.page === page),
    ).map((page) => `${engine} from ${page}`),
  );
}

/** The facts (outcome, status, body fields) on which an engine's expectation departs from the common one. */
function differingFacts(common: Expectation | undefined, own: Expectation | undefined): string[] {
  const facts = ['outcome'];
  if (common?.status !== own?.status) facts.push('status');
  const fields = new Set([...Object.keys(common?.body ?? {}), ...Object.keys(own?.body ?? {})]);
  for (const field of fields) {
    if (JSON.stringify(common?.body?.[field]) !== JSON.stringify(own?.body?.[field])) {
      facts.push(`body.${field}`);
    }
  }
  return facts;
}

function describeFacts(observed: ScenarioResult['observed'], facts: readonly string[]): string {
  const body = (observed.body ?? {}) as Record<string, unknown>;
  return facts
    .map((fact) => {
      if (fact === 'outcome') return observed.outcome;
      if (fact === 'status') return `status ${observed.status ?? '-'}`;
      const field = fact.slice('body.'.length);
      return `${field}: ${JSON.stringify(body[field]) ?? '-'}`;
    })
    .join(', ');
}

function errorText(run: MatrixRun, id: string): string | undefined {
  const error = run.report.results.find((result) => result.id === id)?.observed.error;
  return error && `${error.name}: ${error.message}`;
}

export function buildBrowserMatrix(runs: readonly MatrixRun[], generated: string): BrowserMatrix {
  const runOf = (engine: string, page: PageOriginRole) =>
    runs.find((run) => run.project === engine && run.page === page);
  const pageOrigins = PAGE_ORIGIN_ROLES.flatMap((page) => {
    const origin = ENGINES.map((engine) => runOf(engine, page)?.pageOrigin).find(Boolean);
    return origin ? [{ page, origin }] : [];
  });

  const rows: MatrixRow[] = [];
  for (const scenario of SCENARIOS) {
    for (const { page, origin } of pageOrigins.filter((p) =>
      scenario.pageOrigins.includes(p.page),
    )) {
      const common = scenario.expected[page];
      if (!common) continue;
      const row: MatrixRow = {
        id: scenario.id,
        title: scenario.title,
        category: scenario.category,
        page,
        pageOrigin: origin,
        expected: common.outcome,
        engineExpected: {},
        engines: {},
      };
      if (common.server) {
        row.expectedServer = { preflights: common.server.preflights, actual: common.server.actual };
      }
      for (const engine of ENGINES) {
        const own = expectationFor(scenario, page, engine);
        if (own && own !== common) row.engineExpected[engine] = own.outcome;
        const run = runOf(engine, page);
        const result = run?.report.results.find((candidate) => candidate.id === scenario.id);
        if (!run || !result) continue;
        const disagreement = scenarioDisagreement(scenario, result, engine, page);
        const error = errorText(run, scenario.id);
        row.engines[engine] = {
          observed: result.observed.outcome,
          ...(error ? { error } : {}),
          predicted: result.predicted.outcome,
          agreesWithExpectation: disagreement === undefined,
          ...(disagreement ? { disagreement } : {}),
          agreesWithPrediction: result.predicted.outcome === result.observed.outcome,
          ...(result.server
            ? { server: { preflights: result.server.preflights, actual: result.server.actual } }
            : {}),
        };
      }
      rows.push(row);
    }
  }

  const engines = ENGINES.flatMap((engine): EngineSummary[] => {
    const run = runs.find((candidate) => candidate.project === engine);
    if (!run) return [];
    const cells = rows.flatMap((row) => row.engines[engine] ?? []);
    const { product, version, source, protocol } = run.identity;
    return [
      {
        engine,
        product,
        version,
        source,
        protocol,
        scenarios: new Set(rows.filter((row) => row.engines[engine]).map((row) => row.id)).size,
        runs: cells.length,
        agreeWithExpectation: cells.filter((cell) => cell.agreesWithExpectation).length,
        agreeWithPrediction: cells.filter((cell) => cell.agreesWithPrediction).length,
      },
    ];
  });

  const engineDifferences = SCENARIOS.flatMap((scenario) =>
    (scenario.engines ?? []).map((entry): EngineDifference => {
      const pages = PAGE_ORIGIN_ROLES.filter((page) => entry.expected[page] !== undefined);
      return {
        id: scenario.id,
        title: scenario.title,
        engine: entry.engine,
        note: entry.note,
        source: entry.source,
        pages,
        shown: pageOrigins
          .filter(({ page }) => pages.includes(page))
          .map(({ page, origin }) => {
            const facts = differingFacts(scenario.expected[page], entry.expected[page]);
            const engines: Partial<Record<Engine, string>> = {};
            for (const engine of ENGINES) {
              const result = runOf(engine, page)?.report.results.find((r) => r.id === scenario.id);
              if (result) engines[engine] = describeFacts(result.observed, facts);
            }
            return { pageOrigin: origin, engines };
          }),
      };
    }),
  );

  const documented = new Set(engineDifferences.map((difference) => difference.id));
  const undocumentedDifferences = rows
    .filter((row) => !documented.has(row.id))
    .filter((row) => new Set(Object.values(row.engines).map((cell) => cell.observed)).size > 1)
    .map(
      (row) =>
        `${row.id} from ${row.pageOrigin}: ` +
        ENGINES.map((engine) => `${engine} ${row.engines[engine]?.observed ?? 'not run'}`).join(
          ', ',
        ),
    );

  const matrix: BrowserMatrix = {
    generated,
    pageOrigins,
    engines,
    rows,
    engineDifferences,
    undocumentedDifferences,
  };
  const insecure = runs.find((run) => run.project === INSECURE_PROJECT);
  if (insecure) matrix.webSecurityOff = developmentOnlyRun(insecure);
  const extension = runs.find((run) => run.project === EXTENSION_PROJECT);
  if (extension) matrix.corsExtension = developmentOnlyRun(extension);
  return matrix;
}

function developmentOnlyRun(run: MatrixRun): DevelopmentOnlyRun {
  const nowReadable: DevelopmentOnlyRun['nowReadable'] = [];
  const stillBlocked: DevelopmentOnlyRun['stillBlocked'] = [];
  const alsoChanged: DevelopmentOnlyRun['alsoChanged'] = [];
  for (const scenario of SCENARIOS) {
    const expected = expectationFor(scenario, run.page, 'chromium')?.outcome;
    const result = run.report.results.find((candidate) => candidate.id === scenario.id);
    if (!result || !expected) continue;
    const observed = result.observed.outcome;
    if (expected !== 'blocked') {
      if (observed !== expected) {
        alsoChanged.push({ id: scenario.id, title: scenario.title, expected, observed });
      }
    } else if (observed === 'allowed')
      nowReadable.push({ id: scenario.id, title: scenario.title, observed });
    else {
      const error = errorText(run, scenario.id);
      stillBlocked.push({
        id: scenario.id,
        title: scenario.title,
        observed,
        ...(error ? { error } : {}),
      });
    }
  }
  return {
    developmentOnly: true,
    product: run.identity.product,
    version: run.identity.version,
    ...(run.identity.extension ? { extension: run.identity.extension } : {}),
    pageOrigin: run.pageOrigin,
    nowReadable,
    stillBlocked,
    alsoChanged,
  };
}
