import { decide } from '../decide.js';
import type { Decision, Policy } from '../types.js';
import { corsRequestOf, type NodeRequestLike } from './express.js';

/** The subset of the `cors` package's options this adapter fills in (declared here: no dependency). */
export interface CorsPackageOptions {
  origin: string | string[];
  credentials: boolean;
  methods: string | string[];
  allowedHeaders: string | string[];
  exposedHeaders: string | string[];
  maxAge: number | undefined;
  preflightContinue: boolean;
  optionsSuccessStatus: number;
}

/** The `cors` package's "options delegate" signature. */
export type CorsOptionsDelegate = (
  req: NodeRequestLike,
  callback: (error: Error | null, options?: CorsPackageOptions) => void,
) => void;

/**
 * Options for the `cors` package computed per request from decide(), so that
 * `app.use(cors(toCorsOptions(policy)))` emits the same headers and status as corsMiddleware(policy):
 * the policy's validation and safe matching, with `cors` only writing the answer.
 * @example app.use(cors(toCorsOptions(policy)))
 */
export function toCorsOptions(policy: Policy): CorsOptionsDelegate {
  return (req, callback) => {
    let decision: Decision | Promise<Decision>;
    try {
      decision = decide(policy, corsRequestOf(req));
    } catch (error) {
      callback(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (decision instanceof Promise) {
      decision.then(
        (settled) => callback(null, optionsFor(settled)),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    } else {
      callback(null, optionsFor(decision));
    }
  };
}

/**
 * Translates a Decision into `cors` 2.8.6 options, working around its quirks:
 * - an origin callback answering false skips every header, Vary included: a rejection passes an
 *   empty list instead, which `cors` answers with `Vary: Origin` and no Allow-Origin;
 * - an empty or missing allowedHeaders makes it reflect Access-Control-Request-Headers: an empty
 *   list is passed, which it joins to "" and then omits;
 * - it treats every OPTIONS as a preflight: preflightContinue is set for everything decide() does
 *   not call a preflight, so those go on to the route as with corsMiddleware;
 * - it also sets Expose-Headers on preflights: they are passed only for actual requests.
 */
function optionsFor(decision: Decision): CorsPackageOptions {
  const { headers } = decision;
  const preflight = decision.status !== undefined;
  const maxAge = headers['Access-Control-Max-Age'];
  return {
    origin: headers['Access-Control-Allow-Origin'] ?? [],
    credentials: headers['Access-Control-Allow-Credentials'] === 'true',
    methods: headers['Access-Control-Allow-Methods'] ?? [],
    allowedHeaders: headers['Access-Control-Allow-Headers'] ?? [],
    exposedHeaders: preflight ? [] : (headers['Access-Control-Expose-Headers'] ?? []),
    maxAge: maxAge === undefined ? undefined : Number(maxAge),
    preflightContinue: !preflight,
    optionsSuccessStatus: decision.status ?? 204,
  };
}
