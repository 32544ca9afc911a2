import { LAB_ROUTES, WEB_ROUTES } from './routes.js';
import { BODIES } from './scenarios/bodies.js';
import { CACHING } from './scenarios/caching.js';
import { CREDENTIALS } from './scenarios/credentials.js';
import { ENGINE_DIFFERENCES } from './scenarios/engine-differences.js';
import { LOCAL_NETWORK } from './scenarios/local-network.js';
import { ERRORS } from './scenarios/errors.js';
import { FLASK } from './scenarios/flask.js';
import { EXPOSE } from './scenarios/expose.js';
import { HEADERS } from './scenarios/headers.js';
import { METHODS } from './scenarios/methods.js';
import { NEXT_SERVER } from './scenarios/next-server.js';
import { NGINX } from './scenarios/nginx.js';
import { NO_CORS } from './scenarios/no-cors.js';
import { PREFLIGHT } from './scenarios/preflight.js';
import { PROXY } from './scenarios/proxy.js';
import { REDIRECT } from './scenarios/redirect.js';
import { REDIRECT_CHAINS } from './scenarios/redirect-chains.js';
import { SCHEME } from './scenarios/scheme.js';
import { SEED_METHODS } from './scenarios/seed-methods.js';
import { SIMPLE } from './scenarios/simple.js';
import { SITE_COOKIES, SITE_TOKENS } from './scenarios/site-cookies.js';
import { THIRD_PARTY } from './scenarios/third-party.js';
import { WRONG_ORIGIN } from './scenarios/wrong-origin.js';
import type { Category, Engine, Expectation, LabRoute, PageOriginRole, Scenario } from './types.js';

/** Every scenario, in the order pages and reports show them. */
export const SCENARIOS: readonly Scenario[] = [
  ...SIMPLE,
  ...WRONG_ORIGIN,
  ...CREDENTIALS,
  ...PREFLIGHT,
  ...HEADERS,
  ...METHODS,
  ...EXPOSE,
  ...CACHING,
  ...NO_CORS,
  ...REDIRECT,
  ...REDIRECT_CHAINS,
  ...BODIES,
  ...ENGINE_DIFFERENCES,
  ...ERRORS,
  ...SEED_METHODS,
  ...PROXY,
  ...NEXT_SERVER,
  ...SCHEME,
  ...SITE_COOKIES,
  ...SITE_TOKENS,
  ...LOCAL_NETWORK,
  ...FLASK,
  ...NGINX,
  ...THIRD_PARTY,
];

const byId = new Map(SCENARIOS.map((scenario) => [scenario.id, scenario]));
const labRoutesByPath = new Map(LAB_ROUTES.map((route) => [route.path, route]));

export function scenarioById(id: string): Scenario | undefined {
  return byId.get(id);
}

export function scenariosInCategory(category: Category): readonly Scenario[] {
  return SCENARIOS.filter((scenario) => scenario.category === category);
}

export function labRouteByPath(path: string): LabRoute | undefined {
  return labRoutesByPath.get(path);
}

export function webRouteById(id: string) {
  return WEB_ROUTES.find((route) => route.id === id);
}

/**
 * What the author expects on `page`, in `engine` when given: an engine's documented difference
 * replaces the common expectation. Undefined when the scenario does not run from that page.
 */
export function expectationFor(
  scenario: Scenario,
  page: PageOriginRole,
  engine?: Engine,
): Expectation | undefined {
  const override = scenario.engines?.find((entry) => entry.engine === engine)?.expected[page];
  return override ?? scenario.expected[page];
}
