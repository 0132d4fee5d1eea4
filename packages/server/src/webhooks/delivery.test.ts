import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../../../../test/server';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { claimEndpointDeliveries, recordWebhookAttempts } from './db/deliveries';
import { insertWebhookEndpoint } from './db/endpoints';
import { fanOutWebhookEvents } from './db/events';
import { deliverEndpoint } from './delivery';
import { emitEvent } from './emit';
import { createSender } from './send';
import { webhookSettings } from './settings';

// The worker is off here: the jobs these statements queue stay in graphile-worker's queue to be read.
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function endpoint() {
  return server.db.system((tx) =>
    insertWebhookEndpoint(tx, {
      orgId: server.organizer.orgId,
      url: 'http://127.0.0.1:9/unused',
      description: null,
      eventTypes: ['order.funded'],
      enabled: true,
      secret: 'whsec_test',
    }),
  );
}

const emit = () =>
  server.db.system((tx) => emitEvent(tx, server.organizer.orgId, 'order.funded', { marker: 'jobs' }));

/** The endpoint's `webhooks.deliver` jobs still waiting, by their keys, from graphile-worker's public view. */
async function jobsOf(endpointId: string) {
  const { rows } = await server.db.system((tx) =>
    tx.query<{ key: string; due: boolean; in_seconds: number }>(
      `select key, run_at <= now() as due, extract(epoch from run_at - now())::float8 as in_seconds
         from graphile_worker.jobs
        where key in ('webhook-endpoint:' || $1, 'webhook-endpoint-next:' || $1) and locked_at is null
        order by run_at`,
      [endpointId],
    ),
  );
  return rows;
}

describe('the jobs of an endpoint', () => {
  it('never postpone new deliveries: a set logged during a fan-out leaves the fan-out its own job', async () => {
    const { id } = await endpoint();
    await emit();
    await server.db.system((tx) => fanOutWebhookEvents(tx, { limit: 10 }));
    const [claimed] = await server.db.system((tx) =>
      claimEndpointDeliveries(tx, { endpointId: id, limit: 10, failingLimit: 4, leaseMs: 60_000 }),
    );
    await emit();

    // A fan-out holds its new delivery and its job uncommitted while a worker logs the first set (a retry in
    // a minute): the log's snapshot cannot see the new delivery.
    let fannedOut!: () => void;
    let commit!: () => void;
    const fanning = new Promise<void>((resolve) => (fannedOut = resolve));
    const committing = new Promise<void>((resolve) => (commit = resolve));
    const fanOut = server.db.system(async (tx) => {
      await fanOutWebhookEvents(tx, { limit: 10 });
      fannedOut();
      await committing;
    });
    await fanning;
    let logged = false;
    const log = server.db
      .system((tx) =>
        recordWebhookAttempts(
          tx,
          id,
          [
            {
              deliveryId: claimed!.id,
              succeeded: false,
              statusCode: 500,
              latencyMs: 3,
              responseBody: null,
              error: 'unexpected status 500',
              retryInMs: 60_000,
            },
          ],
          false,
        ),
      )
      .finally(() => (logged = true));
    // Either the log is done, or it waits for the fan-out's lock on a shared job key.
    await vi.waitFor(async () => {
      if (logged) return;
      const { rows } = await server.db.system((tx) =>
        tx.query(
          "select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        ),
      );
      if (rows.length === 0) throw new Error('the log neither finished nor waits');
    });
    commit();
    await Promise.all([fanOut, log]);

    const jobs = await jobsOf(id);
    expect(jobs.map((job) => job.due)).toEqual([true, false]);
    expect(jobs[1]!.in_seconds).toBeGreaterThan(50);
  });

  it('leave a successor when one runs before anything is due, so a later attempt never waits for the sweep', async () => {
    const { id } = await endpoint();
    await emit();
    await server.db.system((tx) => fanOutWebhookEvents(tx, { limit: 10 }));
    await server.db.system((tx) =>
      tx.query(
        `update webhook_deliveries set status = 'failed', next_attempt_at = now() + interval '5 minutes'
          where endpoint_id = $1`,
        [id],
      ),
    );
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: server.databaseUrl }, 'dev');
    const settings = webhookSettings(config);
    const sender = createSender({ timeoutMs: settings.timeoutMs, allowPrivate: true });
    try {
      const deps = { db: server.db, settings, sender, log: createLogger('silent'), clock: () => new Date() };
      expect(await deliverEndpoint(deps, id)).toBe(0);
    } finally {
      sender.close();
    }
    const next = (await jobsOf(id)).find((job) => job.key.startsWith('webhook-endpoint-next:'));
    expect(next?.due).toBe(false);
    expect(next!.in_seconds).toBeGreaterThan(4 * 60);
  });

  it('attempt a failing endpoint again once the lease of a worker that died holding it runs out', async () => {
    const { id } = await endpoint();
    await emit();
    await server.db.system((tx) => fanOutWebhookEvents(tx, { limit: 10 }));
    await server.db.system((tx) =>
      tx.query('update webhook_endpoints set failing_since = now() where id = $1', [id]),
    );
    // A worker claims the failing endpoint's set with its lease, then dies before logging anything.
    const [held] = await server.db.system((tx) =>
      claimEndpointDeliveries(tx, { endpointId: id, limit: 10, failingLimit: 4, leaseMs: 500 }),
    );
    expect(held).toBeDefined();
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: server.databaseUrl }, 'dev');
    const settings = webhookSettings(config);
    const sender = createSender({ timeoutMs: settings.timeoutMs, allowPrivate: true });
    const deps = { db: server.db, settings, sender, log: createLogger('silent'), clock: () => new Date() };
    try {
      // The next job finds the endpoint leased: it queues the endpoint for when the lease runs out.
      expect(await deliverEndpoint(deps, id)).toBe(0);
      const next = (await jobsOf(id)).find((job) => job.key.startsWith('webhook-endpoint-next:'));
      expect(next!.in_seconds).toBeGreaterThan(0);
      expect(next!.in_seconds).toBeLessThanOrEqual(0.5);
      await vi.waitFor(async () => expect(await deliverEndpoint(deps, id)).toBe(1), { timeout: 5000 });
    } finally {
      sender.close();
    }
    const { rows } = await server.db.system((tx) =>
      tx.query<{ attempt_count: number }>('select attempt_count from webhook_deliveries where id = $1', [
        held!.id,
      ]),
    );
    expect(rows[0]!.attempt_count).toBe(1);
  });

  it("leave a failing endpoint's lease to its holder when another set is logged", async () => {
    const { id } = await endpoint();
    await emit();
    await emit();
    await server.db.system((tx) => fanOutWebhookEvents(tx, { limit: 10 }));
    const claim = (failingLimit: number) =>
      server.db.system((tx) =>
        claimEndpointDeliveries(tx, { endpointId: id, limit: 1, failingLimit, leaseMs: 60_000 }),
      );
    // One set is claimed while the endpoint is healthy (no lease); then it fails, and another set is claimed
    // with the endpoint's lease.
    const [healthy] = await claim(1);
    expect(healthy!.failing).toBe(false);
    await server.db.system((tx) =>
      tx.query('update webhook_endpoints set failing_since = now() where id = $1', [id]),
    );
    const [leased] = await claim(1);
    expect(leased!.failing).toBe(true);
    const failed = (deliveryId: string) => ({
      deliveryId,
      succeeded: false,
      statusCode: 500,
      latencyMs: 3,
      responseBody: null,
      error: 'unexpected status 500',
      retryInMs: 0,
    });
    // The healthy set's log leaves the lease: its deliveries are due again, but nobody else may attempt them.
    await server.db.system((tx) => recordWebhookAttempts(tx, id, [failed(healthy!.id)], false));
    expect(await claim(4)).toEqual([]);
    // The holder's log gives it back.
    await server.db.system((tx) => recordWebhookAttempts(tx, id, [failed(leased!.id)], true));
    expect((await claim(4)).map((delivery) => delivery.id).sort()).toEqual([healthy!.id, leased!.id].sort());
  });
});
