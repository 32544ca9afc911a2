/** A header as raw bytes: a string is sent one byte per character (latin1), a Buffer as it is. */
export type RawHeader = readonly [name: string, value: string | Buffer];

/** One malformed request; `allowed` is an origin the target really trusts. */
export interface BadInputCase {
  name: string;
  group: 'oversize' | 'malformed' | 'cr-lf-nul' | 'duplicate' | 'non-ascii' | 'internal-header';
  method: 'GET' | 'OPTIONS';
  /** Appended to the request target, e.g. a query with encoded CR/LF. */
  query?: string;
  headers: (allowed: string) => RawHeader[];
  /** The Origin sent is not trusted: any Access-Control-Allow-Origin is a grant. */
  badOrigin: boolean;
  /** A value that must not come back in Access-Control-Allow-Methods or -Headers. */
  forbiddenGrant?: string;
  /** Only for the Next.js targets. */
  webOnly?: boolean;
}

export const KIB = 1024;
const ATTACKER = 'https://attacker.net';
const INJECTION = 'X-Injected: yes';
const utf8 = (text: string) => Buffer.from(text, 'utf8');

const preflightHeaders =
  (method: string | Buffer, requestHeaders?: string | Buffer) =>
  (allowed: string): RawHeader[] => [
    ['Origin', allowed],
    ['Access-Control-Request-Method', method],
    ...(requestHeaders === undefined
      ? []
      : [['Access-Control-Request-Headers', requestHeaders] as const]),
  ];

const oversizeOrigin = (size: number, label: string): BadInputCase => ({
  name: `Origin of ${label} (allowed origin + junk)`,
  group: 'oversize',
  method: 'OPTIONS',
  headers: (allowed) => [
    ['Origin', `${allowed}.${'a'.repeat(size)}`],
    ['Access-Control-Request-Method', 'PUT'],
  ],
  badOrigin: true,
});

const malformedOrigin = (value: (allowed: string) => string, label: string): BadInputCase[] =>
  (['OPTIONS', 'GET'] as const).map((method) => ({
    name: `${method} with Origin ${label}`,
    group: 'malformed',
    method,
    headers: (allowed) => [
      ['Origin', value(allowed)],
      ...(method === 'OPTIONS' ? [['Access-Control-Request-Method', 'PUT'] as const] : []),
    ],
    badOrigin: true,
  }));

const malformedMethod = (method: string | Buffer, label: string): BadInputCase => ({
  name: `Access-Control-Request-Method ${label}`,
  group: Buffer.isBuffer(method) ? 'non-ascii' : 'malformed',
  method: 'OPTIONS',
  headers: preflightHeaders(method),
  badOrigin: false,
  forbiddenGrant: Buffer.isBuffer(method) ? method.toString('latin1') : method,
});

const malformedHeaders = (names: string | Buffer, label: string): BadInputCase => ({
  name: `Access-Control-Request-Headers ${label}`,
  group: Buffer.isBuffer(names) ? 'non-ascii' : 'malformed',
  method: 'OPTIONS',
  headers: preflightHeaders('PUT', names),
  badOrigin: false,
  forbiddenGrant: Buffer.isBuffer(names) ? names.toString('latin1') : names,
});

const injected = (
  name: string,
  headers: (allowed: string) => RawHeader[],
  badOrigin = true,
): BadInputCase => ({ name, group: 'cr-lf-nul', method: 'OPTIONS', headers, badOrigin });

const nonAsciiOrigin = (name: string, value: (allowed: string) => Buffer): BadInputCase => ({
  name,
  group: 'non-ascii',
  method: 'OPTIONS',
  headers: (allowed) => [
    ['Origin', value(allowed)],
    ['Access-Control-Request-Method', 'PUT'],
  ],
  badOrigin: true,
});

/** Every bad-input case, each sent on its own connection. */
export const BAD_INPUT_CASES: readonly BadInputCase[] = [
  oversizeOrigin(64 * KIB, '64 KiB'),
  oversizeOrigin(1024 * KIB, '1 MiB'),
  oversizeOrigin(8 * KIB, '8 KiB (under the header limit)'),
  {
    ...malformedMethod('P'.repeat(64 * KIB), '64 KiB'),
    name: 'Access-Control-Request-Method of 64 KiB',
    group: 'oversize',
  },
  {
    ...malformedHeaders('x-a,'.repeat(16 * KIB), ''),
    name: 'Access-Control-Request-Headers of 64 KiB',
    group: 'oversize',
  },
  {
    ...malformedHeaders('x-a,'.repeat(256 * KIB), ''),
    name: 'Access-Control-Request-Headers of 1 MiB',
    group: 'oversize',
  },
  {
    ...malformedHeaders(Array.from({ length: 1000 }, (_, i) => `x-h${i}`).join(','), ''),
    name: 'Access-Control-Request-Headers with 1,000 names (8 KiB)',
    group: 'oversize',
  },
  ...malformedOrigin(() => '', 'empty'),
  ...malformedOrigin(() => 'http://', '"http://"'),
  ...malformedOrigin((allowed) => allowed.replace(/^https?/, ''), 'without a scheme'),
  ...malformedOrigin((allowed) => `${allowed.replace(/:\d+$/, '')}:99999`, 'with port 99999'),
  ...malformedOrigin((allowed) => `${allowed}:`, 'with an empty port'),
  ...malformedOrigin(() => 'https://[::1', 'with an unclosed IPv6 bracket'),
  ...malformedOrigin(() => 'javascript:alert(1)', '"javascript:alert(1)"'),
  ...malformedOrigin(() => 'file://', '"file://"'),
  ...malformedOrigin((allowed) => `${allowed},${ATTACKER}`, 'listing allowed,attacker'),
  ...malformedOrigin((allowed) => `${ATTACKER} ${allowed}`, 'listing attacker allowed'),
  ...malformedOrigin(() => '*', '"*"'),
  malformedMethod('', 'empty'),
  malformedMethod('G E T', '"G E T"'),
  malformedMethod('GET, PUT', '"GET, PUT"'),
  malformedMethod('put', 'lower-case "put"'),
  malformedMethod('CONNECT', 'CONNECT'),
  malformedMethod('TRACE', 'TRACE'),
  malformedMethod('(PUT)', '"(PUT)"'),
  malformedHeaders(',,,', '",,,"'),
  malformedHeaders('x a', '"x a"'),
  malformedHeaders('content-type;q=1', '"content-type;q=1"'),
  malformedHeaders('(),<>', '"(),<>"'),
  injected('Origin then CR LF and a second header line', () => [
    ['Origin', `${ATTACKER}\r\n${INJECTION}`],
    ['Access-Control-Request-Method', 'PUT'],
  ]),
  injected('Origin with a bare LF before an injected line', () => [
    ['Origin', `${ATTACKER}\n${INJECTION}`],
    ['Access-Control-Request-Method', 'PUT'],
  ]),
  injected('Origin with a bare CR before an injected line', () => [
    ['Origin', `${ATTACKER}\r${INJECTION}`],
    ['Access-Control-Request-Method', 'PUT'],
  ]),
  injected('allowed Origin with a bare CR before an injected line', (allowed) => [
    ['Origin', `${allowed}\r${INJECTION}`],
    ['Access-Control-Request-Method', 'PUT'],
  ]),
  injected('allowed Origin folded onto an injected continuation line', (allowed) => [
    ['Origin', `${allowed}\r\n ${INJECTION}`],
    ['Access-Control-Request-Method', 'PUT'],
  ]),
  injected('allowed Origin with NUL before an injected value', (allowed) => [
    ['Origin', `${allowed}\0${INJECTION}`],
    ['Access-Control-Request-Method', 'PUT'],
  ]),
  injected('percent-encoded CR LF in Origin', () => [
    ['Origin', `${ATTACKER}%0d%0aX-Injected:%20yes`],
    ['Access-Control-Request-Method', 'PUT'],
  ]),
  injected(
    'Access-Control-Request-Method with a bare CR before an injected line',
    (allowed) => preflightHeaders(`PUT\r${INJECTION}`)(allowed),
    false,
  ),
  injected(
    'Access-Control-Request-Headers with NUL and a bare LF',
    (allowed) => preflightHeaders('PUT', `content-type\0x\n${INJECTION}`)(allowed),
    false,
  ),
  {
    name: 'percent-encoded CR LF in the run query (logged, echoed in the body)',
    group: 'cr-lf-nul',
    method: 'GET',
    query: '&run=%0d%0aX-Injected:%20yes',
    headers: () => [['Origin', ATTACKER]],
    badOrigin: true,
  },
  {
    name: 'two Origin headers: allowed, then attacker',
    group: 'duplicate',
    method: 'OPTIONS',
    headers: (allowed) => [
      ['Origin', allowed],
      ['Origin', ATTACKER],
      ['Access-Control-Request-Method', 'PUT'],
    ],
    badOrigin: true,
  },
  {
    name: 'two Origin headers: attacker, then allowed (actual GET)',
    group: 'duplicate',
    method: 'GET',
    headers: (allowed) => [
      ['Origin', ATTACKER],
      ['Origin', allowed],
    ],
    badOrigin: true,
  },
  {
    name: 'two identical allowed Origin headers',
    group: 'duplicate',
    method: 'GET',
    headers: (allowed) => [
      ['Origin', allowed],
      ['Origin', allowed],
    ],
    badOrigin: false,
  },
  {
    name: 'two Access-Control-Request-Method headers (PUT, CONNECT)',
    group: 'duplicate',
    method: 'OPTIONS',
    headers: (allowed) => [
      ['Origin', allowed],
      ['Access-Control-Request-Method', 'PUT'],
      ['Access-Control-Request-Method', 'CONNECT'],
    ],
    badOrigin: false,
    forbiddenGrant: 'CONNECT',
  },
  {
    name: 'two Access-Control-Request-Headers headers (content-type, x-evil)',
    group: 'duplicate',
    method: 'OPTIONS',
    headers: (allowed) => [
      ...preflightHeaders('PUT', 'content-type')(allowed),
      ['Access-Control-Request-Headers', 'x-evil'],
    ],
    badOrigin: false,
    forbiddenGrant: 'x-evil',
  },
  nonAsciiOrigin('UTF-8 Origin with ä in the host', (allowed) =>
    utf8(allowed.replace('://', '://ä')),
  ),
  nonAsciiOrigin('Latin-1 Origin with byte 0xE4 in the host', (allowed) =>
    Buffer.from(allowed.replace('://', '://\xe4'), 'latin1'),
  ),
  nonAsciiOrigin('allowed Origin followed by UTF-8 ä', (allowed) => utf8(`${allowed}ä`)),
  nonAsciiOrigin('allowed Origin followed by Latin-1 0xE4', (allowed) =>
    Buffer.from(`${allowed}\xe4`, 'latin1'),
  ),
  nonAsciiOrigin('Origin with a Cyrillic look-alike of the first host letter', (allowed) =>
    utf8(allowed.replace(/:\/\/./, '://а')),
  ),
  nonAsciiOrigin('Origin with a full-width first host letter', (allowed) =>
    utf8(allowed.replace(/:\/\/./, '://ｌ')),
  ),
  malformedMethod(utf8('PÜT'), 'UTF-8 "PÜT"'),
  malformedHeaders(utf8('x-ä'), 'UTF-8 "x-ä"'),
  {
    name: 'spoofed x-cors-lab-proxy-headers granting the attacker',
    group: 'internal-header',
    method: 'GET',
    headers: () => [
      ['Origin', ATTACKER],
      ['x-cors-lab-proxy-headers', JSON.stringify([['access-control-allow-origin', ATTACKER]])],
    ],
    badOrigin: true,
    webOnly: true,
  },
  {
    name: 'x-cors-lab-proxy-headers that is not JSON',
    group: 'internal-header',
    method: 'GET',
    headers: () => [
      ['Origin', ATTACKER],
      ['x-cors-lab-proxy-headers', '{'],
    ],
    badOrigin: true,
    webOnly: true,
  },
];
