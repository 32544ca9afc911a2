// The words for what happens at a redirect: refused, not followed, opaque, or followed with the
// request changed on the way.
import type { Explained } from './explain.js';
import type { RequestContext } from './request-plan.js';

export type RedirectFailure =
  | { readonly kind: 'same-origin-mode' }
  | { readonly kind: 'redirect-mode-error'; readonly status: number }
  | {
      readonly kind: 'invalid-redirect-location';
      readonly location: string;
      readonly problem: 'unparsable' | 'not-http';
    }
  | { readonly kind: 'too-many-redirects'; readonly location: string }
  | { readonly kind: 'redirect-userinfo'; readonly location: string; readonly byEngine: boolean }
  | { readonly kind: 'redirect-body-not-replayable'; readonly status: number }
  | { readonly kind: 'redirect-refused-by-engine'; readonly location: string };

const TYPE_ERROR = 'fetch() rejects with a TypeError, as for any network error';

function opening(context: RequestContext): string {
  const chain = context.hop ? ` (reached after ${redirectCount(context)})` : '';
  return `The page at ${context.pageOrigin} sends ${context.method} ${context.url}${chain}, and the server answers with a redirect.`;
}

function redirectCount(context: RequestContext): string {
  const count = context.hop?.from.length ?? 0;
  return count === 1 ? '1 redirect' : `${count} redirects`;
}

export function explainRedirectFailure(
  context: RequestContext,
  failure: RedirectFailure,
): Explained {
  switch (failure.kind) {
    case 'same-origin-mode':
      return {
        explanation:
          `With mode 'same-origin' the request was redirected to ${context.url}, on another origin ` +
          `than the page (${context.pageOrigin}): ${TYPE_ERROR}.`,
        fix: `Use mode 'cors' (the default), or make the server redirect within ${context.pageOrigin}.`,
      };
    case 'redirect-mode-error':
      return {
        explanation:
          `${opening(context)} With redirect: 'error' any redirect (${failure.status}) is a network ` +
          `error: ${TYPE_ERROR}. The request that got the redirect did reach the server.`,
        fix: "Fetch the final URL directly, or use redirect: 'follow' (the default).",
      };
    case 'invalid-redirect-location':
      return {
        explanation:
          `${opening(context)} Its Location ${JSON.stringify(failure.location)} ` +
          (failure.problem === 'unparsable'
            ? 'is not a URL'
            : 'is not an http(s) URL, which fetch() never follows') +
          `: ${TYPE_ERROR}.`,
        fix: 'Send a Location with an absolute (or relative) http(s) URL.',
      };
    case 'too-many-redirects':
      return {
        explanation:
          `${opening(context)} It would be redirect number 21 (to ${failure.location}); browsers ` +
          `follow at most 20: ${TYPE_ERROR}.`,
        fix: 'Break the redirect loop: the chain must end in a non-redirect answer within 20 hops.',
      };
    case 'redirect-userinfo':
      return {
        explanation:
          `${opening(context)} Its Location ${failure.location} carries user:password@. ` +
          (failure.byEngine
            ? "The Fetch Standard follows it here (the request never left the page's origin), but Chromium refuses every such redirect"
            : 'A CORS request may not be redirected to a URL with credentials in it') +
          `: ${TYPE_ERROR}.`,
        fix: 'Redirect to a URL without user:password@; send credentials in an Authorization header or a cookie.',
      };
    case 'redirect-body-not-replayable':
      return {
        explanation:
          `${opening(context)} The body is a ReadableStream, already consumed by the first request, so ` +
          `the browser cannot send it again to follow a ${failure.status}: ${TYPE_ERROR}.`,
        fix: 'Send the body as a string, Blob, ArrayBuffer or FormData (which can be re-sent), or fetch the final URL directly.',
      };
    case 'redirect-refused-by-engine':
      return {
        explanation:
          `${opening(context)} The request started on the page's own origin with credentials ` +
          `'same-origin', then went to another origin; WebKit fails when such a request is redirected ` +
          `again (to ${failure.location}), where the Fetch Standard, Chromium and Firefox follow it: ` +
          `${TYPE_ERROR}.`,
        fix: "Fetch the cross-origin URL directly instead of through a same-origin redirect, or pass credentials: 'include' or 'omit'.",
      };
  }
}

export function explainOpaqueRedirect(
  context: RequestContext,
  status: number,
  location: string,
): Explained {
  return {
    explanation:
      `${opening(context)} With redirect: 'manual' the browser does not follow it to ${location}: the ` +
      `page gets an opaque-redirect response (type "opaqueredirect", status 0, no headers, no body) ` +
      `instead of the ${status}, whose Location it cannot read.`,
    fix: "Use redirect: 'follow' (the default) to get the final response, or have the API answer with the URL in a readable body.",
  };
}

export function explainStreamNeedsHttp2(
  context: RequestContext,
  preflightSent: boolean,
): Explained {
  return {
    explanation:
      `The page at ${context.pageOrigin} sends ${context.method} ${context.url} with a ReadableStream ` +
      `body.${preflightSent ? ' A stream body always needs a preflight, which passes.' : ''} Chromium ` +
      'streams a request body only over HTTP/2 or HTTP/3; this connection is HTTP/1.1, so the ' +
      `request is never sent: ${TYPE_ERROR}.`,
    fix: 'Serve the API over HTTP/2 (https), or send the body as a string, Blob or ArrayBuffer.',
  };
}

/** Said when a redirect's next hop was not described: what the browser does next. */
export function unfollowedSentence(status: number, location: string): string {
  return (
    ` This answer is a redirect (${status}) the browser follows to ${location}; its answer there ` +
    'was not given, so predict() judges one hop at a time here: pass it in answer.next to judge the whole fetch.'
  );
}
