import type { CorsRequest, Decision, Policy } from './types.js';

/** Hands `decision` to the policy's onDecision hook with its reason and fix in words, then returns it. */
export function reportDecision(policy: Policy, request: CorsRequest, decision: Decision): Decision {
  policy.onDecision?.({
    decision,
    request,
    message: describeDecision(request, decision),
    fix: fixFor(policy, request, decision),
  });
  return decision;
}

const REASONS: Record<Decision['reason'], string> = {
  'no-origin': 'no Origin header, so not a CORS request',
  'origin-allowed': 'the origin is allowed',
  'origin-wildcard': "the policy allows any origin ('*')",
  'origin-not-allowed': 'the origin is not in origins',
  'origin-malformed': 'the Origin header is not an origin a browser would send',
  'null-origin-not-allowed': 'the origin is "null" and allowNullOrigin is off',
  'method-not-allowed': 'the requested method is not in methods',
  'header-not-allowed': 'a requested header is not in allowedHeaders',
};

function describeDecision(request: CorsRequest, decision: Decision): string {
  const verdict = decision.allowed ? 'allowed' : 'refused';
  const asked =
    decision.kind === 'preflight'
      ? `preflight for ${quote(request.accessControlRequestMethod)}` +
        (request.accessControlRequestHeaders === undefined
          ? ''
          : ` with headers ${quote(request.accessControlRequestHeaders)}`)
      : `${decision.kind === 'actual' ? 'actual' : 'non-CORS'} ${quote(request.method)} request`;
  const origin = request.origin === undefined ? '' : ` from ${quote(request.origin)}`;
  return `CORS ${verdict}: ${asked}${origin}: ${REASONS[decision.reason]}`;
}

function fixFor(policy: Policy, request: CorsRequest, decision: Decision): string | undefined {
  if (decision.allowed) return undefined;
  const origin = quote(request.origin);
  switch (decision.reason) {
    case 'origin-not-allowed':
      return `if pages at ${origin} should read responses, add ${origin} to origins`;
    case 'origin-malformed':
      return 'none in the policy: browsers never send such an Origin, so a script or a proxy made this request';
    case 'null-origin-not-allowed':
      return 'serve the calling page from its own http(s) origin and list it (sandboxed iframes, file: pages and cross-origin redirects send "null"); allowNullOrigin: true would trust any site that can produce it';
    case 'method-not-allowed':
      return `add ${quote(request.accessControlRequestMethod)} to methods (now ${policy.methods.join(', ')})`;
    default:
      return `add the requested headers the policy lacks to allowedHeaders: ${missingHeaders(policy, request)}`;
  }
}

function missingHeaders(policy: Policy, request: CorsRequest): string {
  const requested = String(request.accessControlRequestHeaders ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const missing = requested.filter((name) => !policy.headerSet?.has(name.toLowerCase()));
  return missing.length > 0 ? missing.join(', ') : quote(request.accessControlRequestHeaders);
}

/** Header values come from the client: quoted, bounded, never trusted as text. */
function quote(value: unknown): string {
  const text = Array.isArray(value) ? value.join(', ') : String(value);
  return JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
}
