// The seed's third method, development only: an "Allow CORS" browser extension (a real unpacked
// Manifest V3 extension, e2e/extensions/allow-cors) rewrites response headers so Chromium reads
// some responses that CORS normally hides; it cannot fix what `*` or a header rewrite cannot.
import { originsFromEnv } from '@cors-lab/scenarios';
import { expect, test } from '../engines/fixture.js';
import { EXTENSION } from '../engines/projects.js';
import { runMatrix, saveMatrixRun } from '../matrix/matrix-run.js';
import { unblockedBy } from '../matrix/unblocked.js';

const origins = originsFromEnv(process.env);

test(
  'with an Allow CORS extension (development only), a response without CORS headers becomes readable, while credentialed requests and a 401 preflight still fail',
  { tag: EXTENSION },
  async ({ engine }, testInfo) => {
    test.setTimeout(150_000);
    expect(engine.identity.extension).toBe('allow-cors');
    expect(engine.identity.webSecurity).toBe(true);
    const run = await runMatrix(engine, origins, origins.web);
    await saveMatrixRun(run, testInfo);

    const { observed, blockedInChromium, nowReadable, stillBlocked } = unblockedBy(run);
    testInfo.annotations.push(
      {
        type: 'readable with the extension',
        description: `${nowReadable.length} of ${blockedInChromium.length}: ${nowReadable.join(', ')}`,
      },
      {
        type: 'still blocked with the extension',
        description: `${stillBlocked.length} of ${blockedInChromium.length}: ${stillBlocked.join(', ')}`,
      },
    );
    // Without the extension's rule in force this stays blocked, so a silently unloaded extension fails here.
    expect(
      nowReadable,
      'simple-get-no-cors-headers is still blocked: did Chromium load e2e/extensions/allow-cors?',
    ).toContain('simple-get-no-cors-headers');
    // A `*` origin never satisfies a credentialed request, and a header rewrite leaves a 401 a 401.
    expect(stillBlocked).toEqual(
      expect.arrayContaining(['credentials-wildcard-origin', 'preflight-answered-401']),
    );
    // The rule replaces the server's exact origin with `*`, so cookie requests that worked now fail.
    expect(observed.get('credentials-cookie-exact-origin')?.outcome).toBe('blocked');
  },
);
