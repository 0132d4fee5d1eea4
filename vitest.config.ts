import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const packages = ['sdk', 'cli', 'server', 'webhook-verifier'];

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
    // Starting a server clones a database and may start a worker, and a test may start processes: slow on a busy
    // 2-core machine, not a failure.
    hookTimeout: 60_000,
    testTimeout: 30_000,
    // One embedded PostgreSQL cluster for the whole run; each test file clones its own database.
    globalSetup: [source('./test/global-setup.ts')],
    projects: packages.map((name) => ({
      extends: true,
      test: {
        name,
        include: [`packages/${name}/src/**/*.test.ts`, `packages/${name}/test/**/*.test.ts`],
      },
    })),
  },
});
