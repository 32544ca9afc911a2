export { definePolicy, type SyncPolicyOptions } from './define-policy.js';
export { isLivePolicy, livePolicy, type LivePolicy, type PolicySource } from './live-policy.js';
export {
  PUBLIC_SUFFIX_LIST_VERSION,
  publicSuffixCoveredBy,
  type PublicSuffixMatch,
} from './public-suffix/public-suffix.js';
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
  type FetchHeadersLike,
  type FetchRequestLike,
  type FetchResponseLike,
  type RuntimeResponse,
  type WithCorsOptions,
} from './adapters/fetch.js';
export {
  corsPlugin,
  type FastifyCorsPlugin,
  type FastifyInstanceLike,
  type FastifyReplyLike,
  type FastifyRequestLike,
} from './adapters/fastify.js';
export { koaCors, type KoaContextLike, type KoaMiddleware } from './adapters/koa.js';
export type * from './types.js';
export * from './export/index.js';
