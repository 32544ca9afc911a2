// Runs every experiment in the engine of this project, records what the page saw and what reached
// the servers (experiments/results/<engine>.json), and checks predict(..., { engine }) says the same.
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from '../engines/fixture.js';
import { disagreements } from './agreement.js';
import { runInPage, type PageRun } from './experiment.js';
import { startExperimentServer } from './experiment-server.js';
import { EXPERIMENTS } from './experiments.js';

test('engine experiments', async ({ engine }) => {
  test.setTimeout(120_000);
  const server = await startExperimentServer(EXPERIMENTS);
  try {
    const page = await engine.open(`${server.origins.page}/`);
    const runs: PageRun[] = EXPERIMENTS.map((experiment) => ({
      id: experiment.id,
      firstUrl: server.firstUrl(experiment),
      fetch: experiment.fetch,
      repeatAfterMs: experiment.repeatAfterMs ?? [],
      ...(experiment.setCookie && { setCookieUrl: `${server.origins.api}/set-cookie` }),
    }));
    const seen = await page.evaluate(runInPage, runs);
    const results = EXPERIMENTS.map((experiment) => ({
      id: experiment.id,
      topic: experiment.topic,
      seen: seen.find((run) => run.id === experiment.id)?.seen,
      reached: server.log
        .filter((entry) => entry.experiment === experiment.id)
        .map(({ experiment: _id, ...entry }) => entry),
    }));
    const dir = new URL('./results/', import.meta.url);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      new URL(`${engine.identity.engine}.json`, dir),
      `${JSON.stringify({ engine: engine.identity, origins: server.origins, results }, null, 1)}\n`,
    );
    const wrong = EXPERIMENTS.flatMap((experiment) => {
      const found = disagreements(
        engine.identity.engine,
        experiment,
        server,
        results.find((result) => result.id === experiment.id)?.seen ?? [],
      );
      return found.length > 0 ? [`${experiment.id}: ${found.join('; ')}`] : [];
    });
    expect(
      wrong,
      `predict() disagrees with ${engine.identity.product} ${engine.identity.version}`,
    ).toEqual([]);
  } finally {
    await server.close();
  }
});
