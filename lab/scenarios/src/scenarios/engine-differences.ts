// Where Chromium, Firefox and WebKit part, measured by e2e/experiments and documented in
// docs/engine-differences.md: each scenario states the standard's expectation and each engine's own.
import type { Expectation, Scenario, ServerExpectation } from '../types.js';
import { ALL_PAGES, SIMPLE_RAN, allowed, blocked, reached } from './expectations.js';

type Hop = NonNullable<ServerExpectation['alsoReached']>[number];

function everyPage(expectation: Expectation): Scenario['expected'] {
  return Object.fromEntries(ALL_PAGES.map((page) => [page, expectation]));
}

const wildcardHop = (method: string, origin?: string): Hop => ({
  target: 'api-alt-port',
  path: '/lab/wildcard',
  method,
  ...(origin === undefined ? {} : { origin }),
});

const EXPERIMENTS = 'e2e/experiments/experiments.ts';

export const ENGINE_DIFFERENCES: readonly Scenario[] = [
  {
    id: 'redirect-303-json-post',
    title: 'A JSON POST answered with 303 to another origin',
    category: 'redirect',
    pageOrigins: ALL_PAGES,
    request: {
      target: 'api',
      path: '/lab/redirect/303-to-wildcard?run={run}',
      method: 'POST',
      body: { type: 'json', value: { text: 'hello' } },
    },
    expected: everyPage(
      allowed(
        { ...reached(1, 1), alsoReached: [wildcardHop('GET', 'null')] },
        { body: { route: 'wildcard', method: 'GET' } },
      ),
    ),
    engines: (['firefox', 'webkit'] as const).map((engine) => ({
      engine,
      expected: everyPage(
        allowed(
          {
            ...reached(1, 1),
            alsoReached: [wildcardHop('OPTIONS'), wildcardHop('GET', 'null')],
          },
          { body: { route: 'wildcard', method: 'GET' } },
        ),
      ),
      source: `${EXPERIMENTS} r-303-post-json, r-303-json-options-404`,
      note:
        engine === 'firefox'
          ? 'Firefox preflights the GET at the new origin because the original POST needed a preflight, though the GET itself is simple.'
          : 'WebKit preflights the GET at the new origin, still asking for `content-type`, though the GET carries no body and no Content-Type.',
    })),
    explanation:
      'A 303 turns the POST into a GET and drops the body and its Content-Type, so the request at the new origin is simple: the standard sends it without a preflight, with `Origin: null`. The `*` there lets the page read it.',
    fix: 'It works here because the second server answers OPTIONS too; a server behind a 303 should answer preflights, since Firefox and WebKit send one.',
  },
  {
    id: 'redirect-307-delete',
    title: 'A DELETE answered with 307 to another origin',
    category: 'redirect',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/redirect/307-to-wildcard?run={run}', method: 'DELETE' },
    expected: everyPage(
      allowed(
        {
          ...reached(1, 1),
          alsoReached: [wildcardHop('OPTIONS', 'null'), wildcardHop('DELETE', 'null')],
        },
        { body: { route: 'wildcard', method: 'DELETE' } },
      ),
    ),
    engines: [
      {
        engine: 'firefox',
        expected: everyPage(
          allowed(
            {
              ...reached(1, 1),
              alsoReached: [wildcardHop('OPTIONS'), wildcardHop('DELETE', 'null')],
            },
            { body: { route: 'wildcard', method: 'DELETE' } },
          ),
        ),
        source: `${EXPERIMENTS} r-307-put, r-307-delete`,
        note: "Firefox's preflight after the redirect carries the page's origin; only the DELETE carries `Origin: null`.",
      },
      {
        engine: 'webkit',
        expected: everyPage(
          allowed(
            { ...reached(1, 1), alsoReached: [wildcardHop('GET', 'null')] },
            { body: { route: 'wildcard', method: 'GET' } },
          ),
        ),
        source: `${EXPERIMENTS} r-307-delete, r-302-delete, r-301-delete`,
        note: 'WebKitGTK turns the DELETE into a GET when it follows the 307, so the second server sees (and answers) a GET.',
      },
    ],
    explanation:
      'A 307 keeps the method: the DELETE needs a new preflight at the new origin, then goes there with `Origin: null`; `*` allows both.',
    fix: 'Do not redirect state-changing requests across origins: WebKitGTK changes the method on the way.',
  },
  {
    id: 'caching-max-age-plus-sign',
    title: '`Access-Control-Max-Age: +60`, two PUTs in a row',
    category: 'caching',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/cache/plus-60?run={run}', method: 'PUT', repeat: 2 },
    expected: everyPage(allowed(reached(1, 2))),
    engines: [
      {
        engine: 'firefox',
        expected: everyPage(allowed(reached(2, 2))),
        source: `${EXPERIMENTS} max-age-9`,
        note: 'Firefox reads Access-Control-Max-Age as digits only: `+60` is not cached at all, so the second PUT is preflighted again.',
      },
    ],
    explanation:
      'The standard does not allow the `+` sign, so the value is invalid and the preflight is cached for the default 5 s; Chromium and WebKit even read it as 60. Either way the second PUT, a moment later, reuses the preflight.',
    fix: 'Send Max-Age as plain digits (`60`): `@cors-lab/cors-policy` writes it that way.',
  },
  {
    id: 'headers-accept-non-ascii',
    title: 'A GET with `Accept: text/é` (a byte above 0x7F)',
    category: 'headers',
    pageOrigins: ALL_PAGES,
    request: {
      target: 'api',
      path: '/lab/headers/wildcard?run={run}',
      headers: { Accept: 'text/\u00e9' },
    },
    expected: {
      web: allowed(SIMPLE_RAN),
      'web-alt-port': blocked(SIMPLE_RAN),
      'web-alt-host': blocked(SIMPLE_RAN),
    },
    engines: [
      {
        engine: 'firefox',
        expected: {
          web: allowed(reached(1, 1)),
          'web-alt-port': blocked(reached(1, 0)),
          'web-alt-host': blocked(reached(1, 0)),
        },
        source: `${EXPERIMENTS} safelist-6, safelist-9`,
        note: 'Firefox counts any byte of 0x80 or above in Accept as unsafe and preflights; the standard, Chromium and WebKit do not.',
      },
    ],
    explanation:
      '`Accept` is safelisted whatever its value unless it holds a control byte or one of `"():<>?@[\\]{}`; `é` is neither, so the GET is simple. The route allows any header, for the web origin only.',
    fix: 'Keep header values ASCII: Firefox preflights anything else.',
  },
];
