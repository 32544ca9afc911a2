// Which server processes a set of cases needs: one Node host for every Node target, one Next app.
import { nodeServerKey } from '../cases.js';
import type { CaseSpec } from '../cases.js';
import type { HostSpec } from '../hosts/server-process.js';

export interface HostPlan {
  spec: HostSpec;
  cases: CaseSpec[];
  /** The served key (Node host) or `next` whose base URL a case uses. */
  keyOf(spec: CaseSpec): string;
}

export function hostsFor(cases: readonly CaseSpec[]): HostPlan[] {
  const nodeCases = cases.filter((c) => c.server.host === 'node');
  const nextCases = cases.filter((c) => c.server.host === 'next');
  const plans: HostPlan[] = [];
  if (nodeCases.length > 0) {
    const served = new Map<string, { key: string; target: string; origins: number }>();
    for (const c of nodeCases) {
      if (c.server.host !== 'node') continue;
      const key = nodeServerKey(c.server);
      served.set(key, { key, target: c.server.target, origins: c.server.origins });
    }
    plans.push({
      spec: { kind: 'node', served: [...served.values()] },
      cases: nodeCases,
      keyOf: (c) => (c.server.host === 'node' ? nodeServerKey(c.server) : ''),
    });
  }
  if (nextCases.length > 0) {
    plans.push({ spec: { kind: 'next' }, cases: nextCases, keyOf: () => 'next' });
  }
  return plans;
}

/** Round `round` of an interleaved schedule: every case once, starting further along each round. */
export function roundOrder<T>(items: readonly T[], round: number, rounds: number): T[] {
  const step = Math.max(1, Math.ceil(items.length / Math.max(1, rounds)));
  const start = (round * step) % Math.max(1, items.length);
  return [...items.slice(start), ...items.slice(0, start)];
}
