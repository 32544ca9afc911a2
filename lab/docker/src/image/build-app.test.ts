import { describe, expect, it } from 'vitest';
import { buildArgs, RUN_LABEL } from './build-app.js';

const image = {
  name: 'web',
  context: '/repo',
  dockerfile: 'apps/web/Dockerfile',
  tag: 'check/web:1',
  args: { NODE_IMAGE: 'local/node:20', API_ORIGIN: 'http://localhost:41000' },
};

describe('buildArgs', () => {
  it('labels the image with the run, passes every build argument and builds from the repository root', () => {
    expect(buildArgs(image, { builder: 'buildkit', runId: 'r1' })).toEqual([
      'build',
      '--progress=plain',
      '--file',
      'apps/web/Dockerfile',
      '--tag',
      'check/web:1',
      '--label',
      `${RUN_LABEL}=r1`,
      '--build-arg',
      'NODE_IMAGE=local/node:20',
      '--build-arg',
      'API_ORIGIN=http://localhost:41000',
      '.',
    ]);
  });

  it('leaves out --progress, which the legacy builder does not take', () => {
    expect(buildArgs(image, { builder: 'legacy', runId: 'r1' })).not.toContain('--progress=plain');
  });
});
