// One lint setup for the whole repo; every package's `lint` script runs `eslint .` against it.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/.next/**',
      '**/.turbo/**',
      '**/.tools/**',
      '**/node_modules/**',
      '**/next-env.d.ts',
      '**/playwright-report/**',
      '**/test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // lab-only
  {
    // Doors open one way (docs/architecture.md): the template and the policy import nothing of the
    // lab, and the policy nothing of the predictor, so `pnpm template:new` and a copied policy build alone.
    files: ['apps/**', 'packages/cors-policy/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@cors-lab/scenarios*',
                '@cors-lab/lab-*',
                '@cors-lab/testkit*',
                '@cors-lab/security*',
                '@cors-lab/cors-predict*',
                '@cors-lab/e2e*',
                '**/lab/**',
                '**/e2e/**',
              ],
              message:
                'The template and the policy import nothing from the lab or the predictor (docs/architecture.md).',
            },
          ],
        },
      ],
    },
  },
  // /lab-only
);
