import { originsFromEnv, webRouteById } from '@cors-lab/scenarios';

/** The stand-in third-party API's key when THIRD_PARTY_API_KEY is unset (the lab API's default too). */
const DEFAULT_KEY = 'lab-demo-key';

/**
 * The backend half of the third-party case: calls the API the page may not call itself, with a key
 * read from this server's environment (it never reaches the page), and answers with its JSON.
 */
export function thirdPartyBackend(): (request: Request) => Promise<Response> {
  const route = webRouteById('third-party-backend');
  if (!route || route.kind === 'proxy' || !route.upstream) {
    throw new Error(
      'The catalogue has no web route "third-party-backend" with an upstream; expected one in WEB_ROUTES of @cors-lab/scenarios.',
    );
  }
  const upstream = `${originsFromEnv(process.env).api}${route.upstream}`;
  return async (request) => {
    const run = new URL(request.url).searchParams.get('run');
    const url = run === null ? upstream : `${upstream}?run=${encodeURIComponent(run)}`;
    const key = process.env.THIRD_PARTY_API_KEY?.trim() || DEFAULT_KEY;
    const answer = await fetch(url, { headers: { 'X-Api-Key': key }, cache: 'no-store' });
    if (!answer.ok) {
      return Response.json(
        { error: `The third-party API answered ${answer.status}.` },
        { status: 502, headers: { 'Cache-Control': 'no-store' } },
      );
    }
    return Response.json(await answer.json(), { headers: { 'Cache-Control': 'no-store' } });
  };
}
