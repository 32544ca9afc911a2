// The seed's third method, development only: Chromium launched with --disable-web-security reads
// responses that CORS hides from every normal browser.
import { originsFromEnv } from '@cors-lab/scenarios';
import { expect, test } from '../engines/fixture.js';
import { WEB_SECURITY_OFF } from '../engines/projects.js';
import { runMatrix, saveMatrixRun } from '../matrix/matrix-run.js';
import { unblockedBy } from '../matrix/unblocked.js';

const origins = originsFromEnv(process.env);

test(
  'with web security disabled (development only), responses Chromium normally blocks become readable',
  { tag: WEB_SECURITY_OFF },
  async ({ engine }, testInfo) => {
    test.setTimeout(150_000);
    expect(engine.identity.webSecurity).toBe(false);
    const run = await runMatrix(engine, origins, origins.web);
    await saveMatrixRun(run, testInfo);

    const { blockedInChromium, nowReadable } = unblockedBy(run);
    testInfo.annotations.push({
      type: 'readable without web security',
      description: `${nowReadable.length} of ${blockedInChromium.length}: ${nowReadable.join(', ')}`,
    });
    expect(nowReadable).toContain('simple-get-no-cors-headers');
  },
);
