import { decide } from '../decide.js';
import type { CorsRequest, Decision, Policy } from '../types.js';
import { appendVary } from '../vary.js';

/** A Fetch-API handler: Next.js route handlers, Hono's `app.fetch`, Bun.serve, Deno.serve. */
export type FetchHandler<Args extends unknown[] = []> = (
  request: Request,
  ...args: Args
) => Response | Promise<Response>;

export interface WithCorsOptions {
  /**
   * Turns an error thrown by the handler into a response; CORS headers are added to it.
   * Default: logs the error with console.error and answers 500 `{"error":"Internal Server Error"}`.
   */
  onError?: (error: unknown, request: Request) => Response | Promise<Response>;
}

/** The CORS-relevant part of a standard Request; Headers already joins repeated values with ", ". */
export function corsRequestFromFetch(request: Request): CorsRequest {
  const { headers } = request;
  return {
    method: request.method,
    origin: headers.get('origin') ?? undefined,
    accessControlRequestMethod: headers.get('access-control-request-method') ?? undefined,
    accessControlRequestHeaders: headers.get('access-control-request-headers') ?? undefined,
  };
}

/**
 * Wraps a handler: answers preflights itself (the handler never sees them) and adds CORS headers
 * to every other response, including 4xx/5xx and the 500 that replaces a thrown error.
 * @example export default { fetch: withCors(policy, app.fetch) } // Hono, Bun
 * @example export const GET = withCors(policy, async () => Response.json(data)) // Next.js
 */
export function withCors<Args extends unknown[]>(
  policy: Policy,
  handler: FetchHandler<Args>,
  options: WithCorsOptions = {},
): (request: Request, ...args: Args) => Promise<Response> {
  const onError = options.onError ?? internalServerError;
  return async (request, ...args) => {
    let decision: Decision;
    try {
      decision = await decide(policy, corsRequestFromFetch(request));
    } catch (error) {
      return onError(error, request);
    }
    if (decision.status !== undefined) return preflightResponse(decision);
    let response: Response;
    try {
      response = await handler(request, ...args);
    } catch (error) {
      response = await onError(error, request);
    }
    return withDecision(response, decision);
  };
}

/**
 * The answer to a preflight (status, CORS headers, Vary, empty body), or undefined when the request
 * is not a preflight. For a Next.js `OPTIONS` export or the top of `proxy.ts`.
 * @example const early = preflight(policy, request); if (early) return early;
 */
export function preflight(policy: Policy<true>, request: Request): Response | undefined;
export function preflight(
  policy: Policy,
  request: Request,
): Response | undefined | Promise<Response | undefined>;
export function preflight(
  policy: Policy,
  request: Request,
): Response | undefined | Promise<Response | undefined> {
  const decision = decide(policy, corsRequestFromFetch(request));
  return decision instanceof Promise
    ? decision.then(preflightResponseIfAny)
    : preflightResponseIfAny(decision);
}

/**
 * Adds the CORS headers for `request` to `response`: in place when its headers are mutable,
 * otherwise (e.g. a Response from fetch()) on a copy sharing the body.
 * @example return applyCors(policy, request, NextResponse.next()); // proxy.ts
 */
export function applyCors(policy: Policy<true>, request: Request, response: Response): Response;
export function applyCors(
  policy: Policy,
  request: Request,
  response: Response,
): Response | Promise<Response>;
export function applyCors(
  policy: Policy,
  request: Request,
  response: Response,
): Response | Promise<Response> {
  const decision = decide(policy, corsRequestFromFetch(request));
  return decision instanceof Promise
    ? decision.then((settled) => withDecision(response, settled))
    : withDecision(response, decision);
}

function preflightResponseIfAny(decision: Decision): Response | undefined {
  return decision.status === undefined ? undefined : preflightResponse(decision);
}

function preflightResponse(decision: Decision): Response {
  const headers = new Headers(decision.headers);
  if (decision.vary !== undefined) headers.set('Vary', decision.vary);
  // Safari waits for a body on a 204 without Content-Length.
  headers.set('Content-Length', '0');
  return new Response(null, { status: decision.status, headers });
}

function withDecision(response: Response, decision: Decision): Response {
  try {
    writeHeaders(response.headers, decision);
    return response;
  } catch {
    // Immutable headers (fetch(), Response.redirect()): copy the response; the body stream moves over.
  }
  let copy: Response;
  try {
    copy = new Response(response.body, response);
  } catch {
    // Response.error() (status 0) cannot be rebuilt and carries nothing a page could read anyway.
    return response;
  }
  writeHeaders(copy.headers, decision);
  return copy;
}

function writeHeaders(headers: Headers, decision: Decision): void {
  for (const name in decision.headers) headers.set(name, decision.headers[name] as string);
  if (decision.vary !== undefined) {
    const existing = headers.get('vary') ?? undefined;
    const next = appendVary(existing, decision.vary);
    if (next !== existing) headers.set('Vary', next);
  }
}

function internalServerError(error: unknown): Response {
  console.error(error);
  return Response.json({ error: 'Internal Server Error' }, { status: 500 });
}
