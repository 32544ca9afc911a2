import { describe, expect, it } from 'vitest';
import { compare, type Observation, type ServerView } from './judge.js';

const allowedObservation: Observation = {
  outcome: 'allowed',
  status: 200,
  body: { ok: true, route: 'exact' },
  readableHeaders: ['content-type', 'x-request-id'],
  durationMs: 3,
};
const server: ServerView = {
  preflights: 1,
  actual: 1,
  others: [
    {
      target: 'api-alt-port',
      path: '/lab/exact',
      method: 'OPTIONS',
      origin: 'http://localhost:3001',
    },
    { target: 'api-alt-port', path: '/lab/exact', method: 'PUT', origin: 'null' },
  ],
  sentHeaders: ['content-type', 'x-request-id', 'x-lab-total'],
};

describe('compare', () => {
  it('passes every stated fact that the page and the log saw', () => {
    const checks = compare(
      {
        outcome: 'allowed',
        status: 200,
        body: { route: 'exact' },
        readableHeaders: ['x-request-id'],
        hiddenHeaders: ['x-lab-total'],
        server: {
          preflights: 1,
          actual: 1,
          alsoReached: [
            { target: 'api-alt-port', path: '/lab/exact', origin: 'null' },
            { target: 'api-alt-port', path: '/lab/exact', method: 'OPTIONS' },
          ],
        },
      },
      allowedObservation,
      server,
    );
    expect(checks.map((check) => check.name)).toEqual([
      'outcome',
      'status',
      'body.route',
      'readable x-request-id',
      'hidden x-lab-total',
      'server.preflights',
      'server.actual',
      'server.reached api-alt-port /lab/exact (Origin: null)',
      'server.reached OPTIONS api-alt-port /lab/exact',
    ]);
    expect(checks.every((check) => check.pass)).toBe(true);
  });

  it('fails a next hop seen with another method, or with the method but another Origin', () => {
    const checks = compare(
      {
        outcome: 'allowed',
        server: {
          preflights: 1,
          actual: 1,
          alsoReached: [
            { target: 'api-alt-port', path: '/lab/exact', method: 'GET' },
            { target: 'api-alt-port', path: '/lab/exact', method: 'OPTIONS', origin: 'null' },
          ],
        },
      },
      allowedObservation,
      server,
    );
    expect(checks.slice(-2).map((check) => [check.name, check.pass])).toEqual([
      ['server.reached GET api-alt-port /lab/exact', false],
      ['server.reached OPTIONS api-alt-port /lab/exact (Origin: null)', false],
    ]);
  });

  it('fails the outcome when the engine blocked what the author expected to be allowed', () => {
    const [outcome] = compare(
      { outcome: 'allowed' },
      { outcome: 'blocked', readableHeaders: [], durationMs: 1 },
      undefined,
    );
    expect(outcome).toEqual({
      name: 'outcome',
      expected: 'allowed',
      observed: 'blocked',
      pass: false,
    });
  });

  it('does not compare status or body when the author expects a block', () => {
    const checks = compare(
      { outcome: 'blocked', status: 200 },
      { outcome: 'blocked', readableHeaders: [], durationMs: 1 },
      undefined,
    );
    expect(checks.map((check) => check.name)).toEqual(['outcome']);
  });

  it('fails a request that timed out, even where the author expected a block', () => {
    const checks = compare(
      { outcome: 'blocked' },
      {
        outcome: 'blocked',
        readableHeaders: [],
        error: { name: 'TimeoutError', message: 'The operation timed out.' },
        durationMs: 15_000,
      },
      undefined,
    );
    expect(checks.find((check) => check.name === 'settled')?.pass).toBe(false);
  });

  it('fails server facts loudly when no request log could be read, instead of passing them', () => {
    const checks = compare(
      { outcome: 'blocked', server: { preflights: 0, actual: 1 } },
      { outcome: 'blocked', readableHeaders: [], durationMs: 1 },
      undefined,
    );
    expect(checks.find((check) => check.name === 'server.actual')).toMatchObject({
      observed: null,
      pass: false,
    });
  });

  it('fails a hidden header the server never sent: the check is about exposure, not absence', () => {
    const [, hidden] = compare(
      { outcome: 'allowed', hiddenHeaders: ['x-missing'] },
      allowedObservation,
      server,
    );
    expect(hidden).toMatchObject({ name: 'hidden x-missing', observed: 'not sent', pass: false });
  });

  it('fails a redirect hop that carried another Origin than expected', () => {
    const checks = compare(
      {
        outcome: 'allowed',
        server: {
          preflights: 1,
          actual: 1,
          alsoReached: [
            { target: 'api-alt-port', path: '/lab/exact', origin: 'http://localhost:3000' },
          ],
        },
      },
      allowedObservation,
      server,
    );
    expect(checks.at(-1)?.pass).toBe(false);
  });
});
