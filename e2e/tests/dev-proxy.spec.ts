// The dev-server proxies, seen from the API: a page calls its own origin and its dev server
// forwards. Vite's server.proxy (what CRA's `proxy` field became) with and without changeOrigin,
// and Next.js rewrites(): the Origin the browser sent arrives untouched; only Host may change.
import { headerValue, originsFromEnv, readRunLog, type LogEntry } from '@cors-lab/scenarios';
import { expect, test } from '../engines/fixture.js';

const origins = originsFromEnv(process.env);
const host = (origin: string) => new URL(origin).host;

/** What reached the API on `path` in `run`, read from Node (not from the page). */
async function forwarded(run: string, path: string): Promise<LogEntry[]> {
  const entries = await readRunLog(origins.api, run);
  if (!entries) throw new Error(`No request log answered at ${origins.api}: is the lab API up?`);
  return entries.filter((entry) => entry.path === path);
}

const seen = (entry: LogEntry | undefined) => ({
  method: entry?.method,
  origin: entry && headerValue(entry.requestHeaders, 'origin'),
  host: entry && headerValue(entry.requestHeaders, 'host'),
});

test('through Vite, the API sees the page origin; changeOrigin rewrites Host, never Origin', async ({
  engine,
}) => {
  const page = await engine.open(`${origins.vite}/`);
  await page.waitForAttribute('#seen', 'data-state', 'done', 30_000);
  const run = await page.getAttribute('#seen', 'data-run');
  expect(run, 'the Vite page names its run id').toBeTruthy();
  const [same, changed] = await forwarded(run ?? '', '/lab/none');
  expect(seen(same), '/api-same (changeOrigin: false)').toEqual({
    method: 'PUT',
    origin: origins.vite,
    host: host(origins.vite),
  });
  expect(seen(changed), '/api-changed (changeOrigin: true)').toEqual({
    method: 'PUT',
    origin: origins.vite,
    host: host(origins.api),
  });
});

test('through Next.js rewrites(), the API sees the page origin and its own Host', async ({
  engine,
}) => {
  const page = await engine.open(`${origins.web}/`);
  const run = `dev-proxy-next-${Date.now().toString(36)}`;
  const status = await page.evaluate(
    async (url) => (await fetch(url, { method: 'PUT', body: '{}' })).status,
    `/proxy/lab/none?run=${run}`,
  );
  expect(status, 'same-origin to the page, so readable').toBe(200);
  const [entry] = await forwarded(run, '/lab/none');
  expect(seen(entry)).toEqual({ method: 'PUT', origin: origins.web, host: host(origins.api) });
});
