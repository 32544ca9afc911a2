import { recordExchange } from './request-log-store';

/**
 * proxy.ts hands the CORS headers it set on to the route in this request header, because the route
 * handler's Response never contains them (Next merges them into the reply afterwards).
 */
export const PROXY_HEADERS = 'x-cors-lab-proxy-headers';

const TOKEN = Symbol.for('cors-lab.proxy-hand-over-token');

/** A per-process secret shared by proxy.ts and the routes (one globalThis), so a client cannot forge a hand-over. */
function handOverToken(): string {
  const store = globalThis as { [TOKEN]?: string };
  return (store[TOKEN] ??= crypto.randomUUID());
}

/** The value proxy.ts puts in PROXY_HEADERS. */
export function handOver(headers: Headers): string {
  return `${handOverToken()} ${JSON.stringify([...headers])}`;
}

/** The headers proxy.ts handed over, or undefined when the value is absent, forged or malformed. */
function takeOver(value: string | null): Headers | undefined {
  if (value === null) return undefined;
  const space = value.indexOf(' ');
  if (space < 0 || value.slice(0, space) !== handOverToken()) return undefined;
  try {
    return new Headers(JSON.parse(value.slice(space + 1)) as [string, string][]);
  } catch {
    return undefined;
  }
}

/** Wraps a route handler so every request it answers is recorded in this app's request log. */
export function logged<Args extends unknown[]>(
  handler: (request: Request, ...args: Args) => Response | Promise<Response>,
): (request: Request, ...args: Args) => Promise<Response> {
  return async (request, ...args) => {
    const response = await handler(request, ...args);
    if (!request.headers.has(PROXY_HEADERS)) {
      recordExchange(request, response);
      return response;
    }
    const proxyHeaders = takeOver(request.headers.get(PROXY_HEADERS));
    const seen = new Headers(request.headers);
    seen.delete(PROXY_HEADERS);
    // Next also copies the headers proxy.ts set into the route's request: they never came from the browser.
    proxyHeaders?.forEach((_value, name) => seen.delete(name));
    recordExchange(
      new Request(request.url, { method: request.method, headers: seen }),
      response,
      proxyHeaders,
    );
    return response;
  };
}
