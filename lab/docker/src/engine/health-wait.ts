import { setTimeout as sleep } from 'node:timers/promises';
import { mustRun } from '../host/command.js';

/** One container of a compose project as `docker inspect` sees it. */
export interface ContainerState {
  service: string;
  /** created, running, restarting, exited, dead... */
  status: string;
  /** starting, healthy, unhealthy; empty when the image defines no health check. */
  health: string;
}

export type HealthVerdict =
  { kind: 'healthy' } | { kind: 'waiting'; pending: string[] } | { kind: 'failed'; why: string };

/**
 * Whether every service is healthy yet. A service with no container, a container that stopped or
 * restarts, or one Docker marked unhealthy (its retries are used up) fails the wait at once;
 * a service without a health check cannot be waited for and fails too.
 */
export function healthVerdict(
  services: readonly string[],
  states: readonly ContainerState[],
): HealthVerdict {
  const pending: string[] = [];
  for (const service of services) {
    const state = states.find((candidate) => candidate.service === service);
    if (!state) {
      pending.push(`${service} (no container yet)`);
      continue;
    }
    if (state.status === 'exited' || state.status === 'dead' || state.status === 'restarting')
      return { kind: 'failed', why: `${service} is ${state.status}` };
    if (state.health === '')
      return {
        kind: 'failed',
        why: `${service} has no health check: give its image a HEALTHCHECK or the service a healthcheck`,
      };
    if (state.health === 'unhealthy') return { kind: 'failed', why: `${service} is unhealthy` };
    if (state.health !== 'healthy') pending.push(`${service} (${state.health})`);
  }
  return pending.length === 0 ? { kind: 'healthy' } : { kind: 'waiting', pending };
}

const FORMAT =
  '{{index .Config.Labels "com.docker.compose.service"}}|{{.State.Status}}|{{if .State.Health}}{{.State.Health.Status}}{{end}}';

/** The containers Compose (v1 or v2, both label them) made for `project`, with their health. */
export async function projectContainers(
  docker: string,
  project: string,
): Promise<ContainerState[]> {
  const ids = (
    await mustRun(docker, [
      'ps',
      '--all',
      '--quiet',
      '--filter',
      `label=com.docker.compose.project=${project}`,
    ])
  )
    .split('\n')
    .filter(Boolean);
  if (ids.length === 0) return [];
  return (await mustRun(docker, ['inspect', '--format', FORMAT, ...ids]))
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [service = '', status = '', health = ''] = line.split('|');
      return { service, status, health };
    });
}

/**
 * Polls until every service is healthy: Compose v1 has no `up --wait`, and on v2 this also
 * tells how long each service took. Returns seconds to healthy per service.
 */
export async function waitUntilHealthy(
  docker: string,
  project: string,
  services: readonly string[],
  withinMs: number,
): Promise<Map<string, number>> {
  const started = Date.now();
  const healthyAfter = new Map<string, number>();
  for (;;) {
    const states = await projectContainers(docker, project);
    for (const state of states) {
      if (state.health === 'healthy' && !healthyAfter.has(state.service))
        healthyAfter.set(state.service, (Date.now() - started) / 1000);
    }
    const verdict = healthVerdict(services, states);
    if (verdict.kind === 'healthy') return healthyAfter;
    if (verdict.kind === 'failed') throw new Error(`The stack did not come up: ${verdict.why}.`);
    if (Date.now() - started > withinMs) {
      throw new Error(
        `Not healthy within ${withinMs / 1000} s: ${verdict.pending.join(', ')}. ` +
          'A slow machine may need a longer start period in the Dockerfile HEALTHCHECK.',
      );
    }
    await sleep(500);
  }
}
