import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileDockerignore } from '../dockerignore.mjs';

describe('compileDockerignore', () => {
  const isIgnored = compileDockerignore(
    [
      '# comment',
      '**/node_modules',
      '.git',
      '.env.*',
      '!.env.example',
      'docs/browser-matrix.*',
      '**/*.tsbuildinfo',
    ].join('\n'),
  );

  it('excludes a folder matched at any depth by **/ and everything below it', () => {
    assert.equal(isIgnored('node_modules'), true);
    assert.equal(isIgnored('apps/web/node_modules/next/package.json'), true);
  });

  it('anchors plain patterns at the context root', () => {
    assert.equal(isIgnored('.git/HEAD'), true);
    assert.equal(isIgnored('apps/.git'), false);
  });

  it('re-includes a path with ! when it comes after the excluding rule', () => {
    assert.equal(isIgnored('.env.local'), true);
    assert.equal(isIgnored('.env.example'), false);
  });

  it('lets * stay within one path segment', () => {
    assert.equal(isIgnored('docs/browser-matrix.md'), true);
    assert.equal(isIgnored('docs/browser-matrix/extra.md'), false);
    assert.equal(isIgnored('apps/api/tsconfig.tsbuildinfo'), true);
  });

  it('keeps the sources a Dockerfile needs', () => {
    for (const path of [
      'package.json',
      'pnpm-lock.yaml',
      'apps/api/src/index.ts',
      'packages/scenarios/src/index.ts',
    ]) {
      assert.equal(isIgnored(path), false, path);
    }
  });
});
