// The policy written out for servers that cannot run this package: nginx and Flask.
export { CorsExportError, type CorsExportErrorCode } from './export-error.js';
export { toFlaskCors, type FlaskExportOptions } from './flask.js';
export { toNginxConfig, type NginxCorsConfig, type NginxExportOptions } from './nginx.js';
