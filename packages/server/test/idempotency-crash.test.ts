import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../test/server';

const bin = fileURLToPath(new URL('../dist/main.js', import.meta.url));

let server: TestServer;

beforeAll(async () => {
  if (!existsSync(bin))
    throw new Error('Build the server first: `pnpm build` (the README test command does).');
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** `yardpass-server start` on the test database, as its own process. */
async function startApiProcess() {
  const port = await freePort();
  const child = spawn(process.execPath, [bin, 'start'], {
    env: {
      PATH: process.env.PATH!,
      DATABASE_URL: server.databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      YARDPASS_PAYMENTS: 'sandbox',
      LOG_LEVEL: 'warn',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 100) {
    const up = await fetch(`${baseUrl}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (waited > 30_000) throw new Error(`The API process did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, exited, baseUrl };
}

const countEvents = async (title: string) =>
  (
    await server.db.tenant(server.organizer.orgId, (tx) =>
      tx.query<{ n: number }>('select count(*)::int as n from events where title = $1', [title]),
    )
  ).rows[0]!.n;

describe('Idempotency-Key across a crash', () => {
  it('frees the key of a request whose process was killed (SIGKILL) mid-request within seconds, and runs it once', async () => {
    const event = { title: 'Crash gala', starts_at: '2030-03-01T19:00:00Z', ends_at: '2030-03-01T23:00:00Z' };
    const headers = { 'idempotency-key': 'crash-key' };
    const other = await startApiProcess();

    // The test holds a lock that every insert into events waits for, so the request stays in flight.
    const blocker = await server.db.pool.connect();
    await blocker.query('begin; lock table events in share mode');
    const inFlight = api({ baseUrl: other.baseUrl }, server.organizer)('POST', '/v1/events', {
      body: event,
      headers,
    }).catch(() => undefined);
    for (let waited = 0; ; waited += 50) {
      const { rows } = await server.db.pool.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
          where wait_event_type = 'Lock' and query like 'insert into events%'`,
      );
      if (rows[0]!.n > 0) break;
      if (waited > 20_000) throw new Error('The request never reached the database.');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    other.child.kill('SIGKILL');
    expect(await other.exited).toBe('SIGKILL');
    await inFlight;
    await blocker.query('commit');
    blocker.release();

    // The key is free again within seconds (not after a lock time-out) and the request runs exactly once.
    const started = Date.now();
    let retry = await api(server, server.organizer)('POST', '/v1/events', { body: event, headers });
    while (retry.status === 409 && Date.now() - started < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      retry = await api(server, server.organizer)('POST', '/v1/events', { body: event, headers });
    }
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await countEvents(event.title)).toBe(1);
    const replay = await api(server, server.organizer)('POST', '/v1/events', { body: event, headers });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.json.data.id).toBe(retry.json.data.id);
  }, 60_000);
});
