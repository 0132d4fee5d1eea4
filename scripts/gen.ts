/**
 * Regenerates the TypeScript types of the contract from openapi.yaml into each package that needs them.
 * `--check` writes nothing and fails when a committed file is stale (run in CI).
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const targets = ['packages/sdk/src/generated/openapi.ts', 'packages/server/src/generated/openapi.ts'];
const header = '// Generated from openapi.yaml by `pnpm gen` (openapi-typescript). Do not edit.\n\n';

const ast = await openapiTS(new URL('../openapi.yaml', import.meta.url), {
  alphabetize: false,
  defaultNonNullable: false,
});
const output = header + astToString(ast);
const check = process.argv.includes('--check');

const stale: string[] = [];
for (const target of targets) {
  const current = await readFile(root(target), 'utf8').catch(() => '');
  if (current === output) continue;
  if (check) stale.push(target);
  else {
    await mkdir(dirname(root(target)), { recursive: true });
    await writeFile(root(target), output);
    console.log(`wrote ${target}`);
  }
}
if (stale.length > 0) {
  console.error(`Generated types are stale: ${stale.join(', ')}. Run \`pnpm gen\` and commit the result.`);
  process.exitCode = 1;
}
