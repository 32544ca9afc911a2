import { decide } from '../decide.js';
import { isLivePolicy, type PolicySource } from '../live-policy.js';
import type { CorsRequest, Decision, Policy } from '../types.js';
import { appendVary } from '../vary.js';

/** What the middleware reads from a Node.js / Express request (structural: no dependency on express). */
export interface NodeRequestLike {
  method?: string | undefined;
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/** What the middleware uses of a Node.js / Express response; it names headers in lowercase. */
export interface NodeResponseLike {
  statusCode: number;
  getHeader(name: string): number | string | readonly string[] | undefined;
  setHeader(name: string, value: string): unknown;
  end(): unknown;
}

export type NextFunctionLike = (error?: unknown) => void;

export type NodeMiddleware = (
  req: NodeRequestLike,
  res: NodeResponseLike,
  next: NextFunctionLike,
) => void;

/**
 * Express (and plain node:http style) middleware: sets the Access-Control-* headers decide()
 * returns, appends to Vary, ends preflights with their status and `Content-Length: 0`, and calls
 * next() otherwise. Headers are set before the route runs, so they stay on 4xx/5xx answers.
 * A predicate that throws or rejects goes to next(error). A live policy is read once per request.
 * @example app.use(corsMiddleware(definePolicy({ origins: ['https://app.example.com'] })))
 */
export function corsMiddleware(source: PolicySource): NodeMiddleware {
  const live = isLivePolicy(source) ? source : undefined;
  const fixed = source as Policy;
  return (req, res, next) => {
    let decision: Decision | Promise<Decision>;
    try {
      decision = decide(live === undefined ? fixed : live.current, corsRequestOf(req));
    } catch (error) {
      next(error);
      return;
    }
    if (decision instanceof Promise) {
      decision.then((settled) => answer(settled, res, next), next);
    } else {
      answer(decision, res, next);
    }
  };
}

/** The CORS-relevant part of a Node.js request; Node already lowercases header names. */
export function corsRequestOf(req: NodeRequestLike): CorsRequest {
  const { headers } = req;
  return {
    method: req.method ?? '',
    origin: headers['origin'],
    accessControlRequestMethod: headers['access-control-request-method'],
    accessControlRequestHeaders: headers['access-control-request-headers'],
  };
}

/**
 * Node.js keys every header by its lowercased name, and lowercasing a canonical name costs a new
 * string and a string-table lookup per header, per request. Names are case-insensitive on the wire
 * (HTTP/2 and HTTP/3 send them lowercase anyway), so the middleware hands Node the lowercase form.
 */
const NODE_HEADER_NAME: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': 'access-control-allow-origin',
  'Access-Control-Allow-Credentials': 'access-control-allow-credentials',
  'Access-Control-Allow-Methods': 'access-control-allow-methods',
  'Access-Control-Allow-Headers': 'access-control-allow-headers',
  'Access-Control-Expose-Headers': 'access-control-expose-headers',
  'Access-Control-Max-Age': 'access-control-max-age',
};

function answer(decision: Decision, res: NodeResponseLike, next: NextFunctionLike): void {
  const { headers } = decision;
  for (const name in headers) {
    res.setHeader(NODE_HEADER_NAME[name] ?? name, headers[name] as string);
  }
  if (decision.vary !== undefined) appendVaryHeader(res, decision.vary);
  if (decision.status === undefined) {
    next();
    return;
  }
  // Safari waits for a body on a 204 without Content-Length.
  res.statusCode = decision.status;
  res.setHeader('content-length', '0');
  res.end();
}

/** Appends to whatever Vary earlier middleware set, never overwriting it. */
export function appendVaryHeader(res: NodeResponseLike, token: string): void {
  // Node keys names lowercased: asking and setting in lowercase spares it a string per request.
  const current = res.getHeader('vary');
  // The common case: nothing set before, nothing to merge.
  if (current === undefined) {
    res.setHeader('vary', token);
    return;
  }
  const existing = Array.isArray(current) ? current.join(', ') : String(current);
  const next = appendVary(existing, token);
  if (next !== existing) res.setHeader('vary', next);
}
