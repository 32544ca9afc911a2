import cors from 'cors';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { definePolicy } from '../define-policy.js';
import type { Policy } from '../types.js';
import { toCorsOptions } from './cors-options.js';
import { corsMiddleware } from './express.js';

const APP = 'https://app.example.com';
const EVIL = 'https://evil.example';

const policies = {
  credentialed: definePolicy({
    origins: [APP, 'http://localhost:3000', 'https://*.preview.example.com'],
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Authorization'],
    exposedHeaders: ['X-Request-Id', 'X-Total'],
    maxAge: 600,
  }),
  wildcard: definePolicy({
    origins: '*',
    allowedHeaders: '*',
    exposedHeaders: ['X-Total'],
    maxAge: 0,
  }),
  reflect: definePolicy({ origins: 'reflect-any', preflightStatus: 200, allowedHeaders: [] }),
  asyncPredicate: definePolicy({
    origins: async (origin) => origin.endsWith('.partner.example'),
    credentials: true,
  }),
  nullOrigin: definePolicy({ origins: [APP], allowNullOrigin: true, methods: ['PUT'] }),
  throwingPredicate: definePolicy({
    origins: () => {
      throw new Error('origin store unavailable');
    },
  }),
} satisfies Record<string, Policy>;

type PolicyName = keyof typeof policies;

function routes(app: express.Express): express.Express {
  app.all('/data', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/missing', (_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  app.get('/boom', () => {
    throw new Error('handler failed');
  });
  const onError: ErrorRequestHandler = (error: Error, _req, res, _next) => {
    res.status(500).json({ error: error.message });
  };
  app.use(onError);
  return app;
}

const presetVary: RequestHandler = (_req, res, next) => {
  res.setHeader('Vary', 'Accept-Encoding');
  next();
};

function appsFor(name: PolicyName, withPresetVary: boolean) {
  const ours = express();
  const theirs = express();
  if (withPresetVary) {
    ours.use(presetVary);
    theirs.use(presetVary);
  }
  ours.use(corsMiddleware(policies[name]));
  theirs.use(cors(toCorsOptions(policies[name])));
  return { ours: routes(ours), theirs: routes(theirs) };
}

interface Case {
  title: string;
  policy: PolicyName;
  method: 'GET' | 'POST' | 'OPTIONS';
  path?: string;
  headers?: Record<string, string>;
  presetVary?: boolean;
  /** Hand-written: the Allow-Origin a correct server sends, or null for none. */
  allowOrigin: string | null;
  status: number;
}

const pre = (origin: string | undefined, method: string, requestHeaders?: string) => ({
  ...(origin === undefined ? {} : { Origin: origin }),
  'Access-Control-Request-Method': method,
  ...(requestHeaders === undefined ? {} : { 'Access-Control-Request-Headers': requestHeaders }),
});

const cases: Case[] = [
  {
    title: 'an allow-listed origin',
    policy: 'credentialed',
    method: 'GET',
    headers: { Origin: APP },
    allowOrigin: APP,
    status: 200,
  },
  {
    title: 'an allow-listed localhost origin',
    policy: 'credentialed',
    method: 'GET',
    headers: { Origin: 'http://localhost:3000' },
    allowOrigin: 'http://localhost:3000',
    status: 200,
  },
  {
    title: 'a pattern-matched subdomain',
    policy: 'credentialed',
    method: 'GET',
    headers: { Origin: 'https://pr-1.preview.example.com' },
    allowOrigin: 'https://pr-1.preview.example.com',
    status: 200,
  },
  {
    title: 'a pattern-matched deeper subdomain',
    policy: 'credentialed',
    method: 'GET',
    headers: { Origin: 'https://a.b.preview.example.com' },
    allowOrigin: 'https://a.b.preview.example.com',
    status: 200,
  },
  {
    title: 'the bare domain of a pattern',
    policy: 'credentialed',
    method: 'GET',
    headers: { Origin: 'https://preview.example.com' },
    allowOrigin: null,
    status: 200,
  },
  {
    title: 'an unknown origin',
    policy: 'credentialed',
    method: 'GET',
    headers: { Origin: EVIL },
    allowOrigin: null,
    status: 200,
  },
  {
    title: 'the allowed origin as a prefix of an attacker host',
    policy: 'credentialed',
    method: 'GET',
    headers: { Origin: `${APP}.attacker.net` },
    allowOrigin: null,
    status: 200,
  },
  {
    title: 'an attacker host ending like the allowed one',
    policy: 'credentialed',
    method: 'GET',
    headers: { Origin: 'https://attackerapp.example.com' },
    allowOrigin: null,
    status: 200,
  },
  {
    title: 'http instead of https',
    policy: 'credentialed',
    method: 'GET',
    headers: { Origin: 'http://app.example.com' },
    allowOrigin: null,
    status: 200,
  },
  {
    title: 'another port',
    policy: 'credentialed',
    method: 'GET',
    headers: { Origin: 'http://localhost:3001' },
    allowOrigin: null,
    status: 200,
  },
  {
    title: 'the null origin when not opted in',
    policy: 'credentialed',
    method: 'GET',
    headers: { Origin: 'null' },
    allowOrigin: null,
    status: 200,
  },
  {
    title: 'no Origin at all',
    policy: 'credentialed',
    method: 'GET',
    allowOrigin: null,
    status: 200,
  },
  {
    title: 'an uppercase origin',
    policy: 'credentialed',
    method: 'GET',
    headers: { Origin: 'https://APP.example.com' },
    allowOrigin: null,
    status: 200,
  },
  {
    title: 'an origin with a trailing slash',
    policy: 'credentialed',
    method: 'GET',
    headers: { Origin: `${APP}/` },
    allowOrigin: null,
    status: 200,
  },
  {
    title: 'two origins in one header',
    policy: 'credentialed',
    method: 'GET',
    headers: { Origin: `${APP}, ${EVIL}` },
    allowOrigin: null,
    status: 200,
  },
  {
    title: 'a POST from an allowed origin',
    policy: 'credentialed',
    method: 'POST',
    headers: { Origin: APP },
    allowOrigin: APP,
    status: 200,
  },
  {
    title: 'an allowed preflight',
    policy: 'credentialed',
    method: 'OPTIONS',
    headers: pre(APP, 'PUT', 'authorization,content-type'),
    allowOrigin: APP,
    status: 204,
  },
  {
    title: 'a preflight asking for a method not allowed',
    policy: 'credentialed',
    method: 'OPTIONS',
    headers: pre(APP, 'PROPFIND'),
    allowOrigin: APP,
    status: 204,
  },
  {
    title: 'a preflight asking for a header not allowed',
    policy: 'credentialed',
    method: 'OPTIONS',
    headers: pre(APP, 'PUT', 'x-secret'),
    allowOrigin: APP,
    status: 204,
  },
  {
    title: 'a preflight from a rejected origin',
    policy: 'credentialed',
    method: 'OPTIONS',
    headers: pre(EVIL, 'PUT'),
    allowOrigin: null,
    status: 204,
  },
  {
    title: 'a preflight from a malformed origin',
    policy: 'credentialed',
    method: 'OPTIONS',
    headers: pre(`${APP}:443`, 'PUT'),
    allowOrigin: null,
    status: 204,
  },
  {
    title: 'a preflight from the pattern',
    policy: 'credentialed',
    method: 'OPTIONS',
    headers: pre('https://x.preview.example.com', 'DELETE', 'content-type'),
    allowOrigin: 'https://x.preview.example.com',
    status: 204,
  },
  {
    title: 'an OPTIONS without Access-Control-Request-Method, which reaches the route',
    policy: 'credentialed',
    method: 'OPTIONS',
    headers: { Origin: APP },
    allowOrigin: APP,
    status: 200,
  },
  {
    title: 'an OPTIONS with Access-Control-Request-Method but no Origin, which reaches the route',
    policy: 'credentialed',
    method: 'OPTIONS',
    headers: pre(undefined, 'PUT'),
    allowOrigin: null,
    status: 200,
  },
  {
    title: 'a route that throws, for an allowed origin',
    policy: 'credentialed',
    method: 'GET',
    path: '/boom',
    headers: { Origin: APP },
    allowOrigin: APP,
    status: 500,
  },
  {
    title: 'a 404 for a rejected origin',
    policy: 'credentialed',
    method: 'GET',
    path: '/missing',
    headers: { Origin: EVIL },
    allowOrigin: null,
    status: 404,
  },
  {
    title: 'a wildcard policy and any origin',
    policy: 'wildcard',
    method: 'GET',
    headers: { Origin: EVIL },
    allowOrigin: '*',
    status: 200,
  },
  {
    title: 'a wildcard policy and no Origin',
    policy: 'wildcard',
    method: 'GET',
    allowOrigin: '*',
    status: 200,
  },
  {
    title: 'a wildcard policy and a malformed origin',
    policy: 'wildcard',
    method: 'GET',
    headers: { Origin: 'not an origin' },
    allowOrigin: '*',
    status: 200,
  },
  {
    title: 'a wildcard preflight with max-age 0',
    policy: 'wildcard',
    method: 'OPTIONS',
    headers: pre(EVIL, 'PATCH', 'x-anything'),
    allowOrigin: '*',
    status: 204,
  },
  {
    title: 'reflect-any and a well-formed origin',
    policy: 'reflect',
    method: 'GET',
    headers: { Origin: 'https://random.example' },
    allowOrigin: 'https://random.example',
    status: 200,
  },
  {
    title: 'reflect-any and a malformed origin',
    policy: 'reflect',
    method: 'GET',
    headers: { Origin: 'https://random.example/path' },
    allowOrigin: null,
    status: 200,
  },
  {
    title: 'reflect-any preflight with status 200 and no allowed headers',
    policy: 'reflect',
    method: 'OPTIONS',
    headers: pre('https://random.example', 'PUT', 'content-type'),
    allowOrigin: 'https://random.example',
    status: 200,
  },
  {
    title: 'an async predicate that accepts',
    policy: 'asyncPredicate',
    method: 'GET',
    headers: { Origin: 'https://shop.partner.example' },
    allowOrigin: 'https://shop.partner.example',
    status: 200,
  },
  {
    title: 'an async predicate that refuses a preflight',
    policy: 'asyncPredicate',
    method: 'OPTIONS',
    headers: pre(EVIL, 'PUT'),
    allowOrigin: null,
    status: 204,
  },
  {
    title: 'the null origin when opted in',
    policy: 'nullOrigin',
    method: 'GET',
    headers: { Origin: 'null' },
    allowOrigin: 'null',
    status: 200,
  },
  {
    title: 'a preflight from the null origin when opted in',
    policy: 'nullOrigin',
    method: 'OPTIONS',
    headers: pre('null', 'PUT'),
    allowOrigin: 'null',
    status: 204,
  },
  {
    title: 'a Vary set earlier, allowed origin',
    policy: 'credentialed',
    method: 'GET',
    headers: { Origin: APP },
    presetVary: true,
    allowOrigin: APP,
    status: 200,
  },
  {
    title: 'a Vary set earlier, rejected preflight',
    policy: 'credentialed',
    method: 'OPTIONS',
    headers: pre(EVIL, 'PUT'),
    presetVary: true,
    allowOrigin: null,
    status: 204,
  },
  {
    title: 'a predicate that throws',
    policy: 'throwingPredicate',
    method: 'GET',
    headers: { Origin: APP },
    allowOrigin: null,
    status: 500,
  },
];

async function send(app: express.Express, testCase: Case) {
  const path = testCase.path ?? '/data';
  const agent = request(app);
  const pending =
    testCase.method === 'GET'
      ? agent.get(path)
      : testCase.method === 'POST'
        ? agent.post(path)
        : agent.options(path);
  const response = await pending.set(testCase.headers ?? {});
  const cors = Object.fromEntries(
    Object.entries(response.headers).filter(
      ([name]) => name.startsWith('access-control-') || name === 'vary',
    ),
  );
  return { status: response.status, headers: cors };
}

describe('toCorsOptions: the cors package emits what corsMiddleware emits', () => {
  it('covers at least 30 request cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('answers $title identically', async (testCase) => {
    const { ours, theirs } = appsFor(testCase.policy, testCase.presetVary === true);
    const [fromOurs, fromCors] = await Promise.all([send(ours, testCase), send(theirs, testCase)]);
    expect(fromOurs.status).toBe(testCase.status);
    expect(fromOurs.headers['access-control-allow-origin']).toBe(testCase.allowOrigin ?? undefined);
    expect(fromCors).toEqual(fromOurs);
  });

  it('sends Expose-Headers only on actual responses, where cors alone would also put them on preflights', async () => {
    const { theirs } = appsFor('credentialed', false);
    const preflight = await send(theirs, cases[16] as Case);
    expect(preflight.headers['access-control-expose-headers']).toBeUndefined();
    const actual = await send(theirs, cases[0] as Case);
    expect(actual.headers['access-control-expose-headers']).toBe('X-Request-Id,X-Total');
  });

  it('keeps Vary: Origin on rejections, which cors drops when its origin callback answers false', async () => {
    const { theirs } = appsFor('credentialed', false);
    const rejected = await send(theirs, cases[5] as Case);
    expect(rejected.headers).toEqual({ vary: 'Origin' });
  });
});
