// What the API container must answer, asked over real HTTP: health on both listeners, and the main
// policy read from CORS_ALLOWED_ORIGINS (the allowed origin is echoed with Vary, others get nothing).
import { probe } from './http-probe.mjs';

/** The main API's resource that a browser preflights before a JSON POST (see MAIN_API_ROUTES). */
const PREFLIGHTED_PATH = '/api/notes';

function varyHas(headers, name) {
  return String(headers.vary ?? '')
    .split(',')
    .some((token) => token.trim().toLowerCase() === name.toLowerCase());
}

function preflight(port, origin) {
  return probe({
    port,
    method: 'OPTIONS',
    path: PREFLIGHTED_PATH,
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type',
    },
  });
}

/**
 * @param {import('./checks.mjs').Checks} checks
 * @param {{ port: number, altPort: number, allowedOrigin: string, refusedOrigins: string[] }} api
 */
export async function checkApi(checks, { port, altPort, allowedOrigin, refusedOrigins }) {
  await checks.check(`api: GET /health on PORT=${port} answers 200`, async () => {
    const response = await probe({ port, path: '/health' });
    if (response.status !== 200)
      throw new Error(`got ${response.status}: ${response.body.slice(0, 200)}`);
    return response.body.trim().slice(0, 60);
  });

  await checks.check(
    `api: GET /health on ALT_PORT=${altPort} (the wrong-port listener) answers 200`,
    async () => {
      const response = await probe({ port: altPort, path: '/health' });
      if (response.status !== 200)
        throw new Error(`got ${response.status}: ${response.body.slice(0, 200)}`);
    },
  );

  await checks.check(
    `api: a preflight from the allowed origin ${allowedOrigin} is granted with Vary: Origin`,
    async () => {
      const response = await preflight(port, allowedOrigin);
      const problems = [];
      if (response.status < 200 || response.status > 299)
        problems.push(`status ${response.status}, expected 2xx`);
      if (response.headers['access-control-allow-origin'] !== allowedOrigin) {
        problems.push(
          `Access-Control-Allow-Origin is ${JSON.stringify(response.headers['access-control-allow-origin'])}, expected "${allowedOrigin}"`,
        );
      }
      if (!varyHas(response.headers, 'origin'))
        problems.push(
          `Vary is ${JSON.stringify(response.headers.vary)}, expected it to list Origin`,
        );
      const methods = String(response.headers['access-control-allow-methods'] ?? '');
      if (!/\bPOST\b/i.test(methods))
        problems.push(
          `Access-Control-Allow-Methods is ${JSON.stringify(methods)}, expected it to include POST`,
        );
      if (problems.length > 0)
        throw new Error(`OPTIONS ${PREFLIGHTED_PATH}: ${problems.join('; ')}`);
      return `${response.status}, Vary: ${response.headers.vary}`;
    },
  );

  for (const origin of refusedOrigins) {
    await checks.check(
      `api: a preflight from ${origin} (not in CORS_ALLOWED_ORIGINS) gets no Access-Control-Allow-Origin`,
      async () => {
        const response = await preflight(port, origin);
        const granted = response.headers['access-control-allow-origin'];
        if (granted !== undefined)
          throw new Error(
            `OPTIONS ${PREFLIGHTED_PATH} answered Access-Control-Allow-Origin: ${granted}`,
          );
        if (response.headers['access-control-allow-credentials'] !== undefined) {
          throw new Error(
            `OPTIONS ${PREFLIGHTED_PATH} answered Access-Control-Allow-Credentials without an allowed origin`,
          );
        }
        return `${response.status}, no CORS grant`;
      },
    );
  }
}
