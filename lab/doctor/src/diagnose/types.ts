// The doctor's input and its report: the exchanges that really happened, and per engine what the
// page gets, why, and the fix.
import type {
  BrowserEngine,
  CredentialsMode,
  PredictedOutcome,
  PredictionReason,
  RequestMode,
} from '@cors-lab/cors-predict';
import type { RawHeaders } from '../send/send-exchange.js';
import type { UnreachableCause } from '../send/unreachable.js';
import type { DoctorBody } from './body.js';

export type RedirectMode = 'follow' | 'manual' | 'error';

export const ENGINES = ['chromium', 'firefox', 'webkit'] as const satisfies BrowserEngine[];

/** A request as a page on `origin` would make it with fetch(). */
export interface DoctorRequest {
  /** Absolute http(s) URL. */
  url: string;
  /** The page's origin, e.g. `http://localhost:3000`, or `null` for an opaque origin. */
  origin: string;
  /** Default `GET`. */
  method?: string;
  /** Headers passed to fetch(), in order; a name may repeat. */
  headers?: readonly (readonly [string, string])[];
  /** Default `same-origin`, as in fetch(). */
  credentials?: CredentialsMode;
  /** Default `cors`, as in fetch(). */
  mode?: RequestMode;
  /** Default `follow`, as in fetch(). */
  redirect?: RedirectMode;
  body?: DoctorBody;
}

/** Limits and repetition. */
export interface DoctorOptions {
  /** Per exchange, connection to last byte read. Default 10 000 ms. */
  timeoutMs?: number;
  /** Body bytes read per response. Default 64 KiB. */
  maxBodyBytes?: number;
  /** Send the whole fetch() this many times in a row, to show the preflight cache. Default 1. */
  repeat?: number;
}

/** One request that went to the server and what it answered. */
export interface CapturedExchange {
  kind: 'preflight' | 'actual';
  /** 1 for the first fetch(), 2 for the first repeat, ... */
  round: number;
  /** 0 for the URL fetched, 1 after the first redirect, ... */
  hop: number;
  /** The engines that send this exchange (they differ only where their rules differ). */
  engines: BrowserEngine[];
  method: string;
  url: string;
  /** The Origin header sent, `null` when none was. */
  origin: string | null;
  /** What went out, as name/value pairs. */
  requestHeaders: [string, string][];
  status: number;
  /** Response headers as sent: lowercased names, a list when a name repeats. */
  headers: RawHeaders;
  bodyBytes: number;
  bodyTruncated: boolean;
}

/** What a page gets: the predictor's outcomes plus `opaqueredirect` (`redirect: 'manual'`). */
export type DoctorOutcome = PredictedOutcome | 'opaqueredirect';

/**
 * The predictor's reasons, plus `preflight-redirect` (a preflight answered with a 3xx, which
 * predict() counts as a non-2xx status) and `unreachable` (no server answered).
 */
export type DoctorReason = PredictionReason | 'preflight-redirect' | 'unreachable';

export interface EngineReport {
  outcome: DoctorOutcome;
  reason: DoctorReason;
  /** Lowercased response headers `response.headers.get()` can read. */
  readableHeaders: string[];
  /** What this engine prints in the console (empty when nothing is blocked). */
  consoleMessage: string;
  /** One paragraph: what happens and why. */
  explanation: string;
  /** What to change, in the server's own configuration when the stack is known; empty when allowed. */
  fix: string;
  /** The status the page reads (0 for opaque responses), when it gets a response. */
  status?: number;
  /** Seconds this engine caches the preflight, when one was sent and passed. */
  preflightCacheSeconds: number;
  /** Per repeat: whether this engine reused its cached preflight instead of sending one. */
  preflightReused: boolean[];
}

export interface Unreachable {
  kind: UnreachableCause;
  url: string;
  message: string;
}

export interface Diagnosis {
  request: Required<Omit<DoctorRequest, 'body' | 'headers'>> &
    Pick<DoctorRequest, 'body'> & { headers: [string, string][] };
  exchanges: CapturedExchange[];
  engines: Record<BrowserEngine, EngineReport>;
  /** Set when a server could not be reached: not a CORS answer. */
  unreachable?: Unreachable;
}
