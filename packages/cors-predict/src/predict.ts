// predict(): the browser's half of the Fetch Standard. Given a request a page makes and what a
// server answered (hop by hop across redirects), it says what the browser does, why, what reached
// the server, where Chromium, Firefox and WebKit part, and what to change on the server.
import type { Policy } from '@cors-lab/cors-policy';
import type {
  BrowserEngine,
  BrowserRequest,
  EngineVerdict,
  Prediction,
  ServerAnswer,
} from './types.js';
import { ENGINES, rulesFor, type EngineRules, type QuirkId } from './engine-rules.js';
import { explainPolicyBlock } from './explain-policy.js';
import { explainRefusal } from './explain.js';
import { walkFetch, type WalkResult } from './fetch-walk.js';
import { answerFromPolicy, isPolicy } from './from-policy.js';
import { isPotentiallyTrustworthyHost, planRequest } from './request-plan.js';

export { PREFLIGHT_CACHE_LIMIT_SECONDS } from './engine-rules.js';

export interface PredictOptions {
  /**
   * Predict what this engine does, quirks and preflight-cache ceiling (Chromium 7200 s, Firefox
   * 86400 s, WebKit 600 s) included. Default: the Fetch Standard, no ceiling, with
   * `prediction.engines` saying where the three engines do otherwise.
   */
  engine?: BrowserEngine;
}

/**
 * Predicts what a browser does with `request`, given a server's raw answer (any server, hop by hop
 * across redirects) or one of our policies (whose answers come from decide()): whether fetch()
 * refuses it, whether a preflight goes first, each request that reaches a server, whether the page
 * can read the response and which headers, and how long the preflight is cached.
 * Pure and synchronous.
 *
 * @example
 * predict(
 *   { pageOrigin: 'http://localhost:3000', url: 'http://localhost:8000/api', method: 'PUT' },
 *   { preflight: { status: 204, headers: { 'access-control-allow-origin': 'http://localhost:3000' } } },
 * ).reason; // 'method-not-allowed'
 */
export function predict(
  request: BrowserRequest,
  target: Policy | ServerAnswer,
  options: PredictOptions = {},
): Prediction {
  const rules = rulesFor(options.engine);
  const result = predictWith(request, target, rules);
  if (options.engine !== undefined) return result.prediction;
  const verdicts = Object.fromEntries(
    ENGINES.map((engine) => [engine, verdictOf(predictWith(request, target, rulesFor(engine)))]),
  ) as Record<BrowserEngine, EngineVerdict>;
  const standard = shapeOf(verdictOf(result));
  const differ = ENGINES.filter((engine) => shapeOf(verdicts[engine]) !== standard);
  if (differ.length === 0) return result.prediction;
  return { ...result.prediction, engines: { differ, ...verdicts } };
}

/**
 * Refusals that `new Request()` accepts and `fetch()` turns into a network error: the promise
 * rejects with the same TypeError as a CORS failure, so a page sees them as blocked.
 */
const NETWORK_ERRORS_AT_FETCH: ReadonlySet<string> = new Set([
  'mixed-content',
  'bad-port',
  'same-origin-mode',
]);

function predictWith(
  request: BrowserRequest,
  target: Policy | ServerAnswer,
  rules: EngineRules,
): WalkResult {
  const plan = planRequest(request, rules);
  if (plan.kind === 'refused') {
    return {
      prediction: {
        outcome: NETWORK_ERRORS_AT_FETCH.has(plan.reason) ? 'blocked' : 'refused',
        reason: plan.reason,
        preflight: false,
        reachesServer: false,
        preflightCacheSeconds: 0,
        readableHeaders: [],
        droppedHeaders: plan.context.droppedHeaders.map((header) => header.name),
        exchanges: [],
        redirects: 0,
        finalUrl: plan.context.url,
        responseType: 'error',
        ...explainRefusal(plan),
      },
      quirks: refusalQuirks(plan, rules),
    };
  }
  if (!isPolicy(target)) return withHeaderQuirk(walkFetch(plan, target, rules), request, rules);
  const { answer, ...decisions } = answerFromPolicy(target, plan);
  const result = withHeaderQuirk(walkFetch(plan, answer, rules), request, rules);
  const { prediction } = result;
  if (prediction.outcome !== 'blocked') return result;
  const policyWords = explainPolicyBlock(plan, prediction.reason, decisions);
  if (!policyWords) return result;
  return {
    ...result,
    prediction: {
      ...prediction,
      explanation: prediction.explanation + policyWords.explanation,
      fix: policyWords.fix || prediction.fix,
    },
  };
}

/** Notes that the engine combined a repeated request header, when the request repeats one. */
function withHeaderQuirk(
  result: WalkResult,
  request: BrowserRequest,
  rules: EngineRules,
): WalkResult {
  const init = request.headers ?? {};
  const names = (Array.isArray(init) ? init.map(([name]) => name) : Object.keys(init)).map((name) =>
    name.toLowerCase(),
  );
  if (!rules.combineRepeatedHeaders || new Set(names).size === names.length) return result;
  return { ...result, quirks: [...result.quirks, 'repeated-header-combined'] };
}

function verdictOf({ prediction, quirks }: WalkResult): EngineVerdict {
  return {
    outcome: prediction.outcome,
    reason: prediction.reason,
    preflightCacheSeconds: prediction.preflightCacheSeconds,
    exchanges: prediction.exchanges.map(
      (exchange) =>
        `${exchange.kind === 'preflight' ? `OPTIONS(${exchange.accessControlRequestMethod ?? ''}${exchange.accessControlRequestHeaders ? ` ${exchange.accessControlRequestHeaders}` : ''})` : exchange.method} ` +
        `${exchange.url} Origin: ${exchange.origin ?? '(none)'}`,
    ),
    quirks,
  };
}

/** What must match for two engines to count as doing the same. */
function shapeOf(verdict: EngineVerdict): string {
  return JSON.stringify([
    verdict.outcome,
    verdict.reason,
    verdict.preflightCacheSeconds,
    verdict.exchanges,
  ]);
}

/** The engine quirk behind a refusal before sending, when the standard would have sent it. */
function refusalQuirks(
  plan: { reason: string; context: { url: string } },
  rules: EngineRules,
): QuirkId[] {
  if (plan.reason === 'stream-upload-unsupported') return ['stream-upload-unsupported'];
  if (plan.reason === 'mixed-content' && rules.loopbackHttpIsMixedContent) {
    if (isPotentiallyTrustworthyHost(new URL(plan.context.url).hostname)) {
      return ['loopback-http-is-mixed-content'];
    }
  }
  return [];
}
