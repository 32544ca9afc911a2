import {
  LAB_ROUTES,
  MAIN_API_ROUTES,
  WEB_ROUTES,
  resolvePolicy,
  type LabRoute,
  type Origins,
} from '@cors-lab/scenarios';

/** One route guarded by an allow-list, and how to address it. */
export interface ProbeTarget {
  /** e.g. `api /api/notes/1` or `web /edge/echo`. */
  label: string;
  baseUrl: string;
  /** Path and query to request. */
  path: string;
  /** The method of actual requests. */
  method: string;
  /** Access-Control-Request-Method of preflights: a method that needs one when the route has it. */
  preflightMethod: string;
  /** Allow-list entries (exact origins or patterns) the route trusts. */
  allowed: readonly string[];
}

/** A route left out of the probes, and why it has no allow-list to attack. */
export interface SkippedRoute {
  label: string;
  reason: string;
}

export interface TargetServers {
  api: string;
  apiAlt: string;
  web: string;
  origins: Origins;
  /** The main API's CORS_ALLOWED_ORIGINS. */
  mainAllowList: readonly string[];
}

const SIMPLE_METHODS = new Set(['GET', 'HEAD', 'POST']);
/** Run id on every probe, so the request logs show where the traffic came from. */
const RUN_QUERY = '?run=hardening-probes';

function methodsOf(methods: readonly string[]): Pick<ProbeTarget, 'method' | 'preflightMethod'> {
  return {
    method: methods.includes('GET') ? 'GET' : (methods[0] ?? 'GET'),
    preflightMethod: methods.find((method) => !SIMPLE_METHODS.has(method)) ?? 'POST',
  };
}

/**
 * The origins a lab route trusts, or why it has none: public `*` routes and the deliberate
 * wrong-Allow-Origin mistakes are the lab's exhibits, not allow-lists.
 */
export function labAllowList(route: LabRoute, origins: Origins): readonly string[] | string {
  const { cors } = route;
  switch (cors.kind) {
    case 'none':
      return 'sends no CORS headers';
    case 'policy':
    case 'cors-package': {
      const resolved = resolvePolicy(cors.policy, origins);
      if (typeof resolved.origins === 'string') return `allows every origin (${resolved.origins})`;
      // A scanner's `null` probe would be granted by design: the redirect exhibits trust `null`
      // on purpose (definePolicy refuses that with credentials).
      if (resolved.allowNullOrigin)
        return 'trusts `null` on purpose (allowNullOrigin, no credentials)';
      return resolved.origins;
    }
    case 'seed':
      return cors.method === 'cors-default' ? 'cors() allows every origin with *' : [origins.web];
    case 'mistake':
      switch (cors.mistake.type) {
        case 'wildcard-with-credentials':
        case 'wrong-allow-origin':
          return `its deliberate mistake is the Allow-Origin value (${cors.mistake.type})`;
        default:
          return [origins.web];
      }
    case 'fixed':
      return 'its headers are written by hand for one engine experiment, whatever the Origin';
  }
}

/** Every allow-list route of the running stack: main API (both listeners), log, lab and Next. */
export function probeTargets(servers: TargetServers): {
  targets: ProbeTarget[];
  skipped: SkippedRoute[];
} {
  const { origins } = servers;
  const pages = [origins.web, origins['web-alt-port'], origins['web-alt-host']];
  const targets: ProbeTarget[] = [];
  const skipped: SkippedRoute[] = [];
  const listeners = [
    { name: 'api', baseUrl: servers.api, allowed: servers.mainAllowList },
    { name: 'api-alt', baseUrl: servers.apiAlt, allowed: [origins['web-alt-port']] },
  ];
  for (const listener of listeners) {
    for (const route of MAIN_API_ROUTES) {
      const path = route.path.replaceAll(/:[a-z]+/g, '1');
      targets.push({
        label: `${listener.name} ${path}`,
        baseUrl: listener.baseUrl,
        path: `${path}${RUN_QUERY}`,
        allowed: listener.allowed,
        ...methodsOf(route.methods),
      });
    }
    targets.push({
      label: `${listener.name} /__log`,
      baseUrl: listener.baseUrl,
      path: RUN_QUERY.replace('?', '/__log?'),
      allowed: pages,
      method: 'GET',
      preflightMethod: 'DELETE',
    });
  }
  for (const route of LAB_ROUTES) {
    const allowed = labAllowList(route, origins);
    const label = `api ${route.path}`;
    if (typeof allowed === 'string') skipped.push({ label, reason: allowed });
    else {
      targets.push({
        label,
        baseUrl: servers.api,
        path: `${route.path}${RUN_QUERY}`,
        allowed,
        method: 'GET',
        preflightMethod: 'PUT',
      });
    }
  }
  for (const route of WEB_ROUTES) {
    if (route.kind === 'proxy') {
      skipped.push({
        label: `web ${route.path}`,
        reason: 'forwards to the API (build-time address), whose routes are probed directly',
      });
      continue;
    }
    // proxy.ts covers every path under its prefix, including ones no route answers.
    const paths =
      route.kind === 'next-proxy'
        ? [`${route.path}/echo`, `${route.path}/no-such-route`]
        : [route.path];
    for (const path of paths) {
      targets.push({
        label: `web ${path}`,
        baseUrl: servers.web,
        path: `${path}${RUN_QUERY}`,
        allowed: resolvedOrigins(resolvePolicy(route.policy, origins).origins),
        ...methodsOf(route.methods),
      });
    }
  }
  targets.push({
    label: 'web /__log',
    baseUrl: servers.web,
    path: RUN_QUERY.replace('?', '/__log?'),
    allowed: pages,
    method: 'GET',
    preflightMethod: 'DELETE',
  });
  return { targets, skipped };
}

function resolvedOrigins(origins: '*' | 'reflect-any' | readonly string[]): readonly string[] {
  if (typeof origins === 'string') {
    throw new Error(
      `A web route allows every origin (${origins}); the probes expect an allow-list: update probeTargets for it.`,
    );
  }
  return origins;
}
