// What the bench measures. Adding a case is one entry in CASES (and, for a new server, one entry in
// NODE_TARGETS); ratios are taken against the case named in `baseline` and `floor`.
import { BENCH_ORIGIN } from '../next-app/lib/bench-policy.js';
import { requestOrigin } from './targets/cors-config.js';
import { CALLS_PER_REQUEST } from './targets/micro.js';
import type { MicroTargetName } from './targets/micro.js';
import { NODE_TARGETS } from './targets/node-targets.js';
import type { NodeTargetName } from './targets/node-targets.js';

export const SMALL_LIST = 2;
export const LARGE_LIST = 10_000;

/** A Next.js route of next-app/ (served by `next start`). */
export type NextRoute = 'bare' | 'with-cors';

export type CaseServer =
  { host: 'node'; target: NodeTargetName; origins: number } | { host: 'next'; route: NextRoute };

export interface CaseSpec {
  id: string;
  label: string;
  server: CaseServer;
  request: 'get' | 'preflight';
  /** Id of the case without CORS on the same host: "vs Express alone". */
  baseline: string;
  /** Id of the hand-written middleware with the same list: "vs floor". */
  floor?: string;
  /** For a micro case: calls per request; its cost per call is (own − baseline) / calls. */
  callsPerRequest?: number;
}

export const CASES: readonly CaseSpec[] = [
  node('express', 'Express alone', 'express', SMALL_LIST, 'get'),
  node('hand-2', 'hand-written, 2 origins', 'express+hand-written', SMALL_LIST, 'get'),
  node('policy-2', 'corsMiddleware, 2 origins', 'express+cors-policy', SMALL_LIST, 'get', 'hand-2'),
  node('cors-2', 'cors 2.8.6, 2 origins', 'express+cors', SMALL_LIST, 'get', 'hand-2'),
  node('hand-10k', 'hand-written, 10,000 origins', 'express+hand-written', LARGE_LIST, 'get'),
  node(
    'policy-10k',
    'corsMiddleware, 10,000 origins',
    'express+cors-policy',
    LARGE_LIST,
    'get',
    'hand-10k',
  ),
  node('cors-10k', 'cors 2.8.6, 10,000 origins', 'express+cors', LARGE_LIST, 'get', 'hand-10k'),
  node(
    'policy-2-preflight',
    'corsMiddleware preflight, 2 origins',
    'express+cors-policy',
    SMALL_LIST,
    'preflight',
  ),
  node(
    'cors-2-preflight',
    'cors 2.8.6 preflight, 2 origins',
    'express+cors',
    SMALL_LIST,
    'preflight',
  ),
  ...adapterCases('fastify', 'Fastify', 'corsPlugin'),
  ...adapterCases('koa', 'Koa', 'koaCors'),
  ...adapterCases('hono', 'Hono on @hono/node-server', 'withCors'),
  ...adapterCases('node-http', 'node:http', 'corsMiddleware'),
  micro('micro-slice-domains', 'slicing a pattern host', 'node-http'),
  micro('micro-public-suffix', 'public-suffix lookup', 'micro-slice-domains'),
  micro('micro-slice-origins', 'slicing an Origin', 'node-http'),
  micro('micro-pattern', 'decide() on a *.example.com pattern', 'micro-slice-origins'),
  next('next-bare', 'Next.js route handler alone', 'bare', 'get', 'next-bare'),
  next('next-with-cors', 'Next.js route handler behind withCors', 'with-cors', 'get', 'next-bare'),
  next(
    'next-preflight',
    'Next.js preflight answered by withCors',
    'with-cors',
    'preflight',
    'next-bare',
  ),
];

function node(
  id: string,
  label: string,
  target: NodeTargetName,
  origins: number,
  request: CaseSpec['request'],
  floor?: string,
): CaseSpec {
  return {
    id,
    label,
    server: { host: 'node', target, origins },
    request,
    baseline: 'express',
    floor,
  };
}

/** An adapter beside its framework alone: GET at both list sizes and the preflight, all against it. */
function adapterCases(
  framework: 'fastify' | 'koa' | 'hono' | 'node-http',
  frameworkLabel: string,
  adapter: string,
): CaseSpec[] {
  const behind = `${framework}+cors-policy` as const;
  const spec = (
    id: string,
    label: string,
    target: NodeTargetName,
    origins: number,
    request: CaseSpec['request'],
  ): CaseSpec => ({
    id,
    label,
    server: { host: 'node', target, origins },
    request,
    baseline: framework,
  });
  const by = `${adapter} (${frameworkLabel})`;
  return [
    spec(framework, `${frameworkLabel} alone`, framework, SMALL_LIST, 'get'),
    spec(`${framework}-adapter-2`, `${by}, 2 origins`, behind, SMALL_LIST, 'get'),
    spec(`${framework}-adapter-10k`, `${by}, 10,000 origins`, behind, LARGE_LIST, 'get'),
    spec(`${framework}-adapter-preflight`, `${by} preflight`, behind, SMALL_LIST, 'preflight'),
  ];
}

/** CALLS_PER_REQUEST calls inside one `GET /data` on node:http (src/targets/micro.ts). */
function micro(id: MicroTargetName, label: string, baseline: string): CaseSpec {
  return {
    id,
    label: `${label}, per call`,
    server: { host: 'node', target: id, origins: SMALL_LIST },
    request: 'get',
    baseline,
    callsPerRequest: CALLS_PER_REQUEST,
  };
}

function next(
  id: string,
  label: string,
  route: NextRoute,
  request: CaseSpec['request'],
  baseline: string,
): CaseSpec {
  return { id, label, server: { host: 'next', route }, request, baseline };
}

/** One request of a case and the answer it must get before any figure counts. */
export interface CaseRequest {
  method: 'GET' | 'OPTIONS';
  path: string;
  headers: Record<string, string>;
  expectedStatus: number;
  /** Access-Control-Allow-Origin the answer must carry, or undefined for none. */
  expectedAllowOrigin: string | undefined;
}

export function requestOf(spec: CaseSpec): CaseRequest {
  const { server } = spec;
  const origin = server.host === 'node' ? requestOrigin(server.origins) : BENCH_ORIGIN;
  const answersCors =
    server.host === 'node' ? NODE_TARGETS[server.target].answersCors : server.route !== 'bare';
  const path = server.host === 'node' ? '/data' : `/${server.route}`;
  if (spec.request === 'preflight') {
    return {
      method: 'OPTIONS',
      path,
      headers: {
        origin,
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type',
      },
      expectedStatus: 204,
      expectedAllowOrigin: origin,
    };
  }
  return {
    method: 'GET',
    path,
    headers: { origin },
    expectedStatus: 200,
    expectedAllowOrigin: answersCors ? origin : undefined,
  };
}

/** The cases served by one Node.js server: one per target and list size. */
export function nodeServerKey(server: Extract<CaseServer, { host: 'node' }>): string {
  return `${server.target}@${server.origins}`;
}
