import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import { definePolicy } from './define-policy.js';
import type { DecisionReport } from './types.js';

const APP = 'https://app.example.com';

function reporting() {
  const reports: DecisionReport[] = [];
  const policy = definePolicy({
    origins: [APP],
    allowedHeaders: ['Content-Type'],
    onDecision: (report) => reports.push(report),
  });
  return { policy, reports };
}

describe('onDecision', () => {
  it('receives a refused origin with the reason and the fix naming the origin', () => {
    const { policy, reports } = reporting();
    decide(policy, { method: 'GET', origin: 'https://evil.example' });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      decision: { allowed: false, reason: 'origin-not-allowed' },
      message:
        'CORS refused: actual "GET" request from "https://evil.example": the origin is not in origins',
      fix: 'if pages at "https://evil.example" should read responses, add "https://evil.example" to origins',
    });
  });

  it('names the requested headers the policy lacks for a refused preflight', () => {
    const { policy, reports } = reporting();
    decide(policy, {
      method: 'OPTIONS',
      origin: APP,
      accessControlRequestMethod: 'PUT',
      accessControlRequestHeaders: 'content-type, x-trace-id',
    });
    expect(reports[0]?.decision.reason).toBe('header-not-allowed');
    expect(reports[0]?.fix).toBe(
      'add the requested headers the policy lacks to allowedHeaders: x-trace-id',
    );
  });

  it('receives allowed decisions too, without a fix', () => {
    const { policy, reports } = reporting();
    decide(policy, { method: 'GET', origin: APP });
    decide(policy, { method: 'GET', origin: undefined });
    expect(reports.map((report) => [report.decision.reason, report.fix])).toEqual([
      ['origin-allowed', undefined],
      ['no-origin', undefined],
    ]);
  });

  it('reports a decision an async predicate settles, once it settles', async () => {
    const reports: DecisionReport[] = [];
    const policy = definePolicy({
      origins: async (origin) => origin === APP,
      onDecision: (report) => reports.push(report),
    });
    const decision = await decide(policy, { method: 'GET', origin: 'https://other.example' });
    expect(reports.map((report) => report.decision)).toEqual([decision]);
  });

  it('changes nothing in the answer: the same headers with or without the hook', () => {
    const { policy } = reporting();
    const silent = definePolicy({ origins: [APP], allowedHeaders: ['Content-Type'] });
    const request = { method: 'GET', origin: APP };
    expect(decide(policy, request)).toEqual(decide(silent, request));
  });

  it('quotes and bounds a hostile Origin in the message', () => {
    const { policy, reports } = reporting();
    decide(policy, { method: 'GET', origin: `https://x.example\n${'a'.repeat(500)}` });
    expect(reports[0]?.message).not.toContain('\n');
    expect(reports[0]?.message.length).toBeLessThan(400);
  });

  it('is refused when it is not a function', () => {
    expect(() =>
      definePolicy({ origins: [APP], onDecision: 'console.log' as unknown as () => void }),
    ).toThrowError(expect.objectContaining({ code: 'on-decision-invalid' }));
  });
});
