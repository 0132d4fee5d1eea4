#!/usr/bin/env node
// `pnpm dev`: builds the packages' JavaScript, then runs `yardpass-server dev --seed`.
//
// Type declarations are left out: running the server and the CLI does not need them, and they took most of a
// minute (`pnpm build` and `pnpm test` still build them for type checks and publishing). Files already in dist/
// are kept, so an earlier full build's declarations stay for editors.
//
// The server runs in a process group of its own: Ctrl+C in a terminal signals the whole foreground group, which
// used to stop the embedded PostgreSQL under the worker (level-50 UNLISTEN errors). Now only this script gets it
// and passes one SIGINT on; the server stops the API, the worker, then PostgreSQL, and exits 0, and so does
// this script (the root `dev` script `exec`s it, so no shell dies of the signal and pnpm prints no ELIFECYCLE).
/* global console, performance, process */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const tsup = join(dirname(require.resolve('tsup/package.json')), 'dist', 'cli-default.js');
const PACKAGES = ['sdk', 'webhook-verifier', 'cli', 'server'];
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Runs tsup in one package, its output kept unless it fails. */
function build(name) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsup, '--no-dts', '--no-clean'], {
      cwd: join(root, 'packages', name),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      if (code === 0) console.log(`  built @yardpass/${name} in ${seconds(started)}`);
      else console.error(`  @yardpass/${name} failed to build:\n${output}`);
      resolve(code === 0);
    });
  });
}

// YARDPASS_DEV_BUILD=0 skips the build: tests that run this script after `pnpm build` must not rewrite dist/
// under other tests that are running the built CLI.
if (process.env.YARDPASS_DEV_BUILD !== '0') {
  const started = performance.now();
  console.log(`Building ${PACKAGES.map((name) => `@yardpass/${name}`).join(', ')} (JavaScript only) …`);
  const built = await Promise.all(PACKAGES.map(build));
  if (built.includes(false)) process.exit(1);
  console.log(`Built in ${seconds(started)}.`);
}
console.log('Starting the server: PostgreSQL, migrations, demo data …');

const server = spawn(
  process.execPath,
  [join(root, 'packages/server/bin/yardpass-server.js'), 'dev', '--seed', ...process.argv.slice(2)],
  { stdio: 'inherit', detached: true },
);
let forwarded = false;
const stop = () => {
  if (forwarded) return;
  forwarded = true;
  server.kill('SIGINT');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
