// predict(): the browser's half of the Fetch Standard. Given a request a page makes and what a
// server answered, it says what the browser does, why, and what to change on the server.
import type { Policy } from '@cors-lab/cors-policy';
import type {
  BrowserRequest,
  ObservedResponse,
  Prediction,
  PreflightRequest,
  ServerAnswer,
} from './types.js';
import { checkPreflight, corsCheck } from './cors-check.js';
import { explainPolicyBlock } from './explain-policy.js';
import { answerFromPolicy, isPolicy } from './from-policy.js';
import {
  explainAllowed,
  explainNoResponse,
  explainOpaque,
  explainPreflightFailure,
  explainRefusal,
  explainResponseFailure,
  explainSameOrigin,
} from './explain.js';
import { preflightCacheSeconds, type BrowserEngine } from './max-age.js';
import { basicReadableHeaders, corsReadableHeaders } from './readable-headers.js';
import { planRequest, type RequestPlan } from './request-plan.js';
import { toHeaderList } from './response-headers.js';

export type { BrowserEngine } from './max-age.js';
export { PREFLIGHT_CACHE_LIMIT_SECONDS } from './max-age.js';

export interface PredictOptions {
  /** Cap `preflightCacheSeconds` at this engine's ceiling (Chromium 7200, Firefox 86400, WebKit 600). Default: no cap. */
  engine?: BrowserEngine;
}

type CorsPlan = Extract<RequestPlan, { kind: 'cors' }>;

/**
 * Predicts what a browser does with `request`, given a server's raw answer (any server) or one of
 * our policies (whose answers come from decide()): whether fetch() refuses it, whether a preflight
 * goes first, whether the page can read the response and which headers, whether the request
 * reaches the server, and how long the preflight is cached.
 * Redirects are not followed: each hop is judged on its own (pass the next hop's answer again).
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
  const plan = planRequest(request);
  if (!isPolicy(target)) return judge(plan, target, options);
  if (plan.kind === 'refused') return judge(plan, {}, options);
  const { answer, ...decisions } = answerFromPolicy(target, plan);
  const prediction = judge(plan, answer, options);
  if (prediction.outcome !== 'blocked') return prediction;
  const policyWords = explainPolicyBlock(plan, prediction.reason, decisions);
  if (!policyWords) return prediction;
  return {
    ...prediction,
    explanation: prediction.explanation + policyWords.explanation,
    fix: policyWords.fix || prediction.fix,
  };
}

/** Runs the browser's response-side algorithm on a planned request. */
function judge(plan: RequestPlan, answer: ServerAnswer, options: PredictOptions): Prediction {
  const droppedHeaders = plan.context.droppedHeaders.map((header) => header.name);
  const base = { preflight: false, preflightCacheSeconds: 0, readableHeaders: [], droppedHeaders };

  switch (plan.kind) {
    case 'refused':
      return {
        ...base,
        outcome: 'refused',
        reason: plan.reason,
        reachesServer: false,
        ...explainRefusal(plan),
      };
    case 'same-origin': {
      if (!answer.response) return noResponse(plan, base, 'response');
      const readableHeaders = basicReadableHeaders(toHeaderList(answer.response.headers));
      return {
        ...base,
        outcome: 'allowed',
        reason: 'same-origin',
        reachesServer: true,
        readableHeaders,
        ...explainSameOrigin(plan.context, readableHeaders),
      };
    }
    case 'no-cors':
      if (!answer.response) return noResponse(plan, base, 'response');
      return {
        ...base,
        outcome: 'opaque',
        reason: 'no-cors-opaque',
        reachesServer: true,
        ...explainOpaque(plan.context, answer.response.status),
      };
    case 'cors':
      return judgeCors(plan, answer, options, droppedHeaders);
  }
}

function judgeCors(
  plan: CorsPlan,
  answer: ServerAnswer,
  options: PredictOptions,
  droppedHeaders: string[],
): Prediction {
  const input = { origin: plan.context.pageOrigin, credentialed: plan.credentialed };
  const preflightRequest = plan.preflight ? toPreflightRequest(plan) : undefined;
  const base = {
    preflight: plan.preflight,
    preflightCacheSeconds: 0,
    readableHeaders: [],
    droppedHeaders,
    ...(preflightRequest && { preflightRequest }),
  };

  let cacheSeconds = 0;
  let authorizationByWildcard = false;
  if (plan.preflight) {
    if (!answer.preflight) return noResponse(plan, base, 'preflight');
    const headers = toHeaderList(answer.preflight.headers);
    const verdict = checkPreflight(answer.preflight.status, headers, {
      ...input,
      method: plan.context.method,
      unsafeHeaderNames: plan.unsafeHeaderNames,
    });
    if (verdict.finding) {
      const statusAlsoFails = verdict.statusAlsoFails ? answer.preflight.status : undefined;
      return {
        ...base,
        outcome: 'blocked',
        reason: verdict.finding.reason,
        reachesServer: false,
        ...explainPreflightFailure(plan, verdict.finding, statusAlsoFails),
      };
    }
    cacheSeconds = preflightCacheSeconds(headers, options.engine);
    authorizationByWildcard = verdict.authorizationByWildcard;
  }

  if (!answer.response)
    return noResponse(plan, { ...base, preflightCacheSeconds: cacheSeconds }, 'response');
  const response: ObservedResponse = answer.response;
  const headers = toHeaderList(response.headers);
  const finding = corsCheck(headers, input);
  if (finding) {
    return {
      ...base,
      preflightCacheSeconds: cacheSeconds,
      outcome: 'blocked',
      reason: finding.reason,
      reachesServer: true,
      ...explainResponseFailure(plan, finding, response.status),
    };
  }
  const readableHeaders = corsReadableHeaders(headers, plan.credentialed);
  return {
    ...base,
    preflightCacheSeconds: cacheSeconds,
    outcome: 'allowed',
    reason: 'cors-allowed',
    reachesServer: true,
    readableHeaders,
    ...explainAllowed(
      plan,
      readableHeaders,
      response.status,
      authorizationByWildcard,
      cacheSeconds,
    ),
  };
}

/** No answer at all (server down, connection refused): a network error, like a CORS failure in JS. */
function noResponse(
  plan: Exclude<RequestPlan, { kind: 'refused' }>,
  base: Omit<Prediction, 'outcome' | 'reason' | 'reachesServer' | 'explanation' | 'fix'>,
  missing: 'preflight' | 'response',
): Prediction {
  return {
    ...base,
    outcome: 'blocked',
    reason: 'no-response',
    reachesServer: false,
    ...explainNoResponse(plan, missing),
  };
}

function toPreflightRequest(plan: CorsPlan): PreflightRequest {
  return {
    method: 'OPTIONS',
    origin: plan.context.pageOrigin,
    accessControlRequestMethod: plan.context.method,
    ...(plan.unsafeHeaderNames.length > 0 && {
      accessControlRequestHeaders: plan.unsafeHeaderNames.join(','),
    }),
  };
}
