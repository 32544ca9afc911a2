export {
  predict,
  PREFLIGHT_CACHE_LIMIT_SECONDS,
  type BrowserEngine,
  type PredictOptions,
} from './predict.js';
export type * from './types.js';
