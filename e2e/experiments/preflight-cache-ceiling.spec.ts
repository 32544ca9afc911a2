// Whether each engine caps Access-Control-Max-Age at 600 s: a preflight cached for "a day" is
// used again 10 min 5 s later, or not. Takes eleven minutes, so it runs only when asked:
// EXPERIMENT_CEILING=1 npx playwright test -c experiments/playwright.config.ts preflight-cache-ceiling
import { mkdirSync, writeFileSync } from 'node:fs';
import { test } from '../engines/fixture.js';
import { runInPage, type Experiment } from './experiment.js';
import { startExperimentServer } from './experiment-server.js';

const WAIT_MS = 605_000;

const ceiling = (id: string, maxAge: string): Experiment => ({
  id,
  topic: `Access-Control-Max-Age ${maxAge}, fetched again after ${WAIT_MS / 1000} s`,
  hops: [
    {
      at: 'api',
      preflight: {
        status: 204,
        headers: {
          'access-control-allow-origin': '{origin}',
          'access-control-allow-methods': 'PUT',
          'access-control-max-age': maxAge,
        },
      },
      response: { status: 200, headers: { 'access-control-allow-origin': '{origin}' } },
    },
  ],
  fetch: { method: 'PUT' },
});

const EXPERIMENTS = [ceiling('ceiling-day', '86400'), ceiling('ceiling-700', '700')];

test('preflight cache ceiling', async ({ engine }) => {
  test.skip(
    !process.env.EXPERIMENT_CEILING,
    'Set EXPERIMENT_CEILING=1: it waits over ten minutes.',
  );
  test.setTimeout(WAIT_MS + 120_000);
  const server = await startExperimentServer(EXPERIMENTS);
  try {
    const page = await engine.open(`${server.origins.page}/`);
    const runs = EXPERIMENTS.map((experiment) => ({
      id: experiment.id,
      firstUrl: server.firstUrl(experiment),
      fetch: experiment.fetch,
      repeatAfterMs: [],
    }));
    // The wait happens here, not in the page: WebDriver ends a script after five minutes.
    const first = await page.evaluate(runInPage, runs);
    await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
    const second = await page.evaluate(runInPage, runs);
    const seen = first.map((run, index) => ({
      id: run.id,
      seen: [...run.seen, ...(second[index]?.seen ?? [])],
    }));
    const results = EXPERIMENTS.map((experiment) => ({
      id: experiment.id,
      topic: experiment.topic,
      seen: seen.find((run) => run.id === experiment.id)?.seen,
      preflights: server.log.filter(
        (entry) => entry.experiment === experiment.id && entry.method === 'OPTIONS',
      ).length,
    }));
    const dir = new URL('./results/', import.meta.url);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      new URL(`${engine.identity.engine}-ceiling.json`, dir),
      `${JSON.stringify({ engine: engine.identity, results }, null, 1)}\n`,
    );
  } finally {
    await server.close();
  }
});
