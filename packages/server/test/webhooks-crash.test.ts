import { verify } from '@yardpass/webhook-verifier';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../test/server';
import { requireBuild, runBin } from './processes';
import { startReceiver, type Receiver } from './receiver';

const TIMEOUT_MS = 1000;
// The lease a set of attempts holds: four rounds of the per-attempt timeout plus the server's 5 s margin.
const LEASE_MS = 4 * TIMEOUT_MS + 5000;

let server: TestServer;
let receiver: Receiver;

/** `yardpass-server worker` on the test database, as its own process. */
function startWorkerProcess() {
  return runBin('worker', {
    DATABASE_URL: server.databaseUrl,
    YARDPASS_ALLOW_PRIVATE_WEBHOOK_URLS: 'true',
    YARDPASS_WEBHOOK_TIMEOUT: `${TIMEOUT_MS}ms`,
    YARDPASS_WEBHOOK_RETRY_SCHEDULE: '0,200ms,200ms,200ms,200ms',
    LOG_LEVEL: 'warn',
  });
}

beforeAll(async () => {
  requireBuild();
  server = await startTestServer({ YARDPASS_ALLOW_PRIVATE_WEBHOOK_URLS: 'true' });
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await server?.close();
});

describe('webhook delivery across a crash', () => {
  it('loses no event when the worker is killed (SIGKILL) mid-delivery and started again', async () => {
    const organizer = api(server, server.organizer);
    const created = await organizer('POST', '/v1/webhook-endpoints', {
      body: { url: receiver.url, event_types: ['order.funded'] },
    });
    const secret = created.json.data.secret as string;
    // First the receiver takes requests and never answers: the worker is killed with attempts in flight.
    let hang = true;
    receiver.answer(() => (hang ? { status: 0 } : { status: 200 }));
    const events: string[] = [];
    // More events than the worker attempts at once, so that some are still waiting when it dies.
    for (let i = 0; i < 40; i++) {
      const { json } = await organizer('POST', '/v1/webhook-events:trigger', {
        body: { type: 'order.funded' },
      });
      events.push(json.data.id as string);
    }

    const first = startWorkerProcess();
    await receiver.waitFor(1, 20_000);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const inFlight = receiver.received.length;
    expect(inFlight).toBeGreaterThan(0);
    expect(inFlight).toBeLessThan(events.length);

    // Attempts were in flight: leased by the dead worker, never logged.
    const { rows: stranded } = await server.db.system((tx) =>
      tx.query<{ n: number }>(
        `select count(*)::int as n from webhook_deliveries
          where event_id = any($1::uuid[]) and status in ('pending', 'failed') and locked_until is not null`,
        [events],
      ),
    );
    expect(stranded[0]!.n).toBeGreaterThan(0);

    hang = false;
    // The killed worker's leases run out; the next worker recovers its work when it starts.
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 500));
    const second = startWorkerProcess();
    try {
      const statuses = await vi.waitFor(
        async () => {
          const { rows } = await server.db.system((tx) =>
            tx.query<{ status: string; n: number }>(
              `select d.status, count(*)::int as n from webhook_deliveries d
                where d.event_id = any($1::uuid[]) group by d.status`,
              [events],
            ),
          );
          const byStatus = Object.fromEntries(rows.map((row) => [row.status, row.n]));
          if (byStatus.succeeded !== events.length) throw new Error(JSON.stringify(byStatus));
          return byStatus;
        },
        { timeout: 30_000, interval: 200 },
      );
      expect(statuses).toEqual({ succeeded: events.length });
      const answered = receiver.received.slice(inFlight);
      const delivered = new Set<string>();
      for (const arrival of answered) delivered.add((await verify(arrival.body, arrival.headers, secret)).id);
      expect([...delivered].sort()).toEqual([...events].sort());
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 90_000);

  it('keeps delivering to an endpoint after the worker is killed (SIGKILL) with its attempt in flight (no stuck queue)', async () => {
    const slow = await startReceiver();
    slow.answer(() => ({ status: 0 }));
    const organizer = api(server, server.organizer);
    const created = await organizer('POST', '/v1/webhook-endpoints', {
      body: { url: slow.url, event_types: ['order.funded'] },
    });
    const endpointId = created.json.data.id as string;
    const first = startWorkerProcess();
    try {
      await organizer('POST', `/v1/webhook-endpoints/${endpointId}:test`);
      await slow.waitFor(1, 20_000);
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
    } finally {
      first.child.kill('SIGKILL');
    }

    // The receiver is back; three more pings must arrive at once, not wait behind the dead worker's job.
    slow.answer(() => ({ status: 200 }));
    const second = startWorkerProcess();
    try {
      const pings: string[] = [];
      for (let i = 0; i < 3; i++) {
        const { json } = await organizer('POST', `/v1/webhook-endpoints/${endpointId}:test`);
        pings.push(json.data.event_id as string);
      }
      const arrived = await vi.waitFor(
        () => {
          const ids = new Set(slow.received.map((arrival) => String(arrival.headers['webhook-id'])));
          const missing = pings.filter((id) => !ids.has(id));
          if (missing.length > 0) throw new Error(`not delivered: ${missing.join(', ')}`);
          return ids;
        },
        { timeout: 15_000, interval: 100 },
      );
      expect(pings.every((id) => arrived.has(id))).toBe(true);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
      await slow.close();
    }
  }, 90_000);
});
