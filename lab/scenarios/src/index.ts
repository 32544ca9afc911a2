export * from './types.js';
export {
  DEFAULT_ORIGINS,
  ORIGIN_ENV,
  originsFromEnv,
  targetOrigin,
  type Origins,
} from './origins.js';
export {
  PROXY_PREFIX,
  RUN_PLACEHOLDER,
  loggedPathname,
  requestHeaders,
  requestPathname,
  requestUrl,
} from './request.js';
export { resolvePolicy, type ResolvedPolicyOptions } from './route-policy.js';
export { LAB_ROUTES, MAIN_API_ROUTES, WEB_ROUTES } from './routes.js';
export {
  SCENARIOS,
  expectationFor,
  labRouteByPath,
  scenarioById,
  scenariosInCategory,
  webRouteById,
} from './catalogue.js';
