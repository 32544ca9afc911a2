import { recordExchange } from './request-log-store';

/**
 * proxy.ts hands the CORS headers it set on to the route in this request header, because the route
 * handler's Response never contains them (Next merges them into the reply afterwards).
 */
export const PROXY_HEADERS = 'x-cors-lab-proxy-headers';

/** Wraps a route handler so every request it answers is recorded in this app's request log. */
export function logged<Args extends unknown[]>(
  handler: (request: Request, ...args: Args) => Response | Promise<Response>,
): (request: Request, ...args: Args) => Promise<Response> {
  return async (request, ...args) => {
    const response = await handler(request, ...args);
    const handedOver = request.headers.get(PROXY_HEADERS);
    if (handedOver === null) {
      recordExchange(request, response);
      return response;
    }
    const proxyHeaders = new Headers(JSON.parse(handedOver) as [string, string][]);
    // Next also copies the headers proxy.ts set into the route's request: they never came from the browser.
    const seen = new Headers(request.headers);
    seen.delete(PROXY_HEADERS);
    proxyHeaders.forEach((_value, name) => seen.delete(name));
    recordExchange(
      new Request(request.url, { method: request.method, headers: seen }),
      response,
      proxyHeaders,
    );
    return response;
  };
}
