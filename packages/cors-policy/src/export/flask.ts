import type { Policy } from '../types.js';
import { CorsExportError } from './export-error.js';
import { refuseOriginRule } from './nginx.js';
import { exactOriginRegex, patternRegex } from './origin-regex.js';

export interface FlaskExportOptions {
  /**
   * The Python name of the Flask app (or Blueprint) the call configures.
   * @default 'app'
   */
  app?: string;
}

/** Characters flask_cors 3.0.10's probably_regex() takes as the sign of a regular expression. */
const FLASK_REGEX_SIGNS = /[*\\\]?$^[()]/;

/**
 * Writes a policy as the `CORS(app, ...)` call of flask_cors 3.0.10 that gives browsers the same
 * decisions as decide(). Every origin becomes a regex `(?-i:...)\Z`: flask_cors compares strings
 * case-insensitively, anchors regexes only at the start, and sends `Vary: Origin` only for a regex
 * or several origins. Still different: preflights answered 200, no Vary on a rejection.
 * @throws CorsExportError for a predicate or `'reflect-any'` origin rule, a method flask_cors would
 * uppercase, a header name it would read as a regex, or `maxAge: 0` (which it drops).
 */
export function toFlaskCors(policy: Policy, options: FlaskExportOptions = {}): string {
  const app = options.app ?? 'app';
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(app)) {
    throw new CorsExportError('flask_cors', 'flask-app-name-invalid', {
      where: `app ${JSON.stringify(app)}`,
      problem: 'is not a Python name',
      fix: 'pass the variable that holds your Flask app or Blueprint, e.g. "app" or "api_blueprint"',
    });
  }
  refuseOriginRule(policy, 'flask_cors');
  // Preflights for GET, HEAD and POST are allowed by decide() whatever the list says; flask_cors
  // leaves out Allow-Headers when the requested method is not listed, so they are listed too.
  const methods = [...policy.methodSet];
  for (const method of methods) {
    if (method !== method.toUpperCase()) {
      throw new CorsExportError('flask_cors', 'flask-method-case', {
        where: `methods ${JSON.stringify(method)}`,
        problem:
          'is not uppercase: flask_cors uppercases every method it advertises, and browsers compare a non-standard method case-sensitively',
        fix: `write ${JSON.stringify(method.toUpperCase())} and send it uppercase from the page`,
      });
    }
  }
  const regexLike =
    policy.allowedHeaders === '*'
      ? undefined
      : policy.allowedHeaders.find((name) => FLASK_REGEX_SIGNS.test(name));
  if (regexLike !== undefined) {
    throw new CorsExportError('flask_cors', 'flask-regex-character', {
      where: `allowedHeaders ${JSON.stringify(regexLike)}`,
      problem: 'contains a character flask_cors 3.0.10 takes as the sign of a regular expression',
      fix: 'rename the header so it has none of * $ ^ ( ) [ ] ? \\',
    });
  }
  if (policy.maxAge === 0) {
    throw new CorsExportError('flask_cors', 'flask-max-age-zero', {
      where: 'maxAge 0',
      problem: 'is dropped by flask_cors (it skips falsy values), so browsers would cache for 5 s',
      fix: 'leave maxAge out (5 s) or give at least 1',
    });
  }

  const args: string[] = [app];
  if (policy.originMode === '*') {
    args.push('origins="*"', 'send_wildcard=True');
  } else {
    const regexes = [
      ...[...policy.exactOrigins].map(exactOriginRegex),
      ...policy.originPatterns.map(patternRegex),
      ...(policy.allowNullOrigin ? ['null'] : []),
    ];
    args.push(`origins=[${regexes.map((regex) => `r"(?-i:${regex})\\Z"`).join(', ')}]`);
  }
  args.push(`methods=${pyList(methods)}`);
  args.push(
    `allow_headers=${policy.allowedHeaders === '*' ? '"*"' : pyList(policy.allowedHeaders)}`,
  );
  if (policy.exposedHeaders === '*' || policy.exposedHeaders.length > 0) {
    args.push(
      `expose_headers=${policy.exposedHeaders === '*' ? '"*"' : pyList(policy.exposedHeaders)}`,
    );
  }
  args.push(`supports_credentials=${policy.credentials ? 'True' : 'False'}`);
  if (policy.maxAge !== undefined) args.push(`max_age=${policy.maxAge}`);
  return `CORS(${args.join(', ')})`;
}

/** Header names and methods are RFC 9110 tokens: no quote or backslash to escape. */
function pyList(values: readonly string[]): string {
  return `[${values.map((value) => `"${value}"`).join(', ')}]`;
}
