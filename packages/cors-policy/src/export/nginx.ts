import type { Policy } from '../types.js';
import { CorsExportError } from './export-error.js';
import { exactOriginRegex, patternRegex } from './origin-regex.js';

/** The two halves of an nginx CORS configuration: `map` is only allowed at the `http` level. */
export interface NginxCorsConfig {
  /** `map` blocks: put them inside `http { }` (a file in `conf.d/` is included there). */
  http: string;
  /** Directives for inside the `location` (or `server`) that answers cross-origin requests. */
  location: string;
}

export interface NginxExportOptions {
  /** Prefix of the variables the maps define, so policies can share one `http` block. Default `cors`. */
  prefix?: string;
}

/**
 * Writes a policy as nginx configuration giving the same answers as decide(): allowed origins
 * echoed (a case-sensitive `map` of anchored regexes), `always` on every header, preflights
 * answered by nginx, `Vary: Origin`, and the upstream's own CORS headers hidden.
 * @throws CorsExportError for a predicate or `'reflect-any'` origin rule, or a name containing `$`.
 * @example
 * const { http, location } = toNginxConfig(policy);
 * // http { ${http} server { location /api/ { ${location} proxy_pass http://app; } } }
 */
export function toNginxConfig(policy: Policy, options: NginxExportOptions = {}): NginxCorsConfig {
  const prefix = options.prefix ?? 'cors';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(prefix)) {
    throw new CorsExportError('nginx', 'prefix-invalid', {
      where: `prefix ${JSON.stringify(prefix)}`,
      problem: 'is not a valid nginx variable name',
      fix: 'use letters, digits and underscores, starting with a letter, e.g. "api_cors"',
    });
  }
  refuseOriginRule(policy, 'nginx');
  const variable = (name: string) => `$${prefix}_${name}`;
  const { actualHeaders, preflightHeaders } = policy.precomputed;
  for (const [name, value] of Object.entries({ ...actualHeaders, ...preflightHeaders })) {
    if (value.includes('$')) {
      throw new CorsExportError('nginx', 'nginx-variable-in-name', {
        where: `${name} ${JSON.stringify(value)}`,
        problem: 'contains "$", which nginx reads as a variable inside add_header',
        fix: 'rename the method or header so it has no "$"',
      });
    }
  }

  const maps: string[] = [
    // decide() treats OPTIONS carrying Access-Control-Request-Method as a preflight, whatever its case.
    block(`map "$request_method $http_access_control_request_method" ${variable('preflight')}`, [
      'default 0;',
      '"~*^OPTIONS ." 1;',
    ]),
  ];
  const allowOrigin = policy.originMode === '*' ? '"*"' : variable('allow_origin');
  if (policy.originMode !== '*') {
    const regexes = [
      ...[...policy.exactOrigins].map(exactOriginRegex),
      ...policy.originPatterns.map(patternRegex),
      ...(policy.allowNullOrigin ? ['null'] : []),
    ];
    maps.push(
      block(`map $http_origin ${variable('allow_origin')}`, [
        'default "";',
        ...regexes.map((regex) => `"~^${regex}$" $http_origin;`),
      ]),
    );
  }
  // Every other header goes out only with an allowed origin, as decide() sends none on a rejection.
  const gated = (name: string, value: string | undefined): string | undefined => {
    if (value === undefined) return undefined;
    if (policy.originMode === '*') return `"${value}"`;
    maps.push(
      block(`map ${variable('allow_origin')} ${variable(name)}`, [
        '"" "";',
        `default ${`"${value}"`};`,
      ]),
    );
    return variable(name);
  };
  const credentials = gated('allow_credentials', actualHeaders['Access-Control-Allow-Credentials']);
  const expose = gated('expose_headers', actualHeaders['Access-Control-Expose-Headers']);
  const methods = gated('allow_methods', preflightHeaders['Access-Control-Allow-Methods']);
  const headers = gated('allow_headers', preflightHeaders['Access-Control-Allow-Headers']);
  const maxAge = gated('max_age', preflightHeaders['Access-Control-Max-Age']);
  const vary = policy.originMode === '*' ? undefined : 'Origin';

  const addHeaders = (pairs: [string, string | undefined][]) =>
    pairs
      .filter((pair): pair is [string, string] => pair[1] !== undefined)
      .map(([name, value]) => `add_header ${name} ${value} always;`);
  const location = [
    '# CORS written by toNginxConfig(): nginx answers preflights and owns every CORS header.',
    ...['Origin', 'Credentials', 'Methods', 'Headers'].map(
      (name) => `proxy_hide_header Access-Control-Allow-${name};`,
    ),
    'proxy_hide_header Access-Control-Expose-Headers;',
    'proxy_hide_header Access-Control-Max-Age;',
    block(`if (${variable('preflight')})`, [
      ...addHeaders([
        ['Access-Control-Allow-Origin', allowOrigin],
        ['Access-Control-Allow-Credentials', credentials],
        ['Access-Control-Allow-Methods', methods],
        ['Access-Control-Allow-Headers', headers],
        ['Access-Control-Max-Age', maxAge],
        ['Vary', vary],
      ]),
      `return ${policy.preflightStatus};`,
    ]),
    ...addHeaders([
      ['Access-Control-Allow-Origin', allowOrigin],
      ['Access-Control-Allow-Credentials', credentials],
      ['Access-Control-Expose-Headers', expose],
      ['Vary', vary],
    ]),
  ].join('\n');
  return { http: `${maps.join('\n')}\n`, location: `${location}\n` };
}

/** Predicates run JavaScript and 'reflect-any' has no safe equivalent: neither can be written out. */
export function refuseOriginRule(policy: Policy, target: 'nginx' | 'flask_cors'): void {
  if (policy.originMode === 'predicate') {
    throw new CorsExportError(target, 'predicate-origin', {
      where: 'origins',
      problem: `is a predicate function, which runs JavaScript that ${target} cannot run`,
      fix: 'list the exact origins and "https://*.domain" patterns the predicate accepts, and export that policy',
    });
  }
  if (policy.originMode === 'reflect-any') {
    throw new CorsExportError(target, 'reflect-any', {
      where: "origins 'reflect-any'",
      problem: `would echo any Origin value, including ones a browser never sends, and ${target} has no check for a well-formed origin`,
      fix: "export origins: '*' (same access for browsers, and cacheable) or list the origins",
    });
  }
}

function block(head: string, lines: readonly string[]): string {
  return `${head} {\n${lines.join('\n').replace(/^/gm, '    ')}\n}`;
}
