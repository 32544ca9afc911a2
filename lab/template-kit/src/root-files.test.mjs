import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  catalogNames,
  fillPlaceholders,
  importedPackages,
  scriptCommands,
  starterDevDependencies,
  starterIgnoreFile,
  starterTurboJson,
} from './root-files.mjs';

describe('scriptCommands', () => {
  it('finds the first word of each command in a chain, after variable assignments', () => {
    assert.deepEqual(scriptCommands('PORT=${WEB_PORT:-3000} node server.js'), ['node']);
    assert.deepEqual(scriptCommands('eslint . && prettier --check .'), ['eslint', 'prettier']);
    assert.deepEqual(scriptCommands('next typegen && tsc --noEmit || true; a | b'), [
      'next',
      'tsc',
      'true',
      'a',
      'b',
    ]);
  });
});

describe('importedPackages', () => {
  it('names bare imports by package, scoped or not, and skips relative and node: ones', () => {
    const source = `import js from '@eslint/js';\nimport x from "typescript-eslint/dist/x.js";\nimport './local.mjs';\nimport fs from 'node:fs';\nconst p = await import('globals');`;
    assert.deepEqual(importedPackages(source), ['@eslint/js', 'typescript-eslint', 'globals']);
  });
});

describe('starterDevDependencies', () => {
  /** @type {Record<string, import('./root-files.mjs').Manifest>} */
  const manifests = {
    '@eslint/js': { peerDependencies: { eslint: '^10' } },
    '@types/node': {},
    concurrently: { bin: { concurrently: 'x', conc: 'x' } },
    eslint: { bin: { eslint: 'x' } },
    prettier: { bin: './bin/prettier.cjs' },
    turbo: { bin: { turbo: 'x' } },
    typescript: { bin: { tsc: 'x', tsserver: 'x' } },
  };
  const lab = Object.fromEntries(Object.keys(manifests).map((name) => [name, 'catalog:']));

  it('keeps what the root config imports, what the scripts run and their peers', () => {
    assert.deepEqual(
      starterDevDependencies({
        labDevDependencies: lab,
        installed: (name) => manifests[name] ?? {},
        scripts: ['turbo run build', 'prettier --check .', 'tsc --noEmit'],
        rootSources: [`import js from '@eslint/js';`],
      }),
      {
        '@eslint/js': 'catalog:',
        eslint: 'catalog:',
        prettier: 'catalog:',
        turbo: 'catalog:',
        typescript: 'catalog:',
      },
    );
  });
});

describe('starterTurboJson', () => {
  it('drops the tasks no starter package has a script for', () => {
    const turbo = {
      ui: 'stream',
      tasks: { build: {}, test: {}, 'test:e2e': {}, '//#lint:root': {}, '@x/api#test': {} },
    };
    const packages = [{ name: '@x/api', scripts: { build: 'tsc', test: 'vitest run' } }];
    assert.deepEqual(starterTurboJson(turbo, packages), {
      ui: 'stream',
      tasks: { build: {}, test: {}, '@x/api#test': {} },
    });
  });
});

describe('starterIgnoreFile', () => {
  it('drops the rules for lab folders and keeps comments and the rest', () => {
    const text =
      '# build\nnode_modules/\ne2e/test-results/\n/docs/browser-matrix.*\n!lab/keep\n.env\n';
    assert.equal(starterIgnoreFile(text, ['e2e', 'docs', 'lab']), '# build\nnode_modules/\n.env\n');
  });

  it('drops a commented paragraph about a lab folder, up to the blank line', () => {
    const text =
      '.env\n# The lab CA (lab/tls): never committed.\n.certs/\n\n# Packing\n.before-pack\n';
    assert.equal(starterIgnoreFile(text, ['lab']), '.env\n\n# Packing\n.before-pack\n');
  });
});

describe('catalogNames', () => {
  it('collects catalog dependencies and refuses a named catalog', () => {
    assert.deepEqual(
      catalogNames([{ dependencies: { next: 'catalog:', x: 'workspace:*' } }]),
      new Set(['next']),
    );
    assert.throws(
      () => catalogNames([{ name: '@x/web', devDependencies: { react: 'catalog:react19' } }]),
      /@x\/web takes react from the named catalog "catalog:react19"/,
    );
  });
});

describe('fillPlaceholders', () => {
  it('fills known placeholders, leaves ${{ github }} expressions, refuses unknown ones', () => {
    assert.equal(
      fillPlaceholders('a', '# {{name}} ${{ github.ref }}', { name: 'acme' }),
      '# acme ${{ github.ref }}',
    );
    assert.throws(
      () => fillPlaceholders('ci.yml', '{{nope}}', { name: 'x' }),
      /ci\.yml: \{\{nope\}\}/,
    );
  });
});
