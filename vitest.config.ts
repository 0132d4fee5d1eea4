import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// One vitest run covers every package; packages import each other by name, resolved to source here.
export default defineConfig({
  resolve: {
    alias: {
      '@yardpass/sdk': source('./packages/sdk/src/index.ts'),
      '@yardpass/webhook-verifier': source('./packages/webhook-verifier/src/index.ts'),
    },
  },
  test: {
    restoreMocks: true,
    projects: ['packages/*/vitest.config.ts'],
  },
});
