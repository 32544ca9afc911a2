export { definePolicy, type SyncPolicyOptions } from './define-policy.js';
export { decide } from './decide.js';
export { CorsPolicyError, type CorsPolicyErrorCode } from './errors.js';
export { isSerializedOrigin } from './origin.js';
export type * from './types.js';
