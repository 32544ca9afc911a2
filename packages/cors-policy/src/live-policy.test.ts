import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import { livePolicy } from './live-policy.js';
import { corsMiddleware } from './adapters/express.js';

const A = 'https://a.example.com';
const B = 'https://b.example.com';

describe('livePolicy', () => {
  it('puts a valid update in force for the next request', () => {
    const live = livePolicy({ origins: [A] });
    expect(decide(live.current, { method: 'GET', origin: B }).allowed).toBe(false);
    live.update({ origins: [A, B] });
    expect(decide(live.current, { method: 'GET', origin: B }).allowed).toBe(true);
  });

  it('refuses a bad update with its CorsPolicyError and keeps the old policy', () => {
    const live = livePolicy({ origins: [A], credentials: true });
    const before = live.current;
    expect(() => live.update({ origins: '*', credentials: true })).toThrowError(
      expect.objectContaining({ code: 'credentials-wildcard-origin' }),
    );
    expect(live.current).toBe(before);
    expect(decide(live.current, { method: 'GET', origin: A }).allowed).toBe(true);
  });

  it('answers a request in flight with the policy it started with', async () => {
    let release: (verdict: boolean) => void = () => undefined;
    const live = livePolicy({
      origins: () => new Promise<boolean>((resolve) => (release = resolve)),
      exposedHeaders: ['X-Old'],
    });
    const headers: Record<string, string> = {};
    const finished = new Promise<void>((resolve) => {
      corsMiddleware(live)(
        { method: 'GET', headers: { origin: A } },
        {
          statusCode: 200,
          getHeader: (name) => headers[name],
          setHeader: (name, value) => (headers[name] = value),
          end: () => undefined,
        },
        () => resolve(),
      );
    });
    live.update({ origins: [B], exposedHeaders: ['X-New'] });
    release(true);
    await finished;
    expect(headers).toMatchObject({
      'access-control-allow-origin': A,
      'access-control-expose-headers': 'X-Old',
    });
  });

  it('is frozen: the policy is replaced only through update()', () => {
    const live = livePolicy({ origins: [A] });
    expect(Object.isFrozen(live)).toBe(true);
    expect(Object.isFrozen(live.current)).toBe(true);
  });
});
