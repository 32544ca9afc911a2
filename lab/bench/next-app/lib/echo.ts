/** The handler both routes share: the bench compares it alone with it behind the Fetch adapter. */
export function echo(request: Request): Response {
  return Response.json(
    { ok: true, method: request.method },
    { headers: { 'X-Request-Id': request.headers.get('x-request-id') ?? 'bench' } },
  );
}
