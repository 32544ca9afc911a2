import { REDIRECT_CHAIN_ROUTES } from './redirect-routes.js';
import type { LabCookie, LabRoute, MainApiRoute, RoutePolicy, WebRoute } from './types.js';

const WEB_ONLY: RoutePolicy = { origins: ['web'] };
const ALL_PAGES: RoutePolicy = { origins: ['web', 'web-alt-port', 'web-alt-host'] };
const ECHO = { kind: 'echo' } as const;
const TOTAL = { 'X-Lab-Total': '42' } as const;

/** The pages of the site-cookie scenarios: one http, one https, both on `localhost`. */
const COOKIE_PAGES: RoutePolicy = { origins: ['web', 'web-tls'], credentials: true };

/** The cookies the site-cookie scenarios compare, by the path segment their routes use. */
export const SITE_COOKIE_ROUTES: Readonly<Record<string, LabCookie>> = {
  lax: 'site_lax',
  strict: 'site_strict',
  'none-secure': 'site_none_secure',
  none: 'site_none',
  partitioned: 'site_partitioned',
  default: 'site_default',
};

const SITE_COOKIE_LAB_ROUTES: LabRoute[] = Object.entries(SITE_COOKIE_ROUTES).flatMap(
  ([segment, cookie]): LabRoute[] => [
    {
      id: `site-cookie-${segment}-login`,
      path: `/lab/site-cookies/${segment}/login`,
      description: `Sets \`${cookie}=<run>\` (attributes in LAB_COOKIES); the http and https web origins with credentials.`,
      cors: { kind: 'policy', policy: COOKIE_PAGES },
      response: { kind: 'login' },
      cookie,
    },
    {
      id: `site-cookie-${segment}-me`,
      path: `/lab/site-cookies/${segment}/me`,
      description: `Reports whether \`${cookie}\` arrived; the http and https web origins with credentials.`,
      cors: { kind: 'policy', policy: COOKIE_PAGES },
      response: ECHO,
      cookie,
    },
  ],
);

/** The API's lab: one route per server behaviour the scenarios need, mounted under `/lab`. */
export const LAB_ROUTES: readonly LabRoute[] = [
  {
    id: 'exact',
    path: '/lab/exact',
    description:
      'The shared policy allowing only the web origin, with its defaults: methods GET HEAD POST PUT PATCH DELETE, request header Content-Type only.',
    cors: { kind: 'policy', policy: WEB_ONLY },
    response: ECHO,
  },
  {
    id: 'none',
    path: '/lab/none',
    description: 'No CORS headers at all: what an API sends before anyone configures CORS.',
    cors: { kind: 'none' },
    response: ECHO,
  },
  {
    id: 'wildcard',
    path: '/lab/wildcard',
    description: 'A public resource: `Access-Control-Allow-Origin: *`, no credentials.',
    cors: { kind: 'policy', policy: { origins: '*' } },
    response: ECHO,
  },
  {
    id: 'trailing-slash',
    path: '/lab/wrong-origin/trailing-slash',
    description: 'Answers `Access-Control-Allow-Origin: <web origin>/` (a trailing slash).',
    cors: { kind: 'mistake', mistake: { type: 'wrong-allow-origin', variant: 'trailing-slash' } },
    response: ECHO,
  },
  {
    id: 'origin-list',
    path: '/lab/wrong-origin/origin-list',
    description:
      'Answers `Access-Control-Allow-Origin: <web origin>, <web alt-port origin>` (a list, which the header cannot carry).',
    cors: { kind: 'mistake', mistake: { type: 'wrong-allow-origin', variant: 'origin-list' } },
    response: ECHO,
  },
  {
    id: 'other-scheme',
    path: '/lab/wrong-origin/other-scheme',
    description:
      'Answers with the web origin spelled with the other scheme (`https://` for `http://`).',
    cors: { kind: 'mistake', mistake: { type: 'wrong-allow-origin', variant: 'other-scheme' } },
    response: ECHO,
  },
  {
    id: 'scheme-echo',
    path: '/lab/scheme/echo',
    description:
      'Allows the http, https and public-address page origins, without credentials: the CORS answer is right, so only the scheme or the address space can stop a request.',
    cors: { kind: 'policy', policy: { origins: ['web', 'web-tls', 'web-public'] } },
    response: ECHO,
  },
  {
    id: 'tls-page-as-http',
    path: '/lab/wrong-origin/tls-page-as-http',
    description:
      'Answers `Access-Control-Allow-Origin` with the https page origin written `http://` (same host and port, other scheme).',
    cors: { kind: 'mistake', mistake: { type: 'wrong-allow-origin', variant: 'tls-page-as-http' } },
    response: ECHO,
  },
  ...SITE_COOKIE_LAB_ROUTES,
  {
    id: 'token-login',
    path: '/lab/token/login',
    description:
      'Hands out a bearer token (the run id) in the JSON body and sets no cookie; the http and https web origins.',
    cors: { kind: 'policy', policy: { origins: ['web', 'web-tls'] } },
    response: { kind: 'token-login' },
  },
  {
    id: 'token-me',
    path: '/lab/token/me',
    description:
      'Reports whether `Authorization: Bearer <run>` arrived; allows the Authorization request header for the http and https web origins.',
    cors: {
      kind: 'policy',
      policy: { origins: ['web', 'web-tls'], allowedHeaders: ['Authorization'] },
    },
    response: { kind: 'token-echo' },
  },
  {
    id: 'cookie-login',
    path: '/lab/cookies/login',
    description: 'Sets `lab_sid=<run>; HttpOnly; SameSite=Lax`; exact web origin with credentials.',
    cors: { kind: 'policy', policy: { origins: ['web'], credentials: true } },
    response: { kind: 'login' },
    cookie: 'lab_sid',
  },
  {
    id: 'cookie-me',
    path: '/lab/cookies/me',
    description: 'Reports whether `lab_sid` arrived; exact web origin with credentials.',
    cors: { kind: 'policy', policy: { origins: ['web'], credentials: true } },
    response: ECHO,
    cookie: 'lab_sid',
  },
  {
    id: 'secure-cookie-login',
    path: '/lab/cookies/secure-login',
    description: 'Sets `lab_secure_sid=<run>; HttpOnly; Secure; SameSite=None` over plain http.',
    cors: { kind: 'policy', policy: { origins: ['web'], credentials: true } },
    response: { kind: 'login' },
    cookie: 'lab_secure_sid',
  },
  {
    id: 'secure-cookie-me',
    path: '/lab/cookies/secure-me',
    description: 'Reports whether `lab_secure_sid` arrived; exact web origin with credentials.',
    cors: { kind: 'policy', policy: { origins: ['web'], credentials: true } },
    response: ECHO,
    cookie: 'lab_secure_sid',
  },
  {
    id: 'wildcard-credentials',
    path: '/lab/credentials/wildcard',
    description:
      'The classic mistake: `Access-Control-Allow-Origin: *` with `Allow-Credentials: true`.',
    cors: { kind: 'mistake', mistake: { type: 'wildcard-with-credentials' } },
    response: ECHO,
  },
  {
    id: 'missing-allow-credentials',
    path: '/lab/credentials/missing-allow',
    description: 'Echoes the web origin but never sends `Access-Control-Allow-Credentials`.',
    cors: { kind: 'mistake', mistake: { type: 'missing-allow-credentials' } },
    response: ECHO,
  },
  {
    id: 'headers-custom',
    path: '/lab/headers/custom',
    description:
      'Allows the request headers Content-Type, X-Request-Id and Authorization for the web origin.',
    cors: {
      kind: 'policy',
      policy: {
        origins: ['web'],
        allowedHeaders: ['Content-Type', 'X-Request-Id', 'Authorization'],
      },
    },
    response: ECHO,
  },
  {
    id: 'headers-none',
    path: '/lab/headers/none',
    description: 'Allows no request header at all in preflights, not even Content-Type.',
    cors: { kind: 'policy', policy: { origins: ['web'], allowedHeaders: [] } },
    response: ECHO,
  },
  {
    id: 'headers-wildcard',
    path: '/lab/headers/wildcard',
    description: '`Access-Control-Allow-Headers: *` for the web origin, without credentials.',
    cors: { kind: 'policy', policy: { origins: ['web'], allowedHeaders: '*' } },
    response: ECHO,
  },
  {
    id: 'preflight-into-guard',
    path: '/lab/preflight/into-guard',
    description:
      'CORS headers are set, but the preflight is passed on to an auth guard that answers it 401.',
    cors: { kind: 'mistake', mistake: { type: 'preflight-into-guard' } },
    response: ECHO,
  },
  {
    id: 'methods-read-only',
    path: '/lab/methods/read-only',
    description: 'Allows only GET and POST for the web origin.',
    cors: { kind: 'policy', policy: { origins: ['web'], methods: ['GET', 'POST'] } },
    response: ECHO,
  },
  {
    id: 'expose-listed',
    path: '/lab/expose/listed',
    description: 'Sends X-Request-Id and X-Lab-Total; exposes only X-Request-Id.',
    cors: { kind: 'policy', policy: { origins: ['web'], exposedHeaders: ['X-Request-Id'] } },
    response: ECHO,
    responseHeaders: TOTAL,
  },
  {
    id: 'expose-none',
    path: '/lab/expose/none',
    description: 'Sends X-Request-Id and X-Lab-Total; exposes nothing.',
    cors: { kind: 'policy', policy: WEB_ONLY },
    response: ECHO,
    responseHeaders: TOTAL,
  },
  {
    id: 'expose-wildcard',
    path: '/lab/expose/wildcard',
    description:
      'Exposes `*` (no credentials) and sends X-Request-Id, X-Lab-Total and a Set-Cookie header.',
    cors: { kind: 'policy', policy: { origins: ['web'], exposedHeaders: '*' } },
    response: ECHO,
    responseHeaders: {
      ...TOTAL,
      'Set-Cookie': 'lab_probe=1; Path=/lab/expose; HttpOnly; SameSite=Lax',
    },
  },
  {
    id: 'cache-600',
    path: '/lab/cache/600',
    description: 'Preflights answered with `Access-Control-Max-Age: 600`.',
    cors: { kind: 'policy', policy: { origins: ['web'], maxAge: 600 } },
    response: ECHO,
  },
  {
    id: 'cache-0',
    path: '/lab/cache/0',
    description: 'Preflights answered with `Access-Control-Max-Age: 0`: never cached.',
    cors: { kind: 'policy', policy: { origins: ['web'], maxAge: 0 } },
    response: ECHO,
  },
  {
    id: 'redirect-to-wildcard',
    path: '/lab/redirect/to-wildcard',
    description: "302 to the alt-port listener's `/lab/wildcard`; allows all three page origins.",
    cors: { kind: 'policy', policy: ALL_PAGES },
    response: { kind: 'redirect', to: { target: 'api-alt-port', path: '/lab/wildcard' } },
  },
  {
    id: 'redirect-to-exact',
    path: '/lab/redirect/to-exact',
    description: "302 to the alt-port listener's `/lab/exact`; allows all three page origins.",
    cors: { kind: 'policy', policy: ALL_PAGES },
    response: { kind: 'redirect', to: { target: 'api-alt-port', path: '/lab/exact' } },
  },
  {
    id: 'error-with-cors',
    path: '/lab/errors/with-cors',
    description: 'The handler throws; the error handler answers 500 JSON, CORS headers kept.',
    cors: { kind: 'policy', policy: WEB_ONLY },
    response: { kind: 'fail', status: 500 },
  },
  {
    id: 'guard-before-cors',
    path: '/lab/errors/guard-before-cors',
    description:
      'An auth guard mounted before the CORS middleware answers 401 to requests without Authorization.',
    cors: { kind: 'mistake', mistake: { type: 'guard-before-cors' } },
    response: ECHO,
  },
  {
    id: 'seed-cors-default',
    path: '/lab/seed/cors-default',
    description: 'Seed method 1a: `cors()` with no options (scoped to this path in the lab).',
    cors: { kind: 'seed', method: 'cors-default' },
    response: ECHO,
  },
  {
    id: 'seed-cors-configured',
    path: '/lab/seed/cors-configured',
    description:
      "Seed method 1b: `cors({ origin: <web>, methods: ['GET','POST','PUT','DELETE'], allowedHeaders: ['Content-Type','Authorization'], credentials: true })`.",
    cors: { kind: 'seed', method: 'cors-configured' },
    response: ECHO,
  },
  {
    id: 'seed-cors-per-route',
    path: '/lab/seed/cors-per-route',
    description:
      'Seed method 1c: `app.get(path, cors({ origin: <web> }), handler)` and the same for PUT; no OPTIONS handler.',
    cors: { kind: 'seed', method: 'cors-per-route' },
    response: ECHO,
  },
  {
    id: 'seed-manual-headers',
    path: '/lab/seed/manual-headers',
    description:
      'Seed method 1d: a hand-written middleware setting Allow-Origin <web>, Allow-Methods, Allow-Headers Content-Type/Authorization, Allow-Credentials, and answering OPTIONS with 200.',
    cors: { kind: 'seed', method: 'manual-headers' },
    response: ECHO,
  },
  {
    id: 'policy-via-cors-package',
    path: '/lab/seed/cors-package',
    description:
      'The shared policy handed to the real `cors` package through `toCorsOptions()`: web origin, credentials, Content-Type and X-Request-Id.',
    cors: {
      kind: 'cors-package',
      policy: {
        origins: ['web'],
        credentials: true,
        allowedHeaders: ['Content-Type', 'X-Request-Id'],
      },
    },
    response: ECHO,
  },
  {
    id: 'third-party',
    path: '/lab/third-party/forecast',
    description:
      'A third-party API the page cannot change: no CORS headers, and 401 without its `X-Api-Key`.',
    cors: { kind: 'none' },
    response: { kind: 'third-party' },
  },
  ...REDIRECT_CHAIN_ROUTES,
];

/**
 * Routes lab/web implements from this list. Route handlers and `proxy.ts` answer like the lab's
 * `echo`: 200 JSON `{ ok: true, route: <id>, method, run }` with an `X-Request-Id` header.
 */
export const WEB_ROUTES: readonly WebRoute[] = [
  {
    id: 'dev-proxy',
    kind: 'proxy',
    path: '/proxy',
    description:
      'A `rewrites()` rule in next.config: `/proxy/:path*` is fetched by the Next.js server from the API origin `/:path*`.',
  },
  {
    id: 'next-route-handler',
    kind: 'route-handler',
    path: '/api/lab/echo',
    description:
      'An App Router route handler (GET, PUT, OPTIONS) behind the Fetch adapter, allowing the web alt-port origin.',
    policy: {
      origins: ['web-alt-port'],
      allowedHeaders: ['Content-Type', 'X-Request-Id'],
      exposedHeaders: ['X-Request-Id'],
    },
    methods: ['GET', 'PUT'],
  },
  {
    id: 'next-proxy-edge',
    kind: 'next-proxy',
    path: '/edge',
    description:
      '`proxy.ts` (Next 16 middleware) applying the policy to every path under `/edge`, allowing the web alt-port origin; `/edge/echo` answers GET and PUT.',
    policy: { origins: ['web-alt-port'], allowedHeaders: ['Content-Type'] },
    methods: ['GET', 'PUT'],
  },
  {
    id: 'third-party-backend',
    kind: 'route-handler',
    path: '/api/third-party',
    description:
      'A backend route for the third-party API: the handler calls `/lab/third-party/forecast` server-side with the key from THIRD_PARTY_API_KEY and answers the page under its own policy (the web alt-port origin).',
    policy: { origins: ['web-alt-port'] },
    methods: ['GET'],
    upstream: '/lab/third-party/forecast',
  },
];

/** The main API: what a template user keeps, behind the policy read from the environment. */
export const MAIN_API_ROUTES: readonly MainApiRoute[] = [
  { path: '/health', methods: ['GET'], description: 'Liveness: `{ "status": "ok" }`.' },
  { path: '/api/notes', methods: ['GET', 'POST'], description: 'List and create notes.' },
  {
    path: '/api/notes/:id',
    methods: ['GET', 'PUT', 'PATCH', 'DELETE'],
    description: 'Read, replace, edit and delete one note.',
  },
  {
    path: '/api/session',
    methods: ['POST', 'DELETE'],
    description: 'Log in (sets an HttpOnly SameSite=Lax cookie) and log out.',
  },
  { path: '/api/session/me', methods: ['GET'], description: 'Who the session cookie belongs to.' },
];
