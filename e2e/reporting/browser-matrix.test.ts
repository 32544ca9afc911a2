import {
  ENGINES,
  PAGE_ORIGIN_ROLES,
  SCENARIOS,
  expectationFor,
  type Engine,
  type ExpectedOutcome,
  type PageOriginRole,
} from '@cors-lab/scenarios';
import { describe, expect, it } from 'vitest';
import type { MatrixRun } from '../matrix/matrix-run.js';
import type { ScenarioResult } from '@cors-lab/scenarios';
import { browserMatrixMarkdown } from './browser-matrix-markdown.js';
import { buildBrowserMatrix, missingRuns } from './browser-matrix.js';

const ORIGIN: Record<PageOriginRole, string> = {
  web: 'http://localhost:3000',
  'web-alt-port': 'http://localhost:3001',
  'web-alt-host': 'http://127.0.0.1:3000',
  'web-tls': 'https://localhost:3443',
  'web-public': 'http://127.0.0.2:3000',
};

type Change = Partial<Pick<ScenarioResult['observed'], 'outcome' | 'body'>>;

/** A run in which the engine did exactly what the catalogue expects, except for `changes`. */
function faithfulRun(engine: Engine, page: PageOriginRole, changes: Record<string, Change> = {}) {
  const results = SCENARIOS.filter((scenario) => scenario.pageOrigins.includes(page)).map(
    (scenario): ScenarioResult => {
      const expected = expectationFor(scenario, page, engine)!;
      const observed = {
        outcome: expected.outcome,
        ...(expected.status === undefined ? {} : { status: expected.status }),
        body: { ...expected.body },
        readableHeaders: [...(expected.readableHeaders ?? [])],
        ...(expected.outcome === 'blocked'
          ? { error: { name: 'TypeError', message: `${engine} says no` } }
          : {}),
        durationMs: 1,
        ...changes[scenario.id],
      };
      // What the servers' logs would show when the engine did exactly what was expected.
      const server = expected.server && {
        preflights: expected.server.preflights,
        actual: expected.server.actual,
        others: (expected.server.alsoReached ?? []).map((hop) => ({
          ...hop,
          method: hop.method ?? 'GET',
          origin: hop.origin,
        })),
        sentHeaders: [...(expected.hiddenHeaders ?? [])],
      };
      return {
        id: scenario.id,
        title: scenario.title,
        category: scenario.category,
        runId: `${scenario.id}.test`,
        expected,
        observed,
        predicted: {
          outcome: expected.outcome,
          reason: 'cors-allowed',
          explanation: '',
          fix: '',
          preflight: false,
          reachesServer: true,
        },
        ...(server ? { server } : {}),
        reached: [],
        checks: [],
        pass: true,
        predictionAgrees: true,
        explanation: '',
        fix: '',
        durationMs: 1,
      };
    },
  );
  const run: MatrixRun = {
    project: engine,
    identity: {
      project: engine,
      engine,
      product: `${engine} product`,
      version: '1.2.3',
      source: 'debian',
      protocol: 'test',
      webSecurity: true,
    },
    launchMs: 1,
    launchFloorMs: 2,
    pageOrigin: ORIGIN[page],
    page,
    loadMs: 3,
    timing: { startedAt: 0, openMs: 1, runMs: 1, readMs: 1 },
    report: {
      pageOrigin: ORIGIN[page],
      page,
      engine,
      userAgent: 'test',
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 3,
      total: results.length,
      passed: results.length,
      failed: 0,
      predictionDisagreements: 0,
      results,
    },
  };
  return run;
}

const allRuns = (changes: Partial<Record<Engine, Record<string, Change>>> = {}) =>
  ENGINES.flatMap((engine) =>
    PAGE_ORIGIN_ROLES.map((page) => faithfulRun(engine, page, changes[engine])),
  );

const cellOf = (
  runs: MatrixRun[],
  id: string,
  page: PageOriginRole,
  engine: Engine,
): { observed: ExpectedOutcome; agreesWithExpectation: boolean; disagreement?: string } => {
  const row = buildBrowserMatrix(runs, '2026-01-01').rows.find(
    (candidate) => candidate.id === id && candidate.page === page,
  );
  return row!.engines[engine]!;
};

/** The same run as a remote endpoint's (E2E_WEBDRIVER_URL), under its own project and product. */
function remoteRun(engine: Engine, page: PageOriginRole): MatrixRun {
  const run = faithfulRun(engine, page);
  return {
    ...run,
    project: 'remote-webdriver',
    identity: {
      ...run.identity,
      project: 'remote-webdriver',
      product: 'Safari',
      version: '26.1',
      source: 'remote',
    },
  };
}

describe('the browser matrix report', () => {
  it("takes a remote endpoint's run for an engine no local project ran, under the remote browser's name", () => {
    const runs = allRuns().filter((run) => run.project !== 'webkit');
    expect(missingRuns(runs)).toHaveLength(PAGE_ORIGIN_ROLES.length);
    const withRemote = [...runs, ...PAGE_ORIGIN_ROLES.map((page) => remoteRun('webkit', page))];
    expect(missingRuns(withRemote)).toEqual([]);
    const matrix = buildBrowserMatrix(withRemote, '2026-01-01');
    expect(matrix.engines.find((engine) => engine.engine === 'webkit')).toMatchObject({
      product: 'Safari',
      version: '26.1',
      source: 'remote',
    });
  });

  it('prefers the local project to a remote run of the same engine', () => {
    const runs = [...allRuns(), remoteRun('webkit', 'web')];
    const matrix = buildBrowserMatrix(runs, '2026-01-01');
    expect(matrix.engines.find((engine) => engine.engine === 'webkit')?.product).toBe(
      'webkit product',
    );
  });

  it("carries the run's phases, floor and ratio into the JSON and a table into the Markdown", () => {
    const phases = {
      startedAt: '2026-01-01T00:00:00.000Z',
      status: 'passed',
      workers: 3,
      cores: 2,
      loadAverage: { start: 0.5, end: 1.5 },
      wallMs: 21_000,
      floorMs: 7_000,
      ratio: 3,
      serversReadyMs: 4_000,
      engines: [],
      pages: [],
    };
    const matrix = buildBrowserMatrix(allRuns(), '2026-01-01', [phases]);
    expect(matrix.phases).toEqual([phases]);
    expect(browserMatrixMarkdown(matrix)).toContain(
      '| 2026-01-01T00:00:00.000Z | 3 on 2 cores | 0.5 → 1.5 | 4.0 s | 7.0 s | 21.0 s | 3× | - | - | - | - |',
    );
    const alone = {
      ...phases,
      aloneFloor: { floorMs: 5_000, measuredAt: 'x', loadAverage: 0.2 },
      aloneRatio: 4.2,
      cpu: { busyMs: 41_000, busyShare: 0.98, boundMs: 20_500 },
    };
    expect(browserMatrixMarkdown(buildBrowserMatrix(allRuns(), '2026-01-01', [alone]))).toContain(
      '| 7.0 s | 21.0 s | 3× | 5.0 s | 4.2× | 41.0 s (98 %) | 20.5 s |',
    );
  });

  it('names every engine and page origin a partial run lacks, so the docs are not rewritten from it', () => {
    const runs = [faithfulRun('chromium', 'web'), faithfulRun('webkit', 'web-alt-host')];
    expect(missingRuns(runs)).toEqual([
      'chromium from web-alt-port',
      'chromium from web-alt-host',
      'chromium from web-tls',
      'chromium from web-public',
      'firefox from web',
      'firefox from web-alt-port',
      'firefox from web-alt-host',
      'firefox from web-tls',
      'firefox from web-public',
      'webkit from web',
      'webkit from web-alt-port',
      'webkit from web-tls',
      'webkit from web-public',
    ]);
    expect(missingRuns(allRuns())).toEqual([]);
  });

  it('counts every scenario run as agreeing when each engine did what the catalogue expects', () => {
    const matrix = buildBrowserMatrix(allRuns(), '2026-01-01');
    for (const engine of matrix.engines) {
      expect(engine.scenarios).toBe(SCENARIOS.length);
      expect(engine.agreeWithExpectation).toBe(engine.runs);
      expect(engine.agreeWithPrediction).toBe(engine.runs);
    }
    expect(matrix.undocumentedDifferences).toEqual([]);
  });

  it('marks a cell that differs from the catalogue, with the scenario id and the engine error', () => {
    const runs = allRuns({ firefox: { 'simple-get-allowed': { outcome: 'blocked' } } });
    const cell = cellOf(runs, 'simple-get-allowed', 'web', 'firefox');
    expect(cell.agreesWithExpectation).toBe(false);
    expect(cell.disagreement).toMatch(
      /^simple-get-allowed: expected allowed, predicted allowed, observed blocked; outcome: expected "allowed", saw "blocked"/,
    );
    const matrix = buildBrowserMatrix(runs, '2026-01-01');
    expect(matrix.undocumentedDifferences).toEqual([
      'simple-get-allowed from http://localhost:3000: chromium allowed, firefox blocked, webkit allowed',
    ]);
    expect(browserMatrixMarkdown(matrix)).toContain('blocked ✗ differs from the catalogue');
  });

  it("judges WebKit's missing Secure cookie by its documented difference, and Chromium by the common expectation", () => {
    const noCookie = { body: { cookieSent: false, cookieMatchesRun: false } };
    const runs = allRuns({ chromium: { 'credentials-secure-cookie-over-http': noCookie } });
    expect(cellOf(runs, 'credentials-secure-cookie-over-http', 'web', 'webkit')).toMatchObject({
      agreesWithExpectation: true,
    });
    expect(
      cellOf(runs, 'credentials-secure-cookie-over-http', 'web', 'chromium').disagreement,
    ).toContain('body.cookieSent: expected true, saw false');
  });

  it('shows each documented engine difference with its source and what every engine showed', () => {
    const matrix = buildBrowserMatrix(allRuns(), '2026-01-01');
    const secure = matrix.engineDifferences.find(
      (difference) => difference.id === 'credentials-secure-cookie-over-http',
    );
    expect(secure?.source).toBe('https://bugs.webkit.org/show_bug.cgi?id=281149');
    expect(secure?.shown).toEqual([
      {
        pageOrigin: 'http://localhost:3000',
        engines: {
          chromium: 'allowed, cookieSent: true, cookieMatchesRun: true',
          firefox: 'allowed, cookieSent: true, cookieMatchesRun: true',
          webkit: 'allowed, cookieSent: false, cookieMatchesRun: false',
        },
      },
    ]);
    expect(browserMatrixMarkdown(matrix)).toContain(
      '<https://bugs.webkit.org/show_bug.cgi?id=281149>',
    );
  });

  it('writes the same document twice from the same runs, apart from the generated date', () => {
    const runs = allRuns();
    expect(browserMatrixMarkdown(buildBrowserMatrix(runs, '2026-01-01'))).toBe(
      browserMatrixMarkdown(buildBrowserMatrix([...runs].reverse(), '2026-01-01')),
    );
  });

  it('sorts the extension run into unblocked, still blocked and broken scenarios, each in its own section', () => {
    const extension = faithfulRun('chromium', 'web', {
      'simple-get-no-cors-headers': { outcome: 'allowed' },
      'credentials-cookie-exact-origin': { outcome: 'blocked' },
    });
    extension.project = 'chromium-extension';
    extension.identity = {
      ...extension.identity,
      project: extension.project,
      extension: 'allow-cors',
    };
    const matrix = buildBrowserMatrix([...allRuns(), extension], '2026-01-01');
    expect(matrix.webSecurityOff).toBeUndefined();
    const run = matrix.corsExtension!;
    expect(run.extension).toBe('allow-cors');
    expect(run.nowReadable.map((item) => item.id)).toEqual(['simple-get-no-cors-headers']);
    expect(run.stillBlocked.map((item) => item.id)).toContain('credentials-wildcard-origin');
    expect(run.stillBlocked.find((item) => item.id === 'credentials-wildcard-origin')?.error).toBe(
      'TypeError: chromium says no',
    );
    expect(run.alsoChanged).toEqual([
      {
        id: 'credentials-cookie-exact-origin',
        title: expect.any(String),
        expected: 'allowed',
        observed: 'blocked',
      },
    ]);
    const markdown = browserMatrixMarkdown(matrix);
    const section = markdown.slice(
      markdown.indexOf('## A CORS-unblock extension (development only)'),
    );
    expect(section).toContain('| `simple-get-no-cors-headers` ');
    expect(section).toContain('| blocked | **allowed** |');
    expect(section).toContain('| allowed | **blocked** |');
    expect(markdown).toContain('Not run: the `chromium-insecure` project did not save a result.');
  });
});
