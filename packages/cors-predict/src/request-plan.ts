// The browser's side before anything is sent: what fetch() refuses, drops, and whether it preflights.
import type {
  BrowserRequest,
  CredentialsMode,
  RedirectMode,
  RequestHeadersInit,
  RequestMode,
} from './types.js';
import type { EngineRules } from './engine-rules.js';
import { extractBody, STREAM_AS_TEXT } from './request-body.js';
import { isBadPort } from './bad-port.js';
import { isHeaderValue, isToken, trimHttpWhitespace } from './http-syntax.js';
import { isCorsSafelistedMethod, isForbiddenMethod, normalizeMethod } from './method.js';
import {
  corsUnsafeRequestHeaderNames,
  isForbiddenRequestHeader,
  isNoCorsSafelistedRequestHeader,
  type RequestHeader,
  type SafelistRules,
} from './safelist.js';

/** A header fetch() leaves out of the request without an error. */
export interface DroppedHeader {
  readonly name: string;
  /** `forbidden`: the browser owns it (Cookie, Host, ...); `no-cors`: not allowed in `mode: 'no-cors'`. */
  readonly because: 'forbidden' | 'no-cors';
}

/** The request as the browser will send it. */
export interface RequestContext {
  /** The page's serialized origin, `null` for an opaque origin (sandboxed iframe, `file:`). */
  readonly pageOrigin: string;
  /** The URL as given, resolved against the page when relative. */
  readonly url: string;
  /** The serialized origin of `url`; empty when the URL does not parse. */
  readonly targetOrigin: string;
  /** Normalized: DELETE GET HEAD OPTIONS POST PUT uppercased, any other method as written. */
  readonly method: string;
  readonly credentials: CredentialsMode;
  readonly mode: RequestMode;
  /** Headers that go out, lowercased names, in order; a name may repeat. */
  readonly headers: readonly RequestHeader[];
  readonly droppedHeaders: readonly DroppedHeader[];
  readonly redirect: RedirectMode;
  /** The body as sent: a stream cannot be re-sent after a redirect; absent without a body. */
  readonly body?: { readonly stream: boolean; readonly asText?: string };
  /** A ReadableStream body: the Fetch Standard's use-CORS-preflight flag. */
  readonly useCorsPreflight: boolean;
  /** Set from the second hop on: where the redirects came from and the Origin this hop carries. */
  readonly hop?: RedirectedHop;
}

/** A hop reached through redirects. */
export interface RedirectedHop {
  /** The URLs redirected from, in order. */
  readonly from: readonly string[];
  /** The Origin the request carries here: `null` once a redirect crossed origins. */
  readonly origin: string;
}

export type RefusalReason =
  | 'invalid-url'
  | 'invalid-method'
  | 'forbidden-method'
  | 'no-cors-not-simple'
  | 'invalid-header'
  | 'bad-port'
  | 'mixed-content'
  | 'same-origin-mode'
  | 'no-cors-redirect-mode'
  | 'invalid-body'
  | 'stream-upload-unsupported';

export type RequestPlan =
  /** fetch() rejects before sending anything; `offending` is the value at fault. */
  | {
      readonly kind: 'refused';
      readonly reason: RefusalReason;
      readonly offending: string;
      readonly context: RequestContext;
    }
  | { readonly kind: 'same-origin'; readonly context: RequestContext }
  | { readonly kind: 'no-cors'; readonly context: RequestContext }
  | {
      readonly kind: 'cors';
      readonly context: RequestContext;
      /** Credentials mode `include`: cookies go along and the response must opt in to them. */
      readonly credentialed: boolean;
      /** Sorted lowercase names that need the server's permission (Access-Control-Request-Headers). */
      readonly unsafeHeaderNames: readonly string[];
      readonly preflight: boolean;
      /** How this engine judges header values (for the words explaining a preflight). */
      readonly safelist: SafelistRules;
    };

/**
 * Serializes the page origin the way the Origin header carries it.
 * @throws TypeError naming the value when it is not an http(s) origin or `null`.
 */
export function serializePageOrigin(pageOrigin: string): string {
  if (pageOrigin === 'null') return 'null';
  const parsed = URL.canParse(pageOrigin) ? new URL(pageOrigin) : undefined;
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new TypeError(
      `predict(): pageOrigin ${JSON.stringify(pageOrigin)} is not an origin. Expected ` +
        `"scheme://host[:port]" with scheme http or https, or "null" for an opaque origin. ` +
        `Fix: pass the page's location.origin, e.g. "http://localhost:3000".`,
    );
  }
  return parsed.origin;
}

/** Decides everything the browser decides before it talks to the server. */
export function planRequest(request: BrowserRequest, rules: EngineRules): RequestPlan {
  const pageOrigin = serializePageOrigin(request.pageOrigin);
  const credentials = request.credentials ?? 'same-origin';
  const mode = request.mode ?? 'cors';
  const rawMethod = request.method ?? 'GET';
  const base = {
    pageOrigin,
    url: request.url,
    targetOrigin: '',
    method: rawMethod,
    credentials,
    mode,
    headers: [],
    droppedHeaders: [],
    redirect: request.redirect ?? 'follow',
    useCorsPreflight: false,
  } satisfies RequestContext;

  const target = parseTarget(request.url, pageOrigin);
  if (typeof target === 'string') {
    return { kind: 'refused', reason: 'invalid-url', offending: target, context: base };
  }
  const located = { ...base, url: target.href, targetOrigin: target.origin };

  if (!isToken(rawMethod)) {
    return { kind: 'refused', reason: 'invalid-method', offending: rawMethod, context: located };
  }
  if (isForbiddenMethod(rawMethod)) {
    return { kind: 'refused', reason: 'forbidden-method', offending: rawMethod, context: located };
  }
  const method = normalizeMethod(rawMethod);
  const withMethod = { ...located, method };
  if (mode === 'no-cors' && !isCorsSafelistedMethod(method)) {
    return {
      kind: 'refused',
      reason: 'no-cors-not-simple',
      offending: method,
      context: withMethod,
    };
  }

  const headerList = buildHeaderList(request.headers ?? {}, mode, rules.combineRepeatedHeaders);
  if (typeof headerList === 'string') {
    return {
      kind: 'refused',
      reason: 'invalid-header',
      offending: headerList,
      context: withMethod,
    };
  }
  const withHeaders: RequestContext = { ...withMethod, ...headerList };
  const context = withBody(withHeaders, request, rules);
  if ('reason' in context) return { kind: 'refused', ...context };

  if (isBadPort(target)) {
    return { kind: 'refused', reason: 'bad-port', offending: target.port, context };
  }
  if (isMixedContent(pageOrigin, target, rules)) {
    return { kind: 'refused', reason: 'mixed-content', offending: target.href, context };
  }
  if (pageOrigin !== 'null' && pageOrigin === target.origin)
    return { kind: 'same-origin', context };
  if (mode === 'same-origin') {
    return { kind: 'refused', reason: 'same-origin-mode', offending: target.origin, context };
  }
  if (mode === 'no-cors' && context.redirect !== 'follow') {
    return {
      kind: 'refused',
      reason: 'no-cors-redirect-mode',
      offending: context.redirect,
      context,
    };
  }
  if (mode === 'no-cors') return { kind: 'no-cors', context };

  const unsafeHeaderNames = corsUnsafeRequestHeaderNames(context.headers, rules);
  return {
    kind: 'cors',
    context,
    credentialed: credentials === 'include',
    unsafeHeaderNames,
    preflight: needsPreflight(context.method, unsafeHeaderNames, context.useCorsPreflight),
    safelist: rules,
  };
}

/** A non-safelisted method, an unsafe header, or a stream body (use-CORS-preflight flag). */
export function needsPreflight(
  method: string,
  unsafeHeaderNames: readonly string[],
  useCorsPreflight: boolean,
): boolean {
  return !isCorsSafelistedMethod(method) || unsafeHeaderNames.length > 0 || useCorsPreflight;
}

type Refusal = Pick<Extract<RequestPlan, { kind: 'refused' }>, 'reason' | 'offending' | 'context'>;

/**
 * The Request constructor's body steps: no body with GET or HEAD, a stream needs `duplex` and a
 * CORS or same-origin mode and sets the use-CORS-preflight flag, and the body's Content-Type is
 * added when the page set none.
 */
function withBody(
  context: RequestContext,
  request: BrowserRequest,
  rules: EngineRules,
): RequestContext | Refusal {
  if (!request.body) return context;
  const extracted = extractBody(request.body);
  if (context.method === 'GET' || context.method === 'HEAD') {
    return {
      reason: 'invalid-body',
      offending: `a ${request.body.kind} body with ${context.method}`,
      context,
    };
  }
  let { contentType } = extracted;
  let body: RequestContext['body'] = { stream: extracted.stream };
  let useCorsPreflight = false;
  if (extracted.stream) {
    if (rules.streams === 'unsupported') {
      return { reason: 'stream-upload-unsupported', offending: 'ReadableStream', context };
    }
    if (rules.streams === 'as-text') {
      contentType = 'text/plain;charset=UTF-8';
      body = { stream: false, asText: STREAM_AS_TEXT };
    } else if (request.duplex !== 'half') {
      return {
        reason: 'invalid-body',
        offending: "a ReadableStream body without duplex: 'half'",
        context,
      };
    } else if (context.mode === 'no-cors') {
      return {
        reason: 'invalid-body',
        offending: "a ReadableStream body in mode 'no-cors'",
        context,
      };
    } else {
      useCorsPreflight = true;
    }
  }
  const hasContentType = context.headers.some((header) => header.name === 'content-type');
  const headers =
    contentType === undefined || hasContentType
      ? context.headers
      : [...context.headers, { name: 'content-type', value: contentType }];
  return { ...context, headers, body, useCorsPreflight };
}

/** The parsed URL, or the reason it cannot be fetched (as a short phrase). */
function parseTarget(url: string, pageOrigin: string): URL | string {
  const base = pageOrigin === 'null' ? undefined : pageOrigin;
  if (!URL.canParse(url, base)) return `${JSON.stringify(url)} is not a valid URL`;
  const parsed = new URL(url, base);
  if (parsed.username !== '' || parsed.password !== '') {
    return `${JSON.stringify(url)} contains credentials (user:password@), which fetch() refuses`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `${JSON.stringify(url)} is not an http(s) URL, which CORS does not apply to`;
  }
  return parsed;
}

/**
 * Applies the Headers object's rules: invalid names or values throw (returned as the offending
 * header), forbidden ones vanish, and `no-cors` keeps only the no-CORS-safelisted ones.
 */
function buildHeaderList(
  init: RequestHeadersInit,
  mode: RequestMode,
  combine: boolean,
): Pick<RequestContext, 'headers' | 'droppedHeaders'> | string {
  const headers: RequestHeader[] = [];
  const droppedHeaders: DroppedHeader[] = [];
  const pairs: readonly (readonly [string, string])[] = Array.isArray(init)
    ? init
    : Object.entries(init);
  for (const [rawName, rawValue] of pairs) {
    const value = trimHttpWhitespace(rawValue);
    if (!isToken(rawName) || !isHeaderValue(value))
      return `${rawName}: ${JSON.stringify(rawValue)}`;
    const name = rawName.toLowerCase();
    if (isForbiddenRequestHeader({ name, value })) {
      droppedHeaders.push({ name, because: 'forbidden' });
      continue;
    }
    if (
      mode === 'no-cors' &&
      !isNoCorsSafelistedRequestHeader({ name, value: combinedWith(headers, name, value) })
    ) {
      droppedHeaders.push({ name, because: 'no-cors' });
      continue;
    }
    const existing = combine ? headers.findIndex((header) => header.name === name) : -1;
    if (existing >= 0) headers[existing] = { name, value: combinedWith(headers, name, value) };
    else headers.push({ name, value });
  }
  return { headers, droppedHeaders };
}

/** The value `name` would have once `value` is appended: what no-cors mode judges. */
function combinedWith(headers: readonly RequestHeader[], name: string, value: string): string {
  return [
    ...headers.filter((header) => header.name === name).map((header) => header.value),
    value,
  ].join(', ');
}

/** Hosts a browser trusts over plain http (Secure Contexts: loopback and `localhost`). */
export function isPotentiallyTrustworthyHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127\.\d+\.\d+\.\d+$/.test(hostname)
  );
}

/** An https page may not fetch plain http from a host that is not loopback (WebKit: any host): mixed content. */
function isMixedContent(pageOrigin: string, target: URL, rules: EngineRules): boolean {
  return (
    pageOrigin.startsWith('https://') &&
    target.protocol === 'http:' &&
    (rules.loopbackHttpIsMixedContent || !isPotentiallyTrustworthyHost(target.hostname))
  );
}
