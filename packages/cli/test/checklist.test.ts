import { execFile } from 'node:child_process';
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { assertBuilt, BINARY, isolatedEnv, yardpass } from './binary.js';

const SCRIPT = fileURLToPath(new URL('../examples/checklist.sh', import.meta.url));

let server: TestServer;
let env: Record<string, string>;

// examples/checklist.sh is what an operator runs; here it runs unchanged against a real server (with the
// background worker, which makes payouts), as the built binary on PATH, logged in as both sides.
beforeAll(async () => {
  assertBuilt();
  server = await startTestServer({}, { worker: true });
  const base = await isolatedEnv();
  const bin = await mkdtemp(join(tmpdir(), 'yardpass-path-'));
  await writeFile(join(bin, 'yardpass'), `#!/bin/sh\nexec "${process.execPath}" "${BINARY}" "$@"\n`);
  await chmod(join(bin, 'yardpass'), 0o755);
  env = { ...base, PATH: `${bin}:${base.PATH ?? ''}` };
  for (const [profile, org] of [
    ['organizer', server.organizer],
    ['sponsor', server.sponsor],
  ] as const) {
    const login = await yardpass({
      args: ['login', '--profile', profile, '--api-key', org.apiKey, '--base-url', server.baseUrl],
      env,
    });
    expect(login.code, login.stderr).toBe(0);
  }
}, 60_000);

afterAll(() => server?.close());

describe('examples/checklist.sh', () => {
  it('runs the §16 checklist end to end with yardpass commands only', { timeout: 180_000 }, async () => {
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>(
      (resolve) => {
        execFile('bash', [SCRIPT], { env, timeout: 170_000 }, (error, out, err) =>
          resolve({
            code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
            stdout: out,
            stderr: err,
          }),
        );
      },
    );
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toContain('✓ publish package: in the marketplace');
    expect(stdout).toContain('✓ release escrow: payout with a transfer id');
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });
});
