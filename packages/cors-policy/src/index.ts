export { definePolicy, type SyncPolicyOptions } from './define-policy.js';
export { decide } from './decide.js';
export { CorsPolicyError, type CorsPolicyErrorCode } from './errors.js';
export { isSerializedOrigin } from './origin.js';
export { appendVary } from './vary.js';
export {
  corsMiddleware,
  corsRequestOf,
  type NextFunctionLike,
  type NodeMiddleware,
  type NodeRequestLike,
  type NodeResponseLike,
} from './adapters/express.js';
export {
  toCorsOptions,
  type CorsOptionsDelegate,
  type CorsPackageOptions,
} from './adapters/cors-options.js';
export {
  applyCors,
  corsRequestFromFetch,
  preflight,
  withCors,
  type FetchHandler,
  type WithCorsOptions,
} from './adapters/fetch.js';
export type * from './types.js';
