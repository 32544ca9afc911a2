// One engine's fetch(), hop by hop: predict() plans each request (refused or not, preflight or not,
// which Access-Control-Request-* headers), the wire sends it, predict() judges what came back, and
// a followed redirect starts the next hop the way the Fetch Standard builds it.
import {
  predict,
  type BrowserEngine,
  type BrowserRequest,
  type ObservedResponse,
  type Prediction,
  type ServerAnswer,
} from '@cors-lab/cors-predict';
import type { EncodedBody } from './body.js';
import { followRedirect, isRedirectStatus, type HopRequest } from './redirect.js';
import type { CapturedExchange, DoctorOutcome, DoctorReason, DoctorRequest } from './types.js';
import type { ExchangeRequest, Wire } from './wire.js';

/** How one engine's fetch() ended, with what the report needs to word it. */
export interface WalkResult {
  outcome: DoctorOutcome;
  reason: DoctorReason;
  /** The last judgement predict() made (absent when a redirect step failed before judging). */
  prediction: Prediction | undefined;
  /** The exchange whose answer decided the outcome. */
  decidedBy: CapturedExchange | undefined;
  /** The request at the hop that decided it: its URL, method and the Origin it carried. */
  hop: { index: number; url: string; method: string; origin: string; redirectedFrom?: string };
  /** For failed redirect steps: the Location or limit at fault. */
  detail?: string;
  preflightCacheSeconds: number;
  preflightReused: boolean;
}

/** An engine's preflight cache across repeats: the answer that passed, until when (ms since epoch). */
export type PreflightCache = Map<string, { until: number; answer: ObservedResponse }>;

export interface WalkContext {
  request: Required<Omit<DoctorRequest, 'body' | 'headers'>> & {
    headers: readonly (readonly [string, string])[];
  };
  body: EncodedBody | undefined;
  wire: Wire;
  cache: PreflightCache;
  now: () => number;
}

/** Runs one fetch() for `engine`; rejects with UnreachableError when a server does not answer. */
export async function walk(engine: BrowserEngine, context: WalkContext): Promise<WalkResult> {
  const { request } = context;
  let hop: HopRequest = {
    url: request.url,
    method: request.method,
    headers: request.headers,
    hasBody: context.body !== undefined,
    tainted: false,
  };
  let corsTainting = false;
  let redirectedFrom: string | undefined;
  let preflightCacheSeconds = 0;
  let preflightReused = false;

  for (let index = 0; ; index++) {
    const origin = hop.tainted ? 'null' : request.origin;
    const where = { index, url: hop.url, method: hop.method, origin, redirectedFrom };
    const browserRequest = toBrowserRequest(hop, origin, context);
    const end = (
      prediction: Prediction | undefined,
      decidedBy: CapturedExchange | undefined,
      outcome: DoctorOutcome,
      reason: DoctorReason,
      detail?: string,
    ): WalkResult => ({
      outcome,
      reason,
      prediction,
      decidedBy,
      hop: where,
      ...(detail !== undefined && { detail }),
      preflightCacheSeconds,
      preflightReused,
    });

    const plan = predict(browserRequest, {}, { engine });
    if (plan.outcome === 'refused') {
      // After a redirect the request was already under way: a refusal there is a network error.
      return index === 0
        ? end(plan, undefined, 'refused', plan.reason)
        : end(plan, undefined, 'blocked', plan.reason);
    }
    const cors = plan.reason !== 'same-origin' && plan.reason !== 'no-cors-opaque';
    corsTainting ||= cors;
    const answer: { preflight?: ObservedResponse; response?: ObservedResponse } = {};

    if (plan.preflightRequest) {
      const preflight = plan.preflightRequest;
      const key = [hop.url, origin, request.credentials, preflight.accessControlRequestMethod]
        .concat(preflight.accessControlRequestHeaders ?? '')
        .join(' ');
      const cached = context.cache.get(key);
      if (cached !== undefined && cached.until > context.now()) {
        preflightReused = true;
        answer.preflight = cached.answer;
      } else {
        const exchange = await context.wire.send(engine, {
          kind: 'preflight',
          hop: index,
          method: 'OPTIONS',
          url: hop.url,
          origin,
          headers: [
            ['Accept', '*/*'],
            ['Origin', origin],
            ['Access-Control-Request-Method', preflight.accessControlRequestMethod],
            ...(preflight.accessControlRequestHeaders !== undefined
              ? [['Access-Control-Request-Headers', preflight.accessControlRequestHeaders] as const]
              : []),
          ],
        });
        answer.preflight = observed(exchange);
        const judged = predict(browserRequest, answer, { engine });
        if (judged.reason !== 'no-response') {
          const reason = isRedirectStatus(exchange.status) ? 'preflight-redirect' : judged.reason;
          return end(judged, exchange, judged.outcome, reason);
        }
        preflightCacheSeconds = judged.preflightCacheSeconds;
        if (preflightCacheSeconds > 0) {
          const until = context.now() + preflightCacheSeconds * 1000;
          context.cache.set(key, { until, answer: answer.preflight });
        }
      }
    }

    const sendsOrigin = cors || (hop.method !== 'GET' && hop.method !== 'HEAD');
    const exchange = await context.wire.send(
      engine,
      actualRequest(hop, index, origin, sendsOrigin, context, plan),
    );
    answer.response = observed(exchange);
    const judged = predict(browserRequest, answer as ServerAnswer, { engine });
    const location = headerValue(exchange, 'location');
    if (!isRedirectStatus(exchange.status) || location === undefined) {
      return end(judged, exchange, judged.outcome, judged.reason);
    }
    // The CORS check runs on a redirect too: a 3xx without the right headers ends the fetch here.
    if (judged.outcome === 'blocked') return end(judged, exchange, 'blocked', judged.reason);
    if (request.redirect === 'error')
      return end(judged, exchange, 'blocked', 'redirect-mode-error');
    if (request.redirect === 'manual') {
      return end(judged, exchange, 'opaqueredirect', 'opaque-redirect');
    }
    const step = followRedirect(hop, exchange.status, location, {
      pageOrigin: request.origin,
      followed: index,
      corsTainting,
      corsMode: request.mode === 'cors',
    });
    if (step.kind === 'fail') return end(judged, exchange, 'blocked', step.reason, step.detail);
    redirectedFrom = hop.url;
    hop = step.request;
  }
}

/** The hop as predict() takes it: the page's origin, or `null` once the origin is tainted. */
function toBrowserRequest(hop: HopRequest, origin: string, context: WalkContext): BrowserRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of withBodyType(hop, context)) {
    const existing = Object.keys(headers).find((key) => key.toLowerCase() === name.toLowerCase());
    if (existing === undefined) headers[name] = value;
    else headers[existing] = `${headers[existing]}, ${value}`;
  }
  return {
    pageOrigin: origin,
    url: hop.url,
    method: hop.method,
    headers,
    credentials: context.request.credentials,
    mode: context.request.mode,
  };
}

/** The page's headers plus the Content-Type the body brings when the page set none. */
function withBodyType(hop: HopRequest, context: WalkContext): (readonly [string, string])[] {
  const contentType = hop.hasBody ? context.body?.contentType : undefined;
  const hasOwn = hop.headers.some(([name]) => name.toLowerCase() === 'content-type');
  return contentType === undefined || hasOwn
    ? [...hop.headers]
    : [...hop.headers, ['Content-Type', contentType]];
}

function actualRequest(
  hop: HopRequest,
  index: number,
  origin: string,
  sendsOrigin: boolean,
  context: WalkContext,
  plan: Prediction,
): ExchangeRequest {
  const dropped = new Set(plan.droppedHeaders ?? []);
  const headers = withBodyType(hop, context).filter(([name]) => !dropped.has(name.toLowerCase()));
  if (!headers.some(([name]) => name.toLowerCase() === 'accept'))
    headers.unshift(['Accept', '*/*']);
  if (sendsOrigin) headers.push(['Origin', origin]);
  const body = hop.hasBody ? context.body?.bytes : undefined;
  return {
    kind: 'actual',
    hop: index,
    method: hop.method,
    url: hop.url,
    origin: sendsOrigin ? origin : null,
    headers,
    ...(body !== undefined && { body }),
  };
}

function observed(exchange: CapturedExchange): ObservedResponse {
  return { status: exchange.status, headers: exchange.headers };
}

function headerValue(exchange: CapturedExchange, name: string): string | undefined {
  const value = exchange.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
