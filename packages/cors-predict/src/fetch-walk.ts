// Main fetch and HTTP-redirect fetch, hop by hop: each request that reaches a server (preflights
// included), the CORS check on every cross-origin answer (a 3xx too), the origin turning `null`
// after a cross-origin redirect, and where the engines part from the standard.
import type { Exchange, HopAnswer, ObservedResponse, Prediction, ServerAnswer } from './types.js';
import { STANDARD_RULES, type EngineRules, type QuirkId } from './engine-rules.js';
import { checkPreflight, corsCheck } from './cors-check.js';
import {
  explainAllowed,
  explainNoResponse,
  explainOpaque,
  explainPreflightFailure,
  explainResponseFailure,
  explainSameOrigin,
} from './explain.js';
import {
  explainOpaqueRedirect,
  explainRedirectFailure,
  explainStreamNeedsHttp2,
  unfollowedSentence,
  type RedirectFailure,
} from './explain-redirect.js';
import { preflightCacheSeconds } from './max-age.js';
import { basicReadableHeaders, corsReadableHeaders } from './readable-headers.js';
import {
  becomesGet,
  includesCredentials,
  isRedirectStatus,
  locationUrl,
  withoutAuthorization,
  withoutBodyHeaders,
} from './redirect.js';
import { needsPreflight, type RequestContext, type RequestPlan } from './request-plan.js';
import { getHeader, toHeaderList } from './response-headers.js';
import { corsUnsafeRequestHeaderNames, type RequestHeader } from './safelist.js';

type SentPlan = Exclude<RequestPlan, { kind: 'refused' }>;
type CorsPlan = Extract<RequestPlan, { kind: 'cors' }>;

/** A prediction with the engine quirks that shaped it. */
export interface WalkResult {
  readonly prediction: Prediction;
  readonly quirks: readonly QuirkId[];
}

/** At most this many redirects are followed (the Fetch Standard's redirect count). */
const MAX_REDIRECTS = 20;

interface PreflightCacheEntry {
  readonly method: string;
  readonly names: readonly string[];
}

/** Walks the request through every hop the answer describes, as `rules` (an engine or the standard) do. */
export function walkFetch(plan: SentPlan, answer: ServerAnswer, rules: EngineRules): WalkResult {
  const { context } = plan;
  const quirks = new Set<QuirkId>();
  const exchanges: Exchange[] = [];
  const droppedHeaders = context.droppedHeaders.map((header) => header.name);
  const credentialed = context.credentials === 'include';
  const pageOrigin = context.pageOrigin;
  const preflightCache = new Map<string, PreflightCacheEntry>();

  let url = new URL(context.url);
  let method = context.method;
  let headers: readonly RequestHeader[] = context.headers;
  let body = context.body;
  let tainting: 'basic' | 'cors' | 'opaque' | undefined;
  let tainted = false;
  const from: string[] = [];
  let firstPreflight: { sent: boolean; cacheSeconds: number } | undefined;
  const originalUnsafe = corsUnsafeRequestHeaderNames(context.headers, rules);
  if (context.body?.asText !== undefined) quirks.add('stream-sent-as-text');
  const originalNeededPreflight = needsPreflight(method, originalUnsafe, context.useCorsPreflight);

  for (let hop = 0; ; hop++) {
    const hopAnswer: HopAnswer | undefined =
      hop === 0
        ? { preflight: answer.preflight, response: answer.response }
        : answer.next?.[hop - 1];
    if (hopAnswer?.url !== undefined && new URL(hopAnswer.url).href !== url.href) {
      throw new TypeError(
        `predict(): answer.next[${hop - 1}] is for ${JSON.stringify(hopAnswer.url)}, but the ` +
          `redirect leads to ${JSON.stringify(url.href)}. Expected the answers in the order the ` +
          'redirects are followed. Fix: reorder answer.next, or correct the Location or the url.',
      );
    }

    const sameOrigin = pageOrigin !== 'null' && url.origin === pageOrigin && tainting !== 'cors';
    const kind: 'basic' | 'cors' | 'opaque' = sameOrigin
      ? 'basic'
      : context.mode === 'no-cors'
        ? 'opaque'
        : 'cors';
    tainting = tainting === 'cors' ? 'cors' : kind;
    const origin = tainted ? 'null' : pageOrigin;
    const { body: _originalBody, ...withoutBody } = context;
    const hopContext: RequestContext = {
      ...withoutBody,
      url: url.href,
      targetOrigin: url.origin,
      method,
      headers,
      ...(body && { body }),
      ...(hop > 0 && { hop: { from: [...from], origin } }),
    };
    const sendsCookies =
      context.credentials === 'include' ||
      (context.credentials === 'same-origin' && tainting === 'basic');
    const stream = body?.stream === true;
    const unsafe = corsUnsafeRequestHeaderNames(headers, rules);
    const standardUnsafe = corsUnsafeRequestHeaderNames(headers);
    if (kind === 'cors' && rules.nonAsciiValueUnsafe && unsafe.length !== standardUnsafe.length) {
      quirks.add('non-ascii-value-unsafe');
    }

    if (kind === 'cors' && context.mode === 'same-origin') {
      return finish(redirectFailure(hopContext, { kind: 'same-origin-mode' }));
    }

    // ---- the preflight ----
    let preflightNames = unsafe;
    let preflightSent = false;
    let authorizationByWildcard = false;
    let hopCacheSeconds = 0;
    if (kind === 'cors') {
      let needed = needsPreflight(method, unsafe, stream);
      if (
        hop > 0 &&
        !needed &&
        originalNeededPreflight &&
        rules.preflightAfterRedirect !== 'when-needed'
      ) {
        needed = true;
        quirks.add('preflight-kept-after-redirect');
      }
      if (hop > 0 && originalNeededPreflight && rules.preflightAfterRedirect === 'original-names') {
        const union = [...new Set([...originalUnsafe, ...unsafe])].sort();
        if (union.length !== unsafe.length) quirks.add('preflight-names-kept-after-redirect');
        preflightNames = union;
      }
      let preflightOrigin = origin;
      if (tainted && rules.preflightOriginAfterRedirect === 'page') {
        preflightOrigin = pageOrigin;
        quirks.add('preflight-origin-after-redirect');
      }
      const cacheKey = `${preflightOrigin} ${credentialed} ${url.href}`;
      const cached = preflightCache.get(cacheKey);
      if (
        needed &&
        cached &&
        cached.method === method &&
        preflightNames.every((name) => cached.names.includes(name))
      ) {
        needed = false;
      }
      const hopPlan: CorsPlan = {
        kind: 'cors',
        context: hopContext,
        credentialed,
        unsafeHeaderNames: preflightNames,
        preflight: needed,
        safelist: rules,
      };
      if (needed) {
        preflightSent = true;
        const preflight = hopAnswer?.preflight;
        exchanges.push({
          kind: 'preflight',
          hop,
          method: 'OPTIONS',
          url: url.href,
          origin: preflightOrigin,
          credentials: false,
          headers: [],
          body: false,
          accessControlRequestMethod: method,
          ...(preflightNames.length > 0 && {
            accessControlRequestHeaders: preflightNames.join(','),
          }),
          ...(preflight && { status: preflight.status }),
        });
        if (!preflight) {
          firstPreflight ??= { sent: true, cacheSeconds: 0 };
          return finish(noResponse(hopPlan, 'preflight'));
        }
        const preflightHeaders = toHeaderList(preflight.headers);
        const verdict = checkPreflight(preflight.status, preflightHeaders, {
          origin: preflightOrigin,
          credentialed,
          method,
          unsafeHeaderNames: preflightNames,
        });
        if (verdict.finding) {
          firstPreflight ??= { sent: true, cacheSeconds: 0 };
          const statusAlsoFails = verdict.statusAlsoFails ? preflight.status : undefined;
          return finish({
            outcome: 'blocked',
            reason: verdict.finding.reason,
            responseType: 'error',
            ...explainPreflightFailure(hopPlan, verdict.finding, statusAlsoFails),
          });
        }
        hopCacheSeconds = preflightCacheSeconds(preflightHeaders, rules);
        const maxAge = preflightHeaders.get('access-control-max-age');
        if (rules.maxAge(maxAge) !== STANDARD_RULES.maxAge(maxAge)) {
          quirks.add(rules.engine === 'firefox' ? 'max-age-digits-only' : 'max-age-signed-integer');
        }
        firstPreflight ??= { sent: true, cacheSeconds: hopCacheSeconds };
        authorizationByWildcard = verdict.authorizationByWildcard;
        if (hopCacheSeconds > 0) preflightCache.set(cacheKey, { method, names: preflightNames });
      }
    }
    if (hop === 0) firstPreflight ??= { sent: false, cacheSeconds: 0 };

    // ---- the request itself ----
    if (
      stream &&
      rules.streams === 'http2-only' &&
      (answer.protocol ?? 'http/1.1') === 'http/1.1'
    ) {
      quirks.add('stream-needs-http2');
      return finish({
        outcome: 'blocked',
        reason: 'stream-needs-http2',
        responseType: 'error',
        ...explainStreamNeedsHttp2(hopContext, preflightSent),
      });
    }
    const response: ObservedResponse | undefined = hopAnswer?.response;
    const contentType = headers.find((header) => header.name === 'content-type')?.value;
    exchanges.push({
      kind: 'request',
      hop,
      method,
      url: url.href,
      ...(sendsOrigin(kind, method) && { origin }),
      credentials: sendsCookies,
      headers: headers.map((header) => header.name).sort(),
      ...(contentType !== undefined && { contentType }),
      body: body !== undefined,
      ...(response && { status: response.status }),
    });
    const hopPlan: SentPlan =
      kind === 'cors'
        ? {
            kind: 'cors',
            context: hopContext,
            credentialed,
            unsafeHeaderNames: preflightNames,
            preflight: preflightSent,
            safelist: rules,
          }
        : { kind: kind === 'basic' ? 'same-origin' : 'no-cors', context: hopContext };
    if (!response) return finish(noResponse(hopPlan, 'response'));
    const responseHeaders = toHeaderList(response.headers);
    if (hopPlan.kind === 'cors') {
      const finding = corsCheck(responseHeaders, { origin, credentialed });
      if (finding) {
        return finish({
          outcome: 'blocked',
          reason: finding.reason,
          responseType: 'error',
          ...explainResponseFailure(hopPlan, finding, response.status),
        });
      }
    }

    // ---- a redirect ----
    const location = getHeader(responseHeaders, 'location');
    if (isRedirectStatus(response.status) && location !== undefined) {
      if (context.redirect === 'error') {
        return finish(
          redirectFailure(hopContext, { kind: 'redirect-mode-error', status: response.status }),
        );
      }
      if (context.redirect === 'manual') {
        return finish({
          outcome: 'opaque',
          reason: 'opaque-redirect',
          responseType: 'opaqueredirect',
          ...explainOpaqueRedirect(hopContext, response.status, location),
        });
      }
      const next = locationUrl(location, url);
      if (typeof next === 'string') {
        return finish(
          redirectFailure(hopContext, {
            kind: 'invalid-redirect-location',
            location,
            problem: next,
          }),
        );
      }
      if (from.length === MAX_REDIRECTS) {
        return finish(
          redirectFailure(hopContext, { kind: 'too-many-redirects', location: next.href }),
        );
      }
      if (includesCredentials(next)) {
        const standardRefuses =
          (context.mode === 'cors' && pageOrigin !== next.origin) || tainting === 'cors';
        if (standardRefuses || rules.userinfoRedirectAlwaysFails) {
          if (!standardRefuses) quirks.add('userinfo-redirect-refused');
          return finish(
            redirectFailure(hopContext, {
              kind: 'redirect-userinfo',
              location: next.href,
              byEngine: !standardRefuses,
            }),
          );
        }
      }
      if (stream && response.status !== 303) {
        return finish(
          redirectFailure(hopContext, {
            kind: 'redirect-body-not-replayable',
            status: response.status,
          }),
        );
      }
      if (
        rules.secondRedirectAfterSameOriginStartFails &&
        tainting === 'cors' &&
        from.length > 0 &&
        new URL(from[0] ?? url.href).origin === pageOrigin &&
        context.credentials === 'same-origin'
      ) {
        quirks.add('second-redirect-after-same-origin-start');
        return finish(
          redirectFailure(hopContext, { kind: 'redirect-refused-by-engine', location: next.href }),
        );
      }
      if (answer.next === undefined || answer.next.length < hop + 1) {
        return finish(
          final(hopPlan, response, authorizationByWildcard, hopCacheSeconds, next.href),
        );
      }

      if (becomesGet(response.status, method)) {
        method = 'GET';
        body = undefined;
        headers = withoutBodyHeaders(headers);
      } else if (rules.deleteRedirectBecomesGet && method === 'DELETE') {
        quirks.add('delete-redirect-becomes-get');
        method = 'GET';
        body = undefined;
        headers = withoutBodyHeaders(headers);
      }
      if (next.origin !== url.origin) {
        headers = withoutAuthorization(headers);
        if (pageOrigin !== url.origin) tainted = true;
      }
      from.push(url.href);
      url = next;
      continue;
    }
    return finish(final(hopPlan, response, authorizationByWildcard, hopCacheSeconds));
  }

  function final(
    hopPlan: SentPlan,
    response: ObservedResponse,
    authorizationByWildcard: boolean,
    cacheSeconds: number,
    unfollowed?: string,
  ): Verdict {
    const list = toHeaderList(response.headers);
    const tail = unfollowed === undefined ? '' : unfollowedSentence(response.status, unfollowed);
    const more = unfollowed === undefined ? {} : { unfollowedRedirect: unfollowed };
    switch (hopPlan.kind) {
      case 'same-origin': {
        const readableHeaders = basicReadableHeaders(list);
        const words = explainSameOrigin(hopPlan.context, readableHeaders);
        return {
          outcome: 'allowed',
          reason: 'same-origin',
          responseType: 'basic',
          readableHeaders,
          explanation: words.explanation + tail,
          fix: words.fix,
          ...more,
        };
      }
      case 'no-cors': {
        const words = explainOpaque(hopPlan.context, response.status);
        return {
          outcome: 'opaque',
          reason: 'no-cors-opaque',
          responseType: 'opaque',
          readableHeaders: [],
          explanation: words.explanation + tail,
          fix: words.fix,
          ...more,
        };
      }
      case 'cors': {
        const readableHeaders = corsReadableHeaders(list, credentialed);
        const words = explainAllowed(
          hopPlan,
          readableHeaders,
          response.status,
          authorizationByWildcard,
          cacheSeconds,
        );
        return {
          outcome: 'allowed',
          reason: 'cors-allowed',
          responseType: 'cors',
          readableHeaders,
          explanation: words.explanation + tail,
          fix: words.fix,
          ...more,
        };
      }
    }
  }

  function noResponse(hopPlan: SentPlan, missing: 'preflight' | 'response'): Verdict {
    return {
      outcome: 'blocked',
      reason: 'no-response',
      responseType: 'error',
      ...explainNoResponse(hopPlan, missing),
    };
  }

  function finish(verdict: Verdict): WalkResult {
    const preflightRequest =
      plan.kind === 'cors' && plan.preflight
        ? {
            method: 'OPTIONS' as const,
            origin: pageOrigin,
            accessControlRequestMethod: context.method,
            ...(plan.unsafeHeaderNames.length > 0 && {
              accessControlRequestHeaders: plan.unsafeHeaderNames.join(','),
            }),
          }
        : undefined;
    const last = exchanges.at(-1);
    return {
      prediction: {
        preflight: firstPreflight?.sent ?? false,
        preflightCacheSeconds: firstPreflight?.cacheSeconds ?? 0,
        readableHeaders: [],
        droppedHeaders,
        ...(preflightRequest && { preflightRequest }),
        ...verdict,
        reachesServer: exchanges.some((exchange) => exchange.kind === 'request'),
        exchanges,
        redirects: from.length,
        finalUrl: last?.url ?? url.href,
      },
      quirks: [...quirks],
    };
  }
}

type Verdict = Pick<Prediction, 'outcome' | 'reason' | 'responseType' | 'explanation' | 'fix'> &
  Partial<Pick<Prediction, 'readableHeaders' | 'unfollowedRedirect'>>;

function redirectFailure(hopContext: RequestContext, failure: RedirectFailure): Verdict {
  return {
    outcome: 'blocked',
    reason: failure.kind,
    responseType: 'error',
    ...explainRedirectFailure(hopContext, failure),
  };
}

/** Browsers send Origin on every CORS request, and on others unless the method is GET or HEAD. */
function sendsOrigin(kind: 'basic' | 'cors' | 'opaque', method: string): boolean {
  return kind === 'cors' || (method !== 'GET' && method !== 'HEAD');
}
