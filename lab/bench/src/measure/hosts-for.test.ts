import { describe, expect, it } from 'vitest';
import { CASES } from '../cases.js';
import { hostsFor, roundOrder } from './hosts-for.js';

describe('hostsFor', () => {
  it('serves every Node case from one host, one port per target and list size, and Next apart', () => {
    const [node, next] = hostsFor(CASES);
    expect(node?.spec.kind).toBe('node');
    expect(next?.spec.kind).toBe('next');
    const served = node?.spec.kind === 'node' ? node.spec.served.map((s) => s.key) : [];
    // A preflight case reuses its GET case's server.
    expect(new Set(served).size).toBe(served.length);
    expect(served).toContain('express+cors-policy@10000');
    expect((node?.cases.length ?? 0) + (next?.cases.length ?? 0)).toBe(CASES.length);
  });
});

describe('roundOrder', () => {
  it('starts each round at a different case and keeps every case once', () => {
    const rounds = [0, 1, 2].map((round) => roundOrder(['a', 'b', 'c', 'd', 'e', 'f'], round, 3));
    expect(rounds).toEqual([
      ['a', 'b', 'c', 'd', 'e', 'f'],
      ['c', 'd', 'e', 'f', 'a', 'b'],
      ['e', 'f', 'a', 'b', 'c', 'd'],
    ]);
  });
});
