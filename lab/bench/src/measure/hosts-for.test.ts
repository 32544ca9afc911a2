import { describe, expect, it } from 'vitest';
import { CASES } from '../cases.js';
import { frameworkOf, hostsFor, roundOrder } from './hosts-for.js';

describe('hostsFor', () => {
  it('serves each framework from a host of its own, one port per target and list size, and Next apart', () => {
    const plans = hostsFor(CASES);
    const next = plans.filter((plan) => plan.spec.kind === 'next');
    const node = plans.filter((plan) => plan.spec.kind === 'node');
    expect(next).toHaveLength(1);
    const frameworks = node.map((plan) =>
      plan.cases.map((c) => (c.server.host === 'node' ? frameworkOf(c.server.target) : '')),
    );
    // Every host holds one framework, and no framework is split over two hosts.
    for (const names of frameworks) expect(new Set(names).size).toBe(1);
    const hosts = frameworks.map((names) => names[0]);
    expect(new Set(hosts).size).toBe(hosts.length);
    expect(hosts).toEqual(
      expect.arrayContaining(['express', 'fastify', 'koa', 'hono', 'node-http', 'micro']),
    );
    const express = node.find(
      (plan) =>
        frameworkOf(plan.spec.kind === 'node' ? (plan.spec.served[0]?.target ?? '') : '') ===
        'express',
    );
    const served = express?.spec.kind === 'node' ? express.spec.served.map((s) => s.key) : [];
    // A preflight case reuses its GET case's server.
    expect(new Set(served).size).toBe(served.length);
    expect(served).toContain('express+cors-policy@10000');
    expect(plans.reduce((sum, plan) => sum + plan.cases.length, 0)).toBe(CASES.length);
  });
});

describe('frameworkOf', () => {
  it('reads the framework before the +, and groups the per-call targets', () => {
    expect(frameworkOf('express')).toBe('express');
    expect(frameworkOf('fastify+cors-policy')).toBe('fastify');
    expect(frameworkOf('node-http+cors-policy')).toBe('node-http');
    expect(frameworkOf('micro-public-suffix')).toBe('micro');
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
