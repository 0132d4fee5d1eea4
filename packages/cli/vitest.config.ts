import { defineProject } from 'vitest/config';

export default defineProject({
  extends: true,
  test: { name: 'cli', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
