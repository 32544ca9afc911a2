// The seed's third method, development only: Chromium launched with --disable-web-security reads
// responses that CORS hides from every normal browser.
import { SCENARIOS, expectationFor, originsFromEnv } from '@cors-lab/scenarios';
import { expect, test } from '../engines/fixture.js';
import { WEB_SECURITY_OFF } from '../engines/projects.js';
import { runMatrix, saveMatrixRun } from './matrix/matrix-run.js';

const origins = originsFromEnv(process.env);

test(
  'with web security disabled (development only), responses Chromium normally blocks become readable',
  { tag: WEB_SECURITY_OFF },
  async ({ engine }, testInfo) => {
    test.setTimeout(150_000);
    expect(engine.identity.webSecurity).toBe(false);
    const run = await runMatrix(engine, origins, origins.web);
    await saveMatrixRun(run, testInfo);

    const observed = new Map(run.report.results.map((result) => [result.id, result.observed]));
    const blockedInChromium = SCENARIOS.filter(
      (scenario) => expectationFor(scenario, 'web', 'chromium')?.outcome === 'blocked',
    );
    const nowReadable = blockedInChromium
      .filter((scenario) => observed.get(scenario.id)?.outcome === 'allowed')
      .map((scenario) => scenario.id);
    testInfo.annotations.push({
      type: 'readable without web security',
      description: `${nowReadable.length} of ${blockedInChromium.length}: ${nowReadable.join(', ')}`,
    });
    expect(nowReadable).toContain('simple-get-no-cors-headers');
  },
);
