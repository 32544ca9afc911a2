import { decide } from '../decide.js';
import { isLivePolicy, type PolicySource } from '../live-policy.js';
import type { CorsRequest, Decision, Policy } from '../types.js';
import { runtime } from '../runtime.js';
import { appendVary } from '../vary.js';

/** The parts of a Fetch `Headers` this adapter uses; declared here so no DOM or Node types are needed. */
export interface FetchHeadersLike {
  get(name: string): string | null;
  set(name: string, value: string): void;
}

/** What the adapter reads of a Fetch `Request`: the standard Request, Next.js's NextRequest, Hono's. */
export interface FetchRequestLike {
  readonly method: string;
  readonly headers: { get(name: string): string | null };
}

/** What the adapter uses of a Fetch `Response`. */
export interface FetchResponseLike {
  readonly headers: FetchHeadersLike;
  readonly body: unknown;
  readonly status: number;
}

/**
 * The global `Response` type where the project declares it (the DOM lib, @types/node, Bun, Deno),
 * else FetchResponseLike: what preflight() returns unless told otherwise.
 */
export type RuntimeResponse = typeof globalThis extends {
  Response: { prototype: infer R extends FetchResponseLike };
}
  ? R
  : FetchResponseLike;

/** A Fetch-API handler: Next.js route handlers, Hono's `app.fetch`, Bun.serve, Deno.serve. */
export type FetchHandler<
  Req extends FetchRequestLike = FetchRequestLike,
  Res extends FetchResponseLike = FetchResponseLike,
  Args extends unknown[] = [],
> = (request: Req, ...args: Args) => Res | Promise<Res>;

export interface WithCorsOptions<
  Req extends FetchRequestLike = FetchRequestLike,
  Res extends FetchResponseLike = FetchResponseLike,
> {
  /**
   * Turns an error thrown by the handler into a response; CORS headers are added to it.
   * Default: logs the error with console.error and answers 500 `{"error":"Internal Server Error"}`.
   */
  onError?: ((error: unknown, request: Req) => Res | Promise<Res>) | undefined;
}

/** The CORS-relevant part of a standard Request; Headers already joins repeated values with ", ". */
export function corsRequestFromFetch(request: FetchRequestLike): CorsRequest {
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
 * @example serve({ fetch: withCors(policy, app.fetch), port: 8000 }) // Hono on Node (@hono/node-server)
 * @example export default { fetch: withCors(policy, app.fetch) } // Hono on Workers or Bun
 * @example export const GET = withCors(policy, async () => Response.json(data)) // Next.js
 */
export function withCors<
  Req extends FetchRequestLike,
  Res extends FetchResponseLike,
  Args extends unknown[],
>(
  source: PolicySource,
  handler: FetchHandler<Req, Res, Args>,
  options: WithCorsOptions<Req, Res> = {},
): (request: Req, ...args: Args) => Promise<Res> {
  const onError = options.onError ?? (internalServerError as (error: unknown) => Res);
  const live = isLivePolicy(source) ? source : undefined;
  return async (request, ...args) => {
    let decision: Decision;
    try {
      decision = await decide(
        live === undefined ? (source as Policy) : live.current,
        corsRequestFromFetch(request),
      );
    } catch (error) {
      return onError(error, request);
    }
    if (decision.status !== undefined) return preflightResponse(decision) as Res;
    let response: Res;
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
export function preflight<Res extends FetchResponseLike = RuntimeResponse>(
  policy: PolicySource<true>,
  request: FetchRequestLike,
): Res | undefined;
export function preflight<Res extends FetchResponseLike = RuntimeResponse>(
  policy: PolicySource,
  request: FetchRequestLike,
): Res | undefined | Promise<Res | undefined>;
export function preflight(
  source: PolicySource,
  request: FetchRequestLike,
): FetchResponseLike | undefined | Promise<FetchResponseLike | undefined> {
  const decision = decide(
    isLivePolicy(source) ? source.current : source,
    corsRequestFromFetch(request),
  );
  return decision instanceof Promise
    ? decision.then(preflightResponseIfAny)
    : preflightResponseIfAny(decision);
}

/**
 * Adds the CORS headers for `request` to `response`: in place when its headers are mutable,
 * otherwise (e.g. a Response from fetch()) on a copy sharing the body.
 * @example return applyCors(policy, request, NextResponse.next()); // proxy.ts
 */
export function applyCors<Res extends FetchResponseLike>(
  policy: PolicySource<true>,
  request: FetchRequestLike,
  response: Res,
): Res;
export function applyCors<Res extends FetchResponseLike>(
  policy: PolicySource,
  request: FetchRequestLike,
  response: Res,
): Res | Promise<Res>;
export function applyCors<Res extends FetchResponseLike>(
  source: PolicySource,
  request: FetchRequestLike,
  response: Res,
): Res | Promise<Res> {
  const decision = decide(
    isLivePolicy(source) ? source.current : source,
    corsRequestFromFetch(request),
  );
  return decision instanceof Promise
    ? decision.then((settled) => withDecision(response, settled))
    : withDecision(response, decision);
}

function preflightResponseIfAny(decision: Decision): FetchResponseLike | undefined {
  return decision.status === undefined ? undefined : preflightResponse(decision);
}

function preflightResponse(decision: Decision): FetchResponseLike {
  const headers = new runtime.Headers(decision.headers);
  if (decision.vary !== undefined) headers.set('Vary', decision.vary);
  // Safari waits for a body on a 204 without Content-Length.
  headers.set('Content-Length', '0');
  return new runtime.Response(null, { status: decision.status ?? 204, headers });
}

function withDecision<Res extends FetchResponseLike>(response: Res, decision: Decision): Res {
  try {
    writeHeaders(response.headers, decision);
    return response;
  } catch {
    // Immutable headers (fetch(), Response.redirect()): copy the response; the body stream moves over.
  }
  let copy: FetchResponseLike;
  try {
    copy = new runtime.Response(response.body, response);
  } catch {
    // Response.error() (status 0) cannot be rebuilt and carries nothing a page could read anyway.
    return response;
  }
  writeHeaders(copy.headers, decision);
  return copy as Res;
}

function writeHeaders(headers: FetchHeadersLike, decision: Decision): void {
  for (const name in decision.headers) headers.set(name, decision.headers[name] as string);
  if (decision.vary !== undefined) {
    const existing = headers.get('vary') ?? undefined;
    const next = appendVary(existing, decision.vary);
    if (next !== existing) headers.set('Vary', next);
  }
}

function internalServerError(error: unknown): FetchResponseLike {
  runtime.console.error(error);
  return runtime.Response.json({ error: 'Internal Server Error' }, { status: 500 });
}
