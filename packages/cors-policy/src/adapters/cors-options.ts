import { decide } from '../decide.js';
import { isLivePolicy, type PolicySource } from '../live-policy.js';
import type { Decision, Policy } from '../types.js';
import { corsRequestOf, type NodeRequestLike } from './express.js';

/** The options of the `cors` package and of `@fastify/cors` this adapter fills in (declared here: no dependency). */
export interface CorsPackageOptions {
  origin: string | string[] | false;
  credentials: boolean;
  methods: string | string[];
  allowedHeaders: string | string[];
  /** Left out when none are exposed: @fastify/cors writes an empty or "undefined" header otherwise. */
  exposedHeaders?: string;
  /** Left out when the policy sends none, for the same reason. */
  maxAge?: number;
  preflightContinue: boolean;
  optionsSuccessStatus: number;
  /** Read by @fastify/cors only: false lets an OPTIONS that is no preflight reach the route. */
  preflight: boolean;
}

/** The "options delegate" signature both packages accept (`@fastify/cors`: `{ delegator }`). */
export type CorsOptionsDelegate = (
  req: NodeRequestLike & { raw?: unknown },
  callback: (error: Error | null, options?: CorsPackageOptions) => void,
) => void;

/**
 * Options for the `cors` package, or `@fastify/cors`, computed per request from decide(), so that
 * `app.use(cors(toCorsOptions(policy)))` emits the same headers and status as corsMiddleware(policy):
 * the policy's validation and safe matching, with the package only writing the answer. A Fastify
 * request (it has `raw`) gets the options @fastify/cors needs to write the same answer.
 * @example app.use(cors(toCorsOptions(policy)))
 * @example await app.register(fastifyCors, { delegator: toCorsOptions(policy) })
 */
export function toCorsOptions(source: PolicySource): CorsOptionsDelegate {
  const live = isLivePolicy(source) ? source : undefined;
  const fixed = source as Policy;
  return (req, callback) => {
    let decision: Decision | Promise<Decision>;
    try {
      decision = decide(live === undefined ? fixed : live.current, corsRequestOf(req));
    } catch (error) {
      callback(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const fastify = req.raw !== undefined;
    if (decision instanceof Promise) {
      decision.then(
        (settled) => callback(null, optionsFor(settled, fastify)),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    } else {
      callback(null, optionsFor(decision, fastify));
    }
  };
}

/**
 * Translates a Decision into package options, working around their quirks:
 * - `cors` 2.8.6: an origin answering false skips every header, Vary included, so a rejection
 *   passes an empty list, which it answers with `Vary: Origin` and no Allow-Origin;
 * - `@fastify/cors` adds `Vary: Origin` itself but writes Allow-Methods and Allow-Headers on any
 *   preflight it answers, even empty: a rejection passes `origin: false`, so it writes nothing and
 *   the refused preflight falls through to its OPTIONS route (404, no CORS headers);
 * - an empty or missing allowedHeaders makes both reflect Access-Control-Request-Headers: an empty
 *   list is passed (joined to "", which `cors` omits and `@fastify/cors` writes empty);
 * - both treat every OPTIONS as a preflight: preflightContinue (and for @fastify/cors `preflight`)
 *   let what decide() does not call a preflight go on to the route, as with corsMiddleware;
 * - both also set Expose-Headers on preflights: they are passed only for actual requests.
 */
function optionsFor(decision: Decision, fastify: boolean): CorsPackageOptions {
  const { headers } = decision;
  const preflight = decision.status !== undefined;
  const allowOrigin = headers['Access-Control-Allow-Origin'];
  const maxAge = headers['Access-Control-Max-Age'];
  const exposed = headers['Access-Control-Expose-Headers'];
  const options: CorsPackageOptions = {
    origin: allowOrigin ?? (fastify ? false : []),
    credentials: headers['Access-Control-Allow-Credentials'] === 'true',
    methods: headers['Access-Control-Allow-Methods'] ?? [],
    allowedHeaders: headers['Access-Control-Allow-Headers'] ?? [],
    preflightContinue: !preflight,
    optionsSuccessStatus: decision.status ?? 204,
    preflight,
  };
  if (exposed !== undefined && !preflight) options.exposedHeaders = exposed;
  if (maxAge !== undefined) options.maxAge = Number(maxAge);
  return options;
}
