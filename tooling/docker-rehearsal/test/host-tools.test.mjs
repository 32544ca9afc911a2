import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { substitute } from '../build-stages.mjs';
import { globalInstallOf } from '../host-tools.mjs';

describe('globalInstallOf', () => {
  it('lists the pinned tools of a global npm install, flags skipped', () => {
    assert.deepEqual(globalInstallOf('npm install -g --no-audit pnpm@10.34.9 turbo@2.11.11'), [
      { name: 'pnpm', version: '10.34.9' },
      { name: 'turbo', version: '2.11.11' },
    ]);
  });

  it('handles scoped package names', () => {
    assert.deepEqual(globalInstallOf('npm i --global @scope/tool@1.2.3'), [
      { name: '@scope/tool', version: '1.2.3' },
    ]);
  });

  it('ignores commands that are not a global npm install', () => {
    assert.equal(globalInstallOf('pnpm install --frozen-lockfile'), undefined);
    assert.equal(globalInstallOf('npm install left-pad@1.0.0'), undefined);
  });

  it('refuses an unpinned global tool, naming the fix', () => {
    assert.throws(
      () => globalInstallOf('npm install -g pnpm'),
      /"pnpm" .* has no pinned version: write it as pnpm@<version>/,
    );
  });
});

describe('substitute', () => {
  it('expands $NAME, ${NAME} and ${NAME:-default} like the Dockerfile frontend', () => {
    const vars = { IMAGE: 'node:20-slim', EMPTY: '' };
    assert.equal(substitute('${IMAGE} $IMAGE', vars), 'node:20-slim node:20-slim');
    assert.equal(
      substitute('${MISSING:-fallback}|${EMPTY:-used}|${MISSING}', vars),
      'fallback|used|',
    );
  });
});
