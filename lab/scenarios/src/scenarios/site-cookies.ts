import type { Engine, EngineExpectation, PageOriginRole, Scenario, TargetRole } from '../types.js';
import { SIMPLE_RAN, allowed } from './expectations.js';
import {
  CHROMIUM_CHIPS,
  CHROMIUM_SCHEMEFUL_SAME_SITE,
  FIREFOX_NOT_LAX_BY_DEFAULT,
  FIREFOX_SCHEMELESS_SAME_SITE,
  MDN_SAME_SITE,
  WEBKIT_THIRD_PARTY_BLOCKING,
} from './sources.js';

/** Where the page and the API live: the four deployments the scenarios compare. */
interface Deployment {
  /** Part of the scenario id. */
  key: string;
  page: PageOriginRole;
  target: TargetRole;
  /** Said in every title, e.g. `https://localhost:3443 → https://127.0.0.1:8443 (cross-site)`. */
  label: string;
  /** One sentence on why the pair is same-site or cross-site. */
  site: string;
}

const SAME_SITE_HTTPS: Deployment = {
  key: 'same-site-https',
  page: 'web-tls',
  target: 'api-tls',
  label: 'same-site over https (localhost:3443 → localhost:8443)',
  site: 'Page and API share scheme and registrable domain (`https`, `localhost`): same-site, although cross-origin.',
};
const CROSS_SITE_HTTPS: Deployment = {
  key: 'cross-site-https',
  page: 'web-tls',
  target: 'api-tls-alt-host',
  label: 'cross-site over https (localhost:3443 → 127.0.0.1:8443)',
  site: '`localhost` and `127.0.0.1` are two sites (an IP address is its own site), so the API is a third party to the page.',
};
const CROSS_SITE_HTTP: Deployment = {
  key: 'cross-site-http',
  page: 'web',
  target: 'api-alt-host',
  label: 'cross-site over http (localhost:3000 → 127.0.0.1:8000)',
  site: '`localhost` and `127.0.0.1` are two sites, over plain http.',
};
const SCHEME_CROSS_SITE: Deployment = {
  key: 'http-page-https-api',
  page: 'web',
  target: 'api-tls',
  label: 'http page, https API on the same host (localhost:3000 → https://localhost:8443)',
  site: 'Same registrable domain, different scheme: cross-site under schemeful same-site (the HTML standard), same-site where the engine still ignores the scheme.',
};

type Sent = boolean;

interface Difference {
  sent: Sent;
  source: string;
  note: string;
}

interface CookieCase {
  deployment: Deployment;
  /** The path segment of the cookie's routes (see SITE_COOKIE_ROUTES). */
  cookie: string;
  /** `SameSite=Lax` and the like, as the title says it. */
  attributes: string;
  /** Sent back by the cookie rules alone (RFC 6265bis, schemeful same-site), before any third-party policy. */
  sent: Sent;
  engines?: Partial<Record<Engine, Difference>>;
  explanation: string;
  fix: string;
}

function expectation(sent: Sent) {
  return allowed(SIMPLE_RAN, { body: { cookieMatchesRun: sent } });
}

function cookieScenario(c: CookieCase): Scenario {
  const { deployment } = c;
  const engines: EngineExpectation[] = Object.entries(c.engines ?? {}).map(
    ([engine, difference]) => ({
      engine: engine as Engine,
      expected: { [deployment.page]: expectation(difference.sent) },
      source: difference.source,
      note: difference.note,
    }),
  );
  return {
    id: `site-cookie-${c.cookie}-${deployment.key}`,
    title: `\`${c.attributes}\` cookie, ${deployment.label}`,
    category: 'site-cookies',
    pageOrigins: [deployment.page],
    setup: [
      {
        target: deployment.target,
        path: `/lab/site-cookies/${c.cookie}/login?run={run}`,
        method: 'POST',
        credentials: 'include',
      },
    ],
    request: {
      target: deployment.target,
      path: `/lab/site-cookies/${c.cookie}/me?run={run}`,
      credentials: 'include',
    },
    expected: { [deployment.page]: expectation(c.sent) },
    ...(engines.length > 0 ? { engines } : {}),
    explanation: `${deployment.site} ${c.explanation}`,
    fix: c.fix,
  };
}

// The engines' third-party cookie policies, as the lab's engines run them (fresh profiles).
const CHROMIUM_BLOCKS_THIRD_PARTY: Difference = {
  sent: false,
  source: CHROMIUM_CHIPS,
  note: 'Chromium, as the e2e suite runs it (a fresh automated profile), blocks unpartitioned third-party cookies: only a `Partitioned` cookie is stored in a cross-site context.',
};
const WEBKIT_BLOCKS_THIRD_PARTY: Difference = {
  sent: false,
  source: WEBKIT_THIRD_PARTY_BLOCKING,
  note: 'WebKit blocks all third-party cookies (no CHIPS in WebKitGTK): nothing set in a cross-site fetch is stored.',
};

const SAME_SITE_FIX =
  'Nothing to fix: serve the front end and the API from one site (e.g. app.example.com and api.example.com over https).';
const CROSS_SITE_FIX =
  "Deploy the API on the front end's site (api.example.com beside app.example.com), or use a bearer token (`site-token-cross-site-https`); `Partitioned` helps in Chromium and Firefox only.";

export const SITE_COOKIES: readonly Scenario[] = [
  // Same-site over https: every cookie arrives, except where the engine refuses None without Secure.
  ...(
    [
      ['lax', 'SameSite=Lax'],
      ['strict', 'SameSite=Strict'],
      ['none-secure', 'SameSite=None; Secure'],
      ['partitioned', 'SameSite=None; Secure; Partitioned'],
      ['default', 'no SameSite attribute'],
    ] as const
  ).map(([cookie, attributes]) =>
    cookieScenario({
      deployment: SAME_SITE_HTTPS,
      cookie,
      attributes,
      sent: true,
      explanation:
        "A same-site fetch carries every cookie whatever its SameSite value; a Partitioned cookie set here lives in the page site's partition, which is the one the request reads.",
      fix: SAME_SITE_FIX,
    }),
  ),
  cookieScenario({
    deployment: SAME_SITE_HTTPS,
    cookie: 'none',
    attributes: 'SameSite=None without Secure',
    sent: false,
    engines: {
      webkit: {
        sent: true,
        source: MDN_SAME_SITE,
        note: 'WebKit still accepts `SameSite=None` without `Secure`; Chromium (since 80) and Firefox (since 131) reject the cookie when it is set.',
      },
    },
    explanation:
      'RFC 6265bis rejects a `SameSite=None` cookie that is not `Secure` when it is set, even same-site; Chromium and Firefox do, so there is nothing to send.',
    fix: 'Always pair `SameSite=None` with `Secure` (and serve the API over https).',
  }),
  // Cross-site over https: the classic "CORS is right but I'm logged out".
  cookieScenario({
    deployment: CROSS_SITE_HTTPS,
    cookie: 'lax',
    attributes: 'SameSite=Lax',
    sent: false,
    explanation:
      "The login answer arrives (CORS allows it) but a `Lax` cookie is neither set nor sent by a cross-site fetch(): the read says logged out in every engine although `credentials: 'include'` and the CORS headers are right.",
    fix: CROSS_SITE_FIX,
  }),
  cookieScenario({
    deployment: CROSS_SITE_HTTPS,
    cookie: 'strict',
    attributes: 'SameSite=Strict',
    sent: false,
    explanation: '`Strict` cookies never travel in a cross-site request.',
    fix: CROSS_SITE_FIX,
  }),
  cookieScenario({
    deployment: CROSS_SITE_HTTPS,
    cookie: 'none-secure',
    attributes: 'SameSite=None; Secure',
    sent: true,
    engines: { chromium: CHROMIUM_BLOCKS_THIRD_PARTY, webkit: WEBKIT_BLOCKS_THIRD_PARTY },
    explanation:
      "By the cookie rules alone a `SameSite=None; Secure` cookie is a third-party cookie that may be set and sent. Whether it is depends on the engine's third-party cookie policy: Firefox keeps it in a partition for this page's site, Chromium (as run here) and WebKit block it.",
    fix: CROSS_SITE_FIX,
  }),
  cookieScenario({
    deployment: CROSS_SITE_HTTPS,
    cookie: 'none',
    attributes: 'SameSite=None without Secure',
    sent: false,
    explanation:
      'Refused when set (None requires Secure) in Chromium and Firefox, and blocked as a third-party cookie in WebKit.',
    fix: 'Add `Secure`; then see `site-cookie-none-secure-cross-site-https`.',
  }),
  cookieScenario({
    deployment: CROSS_SITE_HTTPS,
    cookie: 'partitioned',
    attributes: 'SameSite=None; Secure; Partitioned',
    sent: true,
    engines: { webkit: WEBKIT_BLOCKS_THIRD_PARTY },
    explanation:
      'CHIPS: the cookie is stored in a jar keyed by the top-level site (https://localhost) and sent back to the API from pages of that site only. Chromium stores it even while it blocks other third-party cookies; Firefox partitions anyway.',
    fix: 'Use `Partitioned` for an embedded or cross-site API that needs its own session per front-end site; WebKit still needs a same-site deployment or a token.',
  }),
  cookieScenario({
    deployment: CROSS_SITE_HTTPS,
    cookie: 'default',
    attributes: 'no SameSite attribute',
    sent: false,
    engines: {
      firefox: {
        sent: true,
        source: FIREFOX_NOT_LAX_BY_DEFAULT,
        note: 'Firefox does not treat a cookie without SameSite as Lax, so it behaves as None and is kept in the partition for this site.',
      },
    },
    explanation:
      'RFC 6265bis and Chromium treat a cookie without SameSite as `Lax`, so a cross-site fetch neither sets nor sends it; WebKit blocks it as a third-party cookie.',
    fix: 'Say what you mean: set SameSite explicitly.',
  }),
  // Cross-site over plain http: the same rules, and loopback counts as secure for `Secure`.
  cookieScenario({
    deployment: CROSS_SITE_HTTP,
    cookie: 'lax',
    attributes: 'SameSite=Lax',
    sent: false,
    explanation:
      'A cross-site fetch() neither sets nor sends a `Lax` cookie, over http as over https.',
    fix: CROSS_SITE_FIX,
  }),
  cookieScenario({
    deployment: CROSS_SITE_HTTP,
    cookie: 'none-secure',
    attributes: 'SameSite=None; Secure',
    sent: true,
    engines: { chromium: CHROMIUM_BLOCKS_THIRD_PARTY, webkit: WEBKIT_BLOCKS_THIRD_PARTY },
    explanation:
      'Set over http://127.0.0.1, which Chromium and Firefox count as a secure origin for `Secure`. Then the third-party policy decides: Firefox partitions, Chromium (as run here) and WebKit block.',
    fix: CROSS_SITE_FIX,
  }),
  cookieScenario({
    deployment: CROSS_SITE_HTTP,
    cookie: 'partitioned',
    attributes: 'SameSite=None; Secure; Partitioned',
    sent: true,
    engines: { webkit: WEBKIT_BLOCKS_THIRD_PARTY },
    explanation:
      "CHIPS over loopback http: Chromium and Firefox store the partitioned cookie for the page's site and send it back; WebKit blocks it.",
    fix: 'As over https: `Partitioned` works in Chromium and Firefox; WebKit needs a same-site deployment or a token.',
  }),
  cookieScenario({
    deployment: CROSS_SITE_HTTP,
    cookie: 'default',
    attributes: 'no SameSite attribute',
    sent: false,
    engines: {
      firefox: {
        sent: true,
        source: FIREFOX_NOT_LAX_BY_DEFAULT,
        note: 'Firefox treats a cookie without SameSite as None and keeps it in the partition for this site.',
      },
    },
    explanation:
      'Lax by default (RFC 6265bis, Chromium); WebKit blocks it as a third-party cookie.',
    fix: 'Set SameSite explicitly.',
  }),
  // http page, https API on the same host: schemeful same-site.
  ...(
    [
      ['lax', 'SameSite=Lax'],
      ['strict', 'SameSite=Strict'],
    ] as const
  ).map(([cookie, attributes]) =>
    cookieScenario({
      deployment: SCHEME_CROSS_SITE,
      cookie,
      attributes,
      sent: false,
      engines: {
        firefox: {
          sent: true,
          source: FIREFOX_SCHEMELESS_SAME_SITE,
          note: 'Firefox ignores the scheme when it compares sites (schemeful same-site is off by default), so http://localhost and https://localhost are one site.',
        },
        webkit: {
          sent: true,
          source: MDN_SAME_SITE,
          note: 'WebKit has not implemented schemeful same-site: http://localhost and https://localhost are one site to it.',
        },
      },
      explanation: `Under schemeful same-site (the HTML standard, Chromium) the http page is cross-site to the https API, so a \`${attributes}\` cookie is neither set nor sent.`,
      fix: 'Serve the front end over https too; an http front end calling an https API is cross-site.',
    }),
  ),
  cookieScenario({
    deployment: SCHEME_CROSS_SITE,
    cookie: 'none-secure',
    attributes: 'SameSite=None; Secure',
    sent: true,
    engines: {
      chromium: {
        sent: false,
        source: CHROMIUM_SCHEMEFUL_SAME_SITE,
        note: 'To Chromium the http page is cross-site to the https API (schemeful same-site), and it blocks unpartitioned third-party cookies as run here.',
      },
    },
    explanation:
      '`None; Secure` may go cross-site by the cookie rules; Firefox and WebKit see one site anyway. Chromium sees a third party and blocks the cookie.',
    fix: 'Serve the front end over https too.',
  }),
  cookieScenario({
    deployment: SCHEME_CROSS_SITE,
    cookie: 'partitioned',
    attributes: 'SameSite=None; Secure; Partitioned',
    sent: true,
    explanation:
      "Every engine sends it: Chromium keeps it in the partition of the http page's site, and Firefox and WebKit see one site.",
    fix: 'Serve the front end over https too, so the same cookie works without relying on partitions.',
  }),
];

/** Where the template's cookie session stops working and what replaces it (bearer tokens). */
export const SITE_TOKENS: readonly Scenario[] = (
  [
    [
      'cross-site-https',
      'web-tls',
      'api-tls-alt-host',
      'https://localhost:3443 → https://127.0.0.1:8443',
    ],
    ['cross-site-http', 'web', 'api-alt-host', 'http://localhost:3000 → http://127.0.0.1:8000'],
  ] as const
).map(([key, page, target, label]): Scenario => ({
  id: `site-token-${key}`,
  title: `A bearer token instead of a cookie, cross-site (${label})`,
  category: 'site-cookies',
  pageOrigins: [page],
  setup: [{ target, path: '/lab/token/login?run={run}', method: 'POST' }],
  request: {
    target,
    path: '/lab/token/me?run={run}',
    headers: { Authorization: 'Bearer {run}' },
  },
  expected: {
    [page]: allowed(
      { preflights: 1, actual: 1 },
      { body: { tokenSent: true, tokenMatchesRun: true } },
    ),
  },
  explanation:
    'The login hands the page a token in its JSON body; the page sends it back in `Authorization`. No cookie is involved, so no SameSite rule or third-party cookie policy applies: every engine sends it. `Authorization` is not a safelisted header, so each read costs a preflight the API must answer.',
  fix: "The fix for a cross-site API in every engine: keep the token in memory, send `Authorization: Bearer …`, allow the header in the policy; no `credentials: 'include'` needed.",
}));
