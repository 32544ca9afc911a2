// What the server has to send for one request to pass in every engine, whatever its stack.

/** The CORS answer a request needs, from the request alone. */
export interface Requirement {
  /** The Origin the server must allow (the page's origin). */
  origin: string;
  /** `credentials: 'include'`: Allow-Credentials: true and the exact origin, never `*`. */
  credentials: boolean;
  /** A preflight goes first: OPTIONS must be answered 2xx, before any authentication. */
  preflight: boolean;
  /** The method, when it is not GET, HEAD or POST (those never need listing). */
  methods: string[];
  /** Lowercased request header names the preflight asks for. */
  headers: string[];
}

const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);

export function requirementFor(input: {
  origin: string;
  method: string;
  credentials: boolean;
  /** Access-Control-Request-Headers as the engine sends it, when it preflights. */
  requestHeaders: string | undefined;
  preflight: boolean;
}): Requirement {
  return {
    origin: input.origin,
    credentials: input.credentials,
    preflight: input.preflight,
    methods: SAFELISTED_METHODS.has(input.method) ? [] : [input.method],
    headers: input.requestHeaders ? input.requestHeaders.split(',').filter(Boolean) : [],
  };
}

/** The Access-Control-* headers of the answer to the actual request. */
export function responseHeaders(need: Requirement): [string, string][] {
  return [
    ['Access-Control-Allow-Origin', need.origin],
    ...(need.credentials ? [['Access-Control-Allow-Credentials', 'true'] as [string, string]] : []),
    ['Vary', 'Origin'],
  ];
}

/** The headers of the answer to the preflight (sent with a 204). */
export function preflightHeaders(need: Requirement): [string, string][] {
  return [
    ['Access-Control-Allow-Origin', need.origin],
    ...(need.credentials ? [['Access-Control-Allow-Credentials', 'true'] as [string, string]] : []),
    ...(need.methods.length > 0
      ? [['Access-Control-Allow-Methods', need.methods.join(', ')] as [string, string]]
      : []),
    ...(need.headers.length > 0
      ? [['Access-Control-Allow-Headers', need.headers.join(', ')] as [string, string]]
      : []),
    ['Vary', 'Origin'],
  ];
}

/** `'a', 'b'` for code. */
export function quotedList(values: readonly string[], quote = "'"): string {
  return values.map((value) => `${quote}${value}${quote}`).join(', ');
}
