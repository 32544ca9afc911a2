// The whole catalogue in each real engine, from each page origin: one page load runs every
// scenario, and every outcome must be the one the catalogue's author expects and predict() foresaw.
import {
  loggedPathname,
  originsFromEnv,
  readRunLog,
  scenarioById,
  type LogEntry,
  type Scenario,
  type ScenarioRequest,
  type ScenarioResult,
} from '@cors-lab/scenarios';
import type { Engine } from '../engines/engine.js';
import { expect, test } from '../engines/fixture.js';
import {
  disagreementsWithCatalogue,
  disagreementsWithPrediction,
} from '../matrix/disagreements.js';
import { runMatrix, saveMatrixRun, type MatrixRun } from '../matrix/matrix-run.js';
import { pageOriginRoles } from '../matrix/page-origins.js';

const origins = originsFromEnv(process.env);
const PAGE_ORIGINS = pageOriginRoles(process.env.E2E_PAGE_ORIGINS).map((role) => origins[role]);

// One page load per engine and origin: the request-log tests reuse the run of their worker's engine.
const runs = new Map<string, Promise<MatrixRun>>();

function matrixFrom(engine: Engine, pageOrigin: string): Promise<MatrixRun> {
  let run = runs.get(pageOrigin);
  if (!run) {
    run = runMatrix(engine, origins, pageOrigin);
    runs.set(pageOrigin, run);
    run.catch(() => runs.delete(pageOrigin));
  }
  return run;
}

function scenario(id: string): Scenario {
  const found = scenarioById(id);
  if (!found)
    throw new Error(`The catalogue has no scenario ${id}; the request-log tests name it.`);
  return found;
}

function resultOf(run: MatrixRun, id: string): ScenarioResult {
  const result = run.report.results.find((candidate) => candidate.id === id);
  if (!result) throw new Error(`/matrix from ${run.pageOrigin} published no result for ${id}.`);
  return result;
}

/** What reached the API on the scenario request's path during one run, oldest first (read from Node). */
async function loggedOnPath(runId: string, request: ScenarioRequest): Promise<LogEntry[]> {
  const entries = await readRunLog(origins.api, runId);
  if (!entries) throw new Error(`No request log answered at ${origins.api}: is the lab API up?`);
  const path = loggedPathname(request);
  return entries.filter((entry) => entry.path === path);
}

function countByMethod(entries: readonly LogEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { method } of entries) counts[method] = (counts[method] ?? 0) + 1;
  return counts;
}

test.describe.configure({ timeout: 150_000 });

for (const pageOrigin of PAGE_ORIGINS) {
  test(`from ${pageOrigin}, every scenario does what its author expects and predict() foresaw`, async ({
    engine,
  }, testInfo) => {
    const run = await matrixFrom(engine, pageOrigin);
    await saveMatrixRun(run, testInfo);
    const { report, page } = run;
    const name = engine.identity.engine;
    testInfo.annotations.push({
      type: 'matrix',
      description: `${report.results.length} scenarios in ${(report.durationMs / 1000).toFixed(1)} s on the page, ${(run.loadMs / 1000).toFixed(1)} s with the load`,
    });

    expect(report.pageOrigin, 'the page reports the origin it was opened from').toBe(pageOrigin);
    expect(report.engine, `the page must pick ${name}'s per-engine expectations`).toBe(name);
    expect(
      disagreementsWithCatalogue(report, name, page),
      `scenarios where ${engine.identity.product} ${engine.identity.version} on ${pageOrigin} differs from the catalogue`,
    ).toEqual([]);
    expect(
      disagreementsWithPrediction(report, name, page),
      `scenarios where predict() differs from ${engine.identity.product} ${engine.identity.version} on ${pageOrigin}`,
    ).toEqual([]);
  });
}

test("with Access-Control-Max-Age: 600 (within every engine's cap), twenty identical PUTs cause exactly one preflight", async ({
  engine,
}) => {
  const run = await matrixFrom(engine, origins.web);
  const cached = scenario('caching-max-age-600');
  const uncached = scenario('caching-max-age-0');

  const logged = await loggedOnPath(resultOf(run, cached.id).runId, cached.request);
  expect(logged[0]?.method, 'the first request is the preflight').toBe('OPTIONS');
  expect(logged[0]?.responseHeaders['access-control-max-age']).toBe('600');
  expect(countByMethod(logged)).toEqual({ OPTIONS: 1, PUT: 20 });

  // The contrast: the same twenty PUTs without caching cost twenty preflights.
  const unlogged = await loggedOnPath(resultOf(run, uncached.id).runId, uncached.request);
  expect(countByMethod(unlogged)).toEqual({ OPTIONS: 20, PUT: 20 });
});

test('a simple POST the engine blocked still ran on the server', async ({ engine }) => {
  const run = await matrixFrom(engine, origins.web);
  const post = scenario('simple-post-blocked-still-ran');
  const result = resultOf(run, post.id);

  expect(result.observed.outcome).toBe('blocked');
  expect(result.observed.error?.name).toBe('TypeError');
  const logged = await loggedOnPath(result.runId, post.request);
  expect(logged.map(({ method, status }) => ({ method, status }))).toEqual([
    { method: 'POST', status: 200 },
  ]);
  expect(logged[0]?.responseHeaders['access-control-allow-origin']).toBeUndefined();
});

test('a refused preflight stopped the actual request: the server saw the OPTIONS and nothing else', async ({
  engine,
}) => {
  const run = await matrixFrom(engine, origins.web);
  const refused = scenario('preflight-json-refused');
  const result = resultOf(run, refused.id);

  expect(result.observed.outcome).toBe('blocked');
  const logged = await loggedOnPath(result.runId, refused.request);
  expect(logged[0]?.responseHeaders['access-control-allow-headers'] ?? '').not.toMatch(
    /content-type/i,
  );
  expect(countByMethod(logged)).toEqual({ OPTIONS: 1 });
});
