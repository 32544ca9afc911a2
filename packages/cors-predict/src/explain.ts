// The words of a prediction: one paragraph on what the browser does and why, and the fix.
import type { CorsCheckFinding, PreflightFinding } from './cors-check.js';
import type { RequestContext, RequestPlan } from './request-plan.js';
import { isCorsSafelistedRequestHeader } from './safelist.js';

export interface Explained {
  readonly explanation: string;
  readonly fix: string;
}

type CorsPlan = Extract<RequestPlan, { kind: 'cors' }>;
type RefusedPlan = Extract<RequestPlan, { kind: 'refused' }>;

const SAFELISTED_NAMES = ['accept', 'accept-language', 'content-language', 'content-type', 'range'];

const TYPE_ERROR =
  'fetch() rejects with a TypeError ("Failed to fetch" in Chromium, "NetworkError when attempting ' +
  'to fetch resource." in Firefox, "Load failed" in WebKit), the same error as a refused connection';

/** `a`, `a and b`, `a, b and c`. */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function quoted(value: string): string {
  return JSON.stringify(value);
}

function intro(context: RequestContext, credentialed: boolean): string {
  const withCredentials = credentialed ? " with credentials: 'include' (cookies go along)" : '';
  if (context.hop) {
    const count = context.hop.from.length;
    const tainted =
      context.hop.origin === 'null' && context.pageOrigin !== 'null'
        ? `: a redirect went from one origin to another, so the browser no longer tells later hops the page's origin (${context.pageOrigin})`
        : '';
    return (
      `The page at ${context.pageOrigin} fetched ${context.hop.from[0] ?? ''}; after ` +
      `${count === 1 ? '1 redirect' : `${count} redirects`} the browser sends ${context.method} ` +
      `${context.url}${withCredentials} with Origin: ${context.hop.origin}${tainted}.`
    );
  }
  return (
    `The page at ${context.pageOrigin} sends ${context.method} ${context.url}${withCredentials}, ` +
    `which is on another origin (${context.targetOrigin}).`
  );
}

function headerNames(headers: readonly { name: string }[]): string {
  const names = listOf(headers.map((header) => header.name));
  return headers.length > 1 ? `the headers ${names}` : `the header ${names}`;
}

function droppedSentence(context: RequestContext): string {
  const forbidden = context.droppedHeaders.filter((header) => header.because === 'forbidden');
  const noCors = context.droppedHeaders.filter((header) => header.because === 'no-cors');
  const parts: string[] = [];
  if (forbidden.length > 0) {
    parts.push(
      ` The browser silently drops ${headerNames(forbidden)}: ` +
        'the browser sets forbidden request headers itself.',
    );
  }
  if (noCors.length > 0) {
    parts.push(
      ` In no-cors mode the browser silently drops ${headerNames(noCors)}: ` +
        'only Accept, Accept-Language, Content-Language and Content-Type with safelisted values are kept.',
    );
  }
  return parts.join('');
}

/** Why each name needs the server's permission, in words. */
function describeUnsafeHeaders(plan: CorsPlan): string[] {
  return plan.unsafeHeaderNames.map((name) => {
    const entries = plan.context.headers.filter((candidate) => candidate.name === name);
    const header = entries.find((entry) => !isCorsSafelistedRequestHeader(entry, plan.safelist));
    if (!header) return `${name} (safelisted values together exceed 1024 bytes)`;
    if (!SAFELISTED_NAMES.includes(name)) return name;
    if (header.value.length > 128) return `${name} (its value is over 128 bytes)`;
    if (name === 'content-type') {
      return (
        `content-type ${quoted(header.value)} (only application/x-www-form-urlencoded, ` +
        'multipart/form-data and text/plain are safelisted)'
      );
    }
    return `${name} ${quoted(header.value)} (this value is not safelisted)`;
  });
}

function preflightSentence(plan: CorsPlan): string {
  if (!plan.preflight) {
    return (
      ' It is a simple request (GET, HEAD or POST with only safelisted headers), ' +
      'so no preflight is sent.'
    );
  }
  const reasons: string[] = [];
  if (!['GET', 'HEAD', 'POST'].includes(plan.context.method)) {
    reasons.push(`${plan.context.method} is not GET, HEAD or POST`);
  }
  if (plan.unsafeHeaderNames.length > 0) {
    reasons.push(`it sets ${listOf(describeUnsafeHeaders(plan))}`);
  }
  const asked =
    plan.unsafeHeaderNames.length > 0
      ? ` and Access-Control-Request-Headers: ${plan.unsafeHeaderNames.join(',')}`
      : '';
  return (
    ` Because ${listOf(reasons)}, the browser first sends an OPTIONS preflight (without cookies) ` +
    `with Access-Control-Request-Method: ${plan.context.method}${asked}.`
  );
}

function redirectSentence(status: number | undefined): string {
  if (status === undefined || ![301, 302, 303, 307, 308].includes(status)) return '';
  return ' The CORS check runs on the redirect response itself, so the browser does not follow it.';
}

/** Words for the origin mismatch: what differs between the value and the origin. */
function mismatchHint(value: string, origin: string): string {
  if (value === 'null') {
    return '"null" only matches pages with an opaque origin (sandboxed iframes, file:), and trusting it is unsafe';
  }
  if (value === `${origin}/` || value.startsWith(`${origin}/`)) {
    return 'an origin never has a trailing slash or a path';
  }
  if (value.toLowerCase() === origin.toLowerCase()) {
    return 'the comparison is byte for byte, so letter case matters';
  }
  const withoutDefaultPort = value.replace(
    /^(https:\/\/[^/:]+):443$|^(http:\/\/[^/:]+):80$/,
    '$1$2',
  );
  if (withoutDefaultPort === origin) {
    return 'the browser serializes the origin without its default port, so naming :80 or :443 fails';
  }
  if (value.trim() !== value || /\s/.test(value)) {
    return 'it contains spaces, so it is not a single origin';
  }
  return 'it names a different origin (scheme, host and port must all match)';
}

function corsFindingWords(
  finding: CorsCheckFinding,
  where: string,
  context: RequestContext,
  credentialed: boolean,
): Explained {
  const origin = context.hop?.origin ?? context.pageOrigin;
  if (origin === 'null' && context.hop && context.pageOrigin !== 'null') {
    return taintedWords(finding, where, context, credentialed);
  }
  const allowCredentials = credentialed ? ', Access-Control-Allow-Credentials: true' : '';
  const echo =
    `Access-Control-Allow-Origin: ${origin}${allowCredentials} and Vary: Origin ` +
    `(echo the request's Origin only when it is on your allow-list)`;
  switch (finding.reason) {
    case 'missing-allow-origin':
      return {
        explanation:
          ` The ${where} has no Access-Control-Allow-Origin header, so ` +
          (where === 'response' ? 'the browser refuses to share it.' : 'the preflight fails.'),
        fix: `On the server at ${context.targetOrigin}, send ${echo} in the ${where}.`,
      };
    case 'multiple-allow-origin':
      return {
        explanation:
          ` The ${where} sends Access-Control-Allow-Origin ${finding.value}; the browser joins every ` +
          'occurrence into one value, and a list of origins never equals the page origin.',
        fix:
          `Send a single Access-Control-Allow-Origin holding only the requesting origin: ${echo}; ` +
          'also check that no other layer (web server, framework, CDN) adds a second one.',
      };
    case 'allow-origin-mismatch':
      return {
        explanation:
          ` The ${where} sends Access-Control-Allow-Origin: ${finding.value}, but the page's origin is ` +
          `${origin}: ${mismatchHint(finding.value, origin)}.`,
        fix: `Send exactly Access-Control-Allow-Origin: ${origin}${allowCredentials} and Vary: Origin in the ${where}.`,
      };
    case 'wildcard-with-credentials':
      return {
        explanation:
          ` The ${where} sends Access-Control-Allow-Origin: *, which the browser refuses for a ` +
          "request with credentials: 'include'.",
        fix:
          `Replace * with the exact origin for trusted origins: ${echo}. If the request needs no ` +
          "cookies, drop credentials: 'include' on the page instead.",
      };
    case 'missing-allow-credentials':
      return {
        explanation:
          ` The ${where} allows the origin but has no Access-Control-Allow-Credentials header, which ` +
          "a request with credentials: 'include' needs.",
        fix: `Add Access-Control-Allow-Credentials: true to the ${where} (for allow-listed origins only).`,
      };
    case 'invalid-allow-credentials':
      return {
        explanation:
          ` The ${where} sends Access-Control-Allow-Credentials ${finding.value}; only the exact ` +
          'lowercase value true, sent once, counts.',
        fix: `Send Access-Control-Allow-Credentials: true, once, in the ${where}.`,
      };
  }
}

/** After a cross-origin redirect the origin is `null`: only `*` or `null` can pass, and the real fix is upstream. */
function taintedWords(
  finding: CorsCheckFinding,
  where: string,
  context: RequestContext,
  credentialed: boolean,
): Explained {
  const sent =
    finding.reason === 'missing-allow-origin'
      ? 'has no Access-Control-Allow-Origin'
      : finding.reason === 'allow-origin-mismatch' ||
          finding.reason === 'multiple-allow-origin' ||
          finding.reason === 'invalid-allow-credentials'
        ? `sends ${finding.value}`
        : finding.reason === 'wildcard-with-credentials'
          ? "sends Access-Control-Allow-Origin: *, which a request with credentials: 'include' may not use"
          : 'allows the origin null but not credentials';
  const passes = credentialed
    ? 'Access-Control-Allow-Origin: null with Access-Control-Allow-Credentials: true'
    : 'Access-Control-Allow-Origin: * (or null)';
  return {
    explanation: ` The ${where} ${sent}, but the request's origin is now null, so only ${passes} passes.`,
    fix:
      `Avoid the cross-origin redirect: fetch ${context.url} directly from the page (or have the ` +
      `first server answer itself). Allowing null instead trusts every sandboxed page and file: ` +
      'document too; use * only for public data.',
  };
}

function methodCaseWords(method: string): string {
  if (['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'].includes(method)) {
    return `the browser sends ${method} in uppercase, so another spelling does not match.`;
  }
  return (
    'the browser uppercases only DELETE, GET, HEAD, OPTIONS, POST and PUT, so it sends ' +
    `${method} exactly as the page wrote it.`
  );
}

function preflightFindingWords(finding: PreflightFinding, plan: CorsPlan): Explained {
  const { method } = plan.context;
  const where = 'answer to the preflight';
  switch (finding.reason) {
    case 'preflight-status':
      return {
        explanation:
          ` The preflight is answered with status ${finding.status}, but it must be 2xx` +
          `${finding.status >= 300 && finding.status <= 399 ? ' (redirects are not followed for preflights)' : ''}.`,
        fix:
          `Answer OPTIONS ${plan.context.url} with 204 (or 200) and the CORS headers, before any ` +
          'authentication, routing or redirect runs: preflights never carry cookies or Authorization.' +
          (finding.status >= 300 && finding.status <= 399
            ? ' A redirect here is often a trailing-slash or http-to-https rule: have the page fetch the final URL.'
            : ''),
      };
    case 'malformed-allow-methods':
      return {
        explanation:
          ` Access-Control-Allow-Methods is ${finding.value}, which is not a comma-separated list of ` +
          'method names, so the whole preflight fails.',
        fix: `Send a comma-separated list of method names, e.g. Access-Control-Allow-Methods: GET, POST, ${method}.`,
      };
    case 'malformed-allow-headers':
      return {
        explanation:
          ` Access-Control-Allow-Headers is ${finding.value}, which is not a comma-separated list of ` +
          'header names, so the whole preflight fails.',
        fix: 'Send a comma-separated list of header names, e.g. Access-Control-Allow-Headers: Content-Type, Authorization.',
      };
    case 'method-not-allowed': {
      const sent = finding.allowed === undefined ? 'absent' : quoted(finding.allowed);
      const caseHint = (finding.allowed ?? '')
        .split(',')
        .some(
          (item) => item.trim() !== method && item.trim().toLowerCase() === method.toLowerCase(),
        )
        ? ` Methods are compared case-sensitively: ${methodCaseWords(method)}`
        : '';
      const wildcard = finding.wildcardIgnored
        ? ' Its * is a wildcard only for requests without credentials; with credentials it means a method named *.'
        : '';
      return {
        explanation: ` The ${where} does not allow ${method}: Access-Control-Allow-Methods is ${sent}.${wildcard}${caseHint}`,
        fix: `List ${method} (in exactly this case) in Access-Control-Allow-Methods in the ${where}.`,
      };
    }
    case 'header-not-allowed': {
      const sent = finding.allowed === undefined ? 'absent' : quoted(finding.allowed);
      const wildcard = finding.wildcardIgnored
        ? ' Its * is a wildcard only for requests without credentials; with credentials it means a header named *.'
        : '';
      return {
        explanation:
          ` The ${where} does not allow the request header${finding.names.length > 1 ? 's' : ''} ` +
          `${listOf([...finding.names])}: Access-Control-Allow-Headers is ${sent}.${wildcard}`,
        fix: `List ${listOf([...finding.names])} in Access-Control-Allow-Headers in the ${where} (names are case-insensitive).`,
      };
    }
    default:
      return corsFindingWords(finding, where, plan.context, plan.credentialed);
  }
}

export function explainRefusal(plan: RefusedPlan): Explained {
  const { context, offending } = plan;
  const nothingSent = ' Nothing is sent to the server.';
  switch (plan.reason) {
    case 'invalid-url':
      return {
        explanation: `fetch() throws a TypeError before sending anything: ${offending}.${nothingSent}`,
        fix: 'Fetch an absolute http(s) URL without user:password@ (send credentials in an Authorization header instead).',
      };
    case 'invalid-method':
      return {
        explanation:
          `fetch() throws a TypeError: ${quoted(offending)} is not a valid method name ` +
          "(a token: letters, digits and !#$%&'*+-.^_`|~, no spaces).".concat(nothingSent),
        fix: 'Use a valid method name, e.g. "PUT" or "PATCH".',
      };
    case 'forbidden-method':
      return {
        explanation: `fetch() throws a TypeError: ${offending} is a forbidden method (CONNECT, TRACE and TRACK can never be sent from a page).${nothingSent}`,
        fix: `Use another method: browsers never send ${offending.toUpperCase()}.`,
      };
    case 'no-cors-not-simple':
      return {
        explanation: `fetch() throws a TypeError: mode 'no-cors' allows only GET, HEAD and POST, not ${offending}.${nothingSent}`,
        fix:
          `Use mode 'cors' (the default) and have the server at ${context.targetOrigin} allow ` +
          `${offending} for ${context.pageOrigin} in its answer to the preflight.`,
      };
    case 'invalid-header':
      return {
        explanation:
          `fetch() throws a TypeError for the header ${offending}: header names must be tokens and ` +
          `values may not contain NUL, CR, LF or characters above U+00FF.${nothingSent}`,
        fix: 'Send a valid header name and encode the value (e.g. percent-encode or base64 non-Latin-1 text).',
      };
    case 'bad-port':
      return {
        explanation:
          `The browser refuses to connect to port ${offending} of ${context.targetOrigin}: it is on the ` +
          "Fetch Standard's list of bad ports (ports of other protocols such as SMTP, X11 or IRC), so " +
          `${TYPE_ERROR} (Chromium logs net::ERR_UNSAFE_PORT).${nothingSent}`,
        fix: `Serve the API on a port that is not blocked, e.g. 8000, 8080 or 3001, instead of ${offending}.`,
      };
    case 'mixed-content':
      return {
        explanation:
          `The page at ${context.pageOrigin} is served over https and asks for ${offending} over plain ` +
          `http: the browser blocks it as mixed content before any CORS check, and ${TYPE_ERROR}.${nothingSent}`,
        fix: `Serve ${context.targetOrigin} over https (loopback hosts such as localhost are the only exception).`,
      };
    case 'no-cors-redirect-mode':
      return {
        explanation:
          `fetch() rejects with a TypeError: mode 'no-cors' to another origin (${context.targetOrigin}) ` +
          `only allows redirect: 'follow', not ${quoted(offending)}.${nothingSent}`,
        fix: "Use redirect: 'follow' with mode 'no-cors', or mode 'cors' (the default) with a server that allows the page.",
      };
    case 'invalid-body':
      return {
        explanation:
          `fetch() throws a TypeError for ${offending}: a GET or HEAD request has no body, and a ` +
          "ReadableStream body needs duplex: 'half' and mode 'cors' or 'same-origin'." +
          nothingSent,
        fix: "Send the body with POST, PUT or PATCH; for a stream, pass duplex: 'half'.",
      };
    case 'stream-upload-unsupported':
      return {
        explanation:
          'WebKit cannot upload a ReadableStream: fetch() rejects with NotSupportedError ' +
          `("ReadableStream uploading is not supported") before sending anything.${nothingSent}`,
        fix: 'Collect the stream first (await new Response(stream).blob()) and send the Blob.',
      };
    case 'same-origin-mode':
      return {
        explanation:
          `The request uses mode 'same-origin' but ${offending} is not the page's origin ` +
          `(${context.pageOrigin}), so ${TYPE_ERROR}.${nothingSent}`,
        fix: `Use mode 'cors' (the default) and have the server at ${offending} allow ${context.pageOrigin}.`,
      };
  }
}

export function explainSameOrigin(context: RequestContext, readable: readonly string[]): Explained {
  return {
    explanation:
      `The page at ${context.pageOrigin} sends ${context.method} ${context.url} on its own origin: ` +
      'CORS does not apply, no preflight is sent, and the page reads the status, the body and every ' +
      `header except Set-Cookie (${readable.length > 0 ? listOf([...readable]) : 'no headers sent'}).` +
      droppedSentence(context),
    fix: '',
  };
}

export function explainOpaque(context: RequestContext, status: number): Explained {
  return {
    explanation:
      `The page at ${context.pageOrigin} sends ${context.method} ${context.url} with mode 'no-cors': ` +
      'the browser sends it without a preflight and the server handles it (side effects happen), but ' +
      'the page gets an opaque response (status 0, no headers, empty body) whatever the server ' +
      `answered (${status}).${droppedSentence(context)}`,
    fix:
      `To read the response, use mode 'cors' (the default) and have the server at ` +
      `${context.targetOrigin} answer with Access-Control-Allow-Origin: ${context.pageOrigin}. ` +
      "mode 'no-cors' is never a way around CORS.",
  };
}

export function explainNoResponse(
  plan: Exclude<RequestPlan, { kind: 'refused' }>,
  missing: 'preflight' | 'response',
): Explained {
  const { context } = plan;
  const opening =
    plan.kind === 'cors'
      ? intro(context, plan.credentialed) + droppedSentence(context) + preflightSentence(plan)
      : `The page at ${context.pageOrigin} sends ${context.method} ${context.url}.` +
        droppedSentence(context);
  const what = missing === 'preflight' ? 'the OPTIONS preflight' : 'the request';
  return {
    explanation:
      `${opening} No answer to ${what} was given, which the browser treats as a network error: ` +
      `${TYPE_ERROR}.`,
    fix:
      `Make sure the server at ${context.targetOrigin} is running and answers ${what}; ` +
      'pass its answer (status and headers) to predict() to check the CORS headers.',
  };
}

export function explainPreflightFailure(
  plan: CorsPlan,
  finding: PreflightFinding,
  statusAlsoFails: number | undefined,
): Explained {
  const words = preflightFindingWords(finding, plan);
  const status =
    statusAlsoFails === undefined
      ? ''
      : ` Its status ${statusAlsoFails} is not 2xx either, which fails a preflight on its own.`;
  return {
    explanation:
      intro(plan.context, plan.credentialed) +
      droppedSentence(plan.context) +
      preflightSentence(plan) +
      words.explanation +
      status +
      ` So ${TYPE_ERROR}, and the actual ${plan.context.method} request is never sent: the ` +
      "server's handler does not run.",
    fix:
      statusAlsoFails === undefined
        ? words.fix
        : `${words.fix} Also answer the preflight with 204.`,
  };
}

export function explainResponseFailure(
  plan: CorsPlan,
  finding: CorsCheckFinding,
  status: number,
): Explained {
  const words = corsFindingWords(finding, 'response', plan.context, plan.credentialed);
  const preflightPassed = plan.preflight
    ? ' The preflight passes, so the browser sends the request.'
    : '';
  const errorStatus =
    status >= 400
      ? ` The response is an error (${status}): error responses need the CORS headers too, or the ` +
        'page sees a CORS error instead of the status.'
      : '';
  return {
    explanation:
      intro(plan.context, plan.credentialed) +
      droppedSentence(plan.context) +
      preflightSentence(plan) +
      preflightPassed +
      words.explanation +
      errorStatus +
      ` The request did reach the server and its handler ran (side effects happened); only the ` +
      `response is hidden from the page: ${TYPE_ERROR}.` +
      redirectSentence(status),
    fix:
      words.fix +
      (status >= 400 ? ' Keep the CORS headers on 4xx and 5xx responses for allowed origins.' : ''),
  };
}

export function explainAllowed(
  plan: CorsPlan,
  readable: readonly string[],
  status: number,
  authorizationByWildcard: boolean,
  cacheSeconds: number,
): Explained {
  const preflightResult = plan.preflight
    ? ` The answer to the preflight allows it, and the browser may reuse that answer for ${cacheSeconds} s.`
    : '';
  const authorization = authorizationByWildcard
    ? " Authorization passes only through Access-Control-Allow-Headers: *, which today's engines accept " +
      'although the Fetch Standard says * never covers Authorization (whatwg/fetch#1919): list ' +
      'Authorization explicitly so this keeps working.'
    : '';
  return {
    explanation:
      intro(plan.context, plan.credentialed) +
      droppedSentence(plan.context) +
      preflightSentence(plan) +
      preflightResult +
      ` The response passes the CORS check, so the page reads its status (${status}) and body` +
      (readable.length > 0
        ? ` and the headers ${listOf([...readable])}`
        : ' but none of its headers') +
      '; any other header needs Access-Control-Expose-Headers.' +
      authorization,
    fix: '',
  };
}
