import type { Origins } from './origins.js';
import type { RoutePolicy } from './types.js';

/** A RoutePolicy with its page roles replaced by origins: the options `definePolicy()` takes. */
export type ResolvedPolicyOptions = Omit<RoutePolicy, 'origins'> & {
  origins: '*' | 'reflect-any' | readonly string[];
};

export function resolvePolicy(policy: RoutePolicy, origins: Origins): ResolvedPolicyOptions {
  const resolved =
    typeof policy.origins === 'string'
      ? policy.origins
      : policy.origins.map((role) => origins[role]);
  return { ...policy, origins: resolved };
}
