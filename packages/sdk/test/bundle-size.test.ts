import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'tsup';
import { describe, expect, it } from 'vitest';

const LIMIT_BYTES = 12 * 1024;

describe('the ESM bundle', () => {
  it('stays under 12 kB minified and gzipped, with undici left out of non-Node bundles', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'yardpass-sdk-size-'));
    try {
      // As an edge or browser bundler sees it: everything inlined, undici included if it were imported
      // with a literal specifier (then it would also pull in node:net and fail on this platform).
      await build({
        config: false,
        entry: { index: fileURLToPath(new URL('../src/index.ts', import.meta.url)) },
        format: ['esm'],
        platform: 'browser',
        target: 'es2022',
        minify: true,
        treeshake: true,
        splitting: false,
        noExternal: [/.*/],
        outDir,
        silent: true,
      });
      const code = await readFile(join(outDir, 'index.js'));
      const size = gzipSync(code).length;
      console.info(`@yardpass/sdk ESM: ${code.length} B minified, ${size} B min+gzip`);
      expect(size).toBeLessThan(LIMIT_BYTES);
      expect(code.toString()).not.toMatch(/node:net|keepAliveTimeout/);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
