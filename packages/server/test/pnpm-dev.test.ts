import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let home: string | undefined;

afterAll(async () => {
  if (home) await rm(home, { recursive: true, force: true });
});

// Ctrl+C in a terminal sends SIGINT to the whole foreground process group: pnpm, the dev script, and (before)
// the server and its embedded PostgreSQL, which died under the worker (level-50 UNLISTEN errors) while pnpm
// printed ELIFECYCLE. Here `pnpm dev` runs as its own process group and the group gets SIGINT, as from a
// terminal. YARDPASS_DEV_BUILD=0: the suite's build is used, dist/ is not rewritten under other tests.
describe('pnpm dev', () => {
  it('stops quietly on Ctrl+C: exit 0, no ELIFECYCLE, no error log', { timeout: 180_000 }, async () => {
    home = await mkdtemp(join(tmpdir(), 'yardpass-pnpm-dev-'));
    await chmod(home, 0o755);
    const child = spawn('pnpm', ['dev'], {
      cwd: ROOT,
      detached: true,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        XDG_CONFIG_HOME: join(home, 'config'),
        YARDPASS_DATA_DIR: join(home, 'data'),
        YARDPASS_DEV_BUILD: '0',
        PORT: '0',
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (output.includes('is running at')) {
          clearInterval(timer);
          resolve();
        }
      }, 100);
      void exited.then((code) => {
        clearInterval(timer);
        reject(new Error(`pnpm dev exited with ${code}: ${output}`));
      });
    });
    expect(output).toContain('pnpm yardpass events list');
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('"signal":"SIGINT","msg":"shutting down"');
    expect(output).not.toContain('ELIFECYCLE');
    expect(output).not.toMatch(/"level":(50|60)/);
  });
});
