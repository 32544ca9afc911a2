// The shape of the catalogue. Everything here is plain JSON-serializable data, so a scenario can be
// handed to a browser page as it is; behaviour lives in the API, the web page and the e2e suite.

/**
 * Where a page is served from. Resolved to an origin with an `Origins` object (see origins.ts).
 * - `web`, `web-alt-port`, `web-alt-host`: http://localhost:3000, :3001, http://127.0.0.1:3000.
 * - `web-tls`: the same app over https (https://localhost:3443).
 * - `web-public`: the same app on a third loopback site (http://127.0.0.2:3000) that the e2e suite
 *   makes Chromium treat as a public address, to show Local Network Access.
 */
export type PageOriginRole = 'web' | 'web-alt-port' | 'web-alt-host' | 'web-tls' | 'web-public';

/**
 * Which server a request goes to.
 * - `api`: the Express API (`http://localhost:8000`), lab routes and the main API.
 * - `api-alt-port`: its second listener (`http://localhost:8001`), the same routes under a policy for
 *   another origin.
 * - `closed-port`: a port where nothing listens.
 * - `web`: the Next.js app on `http://localhost:3000` (its route handlers and `proxy.ts`).
 * - `same-page-origin`: the server of whatever page runs the scenario (the dev proxy `/proxy/*`).
 * - `api-tls`: the API's https listener (`https://localhost:8443`).
 * - `api-alt-host`, `api-tls-alt-host`: the main and https listeners reached as `127.0.0.1`,
 *   another site than a `localhost` page (`http://127.0.0.1:8000`, `https://127.0.0.1:8443`).
 * - `flask`: the lab's Flask API (`http://localhost:8002`, lab/flask-api), one case per path.
 * - `nginx`: the lab's nginx (`http://localhost:8003`, lab/nginx) in front of the API.
 */
export type TargetRole =
  | 'api'
  | 'api-alt-port'
  | 'closed-port'
  | 'web'
  | 'same-page-origin'
  | 'api-tls'
  | 'api-alt-host'
  | 'api-tls-alt-host'
  | 'flask'
  | 'nginx';

/** Every role that has a fixed origin; `vite` is the Vite dev server of lab/vite-proxy. */
export type OriginRole = PageOriginRole | Exclude<TargetRole, 'same-page-origin'> | 'vite';

export const PAGE_ORIGIN_ROLES = [
  'web',
  'web-alt-port',
  'web-alt-host',
  'web-tls',
  'web-public',
] as const satisfies readonly PageOriginRole[];

export const CATEGORIES = [
  'simple',
  'wrong-origin',
  'credentials',
  'preflight',
  'headers',
  'methods',
  'expose',
  'caching',
  'no-cors',
  'redirect',
  'errors',
  'seed-methods',
  'proxy',
  'next-server',
  'bodies',
  'scheme',
  'site-cookies',
  'local-network',
  'flask',
  'nginx',
  'third-party',
] as const;

export type Category = (typeof CATEGORIES)[number];

export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
export type Engine = (typeof ENGINES)[number];

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type CredentialsMode = 'omit' | 'same-origin' | 'include';
export type RequestMode = 'cors' | 'no-cors' | 'same-origin';
/** fetch()'s `redirect` option: follow a 3xx, hand the page an opaque-redirect response, or fail. */
export type RedirectMode = 'follow' | 'manual' | 'error';

/**
 * A request body and how the page encodes it.
 * - `json`: `JSON.stringify(value)` with `Content-Type: application/json` (added by `requestHeaders()`).
 * - `text`: the string as it is; fetch() labels it `text/plain;charset=UTF-8` (a simple request).
 * - `urlencoded`: `new URLSearchParams(value)` (a simple request).
 * - `form-data`: a `FormData` with these fields (a simple request).
 * - `blob`: `new Blob([value], { type: contentType })`; fetch() sends the Blob's type as the
 *   Content-Type (none when it has no type), so `application/json` here needs a preflight.
 */
export type RequestBody =
  | { type: 'json'; value: JsonValue }
  | { type: 'text'; value: string }
  | { type: 'urlencoded'; value: Readonly<Record<string, string>> }
  | { type: 'form-data'; value: Readonly<Record<string, string>> }
  | { type: 'blob'; value: string; contentType?: string };

/** One fetch() a page makes. */
export interface ScenarioRequest {
  target: TargetRole;
  /** Path and query on the target, starting with `/`; `{run}` is replaced by the run id (see RUN_PLACEHOLDER). */
  path: string;
  /** Default `'GET'`. Passed to fetch() as written (fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST, PUT). */
  method?: string;
  /**
   * Headers passed to fetch(); `{run}` in a value is replaced by the run id (a bearer token the
   * login handed out). A `json` body adds `Content-Type: application/json`.
   */
  headers?: Readonly<Record<string, string>>;
  body?: RequestBody;
  /** Default `'same-origin'`, as in fetch(). */
  credentials?: CredentialsMode;
  /** Default `'cors'`, as in fetch(). */
  mode?: RequestMode;
  /** Default `'follow'`, as in fetch(). */
  redirect?: RedirectMode;
  /** Send the identical request this many times, one after the other (default 1). */
  repeat?: number;
  /**
   * Setup steps only: send it from a frame on this page origin instead of the page itself, so one
   * scenario shows what a first origin leaves behind (a shared cache) for the page's origin.
   */
  fromPage?: PageOriginRole;
}

/** What the page can observe once the request settles. */
export type ExpectedOutcome =
  /** fetch() resolves with a readable response. */
  | 'allowed'
  /** fetch() rejects with a TypeError: the CORS check failed, or no server answered. */
  | 'blocked'
  /** `mode: 'no-cors'`: fetch() resolves with an opaque response (type `opaque`, status 0, no headers, no body). */
  | 'opaque'
  /** fetch() rejects before sending anything (forbidden method, a non-simple request in `no-cors` mode). */
  | 'refused';

/** What the request log of the API must show for one run of the scenario (preflights included). */
export interface ServerExpectation {
  /**
   * Preflights (OPTIONS with Access-Control-Request-Method) that reached the server on the
   * scenario's logged path (see loggedPathname); setup steps use other paths.
   */
  preflights: number;
  /** Every other request on that path: a blocked simple request still counts. */
  actual: number;
  /** Further requests the run caused on other paths, e.g. the next hop of a redirect. */
  alsoReached?: readonly {
    target: TargetRole;
    /** Path without the query string. */
    path: string;
    /** The request's method at that hop (`OPTIONS` for its preflight); any method when absent. */
    method?: string;
    /** The `Origin` header that hop carried, e.g. `'null'` after a cross-origin redirect. */
    origin?: string;
  }[];
}

/** The outcome the scenario's author expects for one page origin. */
export interface Expectation {
  outcome: ExpectedOutcome;
  /** The status the page reads (only with `allowed`). */
  status?: number;
  /** Fields of the JSON body the page reads, each compared with `===` (only with `allowed`). */
  body?: Readonly<Record<string, JsonValue>>;
  /** Lowercased response headers for which `response.headers.get()` returns a value. */
  readableHeaders?: readonly string[];
  /** Lowercased response headers the server sent (see the log) that `response.headers.get()` hides. */
  hiddenHeaders?: readonly string[];
  /** What reached the API. Absent when the target keeps no request log (the Next.js app). */
  server?: ServerExpectation;
}

/** Where one engine really differs from the others, with the public source that says so. */
export interface EngineExpectation {
  engine: Engine;
  /** Replaces the scenario's expectation for these page origins in this engine. */
  expected: Partial<Record<PageOriginRole, Expectation>>;
  /**
   * A public link (bug tracker, engine documentation, standard) that documents the difference or,
   * where none exists, the experiment that measured it: `e2e/experiments/experiments.ts <id>`.
   */
  source: string;
  /** One sentence: what this engine does differently. */
  note: string;
}

export interface Scenario {
  /** Stable kebab-case id; tests, docs and links refer to it. */
  id: string;
  title: string;
  category: Category;
  /** Page origins the scenario runs from. */
  pageOrigins: readonly PageOriginRole[];
  /** Requests the page makes first, in order, whatever their outcome (e.g. a cookie login). */
  setup?: readonly ScenarioRequest[];
  request: ScenarioRequest;
  /** The author's expectation for every page origin in `pageOrigins`, from the Fetch Standard. */
  expected: Partial<Record<PageOriginRole, Expectation>>;
  engines?: readonly EngineExpectation[];
  /** What the browser does and why, in a short paragraph. */
  explanation: string;
  /** What to change, on which side, to make it work (or why it already does). */
  fix: string;
}

// ---- The routes the scenarios call ----

/**
 * A policy for the `@cors-lab/cors-policy` package, with page origins named by role so the
 * catalogue stays valid whatever ports the environment picks. Resolve it with `resolvePolicy()`.
 */
export interface RoutePolicy {
  origins: '*' | 'reflect-any' | readonly PageOriginRole[];
  allowNullOrigin?: boolean;
  methods?: readonly string[];
  allowedHeaders?: readonly string[] | '*';
  exposedHeaders?: readonly string[] | '*';
  credentials?: boolean;
  maxAge?: number;
  preflightStatus?: number;
}

/** The four methods of the seed article, as its code writes them (with the `cors` package or by hand). */
export type SeedMethod =
  /** `app.use(cors())`: `Access-Control-Allow-Origin: *`, preflights answered for every route. */
  | 'cors-default'
  /** `app.use(cors({ origin, methods, allowedHeaders, credentials: true }))` with `origin` = the web origin. */
  | 'cors-configured'
  /** `app.get(path, cors({ origin }), handler)`: only that method of that route, no OPTIONS handler. */
  | 'cors-per-route'
  /** A hand-written middleware setting four headers and answering OPTIONS with 200. */
  | 'manual-headers';

/** A server that gets CORS wrong on purpose. */
export type CorsMistake =
  /** `Access-Control-Allow-Origin: *` together with `Access-Control-Allow-Credentials: true`. */
  | { type: 'wildcard-with-credentials' }
  /** Echoes an allowed origin (the web origin) but never sends `Access-Control-Allow-Credentials`. */
  | { type: 'missing-allow-credentials' }
  /** Sends a value near the web origin that is not it, byte for byte. */
  | {
      type: 'wrong-allow-origin';
      /** `tls-page-as-http`: the https page's origin written with `http://`. */
      variant: 'trailing-slash' | 'origin-list' | 'other-scheme' | 'tls-page-as-http';
    }
  /** An auth guard answers 401 before the CORS middleware runs, so the error carries no CORS headers. */
  | { type: 'guard-before-cors' }
  /** CORS headers are set but the preflight is passed on to an auth guard that answers it 401. */
  | { type: 'preflight-into-guard' };

/**
 * How a route answers CORS.
 * - `policy`: `corsMiddleware(definePolicy(policy))` from `@cors-lab/cors-policy`.
 * - `cors-package`: the real `cors` package configured with `toCorsOptions(definePolicy(policy))`.
 * - `none`: no CORS headers at all.
 * - `seed`: one of the seed article's methods, as it wrote it.
 * - `mistake`: a deliberate misconfiguration.
 * - `fixed`: headers written by hand, the same whatever the request's Origin (what a web server
 *   config or a hand-rolled handler sends): `preflight` on CORS preflights, answered 204 right
 *   away, `response` on every other request. Lets the catalogue send values no policy writes,
 *   such as `Access-Control-Allow-Origin: null` alone or `Access-Control-Max-Age: +60`.
 */
export type RouteCors =
  | { kind: 'policy'; policy: RoutePolicy }
  | { kind: 'cors-package'; policy: RoutePolicy }
  | { kind: 'none' }
  | { kind: 'seed'; method: SeedMethod }
  | { kind: 'mistake'; mistake: CorsMistake }
  | {
      kind: 'fixed';
      preflight: Readonly<Record<string, string>>;
      response: Readonly<Record<string, string>>;
    };

/** A redirect's status: 301 and 302 turn a POST into a GET, 303 turns all but GET/HEAD into GET, 307 and 308 keep both. */
export type RedirectStatus = 301 | 302 | 303 | 307 | 308;

/**
 * Where a lab redirect points.
 * - `api` / `api-alt-port`: that listener's origin with `path`.
 * - `page`: the origin of the page that made the request (its `Origin` header, when it is one of
 *   the lab's pages), with `path`; a request from anywhere else gets a 400.
 */
export interface RedirectTarget {
  target: 'api' | 'api-alt-port' | 'page';
  path: string;
}

/**
 * What the handler does once CORS is done.
 * - `echo`: 200 JSON `{ ok, route, method, run, cookieSent, cookieMatchesRun }` (cookie named by `cookie`),
 *   plus an `X-Request-Id` header (the request's, or a generated one).
 * - `login`: 200 JSON `{ ok, route, run }` and sets the route's cookie to the run id.
 * - `token-login`: 200 JSON `{ ok, route, run, token }`: a bearer token (the run id), no cookie.
 * - `token-echo`: like `echo`, plus `tokenSent` and `tokenMatchesRun` from `Authorization: Bearer`.
 * - `fail`: throws; the API's error handler answers `status` with JSON `{ error }`.
 * - `redirect`: `status` (default 302) to `to` (the run id is carried along).
 * - `upgrade`: the stand-in for an http→https redirect: on the main listener, 301 to the same path
 *   and query on the alt listener (another origin, as `https://` would be); on the alt listener,
 *   like `echo`.
 * - `append-slash`: the path without a trailing slash answers every request, preflights too, with
 *   301 to the path plus `/`, before any other handler (as Flask's `strict_slashes`, Django's
 *   `APPEND_SLASH` or a static file server do); the route's CORS headers go on the 301 and the
 *   slashed path answers like `echo`.
 * - `third-party`: an API the page's owner does not control: 401 JSON `{ error }` without the
 *   `X-Api-Key` the API is configured with (THIRD_PARTY_API_KEY), else 200 JSON
 *   `{ ok, route, run, forecast }`.
 */
export type RouteResponse =
  | { kind: 'echo' }
  | { kind: 'third-party' }
  | { kind: 'login' }
  | { kind: 'token-login' }
  | { kind: 'token-echo' }
  | { kind: 'fail'; status: number }
  | { kind: 'redirect'; status?: RedirectStatus; to: RedirectTarget }
  | { kind: 'upgrade' }
  | { kind: 'append-slash' };

/**
 * Cookies the lab sets, all `HttpOnly; Path=/lab`, attributes in `LAB_COOKIES` (cookies.ts):
 * `lab_sid` (`SameSite=Lax`), `lab_secure_sid` (`Secure; SameSite=None`), and one `site_*` cookie
 * per attribute set the site-cookie scenarios compare.
 */
export type LabCookie =
  | 'lab_sid'
  | 'lab_secure_sid'
  | 'site_lax'
  | 'site_strict'
  | 'site_none_secure'
  | 'site_none'
  | 'site_partitioned'
  | 'site_default';

/** A cookie's attributes, as its `Set-Cookie` header writes them. */
export interface CookieAttributes {
  /** Absent: no SameSite attribute (each engine applies its own default). */
  sameSite?: 'Strict' | 'Lax' | 'None';
  secure: boolean;
  /** CHIPS: stored in a jar keyed by the top-level site. */
  partitioned: boolean;
}

/** A route of the API's lab, mounted on both listeners under `/lab`. */
export interface LabRoute {
  id: string;
  /** Exact path, starting with `/lab/`. */
  path: string;
  description: string;
  cors: RouteCors;
  response: RouteResponse;
  /** Cookie the `login`/`echo` response sets or reports. Default `'lab_sid'`. */
  cookie?: LabCookie;
  /** Extra headers on every non-preflight response, e.g. `Set-Cookie` or `X-Lab-Total` to show exposure. */
  responseHeaders?: Readonly<Record<string, string>>;
}

/**
 * A route the Next.js app serves (implemented by lab/web from this list).
 * - `proxy`: the `rewrites()` dev proxy: `/proxy/:path*` goes to the API's `/:path*`.
 * - `route-handler`: an `app/api/...` route handler behind the Fetch adapter with `policy`.
 * - `next-proxy`: `proxy.ts` applying `policy` to every path under `path`.
 */
export type WebRoute =
  | { id: string; kind: 'proxy'; path: '/proxy'; description: string }
  | {
      id: string;
      kind: 'route-handler' | 'next-proxy';
      path: string;
      description: string;
      policy: RoutePolicy;
      /** Methods the handler implements besides OPTIONS. */
      methods: readonly string[];
      /** A backend route: the handler calls this lab route server-side and answers with its body. */
      upstream?: string;
    };

/** A route of the main API (the one a template user keeps), behind the policy from the environment. */
export interface MainApiRoute {
  /** Express-style path, `:name` for a parameter. */
  path: string;
  methods: readonly string[];
  description: string;
}
