// The public contract of @cors-lab/cors-policy. Every adapter and every server that uses the
// policy builds on these types; change them deliberately.

/** A header value as Node.js gives it: one string, several, or none. */
export type HeaderValue = string | readonly string[] | undefined;

/** Decides whether a serialized origin (`https://app.example.com`) may read responses. */
export type OriginPredicate = (origin: string) => boolean | Promise<boolean>;

export interface PolicyOptions {
  /**
   * Who may read responses.
   * - `'*'`: any origin, never with credentials.
   * - a list of exact origins (`'https://app.example.com'`) and subdomain patterns
   *   (`'https://*.example.com'`: one or more labels before `.example.com`, same scheme and port).
   * - a predicate, sync or async, for rules a list cannot express.
   * - `'reflect-any'`: echo whatever origin asks (never with credentials).
   * @example origins: ['https://app.example.com', 'https://*.preview.example.com']
   */
  origins: '*' | 'reflect-any' | readonly string[] | OriginPredicate;
  /** Trust the opaque `null` origin (sandboxed iframes, `file:`, cross-origin redirects). Default `false`. */
  allowNullOrigin?: boolean;
  /** Methods allowed in preflights. Default `['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']`. */
  methods?: readonly string[];
  /** Request headers allowed in preflights, or `'*'` (wildcard only without credentials). Default `['Content-Type']`. */
  allowedHeaders?: readonly string[] | '*';
  /** Response headers the page may read beyond the safelisted ones, or `'*'`. Default `[]`. */
  exposedHeaders?: readonly string[] | '*';
  /** Send `Access-Control-Allow-Credentials: true` (cookies, HTTP auth). Default `false`. */
  credentials?: boolean;
  /** Seconds a browser may cache a preflight (`Access-Control-Max-Age`). Default: not sent (browsers use 5 s). */
  maxAge?: number;
  /** Status of a preflight answer, 200-299. Default `204`. */
  preflightStatus?: number;
  /**
   * Subdomain patterns from `origins` to accept although their domain is a public suffix (or has
   * one below it), such as `'https://*.vercel.app'`: every customer of that host could then read
   * responses. Name each pattern exactly as written in `origins`. Default `[]`.
   * @example dangerouslyAllowPublicSuffixPatterns: ['https://*.my-platform.app'] // you own every host there
   */
  dangerouslyAllowPublicSuffixPatterns?: readonly string[];
  /**
   * Called with every decision, its reason and fix, so a server can log why it refused a request.
   * Nothing of it reaches the response. Off by default; when off, decide() pays one comparison.
   * @example onDecision: (report) => { if (!report.decision.allowed) log.warn(report.message) }
   */
  onDecision?: (report: DecisionReport) => void;
}

/** What onDecision receives: the decision, the request it answers, and why, in words. */
export interface DecisionReport {
  readonly decision: Decision;
  readonly request: CorsRequest;
  /** One sentence naming the request's origin and method and the reason, e.g. for a log line. */
  readonly message: string;
  /** What to change in the policy if the refused request should pass; undefined when allowed. */
  readonly fix: string | undefined;
}

/** A subdomain pattern from `origins`, pre-split by definePolicy(). */
export interface OriginPattern {
  /** As written, e.g. `https://*.example.com:8443`. */
  readonly source: string;
  readonly scheme: 'http' | 'https';
  /** The registrable part with its leading dot, e.g. `.example.com`. */
  readonly suffix: string;
  /** Empty for the scheme's default port, else the digits, e.g. `8443`. */
  readonly port: string;
  /** What a matching origin starts with, e.g. `https://`. */
  readonly head: string;
  /** What a matching origin ends with, e.g. `.example.com:8443`. */
  readonly tail: string;
}

/** An answer decide() can give without looking at the request's origin value. */
export type RejectionReason = 'origin-not-allowed' | 'origin-malformed' | 'null-origin-not-allowed';

/** Headers and decisions computed once by definePolicy(), so decide() only looks things up. */
export interface PrecomputedAnswers {
  /** Per allow-listed exact origin (and `null` when opted in): the actual-request Decision and the preflight headers. */
  readonly byOrigin: ReadonlyMap<
    string,
    { readonly actual: Decision; readonly preflightHeaders: Readonly<Record<string, string>> }
  >;
  /** Access-Control-* headers of an allowed actual response; Allow-Origin only for a `'*'` policy. */
  readonly actualHeaders: Readonly<Record<string, string>>;
  /** Access-Control-* headers of an allowed preflight answer; Allow-Origin only for a `'*'` policy. */
  readonly preflightHeaders: Readonly<Record<string, string>>;
  /** The answer to a request without Origin. */
  readonly notCors: Decision;
  /** For a `'*'` policy, the answer to every actual CORS request. */
  readonly anyOriginActual: Decision | undefined;
  readonly rejected: Readonly<
    Record<'preflight' | 'actual', Readonly<Record<RejectionReason, Decision>>>
  >;
}

/**
 * A validated, normalized policy: build it with definePolicy(), never by hand.
 * `Sync` is `true` when no origin predicate can return a Promise, so decide() returns a Decision directly.
 */
export interface Policy<Sync extends boolean = boolean> {
  /** How origins are matched. */
  readonly originMode: '*' | 'reflect-any' | 'list' | 'predicate';
  /** Exact origins (O(1) lookup). */
  readonly exactOrigins: ReadonlySet<string>;
  readonly originPatterns: readonly OriginPattern[];
  readonly predicate: OriginPredicate | undefined;
  readonly allowNullOrigin: boolean;
  /** Methods as advertised; the Fetch-normalized ones (DELETE GET HEAD OPTIONS POST PUT) uppercased. */
  readonly methods: readonly string[];
  readonly allowedHeaders: readonly string[] | '*';
  readonly exposedHeaders: readonly string[] | '*';
  readonly credentials: boolean;
  readonly maxAge: number | undefined;
  readonly preflightStatus: number;
  /** Methods a preflight may ask for (the configured ones plus the safelisted GET, HEAD, POST). */
  readonly methodSet: ReadonlySet<string>;
  /** Lowercased allowed header names; undefined for `'*'`. */
  readonly headerSet: ReadonlySet<string> | undefined;
  readonly precomputed: PrecomputedAnswers;
  readonly onDecision: ((report: DecisionReport) => void) | undefined;
  /** Type-level only: whether decide() is synchronous for this policy. */
  readonly __sync?: Sync;
}

/** What a server received, as far as CORS cares. Raw header values: validation is decide()'s job. */
export interface CorsRequest {
  method: string;
  origin: HeaderValue;
  accessControlRequestMethod?: HeaderValue;
  accessControlRequestHeaders?: HeaderValue;
}

export type DecisionKind = 'preflight' | 'actual' | 'not-cors';

export type DecisionReason =
  | 'no-origin'
  | 'origin-allowed'
  | 'origin-wildcard'
  | 'origin-not-allowed'
  | 'origin-malformed'
  | 'null-origin-not-allowed'
  | 'method-not-allowed'
  | 'header-not-allowed';

export interface Decision {
  kind: DecisionKind;
  /** The origin may read the response (and, for a preflight, the requested method and headers are allowed). */
  allowed: boolean;
  reason: DecisionReason;
  /** CORS headers to set, canonical names. Never includes `Vary`. */
  headers: Readonly<Record<string, string>>;
  /** Token(s) to append to `Vary` (never overwrite it), e.g. `'Origin'`; undefined when nothing varies. */
  vary: string | undefined;
  /** For a preflight: end the response here with this status and no body. */
  status: number | undefined;
}
