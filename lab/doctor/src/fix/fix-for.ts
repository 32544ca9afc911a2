// The fix for one engine's outcome: in the server's own configuration when the server is at fault,
// in the page's code when fetch() refused the request itself.
import type { WalkResult } from '../diagnose/walk.js';
import { requirementFor } from './requirement.js';
import { renderFix, STACK_TITLES, type Stack } from './stack.js';

/**
 * Reasons no CORS header changes: fixed in the page's code, the redirect or the transport, as
 * predict()'s own fix says.
 */
const NOT_CORS_HEADERS = new Set([
  'invalid-url',
  'invalid-body',
  'no-cors-redirect-mode',
  'stream-upload-unsupported',
  'stream-needs-http2',
  'redirect-mode-error',
  'opaque-redirect',
  'invalid-redirect-location',
  'redirect-userinfo',
  'too-many-redirects',
  'redirect-body-not-replayable',
  'redirect-refused-by-engine',
  'invalid-method',
  'invalid-header',
  'forbidden-method',
  'no-cors-not-simple',
  'same-origin-mode',
  'bad-port',
  'mixed-content',
]);

export function fixFor(
  result: WalkResult,
  stack: Stack,
  request: { origin: string; credentials: string },
): string {
  const { prediction, hop } = result;
  if (result.outcome === 'allowed') return '';
  if (NOT_CORS_HEADERS.has(result.reason)) return prediction?.fix ?? '';
  switch (result.reason) {
    case 'unreachable':
    case 'no-response':
      return `No server answered at ${hop.url}: start it or correct the URL. The page sees the same TypeError as for a CORS failure, so this is not a CORS problem.`;
  }
  const need = requirementFor({
    origin: request.origin,
    method: hop.method,
    credentials: request.credentials === 'include',
    requestHeaders: prediction?.preflightRequest?.accessControlRequestHeaders,
    preflight: prediction?.preflight ?? false,
  });
  const inStack = `In ${STACK_TITLES[stack]}:\n${renderFix(stack, need)}`;
  const lead: string[] = [];
  if (hop.index > 0) {
    lead.push(
      `The request was redirected to ${hop.url}${hop.origin === 'null' ? ', and the redirect made its Origin null' : ''}. Best: fetch ${hop.url} directly from the page, and allow ${request.origin} there.`,
    );
  } else if (result.reason === 'preflight-redirect') {
    lead.push(
      `The preflight to ${hop.url} was answered with a redirect (${result.decidedBy?.status}), which fails in every browser: answer OPTIONS at that URL itself (a trailing-slash or http-to-https redirect is the usual cause), or fetch the URL the redirect points to.`,
    );
  } else if (result.reason === 'multiple-allow-origin') {
    lead.push(
      'Two layers add Access-Control-Allow-Origin (often a proxy such as nginx and the app behind it): keep exactly one of them.',
    );
  } else if (result.reason === 'preflight-status') {
    lead.push(
      `The preflight was answered ${result.decidedBy?.status}: OPTIONS must get a 2xx before any authentication or routing runs (preflights never carry cookies or Authorization).`,
    );
  } else if (prediction?.fix) {
    lead.push(prediction.fix);
  }
  return [...lead, inStack].join('\n\n');
}
