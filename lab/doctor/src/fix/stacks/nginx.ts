import { preflightHeaders, responseHeaders, type Requirement } from '../requirement.js';

function addHeaders(headers: [string, string][], indent: string): string[] {
  return headers.map(([name, value]) => `${indent}add_header ${name} "${value}" always;`);
}

/** nginx in front of the app: add_header lines with `always`, so errors carry them too. */
export function nginxFix(need: Requirement): string {
  return [
    'location / {',
    ...(need.preflight
      ? [
          '    if ($request_method = OPTIONS) {',
          ...addHeaders(preflightHeaders(need), '        '),
          '        return 204;',
          '    }',
        ]
      : []),
    ...addHeaders(responseHeaders(need), '    '),
    '    # If the app sets CORS headers as well, drop its copy so the page never gets two:',
    '    proxy_hide_header Access-Control-Allow-Origin;',
    '    proxy_hide_header Access-Control-Allow-Credentials;',
    '    proxy_pass http://app;',
    '}',
  ].join('\n');
}
