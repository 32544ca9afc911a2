import { decide } from '../decide.js';
import { isLivePolicy, type PolicySource } from '../live-policy.js';
import type { Decision, Policy } from '../types.js';
import { appendVary } from '../vary.js';
import {
  appendVaryHeader,
  corsRequestOf,
  type NodeRequestLike,
  type NodeResponseLike,
} from './express.js';

/** What the middleware uses of a Koa context (structural: no dependency on koa). */
export interface KoaContextLike extends NodeRequestLike {
  readonly method: string;
  readonly res: NodeResponseLike;
  respond?: boolean;
}

export type KoaMiddleware = (ctx: KoaContextLike, next: () => Promise<unknown>) => Promise<void>;

/**
 * Koa middleware: sets the CORS headers and answers preflights before later middleware runs;
 * appends `Origin` to `Vary` again after the route (which may have replaced it), and puts the
 * headers on a thrown error's `headers`, since Koa's error handler clears the response's headers.
 * @example app.use(koaCors(definePolicy({ origins: ['https://app.example.com'] })))
 */
export function koaCors(source: PolicySource): KoaMiddleware {
  const live = isLivePolicy(source) ? source : undefined;
  const fixed = source as Policy;
  return async (ctx, next) => {
    const decision = await decide(live === undefined ? fixed : live.current, corsRequestOf(ctx));
    const { res } = ctx;
    for (const name in decision.headers) res.setHeader(name, decision.headers[name] as string);
    if (decision.vary !== undefined) appendVaryHeader(res, decision.vary);
    if (decision.status !== undefined) {
      // Koa would drop Content-Length on a 204 and write "OK" on a 200: answer on the raw response.
      ctx.respond = false;
      res.statusCode = decision.status;
      res.setHeader('Content-Length', '0');
      res.end();
      return;
    }
    try {
      await next();
    } catch (error) {
      keepHeadersOnError(error, decision);
      throw error;
    }
    if (decision.vary !== undefined) appendVaryHeader(res, decision.vary);
  };
}

function keepHeadersOnError(error: unknown, decision: Decision): void {
  if (typeof error !== 'object' || error === null) return;
  const carrier = error as { headers?: Record<string, string> };
  const headers = { ...carrier.headers, ...decision.headers };
  if (decision.vary !== undefined) headers['Vary'] = appendVary(headers['Vary'], decision.vary);
  try {
    carrier.headers = headers;
  } catch {
    // A frozen error keeps its own headers; Koa then answers without CORS headers.
  }
}
