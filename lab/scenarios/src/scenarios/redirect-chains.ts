// Redirect chains the lab's API really answers: a preflight meeting a trailing-slash redirect, an
// http→https style hop, cross-origin hops to `*`, the page origins and `null`, a hop back to the
// page's own origin, 307 of a PUT and `redirect: 'manual'`.
import type { EngineExpectation, Expectation, Scenario, ServerExpectation } from '../types.js';
import { ALL_PAGES, allowed, blocked, opaque, reached } from './expectations.js';

type Hop = NonNullable<ServerExpectation['alsoReached']>[number];

/** The same expectation from each of the three pages. */
function everyPage(expectation: Expectation): Scenario['expected'] {
  return Object.fromEntries(ALL_PAGES.map((page) => [page, expectation]));
}

const alt = (path: string, method: string, origin?: string): Hop => ({
  target: 'api-alt-port',
  path,
  method,
  ...(origin === undefined ? {} : { origin }),
});

/** The experiments that measured Firefox's preflight after a cross-origin 307 (no bug report found). */
const FIREFOX_307_SOURCE = 'e2e/experiments/experiments.ts r-307-put, r-307-put-null-preflight';

export const REDIRECT_CHAINS: readonly Scenario[] = [
  {
    id: 'redirect-preflight-301-trailing-slash',
    title: 'A preflight answered with 301 to the trailing-slash path',
    category: 'redirect',
    pageOrigins: ALL_PAGES,
    request: {
      target: 'api',
      path: '/lab/redirect/slash?run={run}',
      method: 'PUT',
      body: { type: 'json', value: { text: 'hello' } },
    },
    expected: everyPage(blocked(reached(1, 0))),
    explanation:
      'The server sends every path without its trailing slash to the slashed one with a 301, the OPTIONS preflight too. A preflight must be answered with a 2xx: a redirect fails it whatever CORS headers it carries ("Redirect is not allowed for a preflight request"), so the PUT is never sent.',
    fix: 'Call the canonical URL (`/lab/redirect/slash/`), or let OPTIONS through before the slash redirect (Flask: `strict_slashes=False`; Django: list the slashed URL; FastAPI: `redirect_slashes=False`).',
  },
  {
    id: 'redirect-301-trailing-slash-simple',
    title: 'The same 301 to the trailing-slash path, for a simple GET',
    category: 'redirect',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/redirect/slash?run={run}' },
    expected: everyPage(
      allowed(
        {
          ...reached(0, 1),
          alsoReached: [{ target: 'api', path: '/lab/redirect/slash/', method: 'GET' }],
        },
        { body: { route: 'redirect-slash' } },
      ),
    ),
    explanation:
      "Without a preflight the 301 is just a response: it carries the page's origin in Access-Control-Allow-Origin, so it passes the CORS check, and the redirect stays on the same server, so the origin is not tainted. The slashed path allows the page too.",
    fix: 'Nothing breaks, but each call costs a round trip: call the slashed URL directly.',
  },
  {
    id: 'redirect-upgrade-to-other-origin',
    title: "An http→https style redirect of the actual request (stand-in: the API's other port)",
    category: 'redirect',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/redirect/upgrade?run={run}' },
    expected: everyPage(
      blocked({
        ...reached(0, 1),
        alsoReached: [alt('/lab/redirect/upgrade', 'GET', 'null')],
      }),
    ),
    explanation:
      'The API answers with 301 to the same path on another origin, as `http://` → `https://` does (the lab uses its second port as the stand-in: a different port is a different origin, like a different scheme). Leaving one cross-origin server for another origin taints the request: the next hop carries `Origin: null`, which a policy listing the page origins does not allow.',
    fix: 'Call the https URL directly (set the API base URL to `https://`); the redirect hides the mistake. Answering `null` would open the API to sandboxed pages.',
  },
  {
    id: 'redirect-cross-origin-to-page-origins',
    title: "A cross-origin redirect to a policy that allows the page's origin",
    category: 'redirect',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/redirect/to-all-pages?run={run}' },
    expected: everyPage(
      blocked({ ...reached(0, 1), alsoReached: [alt('/lab/all-pages', 'GET', 'null')] }),
    ),
    explanation:
      "The second server allows every page origin of the lab, yet the page cannot read it: after a redirect from one cross-origin server to another, the browser sends `Origin: null` instead of the page's origin, and `null` is not on the list.",
    fix: 'Fetch the final URL directly, so the page origin reaches it.',
  },
  {
    id: 'redirect-cross-origin-to-null',
    title: 'A cross-origin redirect to a server that answers `Access-Control-Allow-Origin: null`',
    category: 'redirect',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/redirect/to-null?run={run}' },
    expected: everyPage(
      allowed(
        { ...reached(0, 1), alsoReached: [alt('/lab/null-origin', 'GET', 'null')] },
        { body: { route: 'null-origin' } },
      ),
    ),
    explanation:
      'The tainted request carries `Origin: null`, and `Access-Control-Allow-Origin: null` matches it byte for byte, so the page reads the answer.',
    fix: 'It works, but `null` is also the origin of every sandboxed iframe and `file:` page: prefer calling the final URL directly.',
  },
  {
    id: 'redirect-back-to-page-origin',
    title: "A redirect back to the page's own origin, answered with `*`",
    category: 'redirect',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/redirect/back-to-wildcard?run={run}' },
    expected: everyPage(
      allowed(
        {
          ...reached(0, 1),
          alsoReached: [{ target: 'api', path: '/lab/wildcard', method: 'GET', origin: 'null' }],
        },
        { body: { route: 'wildcard' } },
      ),
    ),
    explanation:
      "The API sends the page back to its own origin (`/proxy/lab/wildcard`, which the page's server forwards to the API). Coming home does not undo the taint: that request carries `Origin: null` and its answer is still CORS-checked, which `*` passes.",
    fix: 'Nothing to fix; the same-origin URL could be called directly.',
  },
  {
    id: 'redirect-back-to-page-origin-exact',
    title: "A redirect back to the page's own origin, answered with the page origins",
    category: 'redirect',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/redirect/back-to-all-pages?run={run}' },
    expected: everyPage(
      blocked({
        ...reached(0, 1),
        alsoReached: [{ target: 'api', path: '/lab/all-pages', method: 'GET', origin: 'null' }],
      }),
    ),
    explanation:
      "Back on the page's own origin the request still carries `Origin: null` and is still CORS-checked: an answer allowing the page's origin (not `null`) is refused, although the URL is same-origin with the page.",
    fix: "Call the page-origin URL directly instead of through the API's redirect.",
  },
  {
    id: 'redirect-307-put',
    title: 'A PUT answered with 307 to another origin that allows the pages and `null`',
    category: 'redirect',
    pageOrigins: ALL_PAGES,
    request: {
      target: 'api',
      path: '/lab/redirect/307-to-null-and-pages?run={run}',
      method: 'PUT',
    },
    expected: everyPage(
      allowed(
        {
          ...reached(1, 1),
          alsoReached: [
            alt('/lab/null-and-pages', 'OPTIONS', 'null'),
            alt('/lab/null-and-pages', 'PUT', 'null'),
          ],
        },
        { body: { route: 'null-and-pages', method: 'PUT' } },
      ),
    ),
    engines: [firefoxPreflightWithPageOrigin()],
    explanation:
      'A 307 keeps the method and body, so the PUT still needs permission at the new URL: the browser sends a new preflight there, then the PUT, both with `Origin: null` since the redirect left one cross-origin server for another. The second server allows `null` and the pages, so the PUT succeeds.',
    fix: 'It works; calling the final URL directly saves a preflight and a hop.',
  },
  {
    id: 'redirect-307-put-null-only',
    title: 'A PUT answered with 307 to another origin that allows only `null`',
    category: 'redirect',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/redirect/307-to-null?run={run}', method: 'PUT' },
    expected: everyPage(
      allowed(
        {
          ...reached(1, 1),
          alsoReached: [
            alt('/lab/null-origin', 'OPTIONS', 'null'),
            alt('/lab/null-origin', 'PUT', 'null'),
          ],
        },
        { body: { route: 'null-origin', method: 'PUT' } },
      ),
    ),
    engines: [
      {
        engine: 'firefox',
        expected: everyPage(
          blocked({ ...reached(1, 1), alsoReached: [alt('/lab/null-origin', 'OPTIONS')] }),
        ),
        source: FIREFOX_307_SOURCE,
        note: "Firefox sends the preflight after the redirect with the page's origin, not `null`, so a server allowing only `null` refuses it and the PUT is never sent.",
      },
    ],
    explanation:
      'After the cross-origin 307 the preflight and the PUT both carry `Origin: null` (Chromium, WebKit, the Fetch Standard); the second server answers `Access-Control-Allow-Origin: null` and allows PUT, so the page reads the answer.',
    fix: "Do not rely on `null` after a redirect: Firefox preflights with the page's origin. Call the final URL directly.",
  },
  {
    id: 'redirect-manual-mode',
    title: "`redirect: 'manual'` on a cross-origin redirect",
    category: 'redirect',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/redirect/to-wildcard?run={run}', redirect: 'manual' },
    expected: everyPage(opaque(reached(0, 1))),
    explanation:
      "With `redirect: 'manual'` the browser does not follow the 302: once the 3xx passes the CORS check the page gets an `opaqueredirect` response (status 0, no headers, not even Location), and the next hop is never requested.",
    fix: "A page cannot read a redirect's Location; have the API answer 200 with the next URL in the body if the page must know it.",
  },
];

/** Firefox's preflight after the 307 carries the page origin, so its `null` cannot be checked. */
function firefoxPreflightWithPageOrigin(): EngineExpectation {
  return {
    engine: 'firefox',
    expected: everyPage(
      allowed(
        {
          ...reached(1, 1),
          alsoReached: [
            alt('/lab/null-and-pages', 'OPTIONS'),
            alt('/lab/null-and-pages', 'PUT', 'null'),
          ],
        },
        { body: { route: 'null-and-pages', method: 'PUT' } },
      ),
    ),
    source: FIREFOX_307_SOURCE,
    note: "Firefox sends the preflight after the redirect with the page's origin and only the PUT with `Origin: null`; this server allows both, so the PUT still succeeds.",
  };
}
