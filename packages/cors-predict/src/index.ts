export { predict, PREFLIGHT_CACHE_LIMIT_SECONDS, type PredictOptions } from './predict.js';
export { ENGINE_QUIRKS, type EngineQuirk, type QuirkId } from './engine-quirks.js';
export type * from './types.js';
