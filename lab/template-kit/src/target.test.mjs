import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkTarget, workspaceGlobs } from './target.mjs';

const repo = mkdtempSync(join(tmpdir(), 'target-test-'));
writeFileSync(join(repo, 'pnpm-workspace.yaml'), "packages:\n  - apps/*\n  - 'lab/**'\n  - e2e\n");
after(() => rmSync(repo, { recursive: true, force: true }));
const check = (/** @type {string} */ target) =>
  checkTarget({
    repoRoot: repo,
    target,
    cwd: repo,
    packageDirs: ['apps/api', 'packages/tsconfig'],
  });

describe('workspaceGlobs', () => {
  it('reads the packages list, quoted or not', () => {
    assert.deepEqual(workspaceGlobs("packages:\n  - apps/*\n  - 'lab/**'\ncatalog:\n  a: 1\n"), [
      'apps/*',
      'lab/**',
    ]);
  });
});

describe('checkTarget', () => {
  it('accepts a new folder outside the workspace globs, even inside the repository', () => {
    assert.equal(check('../elsewhere'), join(repo, '..', 'elsewhere'));
    assert.equal(check('starter'), join(repo, 'starter'));
  });

  it('refuses a folder a workspace glob matches, or whose packages one would match', () => {
    assert.throws(() => check('apps/new'), /apps\/new matches the workspace pattern "apps\/\*"/);
    assert.throws(() => check('lab/x'), /"lab\/\*\*"/);
    assert.throws(() => check('e2e'), /"e2e"/);
  });

  it('refuses a folder with files in it, and a file', () => {
    mkdirSync(join(repo, 'full'));
    writeFileSync(join(repo, 'full', 'a'), '');
    assert.throws(() => check('full'), /full is not empty: pass a new or empty folder/);
    assert.throws(() => check('full/a'), /is a file, not a folder/);
  });
});
