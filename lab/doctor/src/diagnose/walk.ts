// One engine's fetch(), driven by predict(): it says which request the engine sends next (the
// preflight with its Access-Control-Request-* headers, the request itself, the next hop of a
// redirect with its Origin), the wire sends it for real, and predict() goes on with the answer
// until the engine is done.
import {
  predict,
  type BrowserEngine,
  type BrowserRequest,
  type Exchange,
  type HopAnswer,
  type ObservedResponse,
  type Prediction,
  type RequestBody,
} from '@cors-lab/cors-predict';
import type { DoctorBody, EncodedBody } from './body.js';
import type { CapturedExchange, DoctorOutcome, DoctorReason, DoctorRequest } from './types.js';
import type { ExchangeRequest, Wire } from './wire.js';

/** How one engine's fetch() ended, with what the report needs to word it. */
export interface WalkResult {
  outcome: DoctorOutcome;
  reason: DoctorReason;
  /** predict()'s final judgement (absent when nothing answered). */
  prediction: Prediction | undefined;
  /** The exchange whose answer decided the outcome. */
  decidedBy: CapturedExchange | undefined;
  /** The request at the hop that decided it: its URL, method and the Origin it carried. */
  hop: { index: number; url: string; method: string; origin: string; redirectedFrom?: string };
  /** For a failed redirect: the Location at fault; when unreachable: the error. */
  detail?: string;
  preflightCacheSeconds: number;
  /** This round reused a preflight cached in an earlier round instead of sending one. */
  preflightReused: boolean;
}

/** An engine's preflight cache across repeats: the answer that passed, until when (ms since epoch). */
export type PreflightCache = Map<string, { until: number; answer: ObservedResponse }>;

export interface WalkContext {
  request: Required<Omit<DoctorRequest, 'body' | 'headers'>> & {
    headers: readonly (readonly [string, string])[];
    body?: DoctorBody;
  };
  body: EncodedBody | undefined;
  wire: Wire;
  cache: PreflightCache;
  now: () => number;
}

/** What Firefox uploads for a ReadableStream body: the stream's string conversion. */
const STREAM_AS_TEXT = '[object ReadableStream]';

/** Runs one fetch() for `engine`; rejects with UnreachableError when a server does not answer. */
export async function walk(engine: BrowserEngine, context: WalkContext): Promise<WalkResult> {
  const browserRequest = toBrowserRequest(context);
  const answers: HopAnswer[] = [{}];
  const captured = new Map<string, CapturedExchange>();
  let preflightReused = false;
  let firstPreflight: { key: string; answer: ObservedResponse } | undefined;

  for (;;) {
    const [first, ...next] = answers;
    const prediction = predict(
      browserRequest,
      { preflight: first?.preflight, response: first?.response, next },
      { engine },
    );
    const last = prediction.exchanges.at(-1);
    if (prediction.reason === 'no-response' && last && last.status === undefined) {
      const hop = (answers[last.hop] ??= {});
      if (last.kind === 'preflight') {
        const key = [
          last.url,
          last.origin,
          context.request.credentials,
          last.accessControlRequestMethod,
          last.accessControlRequestHeaders,
        ].join(' ');
        const cached = context.cache.get(key);
        if (cached && cached.until > context.now()) {
          preflightReused = true;
          hop.preflight = cached.answer;
          continue;
        }
        const exchange = await context.wire.send(engine, preflightRequest(last));
        captured.set(`${last.hop} preflight`, exchange);
        hop.preflight = observed(exchange);
        if (last.hop === 0) firstPreflight = { key, answer: hop.preflight };
      } else {
        const exchange = await context.wire.send(engine, actualRequest(last, engine, context));
        captured.set(`${last.hop} request`, exchange);
        hop.response = observed(exchange);
      }
      continue;
    }
    if (prediction.unfollowedRedirect !== undefined) {
      answers.push({ url: prediction.unfollowedRedirect });
      continue;
    }
    const seconds = prediction.preflightCacheSeconds;
    if (firstPreflight && seconds > 0) {
      const until = context.now() + seconds * 1000;
      context.cache.set(firstPreflight.key, { until, answer: firstPreflight.answer });
    }
    return result(prediction, captured, preflightReused);
  }
}

function result(
  prediction: Prediction,
  captured: ReadonlyMap<string, CapturedExchange>,
  preflightReused: boolean,
): WalkResult {
  const last = prediction.exchanges.at(-1);
  const decidedBy = last && captured.get(`${last.hop} ${last.kind}`);
  const previous =
    last && prediction.exchanges.findLast((exchange) => exchange.hop === last.hop - 1);
  const outcome: DoctorOutcome =
    prediction.responseType === 'opaqueredirect' ? 'opaqueredirect' : prediction.outcome;
  // A preflight answered with a 3xx fails like any non-2xx one; the doctor names the redirect.
  const reason: DoctorReason =
    last?.kind === 'preflight' &&
    prediction.reason === 'preflight-status' &&
    decidedBy !== undefined &&
    decidedBy.status >= 300 &&
    decidedBy.status < 400
      ? 'preflight-redirect'
      : prediction.reason;
  const location = decidedBy?.headers.location;
  return {
    outcome,
    reason,
    prediction,
    decidedBy,
    hop: {
      index: last?.hop ?? 0,
      url: last?.url ?? prediction.finalUrl,
      method: last?.kind === 'request' ? last.method : (last?.accessControlRequestMethod ?? 'GET'),
      origin: last?.origin ?? 'null',
      ...(previous && { redirectedFrom: previous.url }),
    },
    ...(location !== undefined && { detail: [location].flat()[0] }),
    preflightCacheSeconds: prediction.preflightCacheSeconds,
    preflightReused,
  };
}

/** The doctor's request as predict() takes it. */
function toBrowserRequest(context: WalkContext): BrowserRequest {
  const { request } = context;
  const body = request.body ? toRequestBody(request.body) : undefined;
  return {
    pageOrigin: request.origin,
    url: request.url,
    method: request.method,
    headers: request.headers,
    credentials: request.credentials,
    mode: request.mode,
    redirect: request.redirect,
    ...(body && { body }),
    // The doctor sends a stream the way a page must ask for it; without it fetch() always throws.
    ...(body?.kind === 'readable-stream' && { duplex: 'half' as const }),
  };
}

function toRequestBody(body: DoctorBody): RequestBody {
  switch (body.kind) {
    case 'string':
      return { kind: 'string' };
    case 'urlsearchparams':
      return { kind: 'url-search-params' };
    case 'formdata':
      return { kind: 'form-data' };
    case 'blob':
      return { kind: 'blob', type: body.blobType ?? '' };
    case 'arraybuffer':
      return { kind: 'array-buffer' };
    case 'stream':
      return { kind: 'readable-stream' };
  }
}

function preflightRequest(exchange: Exchange): ExchangeRequest {
  const origin = exchange.origin ?? 'null';
  return {
    kind: 'preflight',
    hop: exchange.hop,
    method: 'OPTIONS',
    url: exchange.url,
    origin,
    headers: [
      ['Accept', '*/*'],
      ['Origin', origin],
      ['Access-Control-Request-Method', exchange.accessControlRequestMethod ?? 'GET'],
      ...(exchange.accessControlRequestHeaders !== undefined
        ? [['Access-Control-Request-Headers', exchange.accessControlRequestHeaders] as const]
        : []),
    ],
  };
}

/** The request itself with the values of the headers predict() says go out, and the body. */
function actualRequest(
  exchange: Exchange,
  engine: BrowserEngine,
  context: WalkContext,
): ExchangeRequest {
  const goOut = new Set(exchange.headers);
  const headers: [string, string][] = [];
  for (const [name, value] of context.request.headers) {
    const lower = name.toLowerCase();
    if (!goOut.has(lower) || lower === 'content-type') continue;
    const existing = headers.find(([known]) => known.toLowerCase() === lower);
    // Every engine sends a repeated header once, its values joined by ", ".
    if (existing) existing[1] = `${existing[1]}, ${value}`;
    else headers.push([name, value]);
  }
  if (!headers.some(([name]) => name.toLowerCase() === 'accept'))
    headers.unshift(['Accept', '*/*']);
  const streamAsText = engine === 'firefox' && context.request.body?.kind === 'stream';
  if (exchange.contentType !== undefined) {
    const ownType = context.request.headers.some(([name]) => name.toLowerCase() === 'content-type');
    // The real multipart boundary when the browser derives the type, else what predict() says.
    const derived = !ownType && !streamAsText ? context.body?.contentType : undefined;
    headers.push(['Content-Type', derived ?? exchange.contentType]);
  }
  if (exchange.origin !== undefined) headers.push(['Origin', exchange.origin]);
  const bytes = !exchange.body
    ? undefined
    : streamAsText
      ? new TextEncoder().encode(STREAM_AS_TEXT)
      : context.body?.bytes;
  return {
    kind: 'actual',
    hop: exchange.hop,
    method: exchange.method,
    url: exchange.url,
    origin: exchange.origin ?? null,
    headers,
    ...(bytes !== undefined && { body: bytes }),
  };
}

function observed(exchange: CapturedExchange): ObservedResponse {
  return { status: exchange.status, headers: exchange.headers };
}
