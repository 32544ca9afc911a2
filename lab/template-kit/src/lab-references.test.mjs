import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brokenMarkdownLinks, findLabReferences, labPatterns } from './lab-references.mjs';

const patterns = labPatterns({
  packageNames: ['@cors-lab/scenarios', '@cors-lab/cors-predict', '@cors-lab/e2e'],
  dirs: ['docs', 'e2e', 'lab', 'packages/cors-predict'],
});
const find = (/** @type {string} */ text) => findLabReferences(new Map([['f.ts', text]]), patterns);

describe('findLabReferences', () => {
  it('finds lab package names, scoped or not, and paths into lab folders', () => {
    assert.equal(find(`import { x } from '@cors-lab/scenarios';`).length, 1);
    assert.equal(find('the cors-predict package').length, 1);
    assert.equal(find('see ../../docs/architecture.md').length, 1);
    assert.equal(find('run lab/api first').length, 1);
    assert.equal(find('packages/cors-predict').length, 1);
    assert.equal(find('the e2e suite').length, 1);
    assert.deepEqual(find('a\nb lab/x'), ['f.ts:2: "lab/" (the lab folder lab/)']);
  });

  it('takes scripts/ in a package that has its own scripts folder for that folder', () => {
    const patterns = labPatterns({ packageNames: [], dirs: ['scripts'] });
    const texts = new Map([
      ['packages/p/package.json', '"build": "node scripts/build.mjs"'],
      ['packages/p/scripts/build.mjs', ''],
      ['apps/api/README.md', 'run node scripts/bootstrap.mjs'],
    ]);
    assert.deepEqual(findLabReferences(texts, patterns), [
      'apps/api/README.md:1: "scripts/" (the lab folder scripts/)',
    ]);
  });

  it('leaves the template scope, URLs, nested folders and ordinary words alone', () => {
    for (const text of [
      `import { definePolicy } from '@cors-lab/cors-policy';`,
      'https://nextjs.org/docs/app',
      'apps/web/lab/page.tsx',
      'the docs say so; a lab coat; scenarios',
      'cors-lab/packages/cors-policy',
    ]) {
      assert.deepEqual(find(text), [], text);
    }
  });
});

describe('brokenMarkdownLinks', () => {
  it('reports relative links to files the starter lacks, not URLs, anchors or present files', () => {
    const texts = new Map([
      [
        'packages/p/README.md',
        '[a](../q/README.md) [b](src/index.ts#L1) [c](https://x.dev) [d](#usage) [e](../../apps)',
      ],
      ['packages/p/src/index.ts', ''],
      ['apps/api/package.json', '{}'],
    ]);
    assert.deepEqual(brokenMarkdownLinks(texts), ['packages/p/README.md:1: ../q/README.md']);
  });
});
