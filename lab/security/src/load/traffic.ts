/** The three kinds of request the load mixes, one after the other on every connection. */
export const TRAFFIC_KINDS = ['preflight', 'allowed', 'refused'] as const;
export type TrafficKind = (typeof TRAFFIC_KINDS)[number];

export const ATTACKER_ORIGIN = 'https://attacker.net';
const PATH = '/api/notes';

export interface TrafficRequest {
  method: 'GET' | 'OPTIONS';
  path: string;
  headers: Record<string, string>;
}

/** The request of one kind, tagged with `run` so the request log can be counted afterwards. */
export function trafficRequest(kind: TrafficKind, allowed: string, run: string): TrafficRequest {
  const path = `${PATH}?run=${run}`;
  switch (kind) {
    case 'preflight':
      return {
        method: 'OPTIONS',
        path,
        headers: {
          origin: allowed,
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'content-type',
        },
      };
    case 'allowed':
      return { method: 'GET', path, headers: { origin: allowed } };
    case 'refused':
      return { method: 'GET', path, headers: { origin: ATTACKER_ORIGIN } };
  }
}

type Headers = Readonly<Record<string, string | string[] | undefined>>;

function one(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function list(headers: Headers, name: string): string[] {
  return (one(headers, name) ?? '').split(',').map((item) => item.trim().toLowerCase());
}

/**
 * What is wrong with one response of a kind, or undefined. `headers` must have lower-case names.
 * Allowed: 200, the exact origin, credentials, Vary: Origin. Refused: 200, no Allow-Origin,
 * Vary: Origin. Preflight: 204, the exact origin, PUT among the methods, content-type allowed.
 */
export function trafficProblem(
  kind: TrafficKind,
  allowed: string,
  status: number,
  headers: Headers,
): string | undefined {
  const allowOrigin = one(headers, 'access-control-allow-origin');
  const expectedStatus = kind === 'preflight' ? 204 : 200;
  if (status !== expectedStatus) return `status ${status}, expected ${expectedStatus}`;
  if (!list(headers, 'vary').includes('origin')) {
    return `Vary ${JSON.stringify(one(headers, 'vary'))} lacks Origin`;
  }
  if (kind === 'refused') {
    return allowOrigin === undefined
      ? undefined
      : `Access-Control-Allow-Origin ${JSON.stringify(allowOrigin)} for ${ATTACKER_ORIGIN}`;
  }
  if (allowOrigin !== allowed) {
    return `Access-Control-Allow-Origin ${JSON.stringify(allowOrigin)}, expected ${JSON.stringify(allowed)}`;
  }
  if (one(headers, 'access-control-allow-credentials') !== 'true') {
    return 'no Access-Control-Allow-Credentials: true';
  }
  if (kind === 'preflight') {
    if (!list(headers, 'access-control-allow-methods').includes('put')) {
      return `Access-Control-Allow-Methods ${JSON.stringify(one(headers, 'access-control-allow-methods'))} lacks PUT`;
    }
    if (!list(headers, 'access-control-allow-headers').includes('content-type')) {
      return `Access-Control-Allow-Headers ${JSON.stringify(one(headers, 'access-control-allow-headers'))} lacks content-type`;
    }
  }
  return undefined;
}

/** Lower-cases header names (autocannon hands them over as the server spelled them). */
export function lowerCaseNames(headers: Headers): Record<string, string | string[] | undefined> {
  const lowered: Record<string, string | string[] | undefined> = {};
  for (const [name, value] of Object.entries(headers)) lowered[name.toLowerCase()] = value;
  return lowered;
}
