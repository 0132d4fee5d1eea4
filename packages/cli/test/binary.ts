import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.js';

/** The built CLI: these tests run what users run, so `pnpm build` (or tsup in sdk and cli) must come first. */
export const BINARY = fileURLToPath(new URL('../dist/main.js', import.meta.url));

export function assertBuilt(): void {
  const sdk = fileURLToPath(new URL('../../sdk/dist/index.js', import.meta.url));
  for (const file of [BINARY, sdk]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`pnpm build\` before these tests.`);
  }
}

/** An environment with a config directory of its own, and nothing from the caller's YARDPASS_* or CI. */
export async function isolatedEnv(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const home = await mkdtemp(join(tmpdir(), 'yardpass-bin-'));
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    NO_COLOR: '1',
    ...extra,
  };
}

/** A fresh configuration home logged in to `baseUrl` with `apiKey`: how a test runs `yardpass` as one org. */
export async function loggedInEnv(baseUrl: string, apiKey: string): Promise<Record<string, string>> {
  const env = await isolatedEnv();
  const login = await yardpass({ args: ['login', '--api-key', apiKey, '--base-url', baseUrl], env });
  if (login.code !== 0) throw new Error(`yardpass login failed (${login.code}): ${login.stderr}`);
  return env;
}

/** The test server of a file, with the organizer and the sponsor each logged in to the built CLI. */
export interface TwoParties {
  server: TestServer;
  organizerEnv: Record<string, string>;
  sponsorEnv: Record<string, string>;
}

/** Starts a test server for the file's tests (and closes it after them); its fields are set in `beforeAll`. */
export function useTwoParties(): TwoParties {
  const parties = {} as TwoParties;
  beforeAll(async () => {
    assertBuilt();
    parties.server = await startTestServer();
    parties.organizerEnv = await loggedInEnv(parties.server.baseUrl, parties.server.organizer.apiKey);
    parties.sponsorEnv = await loggedInEnv(parties.server.baseUrl, parties.server.sponsor.apiKey);
  }, 60_000);
  afterAll(async () => {
    await parties.server?.close();
  });
  return parties;
}

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/main.js …` with pipes for stdin, stdout and stderr (so: no terminal). */
export function yardpass(options: {
  args: string[];
  env: Record<string, string>;
  input?: string;
}): Promise<Result> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BINARY, ...options.args],
      { env: options.env, timeout: 20_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(options.input ?? '');
  });
}
