import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The built server (`dist/main.js`): fault tests run it as real processes and kill them with SIGKILL. */
export const bin = fileURLToPath(new URL('../dist/main.js', import.meta.url));

export function requireBuild(): void {
  if (!existsSync(bin))
    throw new Error('Build the server first: `pnpm build` (the README test command does).');
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** `yardpass-server <command>` as its own process, with only `PATH` and `env` in its environment. */
export function runBin(command: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [bin, command], { env: { PATH: process.env.PATH!, ...env } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  return { child, exited, output: () => output };
}

/** Waits until `/healthz` answers at `baseUrl` (a loaded machine can take many seconds to start a process). */
export async function waitHealthy(baseUrl: string, output: () => string, timeoutMs = 90_000): Promise<void> {
  for (
    let waited = 0;
    !(await fetch(`${baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    ));
    waited += 100
  ) {
    if (waited > timeoutMs) throw new Error(`The process at ${baseUrl} did not start:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
