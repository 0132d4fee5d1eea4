import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/generated/**', '**/node_modules/**', '.yardpass/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Tests read into JSON answers freely and assert on the values; typing every answer would add noise, not safety.
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'packages/*/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  // Server layering: routes → domain → db. Routes never touch pg; domain never sees Hono or SQL.
  {
    files: ['packages/server/src/routes/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'pg', allowTypeImports: true }],
          patterns: [{ group: ['**/db/*'], allowTypeImports: true }],
        },
      ],
    },
  },
  {
    files: ['packages/server/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['pg', 'hono', 'stripe'], patterns: ['hono/*', '**/routes/*', '**/http/*'] },
      ],
    },
  },
  // SQL lives only under db/ (the server's and webhooks/db/): nothing else sends a query.
  {
    files: [
      'packages/server/src/{domain,routes,jobs,payments,http}/**/*.ts',
      'packages/server/src/webhooks/*.ts',
      'packages/server/src/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "CallExpression[callee.property.name='query'][callee.object.name=/^(tx|client|db|pool)$/]",
          "CallExpression[callee.property.name='query'][callee.object.property.name='pool']",
        ].map((selector) => ({
          selector,
          message: 'SQL belongs in a db/ module: add a typed function there and call it.',
        })),
      ],
    },
  },
  {
    files: ['packages/cli/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/server/**', '@yardpass/server'] }],
    },
  },
);
