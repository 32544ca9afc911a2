import type { Scenario } from '@cors-lab/scenarios';
import { describe, expect, it } from 'vitest';
import { runScheduled, sharesBrowserState } from './schedule';

function scenario(id: string, credentials?: 'include'): Scenario {
  return {
    id,
    title: id,
    category: 'simple',
    pageOrigins: ['web'],
    request: credentials
      ? { target: 'api', path: '/x', credentials }
      : { target: 'api', path: '/x' },
    expected: { web: { outcome: 'allowed' } },
    explanation: '',
    fix: '',
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('sharesBrowserState', () => {
  it('is true for a scenario whose setup sends cookies, and false for a plain request', () => {
    const login = {
      ...scenario('login'),
      setup: [{ target: 'api' as const, path: '/login', credentials: 'include' as const }],
    };
    expect(sharesBrowserState(login)).toBe(true);
    expect(sharesBrowserState(scenario('plain'))).toBe(false);
  });
});

describe('runScheduled', () => {
  it('returns results in catalogue order whatever order they finish in', async () => {
    const list = ['a', 'b', 'c', 'd'].map((id) => scenario(id));
    const delays: Record<string, number> = { a: 20, b: 1, c: 10, d: 1 };
    const results = await runScheduled(
      list,
      async (s) => {
        await new Promise((resolve) => setTimeout(resolve, delays[s.id]));
        return s.id;
      },
      4,
    );
    expect(results).toEqual(['a', 'b', 'c', 'd']);
  });

  it('never runs two cookie scenarios at once, and keeps their catalogue order', async () => {
    const list = [
      scenario('c1', 'include'),
      scenario('p1'),
      scenario('c2', 'include'),
      scenario('p2'),
      scenario('c3', 'include'),
    ];
    let cookieRunsInFlight = 0;
    let maxCookieRuns = 0;
    const cookieOrder: string[] = [];
    await runScheduled(
      list,
      async (s) => {
        const cookies = sharesBrowserState(s);
        if (cookies) {
          cookieOrder.push(s.id);
          cookieRunsInFlight += 1;
          maxCookieRuns = Math.max(maxCookieRuns, cookieRunsInFlight);
        }
        await tick();
        if (cookies) cookieRunsInFlight -= 1;
        return s.id;
      },
      6,
    );
    expect(maxCookieRuns).toBe(1);
    expect(cookieOrder).toEqual(['c1', 'c2', 'c3']);
  });

  it('keeps at most `parallel` scenarios in flight', async () => {
    const list = Array.from({ length: 12 }, (_, i) => scenario(`s${i}`));
    let inFlight = 0;
    let most = 0;
    await runScheduled(
      list,
      async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await tick();
        inFlight -= 1;
      },
      3,
    );
    expect(most).toBe(3);
  });

  it('refuses a parallelism that is not a positive integer, naming it', async () => {
    await expect(runScheduled([], async () => undefined, 0)).rejects.toThrow(
      'parallel must be a positive integer, got 0.',
    );
  });
});
