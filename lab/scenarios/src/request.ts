import { targetOrigin, type Origins } from './origins.js';
import type { PageOriginRole, ScenarioRequest } from './types.js';

/** Stands for the run id in a request path; the API's request log groups entries by it. */
export const RUN_PLACEHOLDER = '{run}';

/** The absolute URL a page on `page` fetches for `request` in run `runId`. */
export function requestUrl(
  request: ScenarioRequest,
  origins: Origins,
  page: PageOriginRole,
  runId: string,
): string {
  const path = request.path.replaceAll(RUN_PLACEHOLDER, encodeURIComponent(runId));
  return `${targetOrigin(origins, request.target, page)}${path}`;
}

/** The path without its query string. */
export function requestPathname(request: Pick<ScenarioRequest, 'path'>): string {
  const query = request.path.indexOf('?');
  return query === -1 ? request.path : request.path.slice(0, query);
}

/** The dev proxy's prefix: `/proxy/lab/none` reaches the API as `/lab/none`. */
export const PROXY_PREFIX = '/proxy';

/**
 * The path the API's request log records for this request (ServerExpectation counts refer to it):
 * the request path without its query, and without the dev proxy's prefix.
 */
export function loggedPathname(request: Pick<ScenarioRequest, 'path' | 'target'>): string {
  const pathname = requestPathname(request);
  const proxied = request.target === 'same-page-origin' && pathname.startsWith(`${PROXY_PREFIX}/`);
  return proxied ? pathname.slice(PROXY_PREFIX.length) : pathname;
}

/**
 * The headers fetch() is given: the scenario's own (with `{run}` replaced by `runId` when given)
 * plus the Content-Type a JSON body needs.
 */
export function requestHeaders(request: ScenarioRequest, runId?: string): Record<string, string> {
  const headers: Record<string, string> = Object.fromEntries(
    Object.entries(request.headers ?? {}).map(([name, value]) => [
      name,
      runId === undefined ? value : value.replaceAll(RUN_PLACEHOLDER, runId),
    ]),
  );
  const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (request.body?.type === 'json' && !hasContentType)
    headers['Content-Type'] = 'application/json';
  return headers;
}
