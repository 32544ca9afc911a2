import type { Scenario, ScenarioRequest } from '../types.js';
import { ALL_PAGES, SIMPLE_RAN, WEB_PAGE, allowed, blocked } from './expectations.js';

const LOGIN: ScenarioRequest = {
  target: 'api',
  path: '/lab/cookies/login?run={run}',
  method: 'POST',
  credentials: 'include',
};

export const CREDENTIALS: readonly Scenario[] = [
  {
    id: 'credentials-cookie-exact-origin',
    title: 'Cookie login, then a credentialed request to an exact-origin policy',
    category: 'credentials',
    pageOrigins: ALL_PAGES,
    setup: [LOGIN],
    request: { target: 'api', path: '/lab/cookies/me?run={run}', credentials: 'include' },
    expected: {
      web: allowed(SIMPLE_RAN, { body: { cookieSent: true, cookieMatchesRun: true } }),
      'web-alt-port': blocked(SIMPLE_RAN),
      'web-alt-host': blocked(SIMPLE_RAN),
    },
    explanation:
      "With `credentials: 'include'` the browser stores the `SameSite=Lax` cookie from the login answer (localhost:3000 and localhost:8000 are the same site) and sends it back. The server echoes the exact origin and `Access-Control-Allow-Credentials: true`, so the page reads the answer. Pages on other origins are not on the list.",
    fix: "This is the working setup: exact origins, `credentials: true` on the server, `credentials: 'include'` in fetch().",
  },
  {
    id: 'credentials-wildcard-origin',
    title: 'Credentials with `Access-Control-Allow-Origin: *`',
    category: 'credentials',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/credentials/wildcard?run={run}', credentials: 'include' },
    expected: {
      web: blocked(SIMPLE_RAN),
      'web-alt-port': blocked(SIMPLE_RAN),
      'web-alt-host': blocked(SIMPLE_RAN),
    },
    explanation:
      "For a credentialed request `*` is not a wildcard: the header must name the page origin. \"The value of the 'Access-Control-Allow-Origin' header must not be the wildcard '*' when the request's credentials mode is 'include'\".",
    fix: 'Echo the exact, allow-listed origin instead of `*` (`@cors-lab/cors-policy` refuses `*` with credentials at definePolicy()).',
  },
  {
    id: 'credentials-wildcard-origin-without-credentials',
    title: 'The same `*` answer read without credentials',
    category: 'credentials',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/credentials/wildcard?run={run}' },
    expected: {
      web: allowed(SIMPLE_RAN),
      'web-alt-port': allowed(SIMPLE_RAN),
      'web-alt-host': allowed(SIMPLE_RAN),
    },
    explanation:
      "Without credentials `*` passes, and `Access-Control-Allow-Credentials` is ignored. The misconfiguration stays invisible until someone adds `credentials: 'include'`.",
    fix: 'Decide whether the route needs cookies. If not, drop `Allow-Credentials`; if so, echo exact origins.',
  },
  {
    id: 'credentials-missing-allow-credentials',
    title: 'Credentials without `Access-Control-Allow-Credentials`',
    category: 'credentials',
    pageOrigins: WEB_PAGE,
    request: {
      target: 'api',
      path: '/lab/credentials/missing-allow?run={run}',
      credentials: 'include',
    },
    expected: { web: blocked(SIMPLE_RAN) },
    explanation:
      'The origin matches, but a credentialed response also needs `Access-Control-Allow-Credentials: true`, exactly that value.',
    fix: 'Send `Access-Control-Allow-Credentials: true` (the policy option `credentials: true`) with exact origins.',
  },
  {
    id: 'credentials-omit-sends-no-cookie',
    title: "`credentials: 'omit'` sends no cookie",
    category: 'credentials',
    pageOrigins: WEB_PAGE,
    setup: [LOGIN],
    request: { target: 'api', path: '/lab/cookies/me?run={run}', credentials: 'omit' },
    expected: { web: allowed(SIMPLE_RAN, { body: { cookieSent: false } }) },
    explanation:
      'The login stored a cookie, but `omit` never attaches cookies, so the server sees none.',
    fix: "Use `credentials: 'include'` for cross-origin requests that need the session cookie.",
  },
  {
    id: 'credentials-default-sends-no-cookie',
    title: 'The default credentials mode sends no cookie cross-origin',
    category: 'credentials',
    pageOrigins: WEB_PAGE,
    setup: [LOGIN],
    request: { target: 'api', path: '/lab/cookies/me?run={run}' },
    expected: { web: allowed(SIMPLE_RAN, { body: { cookieSent: false } }) },
    explanation:
      "fetch() defaults to `credentials: 'same-origin'`: cookies go only to the page's own origin. localhost:8000 is another origin, so nothing is attached even though the site is the same.",
    fix: "Pass `credentials: 'include'`, and have the server allow credentials for the exact origin.",
  },
  {
    id: 'credentials-secure-cookie-over-http',
    title: 'A `Secure; SameSite=None` cookie set over http://localhost',
    category: 'credentials',
    pageOrigins: WEB_PAGE,
    setup: [{ ...LOGIN, path: '/lab/cookies/secure-login?run={run}' }],
    request: { target: 'api', path: '/lab/cookies/secure-me?run={run}', credentials: 'include' },
    expected: { web: allowed(SIMPLE_RAN, { body: { cookieSent: true, cookieMatchesRun: true } }) },
    engines: [
      {
        engine: 'webkit',
        expected: {
          web: allowed(SIMPLE_RAN, { body: { cookieSent: false, cookieMatchesRun: false } }),
        },
        source: 'https://bugs.webkit.org/show_bug.cgi?id=281149',
        note: 'WebKit drops `Secure` cookies set over http://localhost, where Chromium and Firefox treat localhost as secure.',
      },
    ],
    explanation:
      'Chromium and Firefox treat http://localhost as a secure context and keep the `Secure` cookie; WebKit does not store it, so the request succeeds but carries no cookie.',
    fix: 'In development over http, do not mark cookies `Secure` (use `SameSite=Lax`: localhost ports are same-site), or serve the API over https.',
  },
  {
    id: 'credentials-main-session',
    title: 'Log in to the main API, then ask who I am',
    category: 'credentials',
    pageOrigins: WEB_PAGE,
    setup: [
      {
        target: 'api',
        path: '/api/session?run={run}',
        method: 'POST',
        credentials: 'include',
        body: { type: 'json', value: { name: 'ada' } },
      },
    ],
    request: { target: 'api', path: '/api/session/me?run={run}', credentials: 'include' },
    expected: { web: allowed(SIMPLE_RAN, { body: { authenticated: true, name: 'ada' } }) },
    explanation:
      "The template's cookie session: the JSON login is preflighted, sets an `HttpOnly; SameSite=Lax` cookie, and `GET /api/session/me` carries it back because fetch() asks for credentials and the policy allows them for this exact origin.",
    fix: 'This is the setup to copy for cookie sessions across localhost ports.',
  },
];
