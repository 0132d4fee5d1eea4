import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const BIN = (name: string) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

function run(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: PACKAGE_DIR, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          output: `${stdout}${stderr}`,
        }),
    );
  });
}

// What `npm publish` would ship, checked the way openapi-typescript checks its own: the built package
// (so `pnpm build` first, as `pnpm test` does), packed, then resolved as every kind of consumer would.
describe('the published package', { timeout: 90_000 }, () => {
  it('is built', () => {
    for (const file of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts']) {
      expect(existsSync(`${PACKAGE_DIR}/dist/${file}`), `dist/${file}: run \`pnpm build\``).toBe(true);
    }
  });

  it('passes publint (exports map, files, types)', async () => {
    const { code, output } = await run(BIN('publint'), ['--strict']);
    expect(code, output).toBe(0);
  });

  it('resolves with types for node10, node16 CJS and ESM, and bundlers (@arethetypeswrong/cli)', async () => {
    const { code, output } = await run(BIN('attw'), ['--pack', '.', '--format', 'table-flipped']);
    expect(code, output).toBe(0);
    expect(output).toMatch(/No problems found/);
  });

  it('loads from CommonJS and ESM alike, with the same API', async () => {
    const script = (kind: 'require' | 'import') =>
      kind === 'require'
        ? `const sdk = require('./dist/index.cjs'); console.log(Object.keys(sdk).sort().join(','))`
        : `import('./dist/index.js').then((sdk) => console.log(Object.keys(sdk).sort().join(',')))`;
    const cjs = await run(process.execPath, ['-e', script('require')]);
    const esm = await run(process.execPath, ['-e', script('import')]);
    expect(cjs.code, cjs.output).toBe(0);
    expect(esm.code, esm.output).toBe(0);
    expect(cjs.output.trim()).toBe(esm.output.trim());
    expect(cjs.output).toMatch(/\bYardpass\b/);
  });
});
