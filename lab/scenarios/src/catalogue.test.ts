import { definePolicy } from '@cors-lab/cors-policy';
import { describe, expect, it } from 'vitest';
import { SCENARIOS, expectationFor, scenarioById } from './catalogue.js';
import { DEFAULT_ORIGINS } from './origins.js';
import { PROXY_PREFIX, RUN_PLACEHOLDER, loggedPathname, requestPathname } from './request.js';
import { resolvePolicy } from './route-policy.js';
import { LAB_ROUTES, MAIN_API_ROUTES, WEB_ROUTES } from './routes.js';
import { FLASK_CASES, NGINX_LOCATIONS } from './system-servers.js';
import { CATEGORIES, ENGINES, type ScenarioRequest } from './types.js';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function matchesPattern(pattern: string, pathname: string): boolean {
  const want = pattern.split('/');
  const got = pathname.split('/');
  return (
    want.length === got.length && want.every((part, i) => part.startsWith(':') || part === got[i])
  );
}

/** Whether the server behind `request.target` has a route for this path and method. */
function routeExists(request: Pick<ScenarioRequest, 'target' | 'path' | 'method'>): boolean {
  const pathname = requestPathname(request);
  const method = (request.method ?? 'GET').toUpperCase();
  switch (request.target) {
    case 'api':
    case 'api-alt-port':
    case 'api-tls':
    case 'api-alt-host':
    case 'api-tls-alt-host':
      return (
        LAB_ROUTES.some(
          (route) =>
            route.path === pathname ||
            (route.response.kind === 'append-slash' && `${route.path}/` === pathname),
        ) ||
        MAIN_API_ROUTES.some(
          (route) => matchesPattern(route.path, pathname) && route.methods.includes(method),
        )
      );
    case 'same-page-origin':
      return (
        pathname.startsWith(`${PROXY_PREFIX}/`) &&
        routeExists({ ...request, target: 'api', path: loggedPathname(request) })
      );
    case 'web':
      return WEB_ROUTES.some(
        (route) =>
          route.kind !== 'proxy' &&
          (route.kind === 'route-handler'
            ? pathname === route.path
            : pathname.startsWith(`${route.path}/`)) &&
          route.methods.includes(method),
      );
    case 'closed-port':
      return true;
    case 'flask':
      return FLASK_CASES.some((flaskCase) => pathname === `${flaskCase.path}/data`);
    case 'nginx': {
      const location = NGINX_LOCATIONS.find(({ prefix }) => pathname.startsWith(prefix));
      if (!location) return pathname === '/app/vary/' || pathname === '/app/no-vary/';
      if (location.upstream === 'cache') return pathname === location.prefix;
      const apiPath = `/${pathname.slice(location.prefix.length)}`;
      return routeExists({ ...request, target: 'api', path: apiPath });
    }
  }
}

describe('the scenario catalogue', () => {
  it('holds at least 40 scenarios', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(40);
  });

  it('gives every scenario a unique kebab-case id that scenarioById finds', () => {
    const ids = SCENARIOS.map((scenario) => scenario.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(KEBAB);
      expect(scenarioById(id)?.id).toBe(id);
    }
  });

  it('uses only known categories and fills every one of them', () => {
    for (const scenario of SCENARIOS) expect(CATEGORIES).toContain(scenario.category);
    for (const category of CATEGORIES) {
      expect(
        SCENARIOS.some((scenario) => scenario.category === category),
        category,
      ).toBe(true);
    }
  });

  it('states an expectation for exactly the page origins each scenario runs from', () => {
    for (const scenario of SCENARIOS) {
      expect(scenario.pageOrigins.length, scenario.id).toBeGreaterThan(0);
      expect(Object.keys(scenario.expected).sort(), scenario.id).toEqual(
        [...scenario.pageOrigins].sort(),
      );
    }
  });

  it('expects a status, body or readable header only where the page can read the response', () => {
    for (const scenario of SCENARIOS) {
      const all = [
        ...Object.values(scenario.expected),
        ...(scenario.engines ?? []).flatMap((entry) => Object.values(entry.expected)),
      ];
      for (const expectation of all) {
        if (expectation.outcome === 'allowed') continue;
        expect(expectation.status, scenario.id).toBeUndefined();
        expect(expectation.body, scenario.id).toBeUndefined();
        expect(expectation.readableHeaders, scenario.id).toBeUndefined();
      }
    }
  });

  it('references only routes that exist on the target server, for every request and setup step', () => {
    for (const scenario of SCENARIOS) {
      for (const request of [...(scenario.setup ?? []), scenario.request]) {
        expect(
          routeExists(request),
          `${scenario.id}: ${request.method ?? 'GET'} ${request.path}`,
        ).toBe(true);
      }
      for (const expectation of Object.values(scenario.expected)) {
        for (const hop of expectation.server?.alsoReached ?? []) {
          expect(routeExists(hop), `${scenario.id}: next hop ${hop.path}`).toBe(true);
        }
      }
    }
  });

  it('tags every request and setup step with the run id in the query string', () => {
    for (const scenario of SCENARIOS) {
      for (const request of [...(scenario.setup ?? []), scenario.request]) {
        expect(request.path, scenario.id).toMatch(/^\/[^?]*\?(.*&)?run=\{run\}(&|$)/);
        expect(request.path.split(RUN_PLACEHOLDER).length, scenario.id).toBe(2);
      }
    }
  });

  it('gives server expectations only for targets that keep the request log', () => {
    for (const scenario of SCENARIOS) {
      const logged = scenario.request.target !== 'web';
      for (const expectation of Object.values(scenario.expected)) {
        expect(expectation.server !== undefined, scenario.id).toBe(logged);
      }
    }
  });

  it('counts one actual request per repetition (and per setup step on the same URL) whenever the page could read a response', () => {
    for (const scenario of SCENARIOS) {
      const { request } = scenario;
      const sameUrl = (scenario.setup ?? []).filter(
        (step) => step.target === request.target && step.path === request.path,
      ).length;
      for (const expectation of Object.values(scenario.expected)) {
        if (expectation.outcome !== 'allowed' || !expectation.server) continue;
        expect(expectation.server.actual, scenario.id).toBe((request.repeat ?? 1) + sameUrl);
      }
    }
  });

  it('backs every engine-specific expectation with a public https source or the experiment that measured it', () => {
    const withEngines = SCENARIOS.filter((scenario) => scenario.engines?.length);
    expect(withEngines.map((scenario) => scenario.id)).toContain(
      'credentials-secure-cookie-over-http',
    );
    for (const scenario of withEngines) {
      for (const entry of scenario.engines ?? []) {
        expect(ENGINES).toContain(entry.engine);
        expect(entry.source).toMatch(/^(https:\/\/|e2e\/experiments\/experiments\.ts [a-z0-9-]+)/);
        for (const page of Object.keys(entry.expected))
          expect(scenario.pageOrigins).toContain(page);
      }
    }
  });

  it('survives a JSON round trip unchanged, so it can be handed to a browser page', () => {
    expect(JSON.parse(JSON.stringify(SCENARIOS))).toEqual(SCENARIOS);
    expect(JSON.parse(JSON.stringify(LAB_ROUTES))).toEqual(LAB_ROUTES);
  });

  it('has explanations and fixes written out', () => {
    for (const scenario of SCENARIOS) {
      expect(scenario.title.length, scenario.id).toBeGreaterThan(10);
      expect(scenario.explanation.length, scenario.id).toBeGreaterThan(40);
      expect(scenario.fix.length, scenario.id).toBeGreaterThan(10);
    }
  });
});

describe('expectationFor', () => {
  const secure = scenarioById('credentials-secure-cookie-over-http')!;

  it("returns an engine's documented difference for that engine only", () => {
    expect(expectationFor(secure, 'web', 'webkit')?.body).toEqual({
      cookieSent: false,
      cookieMatchesRun: false,
    });
    expect(expectationFor(secure, 'web', 'chromium')?.body).toEqual({
      cookieSent: true,
      cookieMatchesRun: true,
    });
    expect(expectationFor(secure, 'web')).toBe(secure.expected.web);
  });

  it('returns undefined for a page origin the scenario does not run from', () => {
    expect(expectationFor(secure, 'web-alt-host')).toBeUndefined();
  });
});

describe('the route table', () => {
  it('gives lab routes unique ids and unique paths under /lab/', () => {
    expect(new Set(LAB_ROUTES.map((route) => route.id)).size).toBe(LAB_ROUTES.length);
    expect(new Set(LAB_ROUTES.map((route) => route.path)).size).toBe(LAB_ROUTES.length);
    for (const route of LAB_ROUTES) expect(route.path).toMatch(/^\/lab\/[a-z0-9/-]+$/);
  });

  it('only holds policies that definePolicy accepts once their roles are resolved', () => {
    const policies = [
      ...LAB_ROUTES.flatMap((route) =>
        route.cors.kind === 'policy' || route.cors.kind === 'cors-package'
          ? [route.cors.policy]
          : [],
      ),
      ...WEB_ROUTES.flatMap((route) => (route.kind === 'proxy' ? [] : [route.policy])),
    ];
    expect(policies.length).toBeGreaterThan(20);
    for (const policy of policies) {
      expect(() => definePolicy(resolvePolicy(policy, DEFAULT_ORIGINS))).not.toThrow();
    }
  });

  it('is used: every lab route is called by at least one scenario', () => {
    const called = new Set(
      SCENARIOS.flatMap((scenario) => [
        ...[...(scenario.setup ?? []), scenario.request].map((request) => loggedPathname(request)),
        ...Object.values(scenario.expected).flatMap(
          (expectation) => expectation.server?.alsoReached?.map((hop) => hop.path) ?? [],
        ),
      ]),
    );
    for (const route of LAB_ROUTES) expect(called, route.path).toContain(route.path);
  });
});
