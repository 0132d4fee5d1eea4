import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';
import { createDb, type Db } from '../db/pool';
import { createLogger } from '../logger';
import { seedCommerce } from '../../test/commerce-fixtures';
import { runTimeouts } from './timeouts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let server: TestServer;
let secondWorker: Db;
let organizer: ReturnType<typeof api>;
let sponsor: ReturnType<typeof api>;

beforeAll(async () => {
  server = await startTestServer();
  // A second worker process has its own pool: the two run the job at the same moment.
  secondWorker = createDb({ databaseUrl: server.databaseUrl, max: 5 });
  organizer = api(server, server.organizer);
  sponsor = api(server, server.sponsor);
  await organizer('PUT', '/v1/payout-configuration', {
    body: { stripe_connect_account_id: 'acct_1Timeouts' },
  });
});
afterAll(async () => {
  await secondWorker.close();
  await server.close();
});

/** Both workers run the time-out job at `at`; answers what each did. */
function twoWorkers(at: Date) {
  const deps = (db: Db) => ({
    db,
    payments: server.payments,
    log: createLogger('silent'),
    defaultFeeBps: 1000,
  });
  return Promise.all([runTimeouts(deps(server.db), at), runTimeouts(deps(secondWorker), at)]);
}

async function eventsOf(type: string, id: string) {
  const { rows } = await server.db.system((tx) =>
    tx.query<{ org_id: string }>(`select org_id from webhook_events where type = $1 and data->>'id' = $2`, [
      type,
      id,
    ]),
  );
  return rows.length;
}

async function newOrder() {
  const { packageId, sponsorId } = await seedCommerce(server, { inventory: 3 });
  const { json } = await sponsor('POST', '/v1/sponsorship-orders', {
    body: { package_id: packageId, sponsor_id: sponsorId },
  });
  return { id: json.data.id as string, packageId };
}

const soldOf = async (packageId: string) =>
  (
    await server.db.system((tx) =>
      tx.query<{ sold: number }>('select sold from sponsorship_packages where id = $1', [packageId]),
    )
  ).rows[0]!.sold;

describe('time-outs that act (two workers at once)', () => {
  it('reminds, then expires an unpaid order once and gives its unit back once', async () => {
    await organizer('PUT', '/v1/order-settings', { body: { payment_window_hours: 48 } });
    const { id, packageId } = await newOrder();
    expect(await soldOf(packageId)).toBe(1);

    const [early] = await twoWorkers(new Date(Date.now() + 10 * HOUR));
    expect(early.paymentRemind).toEqual([]);
    const reminded = await twoWorkers(new Date(Date.now() + 30 * HOUR));
    expect(reminded.flatMap((r) => r.paymentRemind).filter((o) => o === id)).toEqual([id]);
    expect(await eventsOf('order.payment_due', id)).toBe(2);

    const expired = await twoWorkers(new Date(Date.now() + 49 * HOUR));
    expect(expired.flatMap((r) => r.paymentExpire).filter((o) => o === id)).toEqual([id]);
    expect(await eventsOf('order.expired', id)).toBe(2);
    expect(await soldOf(packageId)).toBe(0);
    expect((await sponsor('GET', `/v1/sponsorship-orders/${id}`)).json.data.status).toBe('expired');
    // Expired is final: it is neither funded nor expired again.
    expect(
      (
        await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, {
          body: { payment_method_id: 'pm_card_visa' },
        })
      ).status,
    ).toBe(409);
    await twoWorkers(new Date(Date.now() + 100 * HOUR));
    expect(await eventsOf('order.expired', id)).toBe(2);
    expect(await soldOf(packageId)).toBe(0);
  });

  it('approves a submitted deliverable after the review window once, with one reminder a day before', async () => {
    const { id } = await newOrder();
    await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, {
      body: { payment_method_id: 'pm_card_visa' },
    });
    const created = await organizer('POST', '/v1/deliverables', {
      body: { order_id: id, type: 'logo_stage' },
    });
    const deliverableId = created.json.data.id as string;
    await organizer('POST', `/v1/deliverables/${deliverableId}/proofs`, {
      body: { asset_url: 'https://cdn.example.com/logo.jpg', metrics: {} },
    });

    const reminded = await twoWorkers(new Date(Date.now() + 6.5 * DAY));
    expect(reminded.flatMap((r) => r.reviewRemind).filter((d) => d === deliverableId)).toEqual([
      deliverableId,
    ]);
    expect(await eventsOf('deliverable.review_due', deliverableId)).toBe(2);
    const approved = await twoWorkers(new Date(Date.now() + 7.1 * DAY));
    expect(approved.flatMap((r) => r.reviewApprove).filter((d) => d === deliverableId)).toEqual([
      deliverableId,
    ]);
    expect(await eventsOf('deliverable.auto_approved', deliverableId)).toBe(2);
    expect(await eventsOf('deliverable.approved', deliverableId)).toBe(2);
    const shown = (await sponsor('GET', `/v1/deliverables/${deliverableId}`)).json.data;
    expect(shown.status).toBe('approved');
    // The order's only deliverable is approved: the order locked itself, as after a person's approval.
    expect((await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data).toMatchObject({
      escrow_state: 'locked',
      lock_reason: 'deliverables_complete',
    });
  });

  it('releases a fulfilled locked order after auto_release_after_days once, but never a disputed one', async () => {
    await organizer('PUT', '/v1/order-settings', { body: { auto_release_after_days: 3 } });
    const orders = [await newOrder(), await newOrder()];
    for (const { id } of orders) {
      await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, {
        body: { payment_method_id: 'pm_card_visa' },
      });
      await organizer('POST', `/v1/sponsorship-orders/${id}:lock`);
    }
    const [fulfilled, disputed] = orders.map((order) => order.id) as [string, string];
    await server.db.system((tx) =>
      tx.query(`update sponsorship_orders set disputed = true where id = $1`, [disputed]),
    );

    await twoWorkers(new Date(Date.now() + 2.5 * DAY));
    expect(await eventsOf('order.release_due', fulfilled)).toBe(2);
    expect(await eventsOf('order.release_due', disputed)).toBe(0);
    const released = await twoWorkers(new Date(Date.now() + 3.1 * DAY));
    expect(released.flatMap((r) => r.releaseAct).filter((o) => orders.some((x) => x.id === o))).toEqual([
      fulfilled,
    ]);
    expect(await eventsOf('order.auto_released', fulfilled)).toBe(2);
    const order = (await organizer('GET', `/v1/sponsorship-orders/${fulfilled}`)).json.data;
    expect(order).toMatchObject({
      escrow_state: 'released',
      payout: { status: 'pending', amount_cents: 135_000 },
    });
    expect((await organizer('GET', `/v1/sponsorship-orders/${disputed}`)).json.data.escrow_state).toBe(
      'locked',
    );
  });
});

describe('GET/PUT /v1/order-settings', () => {
  it('answers the defaults, keeps fields left out, refuses bad input, and is per organization', async () => {
    const other = api(server, await server.createOrg('Settings Stranger'));
    expect((await other('GET', '/v1/order-settings')).json.data).toMatchObject({
      payment_window_hours: 72,
      review_window_days: 7,
      auto_release_after_days: null,
      updated_at: null,
    });
    const put = await other('PUT', '/v1/order-settings', {
      body: { review_window_days: 5 },
      headers: { 'idempotency-key': 'settings-1' },
    });
    expect(put.json.data).toMatchObject({ payment_window_hours: 72, review_window_days: 5 });
    const replay = await other('PUT', '/v1/order-settings', {
      body: { review_window_days: 5 },
      headers: { 'idempotency-key': 'settings-1' },
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await other('PUT', '/v1/order-settings', { body: { review_window_days: 1 } })).status).toBe(400);
    expect((await other('PUT', '/v1/order-settings', { body: {} })).status).toBe(400);
    expect((await api(server, undefined)('GET', '/v1/order-settings')).status).toBe(401);
    // Another organization's settings are its own.
    expect((await organizer('GET', '/v1/order-settings')).json.data.review_window_days).toBe(7);
  });
});
