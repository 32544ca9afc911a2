// predict()'s multi-hop input, read back from the request logs: every hop a run caused reached the
// lab's API (either listener, or through the dev proxy on a page's origin) or the web app.
import type { HopAnswer, ObservedResponse, ServerAnswer } from '@cors-lab/cors-predict';
import type { Origins } from '../origins.js';
import { PROXY_PREFIX } from '../request.js';
import { PAGE_ORIGIN_ROLES, type OriginRole, type TargetRole } from '../types.js';
import { headerValue, serverAnswer, type LogEntry } from './request-log.js';

/** A logged request and the target whose log recorded it (the API names its listener). */
export interface LoggedRequest {
  target: TargetRole;
  entry: LogEntry;
}

/**
 * The role under which a target's requests appear in the logs: the dev proxy reaches the API, and
 * the 127.0.0.1 spellings reach the same listeners as localhost.
 */
export function loggedTarget(target: TargetRole): TargetRole {
  switch (target) {
    case 'same-page-origin':
    case 'api-alt-host':
      return 'api';
    case 'api-tls-alt-host':
      return 'api-tls';
    default:
      return target;
  }
}

/** Where the lab's logs record a request to `url`; undefined for a server that keeps no log. */
export function loggedLocation(
  url: URL,
  origins: Origins,
): { target: TargetRole; path: string } | undefined {
  const role = (Object.keys(origins) as OriginRole[]).find((key) => origins[key] === url.origin);
  if (role === undefined || role === 'closed-port') return undefined;
  if (!(PAGE_ORIGIN_ROLES as readonly string[]).includes(role)) {
    return { target: loggedTarget(role as TargetRole), path: url.pathname };
  }
  // The dev proxy on any page origin forwards to the API, whose log records the path without it.
  if (url.pathname.startsWith(`${PROXY_PREFIX}/`)) {
    return { target: 'api', path: url.pathname.slice(PROXY_PREFIX.length) };
  }
  return { target: 'web', path: url.pathname };
}

/** The Fetch Standard's redirect statuses. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** One more hop than the standard follows, so predict() sees the 21st redirect and fails it. */
const MAX_HOPS = 21;

function redirectLocation(response: ObservedResponse | undefined): string | undefined {
  if (!response || !REDIRECT_STATUSES.has(response.status)) return undefined;
  return headerValue(response.headers, 'location');
}

/**
 * What the servers answered for a fetch of `url`, hop by hop: the last preflight and the last other
 * request the logs saw at `url`, then, while that answer is a redirect, the same at the URL in its
 * Location (`next`). The chain ends at a hop no log recorded (the browser stopped, or the server
 * keeps no log); predict() then reports it as `unfollowedRedirect`.
 */
export function chainAnswer(
  logged: readonly LoggedRequest[],
  url: string,
  origins: Origins,
): ServerAnswer {
  const hops: HopAnswer[] = [];
  let current = new URL(url);
  while (hops.length <= MAX_HOPS) {
    const at = loggedLocation(current, origins);
    if (!at) break;
    const entries = logged.filter(({ target }) => target === at.target).map(({ entry }) => entry);
    const answer = serverAnswer(entries, at.path);
    if (!answer.preflight && !answer.response) break;
    hops.push(hops.length === 0 ? answer : { url: current.href, ...answer });
    const location = redirectLocation(answer.response);
    if (location === undefined || !URL.canParse(location, current.href)) break;
    current = new URL(location, current);
  }
  const [first = {}, ...next] = hops;
  return next.length > 0 ? { ...first, next } : first;
}
