// The experiments: where the three engines might part from the Fetch Standard or from each other.
import type { Experiment, FetchPlan, HopPlan, PlannedAnswer } from './experiment.js';

const echoOrigin = { 'access-control-allow-origin': '{origin}' };
const allowed: PlannedAnswer = { status: 200, headers: echoOrigin };
const credentialedAllowed: PlannedAnswer = {
  status: 200,
  headers: { ...echoOrigin, 'access-control-allow-credentials': 'true' },
};
const redirect = (
  status: number,
  headers: PlannedAnswer['headers'] = echoOrigin,
): PlannedAnswer => ({
  status,
  headers: { location: '{next}', ...headers },
});
const put: FetchPlan = { method: 'PUT' };

// ---- Access-Control-Max-Age: two fetches at once, then one after 6.5 s (past the 5 s default) ----

const MAX_AGE_VALUES: readonly (string | readonly string[])[] = [
  '600',
  '600, 700',
  ['600', '700'],
  ['600', '600'],
  'abc',
  '-1',
  '0',
  '1e3',
  '60.5',
  '+60',
  '060',
  '0x10',
  '60abc',
  '',
  '4294967296',
  '99999999999999999999',
];

const maxAge: Experiment[] = [
  ...MAX_AGE_VALUES.map((value, index) => ({
    id: `max-age-${index}`,
    topic: `Access-Control-Max-Age ${JSON.stringify(value)}`,
    hops: [
      {
        at: 'api',
        preflight: {
          status: 204,
          headers: {
            ...echoOrigin,
            'access-control-allow-methods': 'PUT',
            'access-control-max-age': value,
          },
        },
        response: allowed,
      } satisfies HopPlan,
    ],
    fetch: put,
    repeatAfterMs: [0, 6500],
  })),
  {
    id: 'max-age-absent',
    topic: 'Access-Control-Max-Age absent',
    hops: [
      {
        at: 'api',
        preflight: {
          status: 204,
          headers: { ...echoOrigin, 'access-control-allow-methods': 'PUT' },
        },
        response: allowed,
      },
    ],
    fetch: put,
    repeatAfterMs: [0, 6500],
  },
];

// ---- Safelisted request headers: a GET with these headers; does a preflight go first? ----

const SAFELIST_CASES: readonly (readonly (readonly [string, string])[])[] = [
  [['accept', 'a'.repeat(128)]],
  [['accept', 'a'.repeat(129)]],
  [
    ['accept', 'a'.repeat(100)],
    ['accept', 'b'.repeat(100)],
  ],
  [
    ['accept', 'a'],
    ['accept', 'b'],
  ],
  [
    ['content-type', 'text/plain'],
    ['content-type', 'text/plain'],
  ],
  [
    ['accept-language', 'en'],
    ['accept-language', 'fr'],
  ],
  [['accept', 'text/\u00e9']],
  [['accept-language', '\u00e9']],
  [['content-language', '\u00e9']],
  [['content-type', 'text/plain;charset=\u00e9']],
  [['content-type', 'text/plain; charset="utf-8"']],
  [['content-type', 'Text/Plain']],
  [['content-type', 'multipart/form-data']],
  [['content-type', 'text/plain, application/json']],
  [['range', 'bytes=0-']],
  [['range', 'bytes=-5']],
  [['range', 'bytes=0-1,2-3']],
  [['range', 'bytes=5-1']],
  [
    ['accept', 'a'.repeat(128)],
    ['accept-language', 'b'.repeat(128)],
    ['content-language', 'c'.repeat(128)],
    ['content-type', `text/plain;${'d'.repeat(117)}`],
  ],
  [
    ['accept', 'a'.repeat(120)],
    ['accept', 'a'.repeat(120)],
    ['accept', 'a'.repeat(120)],
    ['accept', 'a'.repeat(120)],
    ['accept', 'a'.repeat(120)],
    ['accept', 'a'.repeat(120)],
    ['accept', 'a'.repeat(120)],
    ['accept', 'a'.repeat(120)],
    ['accept', 'a'.repeat(120)],
  ],
];

const safelist: Experiment[] = SAFELIST_CASES.map((headers, index) => ({
  id: `safelist-${index}`,
  topic: `request headers ${JSON.stringify(headers.map(([name, value]) => `${name}: ${value.length > 20 ? `${value.slice(0, 8)}…(${value.length})` : value}`))}`,
  hops: [{ at: 'api', response: allowed }],
  fetch: { headers },
}));

// ---- Request bodies: which Content-Type reaches the server, and whether a preflight goes first ----

const bodies: Experiment[] = (
  [
    ['string', { body: { kind: 'string' } }],
    ['url-search-params', { body: { kind: 'url-search-params' } }],
    ['form-data', { body: { kind: 'form-data' } }],
    ['blob-json', { body: { kind: 'blob', type: 'application/json' } }],
    ['blob-untyped', { body: { kind: 'blob' } }],
    ['blob-text', { body: { kind: 'blob', type: 'text/plain' } }],
    ['array-buffer', { body: { kind: 'array-buffer' } }],
    ['stream-duplex', { body: { kind: 'readable-stream' }, duplex: 'half' }],
    ['stream-no-duplex', { body: { kind: 'readable-stream' } }],
    [
      'string-explicit-json',
      { body: { kind: 'string' }, headers: [['content-type', 'application/json']] },
    ],
    [
      'form-data-explicit-text',
      { body: { kind: 'form-data' }, headers: [['content-type', 'text/plain']] },
    ],
  ] as const
).map(([name, plan]) => ({
  id: `body-${name}`,
  topic: `POST body ${name}`,
  hops: [{ at: 'api', response: allowed }],
  fetch: { method: 'POST', ...plan } as FetchPlan,
}));

// ---- Redirects ----

const hop = (at: HopPlan['at'], response: PlannedAnswer, preflight?: PlannedAnswer): HopPlan => ({
  at,
  response,
  ...(preflight && { preflight }),
});
const star = { status: 200, headers: { 'access-control-allow-origin': '*' } };
const nullOrigin = { status: 200, headers: { 'access-control-allow-origin': 'null' } };
const pageOrigin = { status: 200, headers: { 'access-control-allow-origin': '{page}' } };
const bare = { status: 200 };
const chain = (count: number): HopPlan[] => [
  ...Array.from({ length: count }, () => hop('api', redirect(302))),
  hop('api', allowed),
];

const redirectList: Omit<Experiment, 'topic'>[] = [
  { id: 'r-cross-star', hops: [hop('api', redirect(302)), hop('other', star)], fetch: {} },
  { id: 'r-cross-page', hops: [hop('api', redirect(302)), hop('other', pageOrigin)], fetch: {} },
  { id: 'r-cross-null', hops: [hop('api', redirect(302)), hop('other', nullOrigin)], fetch: {} },
  { id: 'r-back-bare', hops: [hop('api', redirect(302)), hop('page', bare)], fetch: {} },
  { id: 'r-back-null', hops: [hop('api', redirect(302)), hop('page', nullOrigin)], fetch: {} },
  { id: 'r-back-star', hops: [hop('api', redirect(302)), hop('page', star)], fetch: {} },
  { id: 'r-back-page', hops: [hop('api', redirect(302)), hop('page', pageOrigin)], fetch: {} },
  {
    id: 'r-same-then-cross',
    hops: [hop('page', redirect(302, {})), hop('api', allowed)],
    fetch: {},
  },
  {
    id: 'r-same-then-cross-then-back',
    hops: [hop('page', redirect(302, {})), hop('api', redirect(302)), hop('page', nullOrigin)],
    fetch: {},
  },
  { id: 'r-api-to-api', hops: [hop('api', redirect(302)), hop('api', allowed)], fetch: {} },
  { id: 'r-3xx-no-acao', hops: [hop('api', redirect(302, {})), hop('other', star)], fetch: {} },
  {
    id: 'r-preflight-301',
    hops: [
      hop('api', allowed, {
        status: 301,
        headers: {
          location: '{next-path}',
          'access-control-allow-origin': '{origin}',
          'access-control-allow-methods': 'PUT',
        },
      }),
      hop('api', allowed),
    ],
    fetch: put,
  },
  { id: 'r-307-put', hops: [hop('api', redirect(307)), hop('other', allowed)], fetch: put },
  { id: 'r-308-put-same', hops: [hop('api', redirect(308)), hop('api', allowed)], fetch: put },
  {
    id: 'r-307-post-json',
    hops: [hop('api', redirect(307)), hop('other', allowed)],
    fetch: {
      method: 'POST',
      body: { kind: 'string' },
      headers: [['content-type', 'application/json']],
    },
  },
  {
    id: 'r-301-post',
    hops: [hop('api', redirect(301)), hop('other', allowed)],
    fetch: { method: 'POST', body: { kind: 'string' } },
  },
  {
    id: 'r-302-post-json',
    hops: [hop('api', redirect(302)), hop('other', allowed)],
    fetch: {
      method: 'POST',
      body: { kind: 'string' },
      headers: [['content-type', 'application/json']],
    },
  },
  {
    id: 'r-303-post-json',
    hops: [hop('api', redirect(303)), hop('other', allowed)],
    fetch: {
      method: 'POST',
      body: { kind: 'string' },
      headers: [['content-type', 'application/json']],
    },
  },
  { id: 'r-303-put', hops: [hop('api', redirect(303)), hop('other', allowed)], fetch: put },
  {
    id: 'r-303-head',
    hops: [hop('api', redirect(303)), hop('other', allowed)],
    fetch: { method: 'HEAD' },
  },
  {
    id: 'r-302-delete',
    hops: [hop('api', redirect(302)), hop('other', allowed)],
    fetch: { method: 'DELETE' },
  },
  {
    id: 'r-303-content-language',
    hops: [hop('api', redirect(303)), hop('other', allowed)],
    fetch: { method: 'POST', body: { kind: 'string' }, headers: [['content-language', '\u00e9']] },
  },
  {
    id: 'r-auth-cross',
    hops: [hop('api', redirect(307)), hop('other', allowed)],
    fetch: { headers: [['authorization', 'Bearer x']] },
  },
  {
    id: 'r-auth-same',
    hops: [hop('api', redirect(307)), hop('api', allowed)],
    fetch: { headers: [['authorization', 'Bearer x']] },
  },
  {
    id: 'r-auth-page-to-api',
    hops: [hop('page', redirect(302, {})), hop('api', allowed)],
    fetch: { headers: [['authorization', 'Bearer x']] },
  },
  {
    id: 'r-manual-cross',
    hops: [hop('api', redirect(302)), hop('other', allowed)],
    fetch: { redirect: 'manual' },
  },
  {
    id: 'r-manual-cross-no-acao',
    hops: [hop('api', redirect(302, {})), hop('other', allowed)],
    fetch: { redirect: 'manual' },
  },
  {
    id: 'r-manual-same',
    hops: [hop('page', redirect(302, {})), hop('page', bare)],
    fetch: { redirect: 'manual' },
  },
  {
    id: 'r-error',
    hops: [hop('api', redirect(302)), hop('other', allowed)],
    fetch: { redirect: 'error' },
  },
  {
    id: 'r-userinfo-cross',
    hops: [
      hop('api', { status: 302, headers: { ...echoOrigin, location: '{next-userinfo}' } }),
      hop('other', star),
    ],
    fetch: {},
  },
  {
    id: 'r-userinfo-same',
    hops: [
      hop('page', { status: 302, headers: { location: '{next-userinfo}' } }),
      hop('page', bare),
    ],
    fetch: {},
  },
  {
    id: 'r-userinfo-api-to-page',
    hops: [
      hop('api', { status: 302, headers: { ...echoOrigin, location: '{next-userinfo}' } }),
      hop('page', star),
    ],
    fetch: {},
  },
  { id: 'r-20', hops: chain(20), fetch: {} },
  { id: 'r-21', hops: chain(21), fetch: {} },
  { id: 'r-no-location', hops: [hop('api', { status: 302, headers: echoOrigin })], fetch: {} },
  {
    id: 'r-data-location',
    hops: [hop('api', { status: 302, headers: { ...echoOrigin, location: 'data:,x' } })],
    fetch: {},
  },
  {
    id: 'r-cookie',
    hops: [
      hop('api', redirect(302, { ...echoOrigin, 'access-control-allow-credentials': 'true' })),
      hop('other', redirect(302, { ...echoOrigin, 'access-control-allow-credentials': 'true' })),
      hop('page', credentialedAllowed),
    ],
    fetch: { credentials: 'include' },
    setCookie: true,
  },
  {
    id: 'r-cookie-same-origin-mode',
    hops: [hop('page', redirect(302, {})), hop('api', redirect(302)), hop('page', nullOrigin)],
    fetch: {},
    setCookie: true,
  },
  {
    id: 'r-stream-307',
    hops: [hop('api', redirect(307)), hop('other', allowed)],
    fetch: { method: 'POST', body: { kind: 'readable-stream' }, duplex: 'half' },
  },
  {
    id: 'r-stream-303',
    hops: [hop('api', redirect(303)), hop('other', allowed)],
    fetch: { method: 'POST', body: { kind: 'readable-stream' }, duplex: 'half' },
  },
  {
    id: 'r-relative-location',
    hops: [
      hop('api', { status: 302, headers: { ...echoOrigin, location: '{next-path}' } }),
      hop('api', allowed),
    ],
    fetch: {},
  },
  {
    id: 'r-303-json-options-404',
    hops: [hop('api', redirect(303)), hop('other', star, { status: 404 })],
    fetch: {
      method: 'POST',
      body: { kind: 'string' },
      headers: [['content-type', 'application/json']],
    },
  },
  {
    id: 'r-307-put-null-preflight',
    hops: [
      hop('api', redirect(307)),
      hop('other', nullOrigin, {
        status: 204,
        headers: { 'access-control-allow-origin': 'null', 'access-control-allow-methods': 'PUT' },
      }),
    ],
    fetch: put,
  },
  {
    id: 'r-307-put-page-preflight',
    hops: [
      hop('api', redirect(307)),
      hop('other', nullOrigin, {
        status: 204,
        headers: { 'access-control-allow-origin': '{page}', 'access-control-allow-methods': 'PUT' },
      }),
    ],
    fetch: put,
  },
  {
    id: 'r-auth-cross-preflight-no-headers',
    hops: [
      hop('api', redirect(307)),
      hop('other', star, { status: 204, headers: { 'access-control-allow-origin': '*' } }),
    ],
    fetch: { headers: [['authorization', 'Bearer x']] },
  },
  {
    id: 'r-302-delete-get-only',
    hops: [
      hop('api', redirect(302)),
      hop(
        'other',
        { status: 200, headers: { 'access-control-allow-origin': '*' } },
        {
          status: 204,
          headers: { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET' },
        },
      ),
    ],
    fetch: { method: 'DELETE' },
  },
  {
    id: 'r-same-cross-other',
    hops: [hop('page', redirect(302, {})), hop('api', redirect(302)), hop('other', star)],
    fetch: {},
  },
  {
    id: 'r-same-cross-same-api',
    hops: [hop('page', redirect(302, {})), hop('api', redirect(302)), hop('api', allowed)],
    fetch: {},
  },
  {
    id: 'r-same-cross-back-star',
    hops: [hop('page', redirect(302, {})), hop('api', redirect(302)), hop('page', star)],
    fetch: {},
  },
  {
    id: 'r-same-same-cross',
    hops: [hop('page', redirect(302, {})), hop('page', redirect(302, {})), hop('api', allowed)],
    fetch: {},
  },
  {
    id: 'r-cors-mode-same-cross-back-include',
    hops: [
      hop('page', redirect(302, {})),
      hop('api', redirect(302, { ...echoOrigin, 'access-control-allow-credentials': 'true' })),
      hop('page', {
        status: 200,
        headers: {
          'access-control-allow-origin': 'null',
          'access-control-allow-credentials': 'true',
        },
      }),
    ],
    fetch: { credentials: 'include' },
  },
  {
    id: 'r-userinfo-same-no-cors',
    hops: [
      hop('page', { status: 302, headers: { location: '{next-userinfo}' } }),
      hop('page', bare),
    ],
    fetch: { mode: 'no-cors' },
  },
  {
    id: 'r-manual-same-to-cross',
    hops: [hop('page', redirect(302, {})), hop('api', allowed)],
    fetch: { redirect: 'manual', headers: [['x-custom', '1']] },
  },
  {
    id: 'r-no-cors-cross',
    hops: [hop('api', redirect(302, {})), hop('other', bare)],
    fetch: { mode: 'no-cors' },
  },
  {
    id: 'r-no-cors-manual',
    hops: [hop('api', redirect(302, {})), hop('other', bare)],
    fetch: { mode: 'no-cors', redirect: 'manual' },
  },
  {
    id: 'r-308-post-form',
    hops: [hop('api', redirect(308)), hop('other', allowed)],
    fetch: { method: 'POST', body: { kind: 'form-data' } },
  },
  {
    id: 'r-301-head',
    hops: [hop('api', redirect(301)), hop('other', allowed)],
    fetch: { method: 'HEAD' },
  },
  {
    id: 'r-302-put',
    hops: [hop('api', redirect(302)), hop('other', allowed)],
    fetch: put,
  },
  {
    id: 'r-301-patch',
    hops: [hop('api', redirect(301)), hop('other', allowed)],
    fetch: { method: 'PATCH' },
  },
  {
    id: 'r-307-custom-header',
    hops: [hop('api', redirect(307)), hop('other', allowed)],
    fetch: { headers: [['x-custom', '1']] },
  },
  {
    id: 'r-301-delete',
    hops: [hop('api', redirect(301)), hop('other', allowed)],
    fetch: { method: 'DELETE' },
  },
  {
    id: 'r-307-delete',
    hops: [hop('api', redirect(307)), hop('other', allowed)],
    fetch: { method: 'DELETE' },
  },
  {
    id: 'r-302-options',
    hops: [hop('api', redirect(302)), hop('other', allowed)],
    fetch: { method: 'OPTIONS' },
  },
  {
    id: 'r-same-cross-other-omit',
    hops: [hop('page', redirect(302, {})), hop('api', redirect(302)), hop('other', star)],
    fetch: { credentials: 'omit' },
  },
  {
    id: 'r-same-cross-other-include',
    hops: [
      hop('page', redirect(302, {})),
      hop('api', redirect(302, { ...echoOrigin, 'access-control-allow-credentials': 'true' })),
      hop('other', {
        status: 200,
        headers: {
          'access-control-allow-origin': 'null',
          'access-control-allow-credentials': 'true',
        },
      }),
    ],
    fetch: { credentials: 'include' },
  },
];

const redirects: Experiment[] = redirectList.map((experiment) => ({
  topic: 'redirect',
  ...experiment,
}));

export const EXPERIMENTS: readonly Experiment[] = [...maxAge, ...safelist, ...bodies, ...redirects];
