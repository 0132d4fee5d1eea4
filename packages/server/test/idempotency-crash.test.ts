import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../test/server';
import { freePort, requireBuild, runBin, waitHealthy } from './processes';

let server: TestServer;

beforeAll(async () => {
  requireBuild();
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** `yardpass-server start` on the test database, as its own process. */
async function startApiProcess() {
  const port = await freePort();
  const { child, exited, output } = runBin('start', {
    DATABASE_URL: server.databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    YARDPASS_PAYMENTS: 'sandbox',
    LOG_LEVEL: 'warn',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitHealthy(baseUrl, output);
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
