import { describe, expect, it } from 'vitest';
import { healthVerdict, type ContainerState } from './health-wait.js';

const SERVICES = ['api', 'web', 'web-alt'];
const state = (service: string, health: string, status = 'running'): ContainerState => ({
  service,
  status,
  health,
});

describe('healthVerdict', () => {
  it('is healthy only when every service has a healthy container', () => {
    const all = SERVICES.map((service) => state(service, 'healthy'));
    expect(healthVerdict(SERVICES, all)).toEqual({ kind: 'healthy' });
  });

  it('waits for services still starting or not created yet (Compose v1 starts web after api is healthy)', () => {
    expect(healthVerdict(SERVICES, [state('api', 'healthy'), state('web', 'starting')])).toEqual({
      kind: 'waiting',
      pending: ['web (starting)', 'web-alt (no container yet)'],
    });
  });

  it('fails at once on an unhealthy, exited or restarting container', () => {
    expect(healthVerdict(SERVICES, [state('api', 'unhealthy')])).toEqual({
      kind: 'failed',
      why: 'api is unhealthy',
    });
    expect(healthVerdict(SERVICES, [state('api', 'starting', 'exited')])).toMatchObject({
      kind: 'failed',
      why: 'api is exited',
    });
    expect(healthVerdict(SERVICES, [state('api', 'starting', 'restarting')])).toMatchObject({
      kind: 'failed',
    });
  });

  it('refuses to wait for a service without a health check', () => {
    expect(healthVerdict(['api'], [state('api', '')])).toMatchObject({
      kind: 'failed',
      why: expect.stringContaining('api has no health check'),
    });
  });
});
