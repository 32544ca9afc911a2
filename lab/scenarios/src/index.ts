export * from './types.js';
export { LAB_COOKIES, describeCookie } from './cookies.js';
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
export { LAB_ROUTES, MAIN_API_ROUTES, SITE_COOKIE_ROUTES, WEB_ROUTES } from './routes.js';
export {
  FLASK_CASES,
  NGINX_LOCATIONS,
  type FlaskCase,
  type NginxLocation,
} from './system-servers.js';
export {
  SCENARIOS,
  expectationFor,
  labRouteByPath,
  scenarioById,
  scenariosInCategory,
  webRouteById,
} from './catalogue.js';
export { compare, type Check, type Observation, type ServerView } from './contracts/judge.js';
export {
  entriesOnPath,
  headerValue,
  logUrl,
  readRunLog,
  runLogFromJsonLines,
  serverAnswer,
  type LogEntry,
  type RunLog,
} from './contracts/request-log.js';
export {
  chainAnswer,
  loggedLocation,
  loggedTarget,
  type LoggedRequest,
} from './contracts/redirect-chain.js';
export {
  buildReport,
  parseMatrixReport,
  scriptJson,
  type MatrixReport,
  type ScenarioResult,
} from './contracts/matrix-report.js';
export {
  SPECIAL_CHARACTERS,
  THIRD_PARTY_HOSTING,
  generateProbes,
  generateProbesForList,
  type Probe,
} from './probes/generate.js';
export {
  SCANNER_CLASSES,
  SCANNER_CLASS_TITLES,
  type ScannerClass,
} from './probes/scanner-classes.js';
