// What the web container must answer: the page, the static assets the standalone server needs
// copied beside it, and the `/proxy/*` rewrite that was compiled in with the build's API_ORIGIN.
import { probe } from './http-probe.mjs';

/**
 * @param {import('./checks.mjs').Checks} checks
 * @param {{ port: number }} web
 */
export async function checkWeb(checks, { port }) {
  let html = '';
  await checks.check(`web: GET / on PORT=${port} answers 200 with HTML`, async () => {
    const response = await probe({ port, path: '/' });
    if (response.status !== 200)
      throw new Error(`got ${response.status}: ${response.body.slice(0, 200)}`);
    if (!String(response.headers['content-type']).startsWith('text/html')) {
      throw new Error(`Content-Type is ${response.headers['content-type']}, expected text/html`);
    }
    html = response.body;
    return `${html.length} bytes`;
  });

  await checks.check(
    "web: the page's /_next/static assets are served (copied next to server.js)",
    async () => {
      const assets = [
        ...new Set(
          [...html.matchAll(/\/_next\/static\/[^"'\s)]+\.(?:js|css)/g)].map((match) => match[0]),
        ),
      ];
      if (assets.length === 0)
        throw new Error(
          'the HTML of / references no /_next/static/*.js or *.css asset, so there is nothing to check',
        );
      const missing = [];
      for (const asset of assets) {
        const response = await probe({ port, path: asset });
        if (response.status !== 200) missing.push(`${asset} -> ${response.status}`);
      }
      if (missing.length > 0)
        throw new Error(
          `not served: ${missing.join(', ')}; the runtime stage must copy .next/static to apps/web/.next/static`,
        );
      return `${assets.length} assets`;
    },
  );

  await checks.check(
    'web: /proxy/health reaches the API through the rewrite built from API_ORIGIN',
    async () => {
      const response = await probe({ port, path: '/proxy/health' });
      if (response.status !== 200)
        throw new Error(`got ${response.status}: ${response.body.slice(0, 200)}`);
      return response.body.trim().slice(0, 60);
    },
  );
}
