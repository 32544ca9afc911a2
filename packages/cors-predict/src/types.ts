// The predictor's input and output: a browser request, what the server answered, what the browser does.
import type { HeaderValue } from '@cors-lab/cors-policy';

export type CredentialsMode = 'omit' | 'same-origin' | 'include';
export type RequestMode = 'cors' | 'no-cors' | 'same-origin';
export type RedirectMode = 'follow' | 'manual' | 'error';

/** Browser engines predict() can answer for. */
export type BrowserEngine = 'chromium' | 'firefox' | 'webkit';

/**
 * The kind of body passed to fetch(), which decides the Content-Type the browser adds (unless the
 * page sets one): `string` text/plain;charset=UTF-8, `url-search-params`
 * application/x-www-form-urlencoded;charset=UTF-8, `form-data` multipart/form-data; boundary=…,
 * `blob` its `type` when not empty, `array-buffer` (any BufferSource) and `readable-stream` none.
 */
export type RequestBody =
  | { readonly kind: 'string' | 'url-search-params' | 'form-data' | 'array-buffer' }
  | { readonly kind: 'blob'; readonly type?: string }
  | { readonly kind: 'readable-stream' };

/** Request headers as fetch() takes them: a record, or name/value pairs (a name may repeat). */
export type RequestHeadersInit =
  Readonly<Record<string, string>> | readonly (readonly [name: string, value: string])[];

/** A request as a page would make it with fetch(). */
export interface BrowserRequest {
  /** The page's origin, e.g. `http://localhost:3000`. */
  pageOrigin: string;
  /** Absolute URL fetched. */
  url: string;
  /** Default `'GET'`. */
  method?: string;
  /** Headers passed to fetch(); a name may repeat (pairs, or keys differing in case), as Headers.append() allows. */
  headers?: RequestHeadersInit;
  /** Default `'same-origin'`, as in fetch(). */
  credentials?: CredentialsMode;
  /** Default `'cors'`, as in fetch(). */
  mode?: RequestMode;
  /** Default `'follow'`, as in fetch(): `'manual'` gives an opaque-redirect response, `'error'` a TypeError. */
  redirect?: RedirectMode;
  /** The body's kind (its Content-Type and whether it can be sent again on a 307/308). */
  body?: RequestBody;
  /** `'half'` is required by the Fetch Standard for a `readable-stream` body. */
  duplex?: 'half';
}

/** A response as the server sent it (status and raw headers), e.g. from the request log. */
export interface ObservedResponse {
  status: number;
  headers: Readonly<Record<string, HeaderValue>>;
}

/** What one URL answered: the preflight (if one was sent) and the actual response. */
export interface HopAnswer {
  /** The URL this answer belongs to; when given, predict() checks the redirect really leads there. */
  url?: string;
  preflight?: ObservedResponse;
  response?: ObservedResponse;
}

/**
 * What the server answered: the preflight (if one was sent) and the actual response at the URL
 * fetched, then, when that response is a redirect the browser follows, `next[0]` for the URL in
 * its Location, `next[1]` for the one after, and so on.
 */
export interface ServerAnswer {
  preflight?: ObservedResponse;
  response?: ObservedResponse;
  /** The answers after each followed redirect, in order. */
  next?: readonly HopAnswer[];
  /** The HTTP version the connection uses; default `'http/1.1'` (Chromium streams a body only over h2/h3). */
  protocol?: 'http/1.1' | 'h2' | 'h3';
}

export type PredictedOutcome =
  /** The page can read the response. */
  | 'allowed'
  /**
   * fetch() rejects with a TypeError: the browser hides the response, or never sends the request
   * (mixed content, a bad port, mode 'same-origin' to another origin).
   */
  | 'blocked'
  /** `no-cors`: the page gets an opaque response (status 0, no headers, no body). */
  | 'opaque'
  /** `new Request()` throws before anything is sent (forbidden method, no-cors with a non-simple request, an invalid URL or header, ...). */
  | 'refused';

export type PredictionReason =
  | 'same-origin'
  | 'cors-allowed'
  | 'no-cors-opaque'
  | 'forbidden-method'
  | 'no-cors-not-simple'
  | 'same-origin-mode'
  | 'missing-allow-origin'
  | 'multiple-allow-origin'
  | 'allow-origin-mismatch'
  | 'wildcard-with-credentials'
  | 'missing-allow-credentials'
  | 'preflight-status'
  | 'method-not-allowed'
  | 'header-not-allowed'
  | 'no-response'
  /** fetch() throws: the URL does not parse, is not http(s), or has `user:password@`. */
  | 'invalid-url'
  /** fetch() throws: the method is not a token (`'GET POST'`). */
  | 'invalid-method'
  /** fetch() throws: a header name is not a token or a value has NUL, CR, LF or non-Latin-1. */
  | 'invalid-header'
  /** An https page fetching plain http from a non-loopback host: blocked before CORS. */
  | 'mixed-content'
  /** The URL's port is on the Fetch Standard's bad-port list (6000, 6667, 10080, ...): fetch() rejects. */
  | 'bad-port'
  /** Access-Control-Allow-Credentials is present but not exactly `true`. */
  | 'invalid-allow-credentials'
  /** Access-Control-Allow-Methods is not a list of tokens: the whole preflight fails. */
  | 'malformed-allow-methods'
  /** Access-Control-Allow-Headers is not a list of tokens: the whole preflight fails. */
  | 'malformed-allow-headers'
  /** fetch() rejects: `mode: 'no-cors'` to another origin allows only `redirect: 'follow'`. */
  | 'no-cors-redirect-mode'
  /** fetch() throws: a body with GET or HEAD, a stream without `duplex: 'half'`, or a stream in no-cors mode. */
  | 'invalid-body'
  /** The engine cannot upload a ReadableStream (WebKit: NotSupportedError before sending). */
  | 'stream-upload-unsupported'
  /** Chromium streams a request body only over HTTP/2 or HTTP/3: over HTTP/1.1 the fetch fails after the preflight. */
  | 'stream-needs-http2'
  /** `redirect: 'error'` and the server answered with a redirect. */
  | 'redirect-mode-error'
  /** `redirect: 'manual'`: the page gets an opaque-redirect response (type "opaqueredirect", status 0). */
  | 'opaque-redirect'
  /** The Location does not parse, or is not http(s). */
  | 'invalid-redirect-location'
  /** The Location carries user:password@ where the Fetch Standard (or the engine) refuses it. */
  | 'redirect-userinfo'
  /** More than 20 redirects. */
  | 'too-many-redirects'
  /** A ReadableStream body cannot be sent again, so any redirect but 303 fails. */
  | 'redirect-body-not-replayable'
  /** A redirect the engine refuses though the Fetch Standard follows it (see `engines`). */
  | 'redirect-refused-by-engine';

/** The OPTIONS preflight a browser sends (never with cookies), in decide()'s request shape. */
export interface PreflightRequest {
  method: 'OPTIONS';
  /** The page's serialized origin. */
  origin: string;
  /** The actual request's method, normalized. */
  accessControlRequestMethod: string;
  /** Sorted lowercase names joined by `,`; absent when only the method needs permission. */
  accessControlRequestHeaders?: string;
}

/** One request that reaches a server: a preflight or the actual request, at one hop. */
export interface Exchange {
  kind: 'preflight' | 'request';
  /** 0 for the URL fetched, 1 after the first redirect, ... */
  hop: number;
  method: string;
  url: string;
  /** The Origin header sent (`null` once a redirect has tainted the origin); absent when none is sent. */
  origin?: string;
  /** Whether cookies (and HTTP auth) go along. */
  credentials: boolean;
  /** Lowercased request header names the page set that go out (Authorization is gone after a cross-origin redirect). */
  headers: readonly string[];
  /** The Content-Type sent, from the page's header or the body. */
  contentType?: string;
  /** Whether a body goes along. */
  body: boolean;
  /** For a preflight: Access-Control-Request-Method and -Headers. */
  accessControlRequestMethod?: string;
  accessControlRequestHeaders?: string;
  /** The status the server answered, when its answer was given. */
  status?: number;
}

/** What one engine does, when the engines do not all agree. */
export interface EngineVerdict {
  outcome: PredictedOutcome;
  reason: PredictionReason;
  preflightCacheSeconds: number;
  /** `PREFLIGHT` / `METHOD` per exchange, with the Origin it carried: the shape of what reached the server. */
  exchanges: readonly string[];
  /** The quirks of this engine that made it differ here (see docs/engine-differences.md). */
  quirks: readonly string[];
}

/** Where the three engines part, on this request. */
export interface EngineDisagreement {
  /** Engines whose result differs from this prediction (the Fetch Standard's answer). */
  differ: readonly BrowserEngine[];
  chromium: EngineVerdict;
  firefox: EngineVerdict;
  webkit: EngineVerdict;
}

export interface Prediction {
  outcome: PredictedOutcome;
  reason: PredictionReason;
  /** Whether the browser sends a preflight first. */
  preflight: boolean;
  /** Whether the actual request reaches the server (its handler runs even if the page is blocked). */
  reachesServer: boolean;
  /** Seconds the browser may reuse this preflight (0 when not cached or no preflight). */
  preflightCacheSeconds: number;
  /** Lowercased response header names the page can read with `response.headers.get()`. */
  readableHeaders: readonly string[];
  /** One paragraph: what the browser does and why. */
  explanation: string;
  /** What to change, on which side, to make the request succeed (empty when it already does). */
  fix: string;
  /** Request headers fetch() silently leaves out: forbidden ones (Cookie, Host, Sec-*, ...) and, in no-cors mode, non-safelisted ones. */
  droppedHeaders?: readonly string[];
  /** The preflight the browser sends, when it sends one. */
  preflightRequest?: PreflightRequest;
  /** Every request that reaches a server, in order (preflights included), across redirects. */
  exchanges: readonly Exchange[];
  /** Redirects followed. */
  redirects: number;
  /** The URL of the last exchange. */
  finalUrl: string;
  /** The response type the page sees (`response.type`), `error` for a TypeError. */
  responseType: 'basic' | 'cors' | 'opaque' | 'opaqueredirect' | 'error';
  /** The Location the browser goes on to when the answer there was not given (pass it in `next`). */
  unfollowedRedirect?: string;
  /** Without `options.engine`: present when Chromium, Firefox and WebKit do not all do the same. */
  engines?: EngineDisagreement;
}
