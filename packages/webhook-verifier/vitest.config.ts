import { defineProject } from 'vitest/config';

export default defineProject({
  extends: true,
  test: { name: 'webhook-verifier', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
