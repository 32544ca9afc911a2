import { preflightHeaders, responseHeaders, type Requirement } from '../requirement.js';

/** Express without a CORS package: one middleware before the routes. */
export function expressFix(need: Requirement): string {
  const set = (headers: [string, string][], indent: string) =>
    headers
      .filter(([name]) => name !== 'Vary' && name !== 'Access-Control-Allow-Origin')
      .map(([name, value]) => `${indent}res.set('${name}', '${value}');`);
  return [
    `const allowed = new Set(['${need.origin}']);`,
    'app.use((req, res, next) => {',
    "  res.vary('Origin');",
    '  if (!allowed.has(req.headers.origin)) return next();',
    "  res.set('Access-Control-Allow-Origin', req.headers.origin);",
    ...set(responseHeaders(need), '  '),
    ...(need.preflight
      ? [
          "  if (req.method === 'OPTIONS') {",
          ...set(preflightHeaders(need), '    ').filter(
            (line) => !line.includes('Allow-Credentials'),
          ),
          '    return res.sendStatus(204);',
          '  }',
        ]
      : []),
    '  next();',
    '});',
  ].join('\n');
}
