// The predictor's input and output: a browser request, what the server answered, what the browser does.
import type { HeaderValue } from '@cors-lab/cors-policy';

export type CredentialsMode = 'omit' | 'same-origin' | 'include';
export type RequestMode = 'cors' | 'no-cors' | 'same-origin';

/** A request as a page would make it with fetch(). */
export interface BrowserRequest {
  /** The page's origin, e.g. `http://localhost:3000`. */
  pageOrigin: string;
  /** Absolute URL fetched. */
  url: string;
  /** Default `'GET'`. */
  method?: string;
  /** Headers passed to fetch(). */
  headers?: Readonly<Record<string, string>>;
  /** Default `'same-origin'`, as in fetch(). */
  credentials?: CredentialsMode;
  /** Default `'cors'`, as in fetch(). */
  mode?: RequestMode;
}

/** A response as the server sent it (status and raw headers), e.g. from the request log. */
export interface ObservedResponse {
  status: number;
  headers: Readonly<Record<string, HeaderValue>>;
}

/** What the server answered: the preflight (if one was sent) and the actual response. */
export interface ServerAnswer {
  preflight?: ObservedResponse;
  response?: ObservedResponse;
}

export type PredictedOutcome =
  /** The page can read the response. */
  | 'allowed'
  /** The browser hides the response (or never sends the request): a TypeError in JS. */
  | 'blocked'
  /** `no-cors`: the page gets an opaque response (status 0, no headers, no body). */
  | 'opaque'
  /** fetch() refuses before sending anything (forbidden method, no-cors with a non-simple request, ...). */
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
  | 'malformed-allow-headers';

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
}
