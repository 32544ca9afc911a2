import { CorsPolicyError, type CorsPolicyErrorCode } from './errors.js';
import { publicSuffixCoveredBy } from './public-suffix/public-suffix.js';
import { runtime } from './runtime.js';
import type { OriginPattern } from './types.js';

/** `https://` + a 253-character host + `:65535`: nothing longer is a serialized origin. */
export const MAX_ORIGIN_LENGTH = 8 + 253 + 6;

const EXPECTED_ORIGIN =
  'a serialized origin exactly as a browser sends it in the Origin header: scheme://host[:port] ' +
  'with scheme http or https, a lowercase host, no default port and nothing after ' +
  '(e.g. "https://app.example.com" or "http://localhost:3000")';

const EXPECTED_PATTERN =
  'a subdomain pattern "scheme://*.domain[:port]" where "*" is the whole leftmost label and the ' +
  'domain is one you own, not a public suffix such as "com", "co.uk" or "github.io" ' +
  '(e.g. "https://*.example.com")';

const enum Char {
  Dot = 46,
  Colon = 58,
  Hyphen = 45,
  Underscore = 95,
  Zero = 48,
  Nine = 57,
  LowerA = 97,
  LowerF = 102,
  LowerX = 120,
  LowerZ = 122,
  OpenBracket = 91,
  CloseBracket = 93,
}

/**
 * Whether `value` is an origin exactly as a browser serializes it: `http(s)://host[:port]`, host
 * lowercase DNS labels (letters, digits, `-`, `_`), a canonical IPv4 or a canonical bracketed IPv6,
 * port 1-65535 without leading zeros and never the scheme's default. Never throws, allocates
 * nothing for domain hosts.
 */
export function isSerializedOrigin(value: string): boolean {
  const length = value.length;
  if (length < 8 || length > MAX_ORIGIN_LENGTH) return false;
  let index: number;
  let defaultPort: string;
  if (value.startsWith('https://')) {
    index = 8;
    defaultPort = '443';
  } else if (value.startsWith('http://')) {
    index = 7;
    defaultPort = '80';
  } else {
    return false;
  }
  const hostEnd =
    value.charCodeAt(index) === Char.OpenBracket
      ? scanIPv6Host(value, index)
      : scanDomainOrIPv4Host(value, index);
  if (hostEnd < 0) return false;
  if (hostEnd === length) return true;
  if (value.charCodeAt(hostEnd) !== Char.Colon) return false;
  return isValidPort(value, hostEnd + 1, defaultPort);
}

/** Returns the index just after the host, or -1. */
function scanDomainOrIPv4Host(value: string, start: number): number {
  let index = start;
  let labelStart = start;
  let labels = 0;
  let ipv4Parts = 0;
  for (;;) {
    const code = value.charCodeAt(index);
    const atEnd = Number.isNaN(code) || code === Char.Colon;
    if (atEnd || code === Char.Dot) {
      const labelLength = index - labelStart;
      if (labelLength === 0 || labelLength > 63) return -1;
      labels++;
      if (isIPv4Part(value, labelStart, index)) ipv4Parts++;
      if (atEnd) break;
      labelStart = index + 1;
    } else if (!(
      (code >= Char.LowerA && code <= Char.LowerZ) ||
      (code >= Char.Zero && code <= Char.Nine) ||
      code === Char.Hyphen ||
      code === Char.Underscore
    )) {
      return -1;
    }
    index++;
  }
  if (index - start > 253) return -1;
  // A host ending in a number is an IPv4 address to the URL parser: only the canonical dotted quad survives it.
  if (endsInNumber(value, labelStart, index) && !(labels === 4 && ipv4Parts === 4)) return -1;
  return index;
}

/** A decimal 0-255 without leading zeros. */
function isIPv4Part(value: string, start: number, end: number): boolean {
  const length = end - start;
  if (length > 3 || (length > 1 && value.charCodeAt(start) === Char.Zero)) return false;
  let number = 0;
  for (let i = start; i < end; i++) {
    const code = value.charCodeAt(i);
    if (code < Char.Zero || code > Char.Nine) return false;
    number = number * 10 + (code - Char.Zero);
  }
  return number <= 255;
}

/** The URL parser's "ends in a number": the last label is all digits, or 0x followed by hex digits. */
function endsInNumber(value: string, start: number, end: number): boolean {
  const hex = value.charCodeAt(start) === Char.Zero && value.charCodeAt(start + 1) === Char.LowerX;
  for (let i = hex ? start + 2 : start; i < end; i++) {
    const code = value.charCodeAt(i);
    const digit = code >= Char.Zero && code <= Char.Nine;
    if (!digit && !(hex && code >= Char.LowerA && code <= Char.LowerF)) return false;
  }
  return true;
}

function scanIPv6Host(value: string, start: number): number {
  const close = value.indexOf(']', start);
  if (close < 0) return -1;
  const text = value.slice(start + 1, close);
  const pieces = parseIPv6(text);
  if (pieces === undefined || serializeIPv6(pieces) !== text) return -1;
  return close + 1;
}

function parseIPv6(text: string): number[] | undefined {
  if (text.length === 0 || text.length > 39) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] === '' ? [] : (halves[0] ?? '').split(':');
  const tail = halves.length === 2 && halves[1] !== '' ? (halves[1] ?? '').split(':') : [];
  const groups = [...head, ...tail];
  if (halves.length === 1 ? groups.length !== 8 : groups.length > 7) return undefined;
  const pieces: number[] = [];
  for (const group of groups) {
    if (group.length === 0 || group.length > 4) return undefined;
    for (let i = 0; i < group.length; i++) {
      const code = group.charCodeAt(i);
      if (!(
        (code >= Char.Zero && code <= Char.Nine) ||
        (code >= Char.LowerA && code <= Char.LowerF)
      )) {
        return undefined;
      }
    }
    pieces.push(parseInt(group, 16));
  }
  const zeros = new Array<number>(8 - pieces.length).fill(0);
  return [...pieces.slice(0, head.length), ...zeros, ...pieces.slice(head.length)];
}

/** The WHATWG URL serializer: lowercase hex, no leading zeros, the first longest run of 2+ zeros as `::`. */
function serializeIPv6(pieces: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (pieces[i] !== 0) {
      i++;
      continue;
    }
    let end = i;
    while (end < 8 && pieces[end] === 0) end++;
    if (end - i > bestLength) {
      bestStart = i;
      bestLength = end - i;
    }
    i = end;
  }
  let output = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      output += i === 0 ? '::' : ':';
      i += bestLength - 1;
      continue;
    }
    output += (pieces[i] ?? 0).toString(16);
    if (i !== 7) output += ':';
  }
  return output;
}

function isValidPort(value: string, start: number, defaultPort: string): boolean {
  const digits = value.length - start;
  if (digits < 1 || digits > 5 || value.charCodeAt(start) === Char.Zero) return false;
  for (let i = start; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < Char.Zero || code > Char.Nine) return false;
  }
  const port = value.slice(start);
  return Number(port) <= 65535 && port !== defaultPort;
}

/** Whether a serialized origin (already checked by isSerializedOrigin) matches a subdomain pattern. */
export function matchesPattern(origin: string, pattern: OriginPattern): boolean {
  return (
    origin.length > pattern.head.length + pattern.tail.length &&
    origin.startsWith(pattern.head) &&
    origin.endsWith(pattern.tail)
  );
}

/**
 * Checks one configured exact origin and returns it; throws a CorsPolicyError naming the problem
 * and, when the URL parser can tell, the origin the browser would actually send.
 */
export function checkConfiguredOrigin(value: unknown, where: string): string {
  const problem = diagnoseOrigin(value);
  if (problem === undefined && typeof value === 'string') return value;
  const found = problem ?? {
    code: 'origin-host' as const,
    problem: 'is not a serialized origin',
    suggestion: undefined,
  };
  throw new CorsPolicyError(found.code, {
    where,
    value,
    problem: found.problem,
    expected: found.expected ?? EXPECTED_ORIGIN,
    fix:
      found.fix ??
      (found.suggestion === undefined
        ? 'write the origin exactly as the browser sends it (open devtools, Network tab, the request\'s "Origin" header)'
        : `write ${JSON.stringify(found.suggestion)}`),
  });
}

/**
 * Checks one configured subdomain pattern (a string containing `*`) and pre-splits it. A pattern
 * over a public suffix is refused unless `publicSuffixAllowed` (the user named it in
 * `dangerouslyAllowPublicSuffixPatterns`).
 */
export function parseOriginPattern(
  source: string,
  where: string,
  publicSuffixAllowed: boolean,
): OriginPattern {
  const refuse = (code: CorsPolicyErrorCode, problem: string, fix: string): never => {
    throw new CorsPolicyError(code, {
      where,
      value: source,
      problem,
      expected: EXPECTED_PATTERN,
      fix,
    });
  };
  const misplaced = misplacedSyntax(source);
  if (misplaced !== undefined) {
    return refuse(misplaced.code, misplaced.problem, misplaced.fix ?? '');
  }
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/\*(:[0-9]*)?$/.test(source)) {
    return refuse(
      'pattern-too-broad',
      'matches every host',
      "to allow any origin without credentials pass `origins: '*'`; otherwise list the origins you trust",
    );
  }
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/\*\.(.*)$/s.exec(source);
  if (match === null) {
    return refuse(
      'pattern-invalid',
      'puts "*" somewhere other than the whole leftmost label',
      'write the wildcard as the first label, e.g. "https://*.example.com" (it matches one or more ' +
        'labels), list the exact origins, or use a predicate for anything else',
    );
  }
  const scheme = match[1] ?? '';
  const rest = match[2] ?? '';
  if (rest.includes('*')) {
    return refuse(
      'pattern-invalid',
      'has more than one "*"',
      '"*." already matches one or more labels: keep a single leading "*." (e.g. "https://*.example.com")',
    );
  }
  if (rest.startsWith('[') || /(^|\.)(0x[0-9a-f]*|[0-9]+)(:[0-9]*)?$/i.test(rest)) {
    return refuse(
      'pattern-invalid',
      'puts a wildcard in front of an IP address',
      'list the exact origins: IP addresses have no subdomains',
    );
  }
  const base = `${scheme}://${rest}`;
  const problem = diagnoseOrigin(base);
  if (problem !== undefined) {
    const suggestion =
      problem.suggestion === undefined ? undefined : problem.suggestion.replace('://', '://*.');
    return refuse(
      problem.code,
      `${problem.problem} (checked as the origin ${JSON.stringify(base)})`,
      problem.fix ??
        (suggestion === undefined
          ? 'write the pattern as "scheme://*.domain[:port]"'
          : `write ${JSON.stringify(suggestion)}`),
    );
  }
  const colon = rest.lastIndexOf(':');
  const host = colon < 0 ? rest : rest.slice(0, colon);
  const port = colon < 0 ? '' : rest.slice(colon + 1);
  if (host.split('.').length < 2) {
    return refuse(
      'pattern-too-broad',
      `would match every site under the top-level domain "${host}"`,
      `name the domain you own, e.g. "${scheme}://*.example.${host}", or list exact origins`,
    );
  }
  const covered = publicSuffixAllowed ? undefined : publicSuffixCoveredBy(host);
  if (covered !== undefined) {
    const whose =
      covered.section === 'private'
        ? 'a hosting provider gives a subdomain there to each customer'
        : 'anyone can register a domain there';
    return refuse(
      'pattern-public-suffix',
      covered.suffix === host
        ? `would trust every site under "${host}", a public suffix (${whose})`
        : `would trust every site under the public suffix "${covered.suffix}" below "${host}" (${whose})`,
      `list the exact origins of your own sites (e.g. "${scheme}://my-app.${host}"), or a pattern ` +
        `over a domain you own; if you really control every host under "${host}", name the pattern ` +
        `in dangerouslyAllowPublicSuffixPatterns: [${JSON.stringify(source)}]`,
    );
  }
  const suffix = `.${host}`;
  const head = `${scheme}://`;
  const tail = port === '' ? suffix : `${suffix}:${port}`;
  return { source, scheme: scheme as 'http' | 'https', suffix, port, head, tail };
}

interface OriginProblem {
  code: CorsPolicyErrorCode;
  problem: string;
  /** The origin the user most likely meant. */
  suggestion: string | undefined;
  expected?: string;
  fix?: string;
}

/** Explains why a configured value is not a serialized origin; undefined when it is one. */
function diagnoseOrigin(value: unknown): OriginProblem | undefined {
  if (value instanceof RegExp) {
    return {
      code: 'origin-regexp',
      problem:
        'is a RegExp: one missing anchor or unescaped dot lets "allowed.com.attacker.net" or "wwwXallowed.com" in',
      suggestion: undefined,
      expected: 'exact origins or subdomain patterns such as "https://*.example.com"',
      fix: 'list exact origins, use a subdomain pattern like "https://*.example.com", or pass a predicate function `origins: (origin) => ...`',
    };
  }
  if (typeof value !== 'string') {
    return {
      code: 'origin-not-string',
      problem: `is a ${value === null ? 'null' : typeof value}, not a string`,
      suggestion: undefined,
    };
  }
  if (value.trim() === '') {
    return {
      code: 'origin-empty',
      problem: 'is empty',
      suggestion: undefined,
      fix: 'remove the empty entry',
    };
  }
  const misplaced = misplacedSyntax(value);
  if (misplaced !== undefined) return misplaced;
  if (/\s/.test(value)) {
    const trimmed = value.trim();
    return {
      code: 'origin-whitespace',
      problem: 'contains whitespace',
      suggestion: /\s/.test(trimmed) ? undefined : trimmed,
    };
  }
  if (value === 'null') {
    return {
      code: 'origin-null',
      problem:
        'is the opaque origin sent by sandboxed iframes, file: pages and redirected requests, which any site can produce',
      suggestion: undefined,
      fix: 'remove "null" from the list; if you really must trust it, set `allowNullOrigin: true` (never with credentials)',
    };
  }
  if (value === '*') {
    return {
      code: 'origin-wildcard-in-list',
      problem: 'is a wildcard inside a list of origins',
      suggestion: undefined,
      fix: "to allow any origin pass `origins: '*'` (a string, not a list); otherwise list exact origins",
    };
  }
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(value);
  if (schemeMatch === null) {
    return {
      code: 'origin-scheme',
      problem: 'has no scheme',
      suggestion: browserOrigin(`https://${value}`),
      fix: `add the scheme the page is served with, e.g. ${JSON.stringify(`https://${value}`)}`,
    };
  }
  const scheme = schemeMatch[1] ?? '';
  const lowerScheme = scheme.toLowerCase();
  if (lowerScheme !== 'http' && lowerScheme !== 'https') {
    return {
      code: 'origin-scheme',
      problem: `has the scheme "${scheme}", which never takes part in CORS`,
      suggestion: undefined,
      fix: 'use the http:// or https:// origin of the page; pages on other schemes send the origin "null"',
    };
  }
  if (!value.startsWith(`${scheme}://`)) {
    return {
      code: 'origin-host',
      problem: 'does not have "//" after the scheme',
      suggestion: browserOrigin(value),
    };
  }
  const afterScheme = value.slice(scheme.length + 3);
  const authorityEnd = afterScheme.search(/[/?#]/);
  const authority = authorityEnd < 0 ? afterScheme : afterScheme.slice(0, authorityEnd);
  const after = authorityEnd < 0 ? '' : afterScheme.slice(authorityEnd);
  const suggestion = browserOrigin(value);
  if (authority.includes('@')) {
    return {
      code: 'origin-userinfo',
      problem: 'contains a user name or password ("user@")',
      suggestion,
    };
  }
  if (after === '/') {
    return {
      code: 'origin-trailing-slash',
      problem: 'has a trailing slash, which the Origin header never has',
      suggestion,
    };
  }
  if (after.startsWith('/')) {
    return {
      code: 'origin-path',
      problem: 'has a path, which the Origin header never has',
      suggestion,
    };
  }
  if (after.startsWith('?')) {
    return {
      code: 'origin-query',
      problem: 'has a query string, which the Origin header never has',
      suggestion,
    };
  }
  if (after.startsWith('#')) {
    return {
      code: 'origin-fragment',
      problem: 'has a fragment, which the Origin header never has',
      suggestion,
    };
  }
  if (scheme !== lowerScheme || authority !== authority.toLowerCase()) {
    return {
      code: 'origin-uppercase',
      problem: 'has uppercase letters, but browsers send the scheme and host in lowercase',
      suggestion: suggestion ?? value.toLowerCase(),
    };
  }
  const portMatch = /:([^:\]]*)$/.exec(authority);
  if (portMatch !== null) {
    const port = portMatch[1] ?? '';
    const defaultPort = lowerScheme === 'https' ? '443' : '80';
    if (port === defaultPort) {
      return {
        code: 'origin-default-port',
        problem: `names the default port :${port}, which browsers leave out of the Origin header, so it could never match`,
        suggestion,
      };
    }
    if (!/^[1-9][0-9]{0,4}$/.test(port) || Number(port) > 65535) {
      return {
        code: 'origin-port',
        problem: `has the port "${port}"; a port is 1-65535 without leading zeros`,
        suggestion: suggestion === value ? undefined : suggestion,
      };
    }
  }
  if (suggestion !== undefined && suggestion.includes('xn--') && /[^\x20-\x7e]/.test(authority)) {
    return {
      code: 'origin-idn',
      problem:
        'has an internationalized host, but browsers send the Origin header in its ASCII (punycode) form',
      suggestion,
      fix: `write ${JSON.stringify(suggestion)}, the host new URL() gives and the browser sends`,
    };
  }
  if (!isSerializedOrigin(value)) {
    return {
      code: 'origin-host',
      problem:
        'has a host that is not a lowercase domain name, a canonical IPv4 address or a canonical [IPv6] address',
      suggestion: suggestion === value ? undefined : suggestion,
    };
  }
  return undefined;
}

/** Syntax from other tools in an origin string: several origins in one, or a RegExp's source. */
function misplacedSyntax(value: string): OriginProblem | undefined {
  if (value.includes(',')) {
    const parts = value.split(',').map((part) => part.trim());
    return {
      code: 'origin-comma-list',
      problem: 'holds several origins joined with commas; each entry of the list is one origin',
      suggestion: undefined,
      fix: `split it into one entry per origin: ${JSON.stringify(parts)}`,
    };
  }
  if (/^\/.+\/[dgimsuvy]*$/s.test(value) || /^\^|\$$|\\[./]|\(\?:/.test(value)) {
    return {
      code: 'origin-regexp',
      problem:
        'looks like a regular expression, but it would be compared as a plain string and RegExps are refused: one missing anchor or unescaped dot lets "allowed.com.attacker.net" in',
      suggestion: undefined,
      expected: 'exact origins or subdomain patterns such as "https://*.example.com"',
      fix: 'list the exact origins, use a subdomain pattern like "https://*.example.com", or pass a predicate function `origins: (origin) => ...`',
    };
  }
  return undefined;
}

/** What the browser would send for a page at `url`, when that is itself a valid origin. */
function browserOrigin(url: string): string | undefined {
  try {
    const origin = new runtime.URL(url).origin;
    return isSerializedOrigin(origin) ? origin : undefined;
  } catch {
    return undefined;
  }
}
