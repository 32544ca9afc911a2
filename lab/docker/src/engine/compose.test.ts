import { describe, expect, it } from 'vitest';
import { ComposeProject, composeChoiceFromEnv, parseComposeVersion } from './compose.js';

describe('parseComposeVersion', () => {
  it('reads Compose v1 and v2 short versions', () => {
    expect(parseComposeVersion('1.29.2\n')).toBe('1.29.2');
    expect(parseComposeVersion('v2.29.7')).toBe('2.29.7');
    expect(parseComposeVersion('2.40.3-desktop.1')).toBe('2.40.3');
  });

  it('names output it cannot read', () => {
    expect(() => parseComposeVersion('unknown flag: --short')).toThrow(
      /Unrecognised Compose version output: "unknown flag: --short"/,
    );
  });
});

describe('composeChoiceFromEnv', () => {
  it('defaults to auto and accepts v1 and v2', () => {
    expect(composeChoiceFromEnv(undefined)).toBe('auto');
    expect(composeChoiceFromEnv('')).toBe('auto');
    expect(composeChoiceFromEnv('v1')).toBe('v1');
    expect(composeChoiceFromEnv('v2')).toBe('v2');
  });

  it('names a value it does not know', () => {
    expect(() => composeChoiceFromEnv('2')).toThrow(
      /DOCKER_CHECK_COMPOSE="2"; expected auto, v1 or v2/,
    );
  });
});

describe('ComposeProject.up', () => {
  // `echo` stands in for Compose: it prints the arguments each generation would receive.
  const project = (generation: 'v1' | 'v2') =>
    new ComposeProject(
      { generation, command: 'echo', prefix: generation === 'v2' ? ['compose'] : [], version: '' },
      ['/repo/docker-compose.yml', '/tmp/certs.yml'],
      'cors-lab-check-1',
      { PATH: process.env.PATH ?? '' },
    );

  it('waits for health with Compose v2 (`docker compose up --wait`)', async () => {
    expect((await project('v2').up(1_000)).trim()).toBe(
      'compose --project-name cors-lab-check-1 --file /repo/docker-compose.yml --file /tmp/certs.yml up --detach --no-build --wait',
    );
  });

  it('passes no --wait to Compose v1, which lacks it', async () => {
    expect((await project('v1').up(1_000)).trim()).toBe(
      '--project-name cors-lab-check-1 --file /repo/docker-compose.yml --file /tmp/certs.yml up --detach --no-build',
    );
  });
});
