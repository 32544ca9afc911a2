// What the bench measures: the same route, alone and behind each middleware, and the preflight path.
import type { IncomingHttpHeaders } from 'node:http';
import { requestOrigin } from './cors-config.js';
import type { MiddlewareName } from './server.js';

export const SMALL_LIST = 2;
export const LARGE_LIST = 10_000;

export interface BenchCase {
  id: string;
  label: string;
  middleware: MiddlewareName;
  originCount: number;
  method: 'GET' | 'OPTIONS';
  headers: IncomingHttpHeaders;
  expectedStatus: number;
  expectedAllowOrigin: string | undefined;
}

function getCase(label: string, middleware: MiddlewareName, originCount: number): BenchCase {
  const origin = requestOrigin(originCount);
  return {
    id: `${middleware}-${originCount}-get`,
    label,
    middleware,
    originCount,
    method: 'GET',
    headers: { origin },
    expectedStatus: 200,
    expectedAllowOrigin: middleware === 'none' ? undefined : origin,
  };
}

function preflightCase(label: string, middleware: MiddlewareName, originCount: number): BenchCase {
  const origin = requestOrigin(originCount);
  return {
    id: `${middleware}-${originCount}-preflight`,
    label,
    middleware,
    originCount,
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'PUT',
      'access-control-request-headers': 'content-type',
    },
    expectedStatus: 204,
    expectedAllowOrigin: origin,
  };
}

export function benchCases(corsVersion: string): BenchCase[] {
  const cors = `cors ${corsVersion}`;
  return [
    getCase('Express alone', 'none', SMALL_LIST),
    getCase('cors-policy, 2 origins', 'cors-policy', SMALL_LIST),
    getCase(`${cors}, 2 origins`, 'cors', SMALL_LIST),
    getCase('cors-policy, 10,000 origins', 'cors-policy', LARGE_LIST),
    getCase(`${cors}, 10,000 origins`, 'cors', LARGE_LIST),
    preflightCase('cors-policy, 2 origins', 'cors-policy', SMALL_LIST),
    preflightCase(`${cors}, 2 origins`, 'cors', SMALL_LIST),
  ];
}

/** One server per middleware and list size; a preflight case reuses its GET case's server. */
export function serverKey(benchCase: BenchCase): string {
  return `${benchCase.middleware}-${benchCase.originCount}`;
}
