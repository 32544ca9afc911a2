import { definePolicy, type SyncPolicyOptions } from './define-policy.js';
import type { Policy, PolicyOptions } from './types.js';

/**
 * A policy whose options can be replaced while the server runs (origins kept in a database or a
 * config service). Adapters read `current` once per request and use that frozen policy for the
 * whole request, so an update never mixes two policies in one answer; no lock is taken.
 */
export interface LivePolicy<Sync extends boolean = boolean> {
  /** The policy in force now. */
  readonly current: Policy<Sync>;
  /**
   * Validates `options` with definePolicy() and, only if that succeeds, puts the new policy in
   * force for requests that start afterwards. A bad update throws its CorsPolicyError and the
   * current policy stays.
   */
  update(options: Sync extends true ? SyncPolicyOptions : PolicyOptions): Policy<Sync>;
}

/** What the adapters accept: a fixed policy, or a live one they read once per request. */
export type PolicySource<Sync extends boolean = boolean> = Policy<Sync> | LivePolicy<Sync>;

/**
 * Starts a live policy from `options` (validated now, like definePolicy()).
 * @example const cors = livePolicy({ origins: await store.origins() });
 * process.on('SIGHUP', async () => cors.update({ origins: await store.origins() }));
 */
export function livePolicy(options: SyncPolicyOptions): LivePolicy<true>;
export function livePolicy(options: PolicyOptions): LivePolicy;
export function livePolicy(options: PolicyOptions): LivePolicy {
  let current = definePolicy(options);
  return Object.freeze({
    get current() {
      return current;
    },
    update(next: PolicyOptions) {
      const validated = definePolicy(next);
      current = validated;
      return validated;
    },
  });
}

/** Whether `source` is a live policy rather than a fixed one. */
export function isLivePolicy<Sync extends boolean>(
  source: PolicySource<Sync>,
): source is LivePolicy<Sync> {
  return 'update' in source;
}
