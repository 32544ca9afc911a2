// Request-header rules of the Fetch Standard (§2.2.2 Headers): which headers the browser drops,
// which it sends without asking, and which make it send a preflight first.
import { parseMimeEssence } from './mime-type.js';
import { trimTabOrSpace } from './http-syntax.js';
import { isForbiddenMethod } from './method.js';
import { parseSingleRange } from './range.js';

/** A header as fetch() keeps it: lowercased name, normalized value. */
export interface RequestHeader {
  readonly name: string;
  readonly value: string;
}

const FORBIDDEN_REQUEST_HEADER_NAMES = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);

const METHOD_OVERRIDE_HEADER_NAMES = new Set([
  'x-http-method',
  'x-http-method-override',
  'x-method-override',
]);

const NO_CORS_SAFELISTED_NAMES = new Set([
  'accept',
  'accept-language',
  'content-language',
  'content-type',
]);

const SAFELISTED_CONTENT_TYPES = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);

/** Bytes no safelisted Accept or Content-Type value may contain. */
const CORS_UNSAFE_BYTES = new Set('"():<>?@[\\]{}\u007f');

/** A single safelisted value longer than this needs a preflight. */
export const SAFELISTED_VALUE_MAX_BYTES = 128;
/** Safelisted values longer than this together all need a preflight. */
export const SAFELISTED_TOTAL_MAX_BYTES = 1024;

/**
 * Headers the browser controls itself: fetch() silently leaves them out (Cookie, Host, Origin,
 * Content-Length, `Sec-*`, `Proxy-*`, ...), so they neither reach the server nor trigger a preflight.
 */
export function isForbiddenRequestHeader(header: RequestHeader): boolean {
  const { name, value } = header;
  if (FORBIDDEN_REQUEST_HEADER_NAMES.has(name)) return true;
  if (name.startsWith('proxy-') || name.startsWith('sec-')) return true;
  if (METHOD_OVERRIDE_HEADER_NAMES.has(name)) {
    return value.split(',').some((method) => isForbiddenMethod(trimTabOrSpace(method)));
  }
  return false;
}

/** How an engine judges value bytes the standard leaves alone (see engine-rules.ts). */
export interface SafelistRules {
  /** Firefox: a byte of 0x80 or above makes an Accept or Content-Type value unsafe. */
  readonly nonAsciiValueUnsafe: boolean;
}

const STANDARD_SAFELIST: SafelistRules = { nonAsciiValueUnsafe: false };

function containsCorsUnsafeByte(value: string, rules: SafelistRules): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09) || CORS_UNSAFE_BYTES.has(value.charAt(index))) return true;
    if (code >= 0x80 && rules.nonAsciiValueUnsafe) return true;
  }
  return false;
}

/** Accept-Language and Content-Language allow only `0-9 A-Z a-z`, space and `*,-.;=`. */
function isLanguageValue(value: string): boolean {
  return /^[0-9A-Za-z *,\-.;=]*$/.test(value);
}

/** The Fetch Standard's "CORS-safelisted request-header", value rules included. */
export function isCorsSafelistedRequestHeader(
  header: RequestHeader,
  rules: SafelistRules = STANDARD_SAFELIST,
): boolean {
  const { name, value } = header;
  // Values reaching here are byte strings (every code unit <= 0xFF): length is the byte count.
  if (value.length > SAFELISTED_VALUE_MAX_BYTES) return false;
  switch (name) {
    case 'accept':
      return !containsCorsUnsafeByte(value, rules);
    case 'accept-language':
    case 'content-language':
      return isLanguageValue(value);
    case 'content-type': {
      if (containsCorsUnsafeByte(value, rules)) return false;
      const essence = parseMimeEssence(value);
      return essence !== undefined && SAFELISTED_CONTENT_TYPES.has(essence);
    }
    case 'range': {
      const range = parseSingleRange(value);
      return range !== undefined && range.start !== undefined;
    }
    default:
      return false;
  }
}

/** What `mode: 'no-cors'` keeps: Accept, Accept-Language, Content-Language, Content-Type with safelisted values. */
export function isNoCorsSafelistedRequestHeader(header: RequestHeader): boolean {
  return NO_CORS_SAFELISTED_NAMES.has(header.name) && isCorsSafelistedRequestHeader(header);
}

/**
 * The names that make the browser send a preflight, lowercased, sorted and without duplicates, as
 * they appear in Access-Control-Request-Headers. Safelisted headers count too once their values
 * together exceed 1024 bytes.
 */
export function corsUnsafeRequestHeaderNames(
  headers: readonly RequestHeader[],
  rules: SafelistRules = STANDARD_SAFELIST,
): string[] {
  const unsafe: string[] = [];
  const potentiallyUnsafe: string[] = [];
  let safelistedBytes = 0;
  for (const header of headers) {
    if (isCorsSafelistedRequestHeader(header, rules)) {
      potentiallyUnsafe.push(header.name);
      safelistedBytes += header.value.length;
    } else {
      unsafe.push(header.name);
    }
  }
  if (safelistedBytes > SAFELISTED_TOTAL_MAX_BYTES) unsafe.push(...potentiallyUnsafe);
  // Code-unit order is byte order here: names are tokens, so ASCII.
  return [...new Set(unsafe)].sort();
}
