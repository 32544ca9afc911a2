// The Policy path of predict(): asks decide() what our server would answer, as raw headers, so the
// browser's algorithm judges our answers exactly as it judges any server's.
import { decide, type CorsRequest, type Decision, type Policy } from '@cors-lab/cors-policy';
import type { ObservedResponse, ServerAnswer } from './types.js';
import type { RequestPlan } from './request-plan.js';

/** What decide() said about each request the browser sends. */
export interface PolicyAnswer {
  readonly answer: ServerAnswer;
  readonly preflightDecision: Decision | undefined;
  readonly actualDecision: Decision;
}

/** Policies come from definePolicy(); anything else passed to predict() is a server's raw answer. */
export function isPolicy(target: Policy | ServerAnswer): target is Policy {
  return 'precomputed' in target && 'originMode' in target;
}

/**
 * Runs decide() for the preflight (when the browser sends one) and the actual request.
 * The actual response's status is assumed 200: a policy says nothing about the handler.
 * @throws TypeError when the policy's origin predicate is asynchronous.
 */
export function answerFromPolicy(
  policy: Policy,
  plan: Exclude<RequestPlan, { kind: 'refused' }>,
): PolicyAnswer {
  const { context } = plan;
  const preflightDecision =
    plan.kind === 'cors' && plan.preflight
      ? decideNow(policy, {
          method: 'OPTIONS',
          origin: context.pageOrigin,
          accessControlRequestMethod: context.method,
          accessControlRequestHeaders:
            plan.unsafeHeaderNames.length > 0 ? plan.unsafeHeaderNames.join(',') : undefined,
        })
      : undefined;
  const actualDecision = decideNow(policy, {
    method: context.method,
    origin: sendsOrigin(plan) ? context.pageOrigin : undefined,
  });
  return {
    answer: {
      ...(preflightDecision && { preflight: toResponse(preflightDecision, 204) }),
      response: toResponse(actualDecision, 200),
    },
    preflightDecision,
    actualDecision,
  };
}

/** Browsers send Origin on every CORS request, and on others unless the method is GET or HEAD. */
function sendsOrigin(plan: Exclude<RequestPlan, { kind: 'refused' }>): boolean {
  return plan.kind === 'cors' || !['GET', 'HEAD'].includes(plan.context.method);
}

function decideNow(policy: Policy, request: CorsRequest): Decision {
  const decision = decide(policy, request);
  if (decision instanceof Promise) {
    // The predicate already ran; keep its eventual rejection from going unhandled.
    decision.catch(() => undefined);
    throw new TypeError(
      `predict(): the policy's origin predicate returned a Promise for ${String(request.origin)}, ` +
        'so predict() cannot judge the policy synchronously. Expected a policy whose origins are a ' +
        "list, '*', 'reflect-any' or a synchronous predicate. Fix: predict from the server's answer " +
        'instead: await decide(policy, request) for the preflight and the actual request and pass ' +
        '{ preflight, response } (status and headers) to predict().',
    );
  }
  return decision;
}

function toResponse(decision: Decision, defaultStatus: number): ObservedResponse {
  return {
    status: decision.status ?? defaultStatus,
    headers: { ...decision.headers, ...(decision.vary !== undefined && { Vary: decision.vary }) },
  };
}
