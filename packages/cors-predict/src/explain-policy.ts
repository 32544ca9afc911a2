// The words of a Policy prediction: what decide() rejected and which policy option to change.
import type { Decision } from '@cors-lab/cors-policy';
import type { PredictionReason } from './types.js';
import { listOf, type Explained } from './explain.js';
import type { RequestPlan } from './request-plan.js';

/** What decide() said, for wording a Policy prediction in the policy's own terms. */
export interface PolicyDecisions {
  readonly preflightDecision: Decision | undefined;
  readonly actualDecision: Decision;
}

/**
 * Rewords a blocked prediction for a Policy: names what decide() rejected and the option to
 * change, instead of raw headers the policy writes anyway.
 */
export function explainPolicyBlock(
  plan: Exclude<RequestPlan, { kind: 'refused' }>,
  reason: PredictionReason,
  decisions: PolicyDecisions,
): Explained | undefined {
  const { context } = plan;
  const rejection = [decisions.preflightDecision, decisions.actualDecision].find(
    (decision) => decision !== undefined && !decision.allowed && decision.kind !== 'not-cors',
  );
  if (rejection) {
    const which = rejection.kind === 'preflight' ? 'the preflight' : 'the request';
    const explanation = ` The policy's decide() rejects ${which} with reason "${rejection.reason}".`;
    switch (rejection.reason) {
      case 'origin-not-allowed':
      case 'origin-malformed':
        return {
          explanation,
          fix: `Add "${context.pageOrigin}" to the policy's origins (the exact origin, no trailing slash).`,
        };
      case 'null-origin-not-allowed':
        return {
          explanation,
          fix:
            'The page has an opaque origin (null), shared by every sandboxed iframe and file: page: ' +
            'set allowNullOrigin: true only if all of them may read the responses.',
        };
      case 'method-not-allowed':
        return {
          explanation,
          fix: `Add "${context.method}" (exactly this case) to the policy's methods.`,
        };
      case 'header-not-allowed': {
        const names = plan.kind === 'cors' ? listOf([...plan.unsafeHeaderNames]) : 'the headers';
        return { explanation, fix: `Add ${names} to the policy's allowedHeaders.` };
      }
      default:
        return { explanation, fix: '' };
    }
  }
  if (reason === 'wildcard-with-credentials' || reason === 'missing-allow-credentials') {
    return {
      explanation:
        " The policy allows the origin but not credentials, and the page sends credentials: 'include'.",
      fix:
        'List the trusted origins in the policy and set credentials: true, or drop ' +
        "credentials: 'include' on the page if the request needs no cookies.",
    };
  }
  return undefined;
}
