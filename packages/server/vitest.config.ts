import { defineProject } from 'vitest/config';

export default defineProject({
  extends: true,
  test: { name: 'server', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
