import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { assertBuilt } from './binary.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCRIPT = join(ROOT, 'examples/quickstart.sh');
let home: string | undefined;

afterAll(async () => {
  if (home) await rm(home, { recursive: true, force: true });
});

// examples/quickstart.sh is the README's quickstart: it starts `pnpm dev` (embedded PostgreSQL, seed) in a data
// folder of its own and drives both parties with `pnpm yardpass` to a paid payout and an ROI report PDF. Here it
// runs unchanged, on the build `pnpm test` made (YARDPASS_DEV_BUILD=0 keeps it from rebuilding dist/ under the
// other tests), with its own CLI config and a free port.
describe('examples/quickstart.sh', () => {
  it('goes from pnpm dev to a paid payout and a PDF through the CLI only', { timeout: 420_000 }, async () => {
    assertBuilt();
    home = await mkdtemp(join(tmpdir(), 'yardpass-quickstart-'));
    // As root, the embedded PostgreSQL runs as `postgres`, which must be able to enter the data folder.
    await chmod(home, 0o755);
    const out = join(home, 'roi.pdf');
    const { stdout } = await promisify(execFile)('bash', [SCRIPT], {
      cwd: ROOT,
      timeout: 400_000,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        XDG_CONFIG_HOME: join(home, 'config'),
        YARDPASS_DATA_DIR: join(home, 'data'),
        YARDPASS_DEV_BUILD: '0',
        PORT: '0',
        OUT: out,
      },
    });
    expect(stdout).toMatch(/server ready: running at http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toMatch(/payout paid: 405000 cents \(transfer tr_\w+\)/);
    expect(stdout).toMatch(/ROI report: [1-9]\d* conversions/);
    expect(stdout).toMatch(/Quickstart done in \d+(\.\d)? s/);
    expect((await readFile(out)).subarray(0, 5).toString()).toBe('%PDF-');
    // The CLI was logged in by `pnpm dev`, as both parties, in the CLI's own config format.
    const config = JSON.parse(await readFile(join(home, 'config', 'yardpass', 'config.json'), 'utf8'));
    expect(config.current_profile).toBe('dev');
    expect(Object.keys(config.profiles)).toEqual(['dev', 'dev-sponsor']);
  });
});
