// Acceptance: for every catalogue scenario that targets the lab API, the doctor's per-engine outcome
// equals what Chromium, Firefox and WebKit did in the last full e2e run (docs/browser-matrix.json).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  labRouteByPath,
  requestHeaders,
  requestPathname,
  requestUrl,
  scenarioById,
  type PageOriginRole,
  type Scenario,
} from '@cors-lab/scenarios';
import { probeOnce } from '@cors-lab/testkit';
import { startLabApi, type RunningLabApi } from '../testing/lab-api.js';
import { doctorBodyOf } from './body.js';
import { diagnose } from './diagnose.js';
import { ENGINES } from './types.js';

interface MatrixRow {
  id: string;
  page: PageOriginRole;
  pageOrigin: string;
  engines: Record<(typeof ENGINES)[number], { observed: string }>;
}

const MATRIX = JSON.parse(
  readFileSync(new URL('../../../../docs/browser-matrix.json', import.meta.url), 'utf8'),
) as { rows: MatrixRow[] };

/** Scenarios whose server the test can start: the lab API's two listeners, a closed port, Flask and nginx. */
const SERVER_TARGETS = new Set(['api', 'api-alt-port', 'closed-port', 'flask', 'nginx']);

/** A route that sends the browser back to the page's own server, which this test does not run. */
function redirectsToThePage(scenario: Scenario): boolean {
  const route = labRouteByPath(requestPathname(scenario.request));
  return route?.response.kind === 'redirect' && route.response.to.target === 'page';
}

const rows = MATRIX.rows.filter((row) => {
  const scenario = scenarioById(row.id);
  return (
    scenario !== undefined &&
    SERVER_TARGETS.has(scenario.request.target) &&
    !redirectsToThePage(scenario) &&
    // Chromium blocks these only because the e2e run tells it, by a command-line flag, that the
    // 127.0.0.2 page is on the public internet; the doctor, like a browser without that flag,
    // sees a loopback page calling a loopback API.
    scenario.category !== 'local-network'
  );
});

/** /matrix files a `redirect: 'manual'` answer (type opaqueredirect) under the opaque outcome. */
const asMatrixOutcome = (outcome: string) => (outcome === 'opaqueredirect' ? 'opaque' : outcome);

/**
 * The scenario's setup steps as plain requests with the Origin of the page that sends them (a
 * cookie login, or another page origin filling nginx's cache first); cookies are not kept.
 */
async function sendSetup(api: RunningLabApi, scenario: Scenario, row: MatrixRow, runId: string) {
  for (const step of scenario.setup ?? []) {
    const page = step.fromPage ?? row.page;
    await probeOnce(requestUrl(step, api.origins, page, runId), 5000, {
      method: step.method ?? 'GET',
      headers: { ...requestHeaders(step, runId), origin: api.origins[page] },
    });
  }
}

async function runDoctor(api: RunningLabApi, scenario: Scenario, row: MatrixRow) {
  const { request } = scenario;
  const body = doctorBodyOf(request.body);
  const runId = `doctor-${row.id}-${row.page}`;
  await sendSetup(api, scenario, row, runId);
  return diagnose(
    {
      url: requestUrl(request, api.origins, row.page, runId),
      origin: row.pageOrigin,
      method: request.method ?? 'GET',
      headers: Object.entries(requestHeaders(request, runId)),
      credentials: request.credentials ?? 'same-origin',
      mode: request.mode ?? 'cors',
      ...(request.redirect && { redirect: request.redirect }),
      ...(body && { body }),
    },
    { timeoutMs: 5000, repeat: Math.min(request.repeat ?? 1, 2) },
  );
}

describe('the doctor against the lab API agrees with the recorded browser matrix', () => {
  let api: RunningLabApi;
  beforeAll(async () => {
    api = await startLabApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('covers the scenarios that target a server', () => {
    expect(rows.length).toBeGreaterThan(80);
  });

  it.each(rows.map((row) => [`${row.id} from ${row.page}`, row] as const))('%s', async (_, row) => {
    const scenario = scenarioById(row.id);
    if (!scenario) throw new Error(`scenario ${row.id} vanished from the catalogue`);
    const diagnosis = await runDoctor(api, scenario, row);
    const doctor = Object.fromEntries(
      ENGINES.map((e) => [e, asMatrixOutcome(diagnosis.engines[e].outcome)]),
    );
    const browsers = Object.fromEntries(ENGINES.map((e) => [e, row.engines[e].observed]));
    expect(doctor).toEqual(browsers);
  });
});
