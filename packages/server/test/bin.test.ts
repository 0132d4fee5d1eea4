import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database';
import { createDb } from '../src/db/pool';
import { createOrganization } from '../src/domain/identity';

const bin = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const yardpassCli = fileURLToPath(new URL('../../cli/dist/main.js', import.meta.url));
const run = promisify(execFile);

/** Runs the built `yardpass-server` with only the given environment (plus PATH). */
async function cli(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH!, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Starts a long-running command and resolves with its URL once `pattern` appears on stdout. */
function startLongRunning(args: string[], env: Record<string, string>, pattern: RegExp) {
  const child = spawn(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH!, ...env } });
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code, signal) => reject(new Error(`exited with ${code ?? signal}: ${output}`)));
  });
  // The exit code, or the signal that ended the process.
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal!)),
  );
  return { child, ready, exited, output: () => output };
}

beforeAll(() => {
  if (!existsSync(bin))
    throw new Error('Build the server first: `pnpm build` (the README test command does).');
});

describe('yardpass-server', () => {
  it('creates an organization with an owner key for scripts (orgs create --json)', async () => {
    const DATABASE_URL = await createTestDatabase();
    const res = await cli(['orgs', 'create', '--name', 'Acme Events', '--json'], { DATABASE_URL });
    expect(res.code).toBe(0);
    const created = JSON.parse(res.stdout) as { organization: { id: string; name: string }; api_key: string };
    expect(created.organization.name).toBe('Acme Events');
    expect(created.api_key).toMatch(/^yp_test_/);
  });

  it.each([
    [
      ['start'],
      { PORT: 'abc', DATABASE_URL: 'postgres://x@localhost/db' },
      /^Invalid PORT: .*\(got "abc"\)$/,
    ],
    [['start'], {}, /^Missing DATABASE_URL/],
    [
      ['start'],
      { DATABASE_URL: 'postgres://x@localhost/db' },
      /^Missing STRIPE_SECRET_KEY: required in production unless YARDPASS_PAYMENTS=sandbox/,
    ],
    [
      ['start'],
      { DATABASE_URL: 'mysql://x', YARDPASS_PAYMENTS: 'sandbox' },
      /^Invalid DATABASE_URL: must be a postgres:\/\/ URL/,
    ],
    [['launch'], {}, /^Unknown command "launch"/],
  ])('stops %j with one line naming the bad setting', async (args, env, message) => {
    const res = await cli(args, env);
    expect(res.code).not.toBe(0);
    expect(res.stderr.trim().split('\n')[0]).toMatch(message);
  });

  it('retries an unreachable database for a bounded time, then exits non-zero', async () => {
    const res = await cli(['start'], {
      DATABASE_URL: 'postgres://yardpass:yardpass@127.0.0.1:1/none',
      YARDPASS_PAYMENTS: 'sandbox',
      YARDPASS_DB_START_TIMEOUT_SECONDS: '1',
    });
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('database unreachable, retrying');
    expect(res.stderr).toMatch(/PostgreSQL unreachable after 1 s/);
  });

  it('starts, serves, and shuts down cleanly on SIGTERM', async () => {
    const DATABASE_URL = await createTestDatabase();
    const server = startLongRunning(
      ['start'],
      { DATABASE_URL, YARDPASS_PAYMENTS: 'sandbox', PORT: '0', HOST: '127.0.0.1' },
      /"url":"(http:[^"]+)"/,
    );
    const url = await server.ready;
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('shutting down');
  }, 60_000);

  it('ends open event streams on SIGTERM instead of waiting out the shutdown timeout', async () => {
    const DATABASE_URL = await createTestDatabase();
    const db = createDb({ databaseUrl: DATABASE_URL, max: 1 });
    const { apiKey } = await createOrganization(db, { name: 'Streamer' }).finally(() => db.close());
    const server = startLongRunning(
      ['start'],
      {
        DATABASE_URL,
        YARDPASS_PAYMENTS: 'sandbox',
        PORT: '0',
        HOST: '127.0.0.1',
        YARDPASS_SHUTDOWN_TIMEOUT_MS: '600000',
      },
      /"url":"(http:[^"]+)"/,
    );
    const url = await server.ready;
    const stream = await fetch(`${url}/v1/webhook-events/stream`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    const reader = stream.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain(': connected');
    server.child.kill('SIGTERM');
    // The stream ends cleanly (the client reconnects with Last-Event-ID elsewhere) and the process exits.
    while (!(await reader.read()).done);
    expect(await server.exited).toBe(0);
  }, 60_000);

  it('runs dev on embedded PostgreSQL and reuses its seeded credentials on the next run', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'yardpass-dev-'));
    await chmod(dataDir, 0o755);
    // dev logs the CLI in: its config goes beside the data, not into the user's ~/.config.
    const env = {
      YARDPASS_DATA_DIR: dataDir,
      XDG_CONFIG_HOME: join(dataDir, 'config'),
      PORT: '0',
      LOG_LEVEL: 'warn',
    };
    const credentialsFile = join(dataDir, 'dev-credentials.json');

    const first = startLongRunning(['dev', '--seed'], env, /running at (http:\S+)/);
    const url = await first.ready;
    const credentials = JSON.parse(await readFile(credentialsFile, 'utf8')) as {
      base_url: string;
      organizer: {
        org_id: string;
        api_key: string;
        event_id: string;
        package_id: string;
        workspace_id: string;
        widget_public_id: string;
      };
      sponsor: { org_id: string; api_key: string; sponsor_id: string };
    };
    expect(credentials.base_url).toBe(url);
    expect(first.output()).toContain(credentials.organizer.api_key);
    // The CLI is logged in as both parties, to this server.
    const cli = JSON.parse(await readFile(join(dataDir, 'config', 'yardpass', 'config.json'), 'utf8'));
    expect(cli).toEqual({
      current_profile: 'dev',
      profiles: {
        dev: { base_url: url, api_key: credentials.organizer.api_key },
        'dev-sponsor': { base_url: url, api_key: credentials.sponsor.api_key },
      },
    });
    expect(first.output()).toContain('pnpm yardpass events list');
    const event = await fetch(`${url}/v1/events/${credentials.organizer.event_id}`, {
      headers: { authorization: `Bearer ${credentials.organizer.api_key}` },
    });
    expect(event.status).toBe(200);
    const sponsor = await fetch(`${url}/v1/sponsors/${credentials.sponsor.sponsor_id}`, {
      headers: { authorization: `Bearer ${credentials.sponsor.api_key}` },
    });
    expect(sponsor.status).toBe(200);
    // A workspace grouping the seeded package, listed by the logged-in CLI, with a card anyone can open.
    const { organizer } = credentials;
    const listed = await promisify(execFile)(
      process.execPath,
      [yardpassCli, 'workspaces', 'list', '--json'],
      {
        env: { PATH: process.env.PATH!, HOME: dataDir, XDG_CONFIG_HOME: join(dataDir, 'config') },
      },
    );
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ id: organizer.workspace_id, slug: 'festival-sponsorships' }),
    ]);
    const links = await fetch(`${url}/v1/sponsorship-workspaces/${organizer.workspace_id}/links`, {
      headers: { authorization: `Bearer ${organizer.api_key}` },
    });
    expect((await links.json()).data.package_ids).toEqual([organizer.package_id]);
    const widgetUrl = `${url}/v1/public/widgets/${organizer.widget_public_id}`;
    expect(first.output()).toContain(widgetUrl);
    expect(first.output()).toContain('pnpm yardpass workspaces list');
    const widget = await fetch(widgetUrl);
    expect(widget.status).toBe(200);
    expect((await widget.json()).data).toMatchObject({
      widget_type: 'marketplace_card',
      package: { title: 'Main Stage Partner', available: 3, sold_out: false },
    });
    first.child.kill('SIGTERM');
    expect(await first.exited, first.output()).toBe(0);

    const second = startLongRunning(['dev', '--seed'], env, /running at (http:\S+)/);
    await second.ready;
    const again = JSON.parse(await readFile(credentialsFile, 'utf8')) as typeof credentials;
    expect({ ...again, base_url: '' }).toEqual({ ...credentials, base_url: '' });
    second.child.kill('SIGTERM');
    expect(await second.exited, second.output()).toBe(0);
  }, 60_000);

  it('refuses a second dev on a data directory in use, naming the PID, and shuts down without an error log', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'yardpass-dev-'));
    await chmod(dataDir, 0o755);
    const env = {
      YARDPASS_DATA_DIR: dataDir,
      XDG_CONFIG_HOME: join(dataDir, 'config'),
      PORT: '0',
      LOG_LEVEL: 'info',
    };
    const first = startLongRunning(['dev'], env, /running at (http:\S+)/);
    await first.ready;
    const pid = (await readFile(join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]!;

    const second = await cli(['dev'], env);
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain(`is in use by PostgreSQL (PID ${pid})`);
    expect(second.stderr).not.toContain('TypeError');

    first.child.kill('SIGTERM');
    expect(await first.exited, first.output()).toBe(0);
    // A graceful shutdown is not an error: no level-50 lines (such as a failed UNLISTEN, 57P01).
    expect(first.output()).toContain('shutting down');
    expect(first.output()).not.toContain('"level":50');
  }, 60_000);

  it('stops its embedded PostgreSQL when signalled before it is up', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'yardpass-dev-'));
    await chmod(dataDir, 0o755);
    const env = { YARDPASS_DATA_DIR: dataDir, XDG_CONFIG_HOME: join(dataDir, 'config'), PORT: '0' };
    // Signalled after PostgreSQL started and the migrations ran, while the seed is still being written.
    const dev = startLongRunning(['dev', '--seed'], env, /("migrations applied")/);
    await dev.ready;
    const postgresPid = Number(
      (await readFile(join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0],
    );
    dev.child.kill('SIGTERM');
    expect(await dev.exited, dev.output()).toBe(0);
    expect(dev.output()).not.toContain('running at');
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(() => process.kill(postgresPid, 0)).toThrow();
  }, 60_000);
});
