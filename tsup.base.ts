import { defineConfig, type Options } from 'tsup';

/** Shared build settings; each package passes only what differs (entries, formats, bin banner). */
export function packageConfig(options: Options) {
  return defineConfig({
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node18',
    splitting: false,
    treeshake: true,
    ...options,
  });
}
