import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What a user outside this repository gets: `pnpm pack` of the published packages, installed with npm into an
// empty project, then imported as ESM, as CommonJS and from TypeScript (moduleResolution node16 and bundler),
// the CLI's bin run and the verifier checked for zero dependencies. Needs `pnpm build` (the .d.ts files) first,
// and the npm registry for the packages' own dependencies.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PACKAGES = ['sdk', 'cli', 'webhook-verifier'] as const;
const run = promisify(execFile);
const bin = (name: string) => join(ROOT, 'packages/sdk/node_modules/.bin', name);
const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');

let work: string;
let project: string;
const tarballs: Record<string, string> = {};

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'yardpass-packages-'));
  await chmod(work, 0o755);
  for (const name of PACKAGES) {
    const dir = join(ROOT, 'packages', name);
    const dts = name === 'cli' ? undefined : join(dir, 'dist/index.d.ts');
    if (dts)
      await readFile(dts).catch(() =>
        Promise.reject(new Error(`${dts} is missing: run \`pnpm build\` first.`)),
      );
    const { stdout } = await run('pnpm', ['pack', '--pack-destination', work], { cwd: dir });
    tarballs[name] = stdout.trim().split('\n').at(-1)!;
  }
  project = join(work, 'consumer');
  await run('mkdir', ['-p', project]);
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  await run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', ...PACKAGES.map((name) => tarballs[name]!)],
    { cwd: project, timeout: 240_000 },
  );
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const node = (args: string[]) => run(process.execPath, args, { cwd: project });

describe('the packed packages, installed into an empty project', () => {
  it.each(['sdk', 'webhook-verifier'])(
    '%s passes publint and @arethetypeswrong/cli',
    async (name) => {
      const cwd = join(ROOT, 'packages', name);
      await expect(run(bin('publint'), [], { cwd })).resolves.toMatchObject({
        stdout: expect.stringContaining('All good'),
      });
      // attw exits non-zero on any problem in any resolution mode (node10, node16 from CJS and ESM, bundler).
      await expect(
        run(bin('attw'), ['--pack', '.', '--format', 'ascii'], { cwd, timeout: 120_000 }),
      ).resolves.toBeDefined();
    },
    180_000,
  );

  it('imports the SDK as ESM and as CommonJS', async () => {
    const check =
      "if (typeof Yardpass !== 'function') throw new Error('no Yardpass'); const y = new Yardpass({ apiKey: 'yp_test_x', baseUrl: 'http://127.0.0.1:1' }); console.log(typeof y.events.list);";
    const esm = await node([
      '--input-type=module',
      '-e',
      `import { Yardpass } from '@yardpass/sdk'; ${check}`,
    ]);
    expect(esm.stdout.trim()).toBe('function');
    const cjs = await node(['-e', `const { Yardpass } = require('@yardpass/sdk'); ${check}`]);
    expect(cjs.stdout.trim()).toBe('function');
  });

  it.each([
    ['node16', { module: 'node16', moduleResolution: 'node16' }],
    ['bundler', { module: 'esnext', moduleResolution: 'bundler' }],
  ])(
    'type-checks against the SDK and the verifier with moduleResolution %s',
    async (mode, options) => {
      const dir = join(project, `ts-${mode}`);
      await run('mkdir', ['-p', dir]);
      const source = `import { Yardpass, type components } from '@yardpass/sdk';
import { verify, WebhookVerificationError } from '@yardpass/webhook-verifier';
const client = new Yardpass({ apiKey: 'yp_test_x' });
const order: components['schemas']['Order'] | undefined = undefined;
export const checks = [client.events.list, order, verify, WebhookVerificationError];
// @ts-expect-error — the SDK's types are real: an unknown option is refused.
new Yardpass({ apiKey: 'yp_test_x', notAnOption: true });
`;
      await writeFile(join(dir, mode === 'node16' ? 'check.mts' : 'check.ts'), source);
      await writeFile(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            ...options,
            target: 'es2022',
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            types: [],
          },
          include: ['*.ts', '*.mts'],
        }),
      );
      await expect(run(process.execPath, [tsc, '-p', dir], { cwd: project })).resolves.toBeDefined();
    },
    120_000,
  );

  it("runs the CLI's bin", async () => {
    const version = await run(join(project, 'node_modules/.bin/yardpass'), ['--version'], { cwd: project });
    expect(version.stdout.trim()).toBe('0.0.0');
    const help = await run(join(project, 'node_modules/.bin/yardpass'), ['--help'], { cwd: project });
    expect(help.stdout).toContain('reports');
  });

  it('signs and verifies with the verifier, which has no dependencies, as ESM and as CommonJS', async () => {
    const manifest = JSON.parse(
      await readFile(join(project, 'node_modules/@yardpass/webhook-verifier/package.json'), 'utf8'),
    );
    expect(manifest.dependencies ?? {}).toEqual({});
    const roundTrip = `const secret = 'whsec_' + Buffer.from('0123456789abcdef0123456789abcdef').toString('base64');
      const payload = JSON.stringify({ id: 'evt_1', type: 'order.funded', created_at: new Date().toISOString(), data: {} });
      const headers = await sign({ payload, secret, id: 'msg_1' });
      const event = await verify(payload, headers, secret);
      console.log(event.type);`;
    const esm = await node([
      '--input-type=module',
      '-e',
      `import { sign, verify } from '@yardpass/webhook-verifier'; ${roundTrip}`,
    ]);
    expect(esm.stdout.trim()).toBe('order.funded');
    const cjs = await node([
      '-e',
      `const { sign, verify } = require('@yardpass/webhook-verifier'); (async () => { ${roundTrip} })();`,
    ]);
    expect(cjs.stdout.trim()).toBe('order.funded');
  });
});
