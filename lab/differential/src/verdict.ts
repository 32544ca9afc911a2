import type { HttpAnswer } from '@cors-lab/testkit';
import type { ConformanceRequest } from './requests.js';

/**
 * What a browser concludes from an answer, in both credentials modes: `blocked`, `allowed`
 * (without credentials only) or `allowed+credentials`. A request without Origin gets `not-cors`
 * plus whether it carries Allow-Origin. Written from the Fetch Standard's CORS check, not from the
 * policy package, so every server is judged by the same independent rule.
 */
export function verdictOf(request: ConformanceRequest, answer: HttpAnswer): string {
  const values = (name: string) =>
    answer.rawHeaders.filter(
      (_, i) => i % 2 === 1 && answer.rawHeaders[i - 1]?.toLowerCase() === name,
    );
  const allowOrigin = values('access-control-allow-origin');
  if (request.origin === undefined) return `not-cors:${allowOrigin.join('|') || 'none'}`;
  const credentials = values('access-control-allow-credentials');
  const passes = (withCredentials: boolean): boolean => {
    if (allowOrigin.length !== 1) return false;
    const value = allowOrigin[0];
    if (withCredentials) {
      if (value !== request.origin) return false;
      if (credentials.length !== 1 || credentials[0] !== 'true') return false;
    } else if (value !== '*' && value !== request.origin) {
      return false;
    }
    if (request.method !== 'OPTIONS' || request.accessControlRequestMethod === undefined)
      return true;
    if (answer.status < 200 || answer.status > 299) return false;
    return preflightAllows(request, values, withCredentials);
  };
  if (passes(true)) return 'allowed+credentials';
  return passes(false) ? 'allowed' : 'blocked';
}

function preflightAllows(
  request: ConformanceRequest,
  values: (name: string) => string[],
  withCredentials: boolean,
): boolean {
  const list = (name: string) =>
    values(name)
      .flatMap((value) => value.split(','))
      .map((item) => item.trim())
      .filter((item) => item !== '');
  const methods = list('access-control-allow-methods');
  const method = request.accessControlRequestMethod ?? 'GET';
  const wildcard = (items: string[]) => !withCredentials && items.includes('*');
  if (
    !['GET', 'HEAD', 'POST'].includes(method) &&
    !methods.includes(method) &&
    !wildcard(methods)
  ) {
    return false;
  }
  const headers = list('access-control-allow-headers').map((name) => name.toLowerCase());
  const requested = (request.accessControlRequestHeaders ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return requested.every((name) => headers.includes(name) || wildcard(headers));
}
