import { defineProject } from 'vitest/config';

export default defineProject({
  extends: true,
  test: { name: 'sdk', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
