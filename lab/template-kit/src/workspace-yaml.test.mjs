import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StarterError } from './starter-error.mjs';
import { starterWorkspaceYaml } from './workspace-yaml.mjs';

const LAB = `packages:
  - apps/*
  - packages/*
  - lab/*
  - e2e

# One version of each shared dependency.
catalog:
  '@eslint/js': ^10.0.1
  '@playwright/test': 1.64.1
  express: ^5.2.0
  next: 16.4.6

# Never fetch another pnpm.
managePackageManagerVersions: false

onlyBuiltDependencies:
  - esbuild
`;

describe('starterWorkspaceYaml', () => {
  it('keeps the starter globs, the used catalog entries and every other setting with its comment', () => {
    assert.equal(
      starterWorkspaceYaml(LAB, new Set(['@eslint/js', 'next'])),
      `packages:
  - apps/*
  - packages/*

# One version of each shared dependency.
catalog:
  '@eslint/js': ^10.0.1
  next: 16.4.6

# Never fetch another pnpm.
managePackageManagerVersions: false

onlyBuiltDependencies:
  - esbuild
`,
    );
  });

  it('refuses a catalog dependency the lab catalog lacks, naming it', () => {
    assert.throws(
      () => starterWorkspaceYaml(LAB, new Set(['react'])),
      (error) => error instanceof StarterError && /"react": "catalog:"/.test(error.message),
    );
  });
});
