import { describe, expect, it } from 'vitest';
import { trafficProblem } from './traffic.js';

const ALLOWED = 'http://localhost:3300';

describe('trafficProblem', () => {
  it('accepts an allowed GET with the exact origin, credentials and Vary: Origin', () => {
    const headers = {
      'access-control-allow-origin': ALLOWED,
      'access-control-allow-credentials': 'true',
      vary: 'Origin',
    };
    expect(trafficProblem('allowed', ALLOWED, 200, headers)).toBeUndefined();
  });

  it('flags a refused GET that still carries Access-Control-Allow-Origin', () => {
    const headers = { 'access-control-allow-origin': 'https://attacker.net', vary: 'Origin' };
    expect(trafficProblem('refused', ALLOWED, 200, headers)).toMatch(/attacker/);
  });

  it('flags a response without Vary: Origin', () => {
    expect(trafficProblem('refused', ALLOWED, 200, {})).toMatch(/Vary/);
  });

  it('flags a preflight that does not list PUT or answers another status', () => {
    const headers = {
      'access-control-allow-origin': ALLOWED,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'content-type',
      vary: 'Origin, Access-Control-Request-Method',
    };
    expect(trafficProblem('preflight', ALLOWED, 204, headers)).toMatch(/PUT/);
    expect(trafficProblem('preflight', ALLOWED, 200, headers)).toMatch(/status 200/);
  });
});
