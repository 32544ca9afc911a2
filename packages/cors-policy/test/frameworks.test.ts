// A copy of the package, built on its own, served by a real server of every common Node.js
// framework (test/servers/*.mjs, one policy for all), asked the same requests. The expected
// answers are written out below by hand from the policy in test/servers/shared.mjs.
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PACKAGE_DIR,
  compile,
  copyPackage,
  linkModules,
  removeDir,
  send,
  startServer,
  stopServer,
  temporaryDir,
  type Answer,
  type RunningServer,
} from './package-copy.js';

const APP = 'https://app.example.com';
const PREVIEW = 'https://pr-7.preview.example.com';
const EVIL = 'https://evil.example';

interface Expected {
  status: number;
  cors: Record<string, string>;
  /** Vary tokens the answer must carry. */
  vary: string[];
}

interface Case {
  title: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  expected: Expected;
}

const preflightAllowed = (origin: string): Record<string, string> => ({
  'access-control-allow-origin': origin,
  'access-control-allow-credentials': 'true',
  'access-control-allow-methods': 'GET,PUT',
  'access-control-allow-headers': 'Content-Type',
  'access-control-max-age': '600',
});
const actualAllowed = {
  'access-control-allow-origin': APP,
  'access-control-allow-credentials': 'true',
  'access-control-expose-headers': 'X-Request-Id',
};
const preflight = (origin: string, method: string): Record<string, string> => ({
  origin,
  'access-control-request-method': method,
  'access-control-request-headers': 'content-type',
});

const CASES: Case[] = [
  {
    title: 'a preflight from an allowed origin',
    method: 'OPTIONS',
    path: '/items',
    headers: preflight(APP, 'PUT'),
    expected: { status: 204, cors: preflightAllowed(APP), vary: ['Origin'] },
  },
  {
    title: 'a preflight from an origin the subdomain pattern matches',
    method: 'OPTIONS',
    path: '/items',
    headers: preflight(PREVIEW, 'GET'),
    expected: { status: 204, cors: preflightAllowed(PREVIEW), vary: ['Origin'] },
  },
  {
    title: 'a preflight from an origin outside the list',
    method: 'OPTIONS',
    path: '/items',
    headers: preflight(EVIL, 'PUT'),
    expected: { status: 204, cors: {}, vary: ['Origin'] },
  },
  {
    title: 'a preflight from the allowed origin followed by another domain',
    method: 'OPTIONS',
    path: '/items',
    headers: preflight(`${APP}.evil.net`, 'PUT'),
    expected: { status: 204, cors: {}, vary: ['Origin'] },
  },
  {
    title: 'a preflight for a method outside the policy, which still gets the policy’s lists',
    method: 'OPTIONS',
    path: '/items',
    headers: preflight(APP, 'DELETE'),
    expected: { status: 204, cors: preflightAllowed(APP), vary: ['Origin'] },
  },
  {
    title: 'a GET from an allowed origin',
    method: 'GET',
    path: '/items',
    headers: { origin: APP },
    expected: { status: 200, cors: actualAllowed, vary: ['Accept-Encoding', 'Origin'] },
  },
  {
    title: 'a PUT with a JSON body from an allowed origin',
    method: 'PUT',
    path: '/items',
    headers: { origin: APP, 'content-type': 'application/json' },
    body: '{}',
    expected: { status: 200, cors: actualAllowed, vary: ['Accept-Encoding', 'Origin'] },
  },
  {
    title: 'a GET from an origin outside the list',
    method: 'GET',
    path: '/items',
    headers: { origin: EVIL },
    expected: { status: 200, cors: {}, vary: ['Accept-Encoding', 'Origin'] },
  },
  {
    title: 'a GET with a malformed Origin',
    method: 'GET',
    path: '/items',
    headers: { origin: `${APP}%60.evil.net` },
    expected: { status: 200, cors: {}, vary: ['Accept-Encoding', 'Origin'] },
  },
  {
    title: 'a GET from the opaque origin "null"',
    method: 'GET',
    path: '/items',
    headers: { origin: 'null' },
    expected: { status: 200, cors: {}, vary: ['Accept-Encoding', 'Origin'] },
  },
  {
    title: 'a GET without Origin',
    method: 'GET',
    path: '/items',
    headers: {},
    expected: { status: 200, cors: {}, vary: ['Accept-Encoding', 'Origin'] },
  },
  {
    title: 'a GET whose route fails with a 500, from an allowed origin',
    method: 'GET',
    path: '/boom',
    headers: { origin: APP },
    expected: { status: 500, cors: actualAllowed, vary: ['Origin'] },
  },
];

interface Server {
  script: string;
  modules: string[];
  /** Where a framework's own CORS package writes another answer than the policy's adapters. */
  differs?: (testCase: Case) => Partial<Expected> | undefined;
}

const SERVERS: Record<string, Server> = {
  'Express 5 + corsMiddleware': { script: 'express-cors-policy.mjs', modules: ['express'] },
  'Express 5 + cors(toCorsOptions)': {
    script: 'express-cors-package.mjs',
    modules: ['express', 'cors'],
  },
  'Fastify 5 + corsPlugin': { script: 'fastify-plugin.mjs', modules: ['fastify'] },
  'Fastify 5 + @fastify/cors with toCorsOptions': {
    script: 'fastify-cors-package.mjs',
    modules: ['fastify', '@fastify/cors'],
    // @fastify/cors writes empty Allow-Methods/Allow-Headers on any preflight it answers, so a
    // refused one falls through to its OPTIONS route (404); a route's reply.header('Vary')
    // replaces its Vary: Origin, which only corsPlugin's onSend hook restores.
    differs: (testCase) => {
      if (testCase.method === 'OPTIONS' && Object.keys(testCase.expected.cors).length === 0) {
        return { status: 404 };
      }
      return testCase.path === '/items' && testCase.method !== 'OPTIONS'
        ? { vary: ['Accept-Encoding'] }
        : undefined;
    },
  },
  'Koa 3 + koaCors': { script: 'koa.mjs', modules: ['koa'] },
  'Hono 4 on @hono/node-server + withCors': {
    script: 'hono-node.mjs',
    modules: ['hono', '@hono/node-server'],
  },
  'node:http + corsMiddleware': { script: 'node-http.mjs', modules: [] },
};

let copyDir = '';

beforeAll(async () => {
  copyDir = await temporaryDir('cors-policy-frameworks-');
  await copyPackage(copyDir);
  await compile('TypeScript 5.9', copyDir, ['-p', 'tsconfig.build.json']);
  await cp(join(PACKAGE_DIR, 'test', 'servers'), join(copyDir, 'servers'), { recursive: true });
  // Frameworks are linked only after the build, so the build cannot lean on them.
  const modules = new Set(Object.values(SERVERS).flatMap((server) => server.modules));
  await linkModules(copyDir, [...modules]);
}, 120_000);

afterAll(() => removeDir(copyDir));

function corsHeadersOf(answer: Answer): Record<string, string> {
  return Object.fromEntries(
    Object.entries(answer.headers).filter(([name]) => name.startsWith('access-control-')),
  ) as Record<string, string>;
}

function varyTokens(answer: Answer): string[] {
  const vary = answer.headers.vary;
  return (Array.isArray(vary) ? vary.join(',') : (vary ?? ''))
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '')
    .sort();
}

describe.each(Object.entries(SERVERS))('a copy of the package in %s', (_name, server) => {
  let running: RunningServer | undefined;

  beforeAll(async () => {
    running = await startServer(join(copyDir, 'servers', server.script), copyDir);
  }, 60_000);

  afterAll(() => stopServer(running));

  it.each(CASES)('answers $title', async (testCase) => {
    const expected = { ...testCase.expected, ...server.differs?.(testCase) };
    const answer = await sendCase(running as RunningServer, testCase);
    expect({
      status: answer.status,
      cors: corsHeadersOf(answer),
      vary: varyTokens(answer),
    }).toEqual({ status: expected.status, cors: expected.cors, vary: [...expected.vary].sort() });
    if (testCase.method === 'OPTIONS' && expected.status === 204) expect(answer.body).toBe('');
  });
});

function sendCase(server: RunningServer, testCase: Case): Promise<Answer> {
  return send(server.baseUrl, testCase.method, testCase.path, testCase.headers, testCase.body);
}
