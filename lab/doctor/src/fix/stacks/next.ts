import { preflightHeaders, responseHeaders, type Requirement } from '../requirement.js';

function headerObject(headers: [string, string][], indent: string): string[] {
  return headers.map(([name, value]) => `${indent}'${name}': '${value}',`);
}

/** Next.js: the route handler's own OPTIONS export and headers, or the same in proxy.ts. */
export function nextFix(need: Requirement): string {
  return [
    '// app/<route>/route.ts',
    'const CORS = {',
    ...headerObject(responseHeaders(need), '  '),
    '};',
    ...(need.preflight
      ? [
          'export function OPTIONS() {',
          '  return new Response(null, { status: 204, headers: {',
          ...headerObject(preflightHeaders(need), '    '),
          '  } });',
          '}',
        ]
      : []),
    '// ...and return every answer (errors too) with `headers: CORS`.',
    '// Or once for many routes, in proxy.ts: answer OPTIONS with the preflight headers and set',
    "// CORS on NextResponse.next() when request.headers.get('origin') is allowed.",
  ].join('\n');
}
