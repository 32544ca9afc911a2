// The engines' smoke test: each real engine opens a page and runs cross-origin fetches in it.
import { expect, test } from '../engines/fixture.js';
import type { EngineName } from '../engines/engine.js';
import { WEB_SECURITY_OFF } from '../engines/projects.js';
import { readChoice } from '../provision/choice.mjs';
import { startCrossOriginPair, type CrossOriginPair } from './servers/cross-origin-pair.js';

// The message each engine gives a script when CORS blocks a response (seen in each engine by hand).
const BLOCKED_FETCH_MESSAGE: Record<EngineName, string> = {
  chromium: 'Failed to fetch',
  firefox: 'NetworkError when attempting to fetch resource.',
  webkit: 'Load failed',
};

// Runs in the page: what a script can learn from a fetch.
const fetchFrom = async (url: string) => {
  try {
    const response = await fetch(url);
    return { readable: true, status: response.status, body: await response.text() };
  } catch (error) {
    const { name, message } = error as Error;
    return { readable: false, isTypeError: error instanceof TypeError, name, message };
  }
};

let servers: CrossOriginPair;

test.beforeAll(async () => {
  servers = await startCrossOriginPair('localhost');
});

test.afterAll(async () => {
  await servers.close();
});

test('the engine that runs is the build provisioning chose, with its exact version', async ({
  engine,
}) => {
  const build = readChoice().engines[engine.identity.engine];
  expect(engine.identity.version).toMatch(/^\d+(\.\d+)+/);
  // Firefox says 153.7.0 where its package says 153.7.0esr; all others match exactly.
  expect(build.version.startsWith(engine.identity.version)).toBe(true);
});

test("a page reads a route that allows its exact origin, and a route without CORS headers fails with the engine's TypeError", async ({
  engine,
}) => {
  const page = await engine.open(`${servers.pageOrigin}/`);
  await page.waitForAttribute('body', 'data-state', 'ready');
  expect(await page.textContent('#origin')).toBe(servers.pageOrigin);
  expect(await page.title()).toBe('cors-lab engine smoke test');

  expect(await page.evaluate(fetchFrom, `${servers.apiOrigin}/allowed`)).toEqual({
    readable: true,
    status: 200,
    body: 'allowed',
  });
  expect(await page.evaluate(fetchFrom, `${servers.apiOrigin}/blocked`)).toEqual({
    readable: false,
    isTypeError: true,
    name: 'TypeError',
    message: BLOCKED_FETCH_MESSAGE[engine.identity.engine],
  });
  // CORS hides the response from the script; the simple GET itself still reached the server.
  expect(servers.apiRequests).toContain('GET /blocked');
  await page.close();
});

test(
  'with web security disabled (development only) the route without CORS headers becomes readable',
  {
    tag: WEB_SECURITY_OFF,
  },
  async ({ engine }) => {
    expect(engine.identity.webSecurity).toBe(false);
    const page = await engine.open(`${servers.pageOrigin}/`);
    expect(await page.evaluate(fetchFrom, `${servers.apiOrigin}/blocked`)).toEqual({
      readable: true,
      status: 200,
      body: 'blocked',
    });
    await page.close();
  },
);
