/**
 * The answer of the lab's `echo` routes, as the catalogue describes it: 200 JSON
 * `{ ok, route, method, run }` and an `X-Request-Id` header (the request's, or a new one).
 */
export function echo(route: string): (request: Request) => Response {
  return (request) => {
    const run = new URL(request.url).searchParams.get('run');
    const requestId = request.headers.get('x-request-id') ?? crypto.randomUUID();
    return Response.json(
      { ok: true, route, method: request.method, run },
      { headers: { 'X-Request-Id': requestId, 'Cache-Control': 'no-store' } },
    );
  };
}
