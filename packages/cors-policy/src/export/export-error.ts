/** Why a policy cannot be written for another server. */
export type CorsExportErrorCode =
  | 'predicate-origin'
  | 'reflect-any'
  | 'nginx-variable-in-name'
  | 'prefix-invalid'
  | 'flask-regex-character'
  | 'flask-method-case'
  | 'flask-max-age-zero'
  | 'flask-app-name-invalid';

/** A policy toNginxConfig() or toFlaskCors() refuses: the setting, why, and what to write instead. */
export class CorsExportError extends Error {
  override readonly name = 'CorsExportError';
  readonly code: CorsExportErrorCode;
  /** The server the policy was being written for. */
  readonly target: 'nginx' | 'flask_cors';

  constructor(
    target: 'nginx' | 'flask_cors',
    code: CorsExportErrorCode,
    details: { where: string; problem: string; fix: string },
  ) {
    super(
      `Cannot export this policy to ${target}: ${details.where} ${details.problem}. Fix: ${details.fix}`,
    );
    this.code = code;
    this.target = target;
  }
}
