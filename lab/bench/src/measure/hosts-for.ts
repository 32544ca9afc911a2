// Which server processes a set of cases needs: one Node host per framework, one Next app.
import { nodeServerKey } from '../cases.js';
import type { CaseSpec } from '../cases.js';
import type { HostSpec } from '../hosts/server-process.js';

export interface HostPlan {
  spec: HostSpec;
  cases: CaseSpec[];
  /** The served key (Node host) or `next` whose base URL a case uses. */
  keyOf(spec: CaseSpec): string;
}

/**
 * The framework a Node target belongs to: the name before `+` (`fastify+cors-policy` is Fastify's),
 * and one group for the per-call `micro-*` targets, which are compared with each other.
 */
export function frameworkOf(target: string): string {
  return target.startsWith('micro-') ? 'micro' : (target.split('+')[0] ?? target);
}

/**
 * One Node host per framework (its cases share one JIT and heap, so a case and its baseline are
 * counted alike) and one Next app. Frameworks get hosts of their own because one heap holding all
 * of them, each with a 10,000-origin policy, keeps V8 marking in most windows and no figure settles.
 */
export function hostsFor(cases: readonly CaseSpec[]): HostPlan[] {
  const byFramework = new Map<string, CaseSpec[]>();
  for (const c of cases) {
    if (c.server.host !== 'node') continue;
    const framework = frameworkOf(c.server.target);
    byFramework.set(framework, [...(byFramework.get(framework) ?? []), c]);
  }
  const plans: HostPlan[] = [];
  for (const nodeCases of byFramework.values()) {
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
  const nextCases = cases.filter((c) => c.server.host === 'next');
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
