import { verify } from '@yardpass/webhook-verifier';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../test/server';
import { freePort, requireBuild, runBin, waitHealthy } from './processes';
import { startReceiver, type Receiver } from './receiver';

let server: TestServer;
beforeAll(async () => {
  requireBuild();
  server = await startTestServer({ YARDPASS_ALLOW_PRIVATE_WEBHOOK_URLS: 'true' });
});
afterAll(() => server?.close());

/** `yardpass-server start` and `yardpass-server worker` on the test database, each its own process. */
async function startProcesses() {
  const port = await freePort();
  const env = {
    DATABASE_URL: server.databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    YARDPASS_PAYMENTS: 'sandbox',
    YARDPASS_ALLOW_PRIVATE_WEBHOOK_URLS: 'true',
    YARDPASS_WEBHOOK_TIMEOUT: '1000ms',
    // About 30 s of retries: the receiver's outage below is shorter.
    YARDPASS_WEBHOOK_RETRY_SCHEDULE: '0,1s,2s,4s,8s,16s',
    LOG_LEVEL: 'warn',
  };
  const children = [runBin('start', env), runBin('worker', env)];
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitHealthy(baseUrl, () => children.map((child) => child.output()).join(''));
  return {
    baseUrl,
    kill: async () => {
      for (const { child } of children) child.kill('SIGKILL');
      return Promise.all(children.map(({ exited }) => exited));
    },
    stop: async () => {
      for (const { child } of children) child.kill('SIGTERM');
      await Promise.all(children.map(({ exited }) => exited));
    },
  };
}

describe('webhook delivery across SIGKILLs of the API and the worker, to a receiver that is down for a while', () => {
  it('delivers every committed event at least once, under its own id, once the receiver is back', async () => {
    // The receiver's address is reserved, then nobody listens there: every attempt is refused.
    const port = await freePort();
    const endpoint = await api(server, server.organizer)('POST', '/v1/webhook-endpoints', {
      body: { url: `http://127.0.0.1:${port}/hooks`, event_types: ['order.funded'] },
    });
    const secret = endpoint.json.data.secret as string;

    const trigger = (baseUrl: string) =>
      api({ baseUrl }, server.organizer)('POST', '/v1/webhook-events:trigger', {
        body: { type: 'order.funded' },
      }).catch(() => undefined);
    const first = await startProcesses();
    for (let i = 0; i < 10; i++) await trigger(first.baseUrl);
    // Both die with events queued, attempts failing and triggers in flight.
    const inFlight = Array.from({ length: 5 }, () => trigger(first.baseUrl));
    expect(await first.kill()).toEqual(['SIGKILL', 'SIGKILL']);
    await Promise.all(inFlight);

    const second = await startProcesses();
    let receiver: Receiver | undefined;
    try {
      for (let i = 0; i < 10; i++) await trigger(second.baseUrl);
      // The receiver comes back on its address a few seconds later.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      receiver = await startReceiver(port);

      // Committed events are the ones in the database, whatever their triggers' callers heard.
      const { rows } = await server.db.system((tx) =>
        tx.query<{ id: string }>(
          `select id from webhook_events where org_id = $1 and type = 'order.funded'`,
          [server.organizer.orgId],
        ),
      );
      expect(rows.length).toBeGreaterThanOrEqual(20);
      const committed = rows.map((row) => row.id).sort();
      const delivered = await vi.waitFor(
        async () => {
          const ids = new Set<string>();
          for (const arrival of receiver!.received)
            ids.add((await verify(arrival.body, arrival.headers, secret)).id);
          if (committed.some((id) => !ids.has(id)))
            throw new Error(`${ids.size} of ${committed.length} delivered`);
          return ids;
        },
        { timeout: 60_000, interval: 250 },
      );
      expect([...delivered].sort()).toEqual(committed);
      // Nothing is left waiting or leased: the endpoint's queue is not stuck.
      const { rows: open } = await server.db.system((tx) =>
        tx.query(
          `select id, status from webhook_deliveries where event_id = any($1::uuid[]) and status <> 'succeeded'`,
          [committed],
        ),
      );
      expect(open).toEqual([]);
    } finally {
      await second.stop();
      await receiver?.close();
    }
  }, 300_000);
});
