export type CorsPolicyErrorCode =
  | 'options-not-object'
  | 'option-unknown'
  | 'origins-invalid'
  | 'origins-empty'
  | 'origin-not-string'
  | 'origin-regexp'
  | 'origin-empty'
  | 'origin-whitespace'
  | 'origin-null'
  | 'origin-wildcard-in-list'
  | 'origin-scheme'
  | 'origin-uppercase'
  | 'origin-userinfo'
  | 'origin-path'
  | 'origin-trailing-slash'
  | 'origin-query'
  | 'origin-fragment'
  | 'origin-port'
  | 'origin-default-port'
  | 'origin-host'
  | 'origin-idn'
  | 'origin-comma-list'
  | 'pattern-invalid'
  | 'pattern-too-broad'
  | 'pattern-public-suffix'
  | 'public-suffix-allowance-invalid'
  | 'on-decision-invalid'
  | 'credentials-wildcard-origin'
  | 'credentials-reflect-any'
  | 'credentials-reflect-predicate'
  | 'credentials-null-origin'
  | 'credentials-wildcard-headers'
  | 'method-invalid'
  | 'method-forbidden'
  | 'method-wildcard'
  | 'header-invalid'
  | 'header-wildcard-in-list'
  | 'max-age-invalid'
  | 'preflight-status-invalid'
  | 'boolean-invalid';

export interface CorsPolicyErrorDetails {
  /** Where the value sits in the options, e.g. `origins[2]`. */
  where: string;
  value: unknown;
  /** What is wrong with it, e.g. `has a trailing slash`. */
  problem: string;
  expected: string;
  fix: string;
}

/** A policy definePolicy() refuses: the message names the value, what is expected and the fix. */
export class CorsPolicyError extends Error {
  override readonly name = 'CorsPolicyError';
  readonly code: CorsPolicyErrorCode;
  readonly value: unknown;
  readonly fix: string;

  constructor(code: CorsPolicyErrorCode, details: CorsPolicyErrorDetails) {
    super(
      `${details.where} ${describeValue(details.value)} ${details.problem}. ` +
        `Expected ${details.expected}. Fix: ${details.fix}`,
    );
    this.code = code;
    this.value = details.value;
    this.fix = details.fix;
  }
}

/** Quotes strings and shows other values as code, so the message shows exactly what was passed. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof RegExp) return String(value);
  if (typeof value === 'function') return 'the predicate';
  if (Array.isArray(value)) return `[${value.map(describeValue).join(', ')}]`;
  return String(value);
}
