import { DEFAULT_ORIGINS, LAB_ROUTES } from '@cors-lab/scenarios';
import request, { type Response } from 'supertest';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { RequestLog } from '../log/request-log.js';
import { createLabApp } from '../app.js';

const WEB = 'http://localhost:3000';
const ALT_PORT = 'http://localhost:3001';
const METHODS = 'GET,HEAD,POST,PUT,PATCH,DELETE';
const VARY = { vary: 'Origin' };

type Headers = Record<string, string>;
interface Answer {
  status: number;
  headers: Headers;
}
/** Exact CORS answers (Access-Control-* and Vary) of one lab route for GET and a PUT preflight. */
interface RouteAnswers {
  getFromWeb: Answer;
  getFromAltPort: Answer;
  preflightFromWeb: Answer;
  preflightFromAltPort: Answer;
}

const ok = (headers: Headers): Answer => ({ status: 200, headers });
const noContent = (headers: Headers): Answer => ({ status: 204, headers });
const refusedOrigin: Pick<RouteAnswers, 'getFromAltPort' | 'preflightFromAltPort'> = {
  getFromAltPort: ok(VARY),
  preflightFromAltPort: noContent(VARY),
};
const webOnly = (preflight: Headers, actual: Headers = {}): RouteAnswers => ({
  getFromWeb: ok({ 'access-control-allow-origin': WEB, ...actual, ...VARY }),
  preflightFromWeb: noContent({
    'access-control-allow-origin': WEB,
    'access-control-allow-methods': METHODS,
    ...preflight,
    ...VARY,
  }),
  ...refusedOrigin,
});
const sameForEveryOrigin = (get: Answer, preflight: Answer): RouteAnswers => ({
  getFromWeb: get,
  getFromAltPort: get,
  preflightFromWeb: preflight,
  preflightFromAltPort: preflight,
});
const CONTENT_TYPE_ONLY = { 'access-control-allow-headers': 'Content-Type' };
const CREDENTIALS = { 'access-control-allow-credentials': 'true' };

const EXPECTED: Record<string, RouteAnswers> = {
  exact: webOnly(CONTENT_TYPE_ONLY),
  none: sameForEveryOrigin(ok({}), noContent({})),
  // Without the key the stand-in third-party API answers 401, with no CORS headers either way.
  'third-party': sameForEveryOrigin({ status: 401, headers: {} }, noContent({})),
  wildcard: sameForEveryOrigin(
    ok({ 'access-control-allow-origin': '*' }),
    noContent({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': METHODS,
      'access-control-allow-headers': 'Content-Type',
    }),
  ),
  'trailing-slash': sameForEveryOrigin(
    ok({ 'access-control-allow-origin': `${WEB}/` }),
    noContent({ 'access-control-allow-origin': `${WEB}/` }),
  ),
  'origin-list': sameForEveryOrigin(
    ok({ 'access-control-allow-origin': `${WEB}, ${ALT_PORT}` }),
    noContent({ 'access-control-allow-origin': `${WEB}, ${ALT_PORT}` }),
  ),
  'other-scheme': sameForEveryOrigin(
    ok({ 'access-control-allow-origin': 'https://localhost:3000' }),
    noContent({ 'access-control-allow-origin': 'https://localhost:3000' }),
  ),
  'scheme-echo': webOnly(CONTENT_TYPE_ONLY),
  'tls-page-as-http': sameForEveryOrigin(
    ok({ 'access-control-allow-origin': 'http://localhost:3443' }),
    noContent({ 'access-control-allow-origin': 'http://localhost:3443' }),
  ),
  'token-login': webOnly(CONTENT_TYPE_ONLY),
  'token-me': webOnly({ 'access-control-allow-headers': 'Authorization' }),
  ...Object.fromEntries(
    ['lax', 'strict', 'none-secure', 'none', 'partitioned', 'default'].flatMap((cookie) =>
      ['login', 'me'].map((step) => [
        `site-cookie-${cookie}-${step}`,
        webOnly({ ...CREDENTIALS, ...CONTENT_TYPE_ONLY }, CREDENTIALS),
      ]),
    ),
  ),
  'cookie-login': webOnly({ ...CREDENTIALS, ...CONTENT_TYPE_ONLY }, CREDENTIALS),
  'cookie-me': webOnly({ ...CREDENTIALS, ...CONTENT_TYPE_ONLY }, CREDENTIALS),
  'secure-cookie-login': webOnly({ ...CREDENTIALS, ...CONTENT_TYPE_ONLY }, CREDENTIALS),
  'secure-cookie-me': webOnly({ ...CREDENTIALS, ...CONTENT_TYPE_ONLY }, CREDENTIALS),
  'wildcard-credentials': sameForEveryOrigin(
    ok({ 'access-control-allow-origin': '*', ...CREDENTIALS }),
    noContent({ 'access-control-allow-origin': '*', ...CREDENTIALS }),
  ),
  'missing-allow-credentials': {
    getFromWeb: ok({ 'access-control-allow-origin': WEB, ...VARY }),
    preflightFromWeb: noContent({ 'access-control-allow-origin': WEB, ...VARY }),
    ...refusedOrigin,
  },
  'headers-custom': webOnly({
    'access-control-allow-headers': 'Content-Type,X-Request-Id,Authorization',
  }),
  'headers-none': webOnly({}),
  'headers-wildcard': webOnly({ 'access-control-allow-headers': '*' }),
  'preflight-into-guard': sameForEveryOrigin(
    { status: 401, headers: { 'access-control-allow-origin': WEB, ...VARY } },
    {
      status: 401,
      headers: {
        'access-control-allow-origin': WEB,
        'access-control-allow-methods': 'GET,HEAD,PUT,PATCH,POST,DELETE',
        'access-control-allow-headers': 'Content-Type,Authorization',
        ...VARY,
      },
    },
  ),
  'methods-read-only': {
    ...webOnly(CONTENT_TYPE_ONLY),
    preflightFromWeb: noContent({
      'access-control-allow-origin': WEB,
      'access-control-allow-methods': 'GET,POST',
      ...CONTENT_TYPE_ONLY,
      ...VARY,
    }),
  },
  'expose-listed': webOnly(CONTENT_TYPE_ONLY, {
    'access-control-expose-headers': 'X-Request-Id',
  }),
  'expose-none': webOnly(CONTENT_TYPE_ONLY),
  'expose-wildcard': webOnly(CONTENT_TYPE_ONLY, { 'access-control-expose-headers': '*' }),
  'cache-600': webOnly({ ...CONTENT_TYPE_ONLY, 'access-control-max-age': '600' }),
  'cache-0': webOnly({ ...CONTENT_TYPE_ONLY, 'access-control-max-age': '0' }),
  'redirect-to-wildcard': {
    getFromWeb: {
      status: 302,
      headers: { 'access-control-allow-origin': WEB, vary: 'Origin, Accept' },
    },
    getFromAltPort: {
      status: 302,
      headers: { 'access-control-allow-origin': ALT_PORT, vary: 'Origin, Accept' },
    },
    preflightFromWeb: webOnly(CONTENT_TYPE_ONLY).preflightFromWeb,
    preflightFromAltPort: noContent({
      'access-control-allow-origin': ALT_PORT,
      'access-control-allow-methods': METHODS,
      ...CONTENT_TYPE_ONLY,
      ...VARY,
    }),
  },
  'error-with-cors': {
    ...webOnly(CONTENT_TYPE_ONLY),
    getFromWeb: { status: 500, headers: { 'access-control-allow-origin': WEB, ...VARY } },
    getFromAltPort: { status: 500, headers: VARY },
  },
  'guard-before-cors': sameForEveryOrigin(
    { status: 401, headers: {} },
    { status: 401, headers: {} },
  ),
  'seed-cors-default': sameForEveryOrigin(
    ok({ 'access-control-allow-origin': '*' }),
    noContent({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET,HEAD,PUT,PATCH,POST,DELETE',
      'access-control-allow-headers': 'content-type',
      vary: 'Access-Control-Request-Headers',
    }),
  ),
  'seed-cors-configured': sameForEveryOrigin(
    ok({ 'access-control-allow-origin': WEB, ...CREDENTIALS, ...VARY }),
    noContent({
      'access-control-allow-origin': WEB,
      ...CREDENTIALS,
      'access-control-allow-methods': 'GET,POST,PUT,DELETE',
      'access-control-allow-headers': 'Content-Type,Authorization',
      ...VARY,
    }),
  ),
  // Express answers the OPTIONS itself (Allow: GET, HEAD, PUT): the per-route cors() never runs.
  'seed-cors-per-route': sameForEveryOrigin(
    ok({ 'access-control-allow-origin': WEB, ...VARY }),
    ok({}),
  ),
  'seed-manual-headers': sameForEveryOrigin(
    ok({
      'access-control-allow-origin': WEB,
      'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
      'access-control-allow-headers': 'Content-Type, Authorization',
      ...CREDENTIALS,
    }),
    ok({
      'access-control-allow-origin': WEB,
      'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
      'access-control-allow-headers': 'Content-Type, Authorization',
      ...CREDENTIALS,
    }),
  ),
  'policy-via-cors-package': webOnly(
    { ...CREDENTIALS, 'access-control-allow-headers': 'Content-Type,X-Request-Id' },
    CREDENTIALS,
  ),
};
EXPECTED['redirect-to-exact'] = EXPECTED['redirect-to-wildcard']!;

/** A route allowing the three pages answers each with its own origin. */
const allPages = (status = 200): RouteAnswers => ({
  getFromWeb: { status, headers: { 'access-control-allow-origin': WEB, ...VARY } },
  getFromAltPort: { status, headers: { 'access-control-allow-origin': ALT_PORT, ...VARY } },
  ...(['preflightFromWeb', 'preflightFromAltPort'] as const).reduce(
    (answers, key) => ({
      ...answers,
      [key]: noContent({
        'access-control-allow-origin': key === 'preflightFromWeb' ? WEB : ALT_PORT,
        'access-control-allow-methods': METHODS,
        ...CONTENT_TYPE_ONLY,
        ...VARY,
      }),
    }),
    {} as Pick<RouteAnswers, 'preflightFromWeb' | 'preflightFromAltPort'>,
  ),
});
/** A redirect allowing the three pages: Express's res.redirect() adds Vary: Accept. */
const redirectAllPages = (status: number): RouteAnswers => {
  const answers = allPages(status);
  for (const key of ['getFromWeb', 'getFromAltPort'] as const) {
    answers[key] = { status, headers: { ...answers[key].headers, vary: 'Origin, Accept' } };
  }
  return answers;
};
Object.assign(EXPECTED, {
  'all-pages': allPages(),
  'null-and-pages': allPages(),
  'null-origin': sameForEveryOrigin(
    ok({ 'access-control-allow-origin': 'null' }),
    noContent({
      'access-control-allow-origin': 'null',
      'access-control-allow-methods': 'GET, PUT, DELETE',
    }),
  ),
  'redirect-upgrade': redirectAllPages(301),
  'to-all-pages': redirectAllPages(302),
  'to-null': redirectAllPages(302),
  'back-to-wildcard': redirectAllPages(302),
  'back-to-all-pages': redirectAllPages(302),
  '307-to-null-and-pages': redirectAllPages(307),
  '307-to-null': redirectAllPages(307),
  '307-to-wildcard': redirectAllPages(307),
  '303-to-wildcard': redirectAllPages(303),
  'cache-plus-60': sameForEveryOrigin(
    ok({ 'access-control-allow-origin': '*' }),
    noContent({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'PUT',
      'access-control-max-age': '+60',
    }),
  ),
});
// The trailing-slash redirect runs before CORS: the preflight gets the 301 too, with its headers.
EXPECTED['redirect-slash'] = {
  ...redirectAllPages(301),
  preflightFromWeb: {
    status: 301,
    headers: { ...allPages().preflightFromWeb.headers, vary: 'Origin, Accept' },
  },
  preflightFromAltPort: {
    status: 301,
    headers: { ...allPages().preflightFromAltPort.headers, vary: 'Origin, Accept' },
  },
};

function app(listener = 'main') {
  return createLabApp({
    policy: readConfig({}).policy,
    origins: DEFAULT_ORIGINS,
    log: new RequestLog(),
    listener,
  });
}

function corsHeaders(res: Response): Headers {
  const headers = res.headers as Record<string, string>;
  return Object.fromEntries(
    Object.entries(headers).filter(
      ([name]) => name.startsWith('access-control-') || name === 'vary',
    ),
  );
}

function answerOf(res: Response): Answer {
  return { status: res.status, headers: corsHeaders(res) };
}

describe('every lab route', () => {
  const server = app();

  it('has an expected answer in this table', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(LAB_ROUTES.map((route) => route.id).sort());
  });

  for (const route of LAB_ROUTES) {
    describe(`${route.id} (${route.path})`, () => {
      const expected = EXPECTED[route.id]!;
      const url = `${route.path}?run=lab-test`;
      const preflight = (origin: string) =>
        request(server)
          .options(url)
          .set('Origin', origin)
          .set('Access-Control-Request-Method', 'PUT')
          .set('Access-Control-Request-Headers', 'content-type');

      it('answers a GET from the web origin with exactly these CORS headers', async () => {
        expect(answerOf(await request(server).get(url).set('Origin', WEB))).toEqual(
          expected.getFromWeb,
        );
      });

      it('answers a GET from the alt-port origin with exactly these CORS headers', async () => {
        expect(answerOf(await request(server).get(url).set('Origin', ALT_PORT))).toEqual(
          expected.getFromAltPort,
        );
      });

      it('answers a PUT preflight from the web origin with exactly these CORS headers', async () => {
        expect(answerOf(await preflight(WEB))).toEqual(expected.preflightFromWeb);
      });

      it('answers a PUT preflight from the alt-port origin with exactly these CORS headers', async () => {
        expect(answerOf(await preflight(ALT_PORT))).toEqual(expected.preflightFromAltPort);
      });
    });
  }
});

describe('lab route handlers', () => {
  const server = app();

  it('the third-party stand-in answers only with its API key, and never with CORS headers', async () => {
    const url = '/lab/third-party/forecast?run=r-9';
    const refused = await request(server).get(url).set('X-Api-Key', 'wrong');
    expect(refused.status).toBe(401);
    const res = await request(server).get(url).set('Origin', WEB).set('X-Api-Key', 'lab-demo-key');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, route: 'third-party', run: 'r-9', forecast: 'sunny' });
    expect(corsHeaders(res)).toEqual({});
  });

  it('echo reports the route, method, run and whether the route cookie matches the run', async () => {
    const res = await request(server)
      .put('/lab/cookies/me?run=r-1')
      .set('Origin', WEB)
      .set('Cookie', 'other=1; lab_sid=r-1');
    expect(res.body).toEqual({
      ok: true,
      route: 'cookie-me',
      method: 'PUT',
      run: 'r-1',
      cookieSent: true,
      cookieMatchesRun: true,
    });
  });

  it('echo reports a cookie from another run as sent but not matching', async () => {
    const res = await request(server).get('/lab/cookies/me?run=r-2').set('Cookie', 'lab_sid=r-1');
    expect(res.body).toMatchObject({ cookieSent: true, cookieMatchesRun: false });
  });

  it('login sets lab_sid to the run id, HttpOnly and SameSite=Lax', async () => {
    const res = await request(server).post('/lab/cookies/login?run=r-3').set('Origin', WEB);
    expect(res.headers['set-cookie']).toEqual(['lab_sid=r-3; Path=/lab; HttpOnly; SameSite=Lax']);
  });

  it('the secure login sets lab_secure_sid Secure and SameSite=None', async () => {
    const res = await request(server).post('/lab/cookies/secure-login?run=r-4');
    expect(res.headers['set-cookie']).toEqual([
      'lab_secure_sid=r-4; Path=/lab; HttpOnly; Secure; SameSite=None',
    ]);
  });

  it('login refuses a run id that cannot be a cookie value, with a JSON 400', async () => {
    const res = await request(server).post('/lab/cookies/login?run=a%3Bb%3Dc');
    expect(res.status).toBe(400);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body.error).toMatch(/"run" must match/);
  });

  it('echoes a well-formed X-Request-Id and replaces a malformed one', async () => {
    const good = await request(server).get('/lab/none?run=r').set('X-Request-Id', 'abc-123');
    expect(good.headers['x-request-id']).toBe('abc-123');
    const bad = await request(server).get('/lab/none?run=r').set('X-Request-Id', '<script>');
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('adds the route response headers used to show exposure', async () => {
    const res = await request(server).get('/lab/expose/wildcard?run=r').set('Origin', WEB);
    expect(res.headers['x-lab-total']).toBe('42');
    expect(res.headers['set-cookie']).toEqual([
      'lab_probe=1; Path=/lab/expose; HttpOnly; SameSite=Lax',
    ]);
  });

  it('redirects to the alt-port listener, carrying the run id', async () => {
    const res = await request(server).get('/lab/redirect/to-exact?run=r-5').set('Origin', WEB);
    expect(res.headers.location).toBe('http://localhost:8001/lab/exact?run=r-5');
  });

  it('redirects with the status the route names, back to the calling page when it says so', async () => {
    const put = await request(server).put('/lab/redirect/307-to-null?run=r-6').set('Origin', WEB);
    expect([put.status, put.headers.location]).toEqual([
      307,
      'http://localhost:8001/lab/null-origin?run=r-6',
    ]);
    const back = await request(server)
      .get('/lab/redirect/back-to-wildcard?run=r-7')
      .set('Origin', ALT_PORT);
    expect(back.headers.location).toBe(`${ALT_PORT}/proxy/lab/wildcard?run=r-7`);
  });

  it('refuses to redirect back to a page that is not one of the lab pages, naming the Origin', async () => {
    const res = await request(server)
      .get('/lab/redirect/back-to-wildcard?run=r')
      .set('Origin', 'https://evil.example');
    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(res.body.error).toMatch(/"https:\/\/evil\.example" is none of the lab's pages/);
  });

  it('sends a path without its trailing slash to the slashed path, preflights too, and answers there', async () => {
    const preflight = await request(server)
      .options('/lab/redirect/slash?run=r-8')
      .set('Origin', WEB)
      .set('Access-Control-Request-Method', 'PUT');
    expect([preflight.status, preflight.headers.location]).toEqual([
      301,
      '/lab/redirect/slash/?run=r-8',
    ]);
    const slashed = await request(server).get('/lab/redirect/slash/?run=r-8').set('Origin', WEB);
    expect(slashed.status).toBe(200);
    expect(slashed.body).toMatchObject({ route: 'redirect-slash', method: 'GET', run: 'r-8' });
  });

  it('upgrades from the main listener to the same path on the alt listener, which answers it', async () => {
    const main = await request(server).get('/lab/redirect/upgrade?run=r-9').set('Origin', WEB);
    expect([main.status, main.headers.location]).toEqual([
      301,
      'http://localhost:8001/lab/redirect/upgrade?run=r-9',
    ]);
    const alt = await request(app('alt')).get('/lab/redirect/upgrade?run=r-9').set('Origin', WEB);
    expect(alt.status).toBe(200);
    expect(alt.body).toMatchObject({ route: 'redirect-upgrade', run: 'r-9' });
  });

  it('fails on purpose with a JSON 500', async () => {
    const res = await request(server).get('/lab/errors/with-cors?run=r').set('Origin', WEB);
    expect(res.body).toEqual({ error: 'The lab route failed on purpose.', status: 500 });
  });

  it('lets the guard-before-cors route through once Authorization is sent, with CORS headers', async () => {
    const res = await request(server)
      .get('/lab/errors/guard-before-cors?run=r')
      .set('Origin', WEB)
      .set('Authorization', 'Bearer x');
    expect(answerOf(res)).toEqual(ok({ 'access-control-allow-origin': WEB, ...VARY }));
  });
});

describe('site cookies and tokens', () => {
  const app = createLabApp({
    policy: readConfig({}).policy,
    origins: DEFAULT_ORIGINS,
    log: new RequestLog(),
    listener: 'main',
  });

  it.each([
    ['lax', 'site_lax=r1; Path=/lab; HttpOnly; SameSite=Lax'],
    ['strict', 'site_strict=r1; Path=/lab; HttpOnly; SameSite=Strict'],
    ['none-secure', 'site_none_secure=r1; Path=/lab; HttpOnly; Secure; SameSite=None'],
    ['none', 'site_none=r1; Path=/lab; HttpOnly; SameSite=None'],
    ['partitioned', 'site_partitioned=r1; Path=/lab; HttpOnly; Secure; Partitioned; SameSite=None'],
    ['default', 'site_default=r1; Path=/lab; HttpOnly'],
  ])('the %s login sets exactly %s', async (cookie, setCookie) => {
    const response = await request(app)
      .post(`/lab/site-cookies/${cookie}/login?run=r1`)
      .set('Origin', 'https://localhost:3443');
    expect(response.headers['set-cookie']).toEqual([setCookie]);
    expect(response.headers['access-control-allow-origin']).toBe('https://localhost:3443');
  });

  it('hands out the run id as a token and recognises it in Authorization', async () => {
    const login = await request(app).post('/lab/token/login?run=r2');
    expect(login.body).toMatchObject({ token: 'r2' });
    expect(login.headers['set-cookie']).toBeUndefined();
    const me = await request(app).get('/lab/token/me?run=r2').set('Authorization', 'Bearer r2');
    expect(me.body).toMatchObject({ tokenSent: true, tokenMatchesRun: true });
    const other = await request(app).get('/lab/token/me?run=r2').set('Authorization', 'Bearer r3');
    expect(other.body).toMatchObject({ tokenSent: true, tokenMatchesRun: false });
  });
});
