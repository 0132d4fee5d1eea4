import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { contents: Uint8Array }[] }>;
}

// esbuild is not a dependency of this package; use the one tsup builds it with.
const require = createRequire(import.meta.url);
const esbuild = createRequire(require.resolve('tsup'))('esbuild') as Esbuild;
const root = fileURLToPath(new URL('..', import.meta.url));
// 3 kB read strictly as 3000 bytes.
const LIMIT = 3000;

/** Minified and gzipped size of `code` bundled the way an app bundler would for `platform`. */
async function size(code: string, platform: 'node' | 'browser'): Promise<number> {
  const { outputFiles } = await esbuild.build({
    stdin: { contents: code, resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform,
    // The browser build must not reach node:crypto: esbuild fails on Node built-ins there.
    alias: { '@yardpass/webhook-verifier': `${root}src/${platform === 'node' ? 'index' : 'web'}.ts` },
    logLevel: 'silent',
  });
  return gzipSync(outputFiles[0]?.contents ?? new Uint8Array(), { level: 9 }).length;
}

describe('bundle size', () => {
  it.each([
    ['node:crypto', './src/index.ts', 'node'],
    ['Web Crypto', './src/web.ts', 'browser'],
  ] as const)('stays under 3 kB min+gzip when the whole %s build is bundled', async (_, entry, platform) => {
    const bytes = await size(`export * from '${entry}';`, platform);
    console.info(`${entry}: ${bytes} B min+gzip`);
    expect(bytes).toBeLessThan(LIMIT);
  });

  it('tree-shakes the rest away when only the error class is imported', async () => {
    const bytes = await size(`export { WebhookVerificationError } from './src/web.ts';`, 'browser');
    expect(bytes).toBeLessThan(200);
  });

  it.each([
    ['express', 'node'],
    ['node', 'node'],
    ['hono', 'browser'],
    ['next', 'browser'],
  ] as const)(
    'stays under 3.5 kB min+gzip when the %s adapter is bundled with the verifier',
    async (adapter, platform) => {
      const bytes = await size(`export * from './src/adapters/${adapter}.ts';`, platform);
      console.info(`${adapter} adapter: ${bytes} B min+gzip`);
      expect(bytes).toBeLessThan(3.5 * 1024);
    },
  );
});
