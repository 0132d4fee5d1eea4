import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';
import { runPayout } from '../domain/payouts';
import { finishStalledReversals } from '../domain/disputes';
import { createLogger } from '../logger';
import { seedCommerce } from '../../test/commerce-fixtures';
import { createFakeStripe, sendStripeEvent } from '../../test/fake-stripe';

const SECRET = 'whsec_disputes';
const stripe = createFakeStripe();
const log = createLogger('silent');
let server: TestServer;
let organizer: ReturnType<typeof api>;
let sponsor: ReturnType<typeof api>;
let events = 0;

beforeAll(async () => {
  stripe.listen();
  server = await startTestServer({ STRIPE_SECRET_KEY: 'sk_test_msw', STRIPE_WEBHOOK_SECRET: SECRET });
  organizer = api(server, server.organizer);
  sponsor = api(server, server.sponsor);
  await organizer('PUT', '/v1/payout-configuration', {
    body: { stripe_connect_account_id: 'acct_1Disputed' },
  });
});
beforeEach(() => stripe.reset());
afterEach(() => stripe.server.resetHandlers());
afterAll(async () => {
  await server.close();
  stripe.server.close();
});

/** A funded order and its charge. */
async function fundedOrder() {
  const { packageId, sponsorId } = await seedCommerce(server);
  const id = (
    await sponsor('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId },
    })
  ).json.data.id as string;
  const funded = await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, {
    body: { payment_method_id: 'pm_card_visa' },
  });
  const chargeId = stripe.state.intents.get(funded.json.data.payment_intent_id as string)!
    .latest_charge as string;
  return { id, chargeId };
}

/** A funded and locked order with its deliverables approved, and its charge. */
async function lockedOrder() {
  const funded = await fundedOrder();
  await organizer('POST', `/v1/sponsorship-orders/${funded.id}:lock`);
  await server.db.system((tx) =>
    tx.query(`update deliverables set status = 'approved' where order_id = $1`, [funded.id]),
  );
  return funded;
}

const dispute = (
  disputeId: string,
  chargeId: string,
  status: string,
  extra: Record<string, unknown> = {},
) => ({
  id: disputeId,
  object: 'dispute',
  charge: chargeId,
  amount: 150_000,
  currency: 'usd',
  reason: 'fraudulent',
  status,
  evidence_details: { due_by: 1_900_000_000 },
  ...extra,
});
const send = async (type: string, object: Record<string, unknown>) => {
  const res = await sendStripeEvent(server, SECRET, { id: `evt_dispute_${++events}`, type, object });
  expect(res.status).toBe(200);
  return res;
};

async function eventOrgs(type: string, orderId: string) {
  const { rows } = await server.db.system((tx) =>
    tx.query<{ org_id: string }>(
      `select org_id from webhook_events where type = $1 and data->>'id' = $2 order by org_id`,
      [type, orderId],
    ),
  );
  return rows.map((row) => row.org_id);
}

async function ledgerTotal() {
  const { rows } = await server.db.system((tx) =>
    tx.query<{ total: string }>('select coalesce(sum(amount_cents), 0) as total from ledger_entries'),
  );
  return Number(rows[0]!.total);
}

describe('disputes (charge.dispute.* from Stripe)', () => {
  it('holds a disputed order: release answers 409 naming the dispute, both parties are told, the list filters it; won lifts the hold', async () => {
    const { id, chargeId } = await lockedOrder();
    await send('charge.dispute.created', dispute('dp_1Held', chargeId, 'needs_response'));
    const order = (await sponsor('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    expect(order).toMatchObject({
      disputed: true,
      dispute: {
        stripe_dispute_id: 'dp_1Held',
        status: 'needs_response',
        amount_cents: 150_000,
        reason: 'fraudulent',
        evidence_due_by: new Date(1_900_000_000_000).toISOString(),
      },
    });
    expect(await eventOrgs('order.disputed', id)).toEqual(
      [server.organizer.orgId, server.sponsor.orgId].sort(),
    );

    const refused = await organizer('POST', `/v1/sponsorship-orders/${id}:release`);
    expect(refused.status).toBe(409);
    expect(refused.json.type).toContain('order-disputed');
    expect(refused.json.detail).toContain('dp_1Held');
    expect(refused.json.stripe_dispute_id).toBe('dp_1Held');

    const disputed = await organizer('GET', '/v1/sponsorship-orders?disputed=true');
    expect(disputed.json.data.map((o: { id: string }) => o.id)).toContain(id);
    const undisputed = await organizer('GET', '/v1/sponsorship-orders?disputed=false');
    expect(undisputed.json.data.map((o: { id: string }) => o.id)).not.toContain(id);

    await send('charge.dispute.closed', dispute('dp_1Held', chargeId, 'won'));
    expect(await eventOrgs('order.dispute_closed', id)).toHaveLength(2);
    const released = await organizer('POST', `/v1/sponsorship-orders/${id}:release`);
    expect(released.status).toBe(200);
    expect(released.json.data).toMatchObject({ disputed: false, dispute: { status: 'won' } });
    const paid = await runPayout(
      { db: server.db, payments: server.payments, log },
      released.json.data.payout.id,
    );
    expect(paid?.status).toBe('paid');
    expect(await ledgerTotal()).toBe(0);
  });

  it('refuses to lock a disputed order with 409 naming the dispute, and locks it once the dispute is won', async () => {
    const { id, chargeId } = await fundedOrder();
    await send('charge.dispute.created', dispute('dp_1NoLock', chargeId, 'needs_response'));

    const refused = await organizer('POST', `/v1/sponsorship-orders/${id}:lock`);
    expect(refused.status).toBe(409);
    expect(refused.json.type).toContain('order-disputed');
    expect(refused.json.detail).toContain('dp_1NoLock');
    expect(refused.json.detail).toContain('cannot be locked');
    const order = (await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    expect(order).toMatchObject({ escrow_state: 'funded', locked_at: null });
    expect(order.ledger.transactions.map((t: { kind: string }) => t.kind)).not.toContain('lock');

    await send('charge.dispute.closed', dispute('dp_1NoLock', chargeId, 'won'));
    const locked = await organizer('POST', `/v1/sponsorship-orders/${id}:lock`);
    expect(locked.status).toBe(200);
    expect(locked.json.data.escrow_state).toBe('locked');
  });

  it('keeps a released payout from being transferred while the dispute is open', async () => {
    const { id, chargeId } = await lockedOrder();
    const payoutId = (await organizer('POST', `/v1/sponsorship-orders/${id}:release`)).json.data.payout
      .id as string;
    await send('charge.dispute.created', dispute('dp_1BeforePayout', chargeId, 'needs_response'));
    const held = await runPayout({ db: server.db, payments: server.payments, log }, payoutId);
    expect(held).toMatchObject({ status: 'pending', stripe_transfer_id: null });
    expect(stripe.posts('/v1/transfers')).toEqual([]);
    const retry = await organizer('POST', `/v1/payouts/${payoutId}:retry`);
    expect(retry.status).toBe(200);
    expect(retry.json.data.status).toBe('pending');
  });

  it('books a dispute lost after the transfer and reverses the transfer once, even when Stripe says so twice', async () => {
    const { id, chargeId } = await lockedOrder();
    const payoutId = (await organizer('POST', `/v1/sponsorship-orders/${id}:release`)).json.data.payout
      .id as string;
    const paid = await runPayout({ db: server.db, payments: server.payments, log }, payoutId);
    expect(paid?.status).toBe('paid');
    await send('charge.dispute.created', dispute('dp_1LostLate', chargeId, 'needs_response'));
    const lost = dispute('dp_1LostLate', chargeId, 'lost', {
      balance_transactions: [{ amount: -150_000, fee: 1_500 }],
    });
    await send('charge.dispute.closed', lost);
    await send('charge.dispute.closed', lost);

    const reversals = stripe.posts(`/v1/transfers/${paid!.stripe_transfer_id}/reversals`);
    expect(reversals).toHaveLength(1);
    const order = (await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    expect(order.dispute).toMatchObject({
      status: 'lost',
      lost_cents: 150_000,
      fee_cents: 1_500,
      reversal_cents: 135_000,
    });
    expect(reversals[0]!.key).toBe(`dispute:${order.dispute.id as string}:payout:${payoutId}:reversal`);
    expect(reversals[0]!.body.amount).toBe('135000');
    expect(order).toMatchObject({ disputed: false, refunded_cents: 150_000, status: 'refunded' });
    expect(order.payout).toMatchObject({ reversed_cents: 135_000 });
    const kinds = order.ledger.transactions.map((t: { kind: string }) => t.kind);
    expect(kinds.filter((k: string) => k === 'dispute')).toHaveLength(1);
    expect(kinds.filter((k: string) => k === 'reversal')).toHaveLength(1);
    expect(await ledgerTotal()).toBe(0);
  });

  it('reverses a transfer that was in flight when the dispute was lost, once it exists, and only once', async () => {
    const { id, chargeId } = await lockedOrder();
    const payoutId = (await organizer('POST', `/v1/sponsorship-orders/${id}:release`)).json.data.payout
      .id as string;
    const releaseStripe = stripe.hold();
    const run = runPayout({ db: server.db, payments: server.payments, log }, payoutId);
    for (let i = 0; stripe.posts('/v1/transfers').length === 0; i++) {
      if (i > 200) throw new Error('the transfer was never asked');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect((await organizer('GET', `/v1/payouts/${payoutId}`)).json.data.status).toBe('processing');
    await send('charge.dispute.created', dispute('dp_1InFlight', chargeId, 'needs_response'));
    await send(
      'charge.dispute.closed',
      dispute('dp_1InFlight', chargeId, 'lost', { balance_transactions: [{ amount: -150_000, fee: 1_500 }] }),
    );
    const meanwhile = (await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    expect(meanwhile.dispute).toMatchObject({
      status: 'lost',
      reversal_cents: 135_000,
      stripe_reversal_id: null,
    });
    expect(meanwhile.payout).toMatchObject({ status: 'processing', reversed_cents: 135_000 });

    releaseStripe();
    const paid = await run;
    expect(paid).toMatchObject({ status: 'paid' });
    const reversals = stripe.posts(`/v1/transfers/${paid!.stripe_transfer_id}/reversals`);
    expect(reversals).toHaveLength(1);
    expect(reversals[0]!.body.amount).toBe('135000');
    // The reconciliation job finds nothing left to reverse.
    expect(
      await finishStalledReversals(
        { db: server.db, payments: server.payments, log },
        new Date(Date.now() + 120_000),
      ),
    ).toEqual([]);
    expect(stripe.posts(`/v1/transfers/${paid!.stripe_transfer_id}/reversals`)).toHaveLength(1);
    const order = (await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    expect(order.dispute.stripe_reversal_id).toEqual(expect.any(String));
    expect(order.ledger.transactions.filter((t: { kind: string }) => t.kind === 'reversal')).toHaveLength(1);
    expect(await ledgerTotal()).toBe(0);
  });

  it('finishes a reversal that an older version recorded on the dispute, under the key it was asked with (migration 0019)', async () => {
    const { id, chargeId } = await lockedOrder();
    const payoutId = (await organizer('POST', `/v1/sponsorship-orders/${id}:release`)).json.data.payout
      .id as string;
    const paid = await runPayout({ db: server.db, payments: server.payments, log }, payoutId);
    const path = `/v1/transfers/${paid!.stripe_transfer_id}/reversals`;
    // Stripe is down while the dispute closes (the client retries twice): the reversal stays to be made.
    for (let i = 0; i < 3; i++) stripe.state.trouble.push({ path, kind: '500' });
    await send('charge.dispute.created', dispute('dp_1Upgraded', chargeId, 'needs_response'));
    await send('charge.dispute.closed', dispute('dp_1Upgraded', chargeId, 'lost'));
    expect(stripe.posts(path)).toHaveLength(3);

    // Back to the schema before 0019 (the reversal recorded on the dispute, not made), then up again.
    const sql = readFileSync(
      fileURLToPath(new URL('../db/migrations/0019_payout-reversals.sql', import.meta.url)),
      'utf8',
    );
    const [up, down] = sql.split('-- Down Migration');
    await server.db.system((tx) => tx.query(down!));
    const before = await server.db.system((tx) =>
      tx.query<{ id: string; reversal_cents: number; stripe_reversal_id: string | null }>(
        'select id, reversal_cents, stripe_reversal_id from order_disputes where stripe_dispute_id = $1',
        ['dp_1Upgraded'],
      ),
    );
    expect(before.rows).toEqual([
      { id: expect.any(String), reversal_cents: 135_000, stripe_reversal_id: null },
    ]);
    await server.db.system((tx) => tx.query(up!));

    const later = new Date(Date.now() + 120_000);
    await Promise.all([
      finishStalledReversals({ db: server.db, payments: server.payments, log }, later),
      finishStalledReversals({ db: server.db, payments: server.payments, log }, later),
    ]);
    const made = stripe.posts(path).slice(3);
    expect(new Set(made.map((call) => call.key))).toEqual(
      new Set([`dispute:${before.rows[0]!.id}:reversal`]),
    );
    const order = (await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    expect(order.dispute).toMatchObject({
      reversal_cents: 135_000,
      stripe_reversal_id: expect.stringMatching(/^trr_/),
      reversals: [{ payout_id: payoutId, amount_cents: 135_000, status: 'reversed' }],
    });
    expect(order.ledger.transactions.filter((t: { kind: string }) => t.kind === 'reversal')).toHaveLength(1);
    expect(await ledgerTotal()).toBe(0);
  });

  it('books a dispute lost before release out of escrow and cancels nothing it should not', async () => {
    const { id, chargeId } = await lockedOrder();
    await send('charge.dispute.created', dispute('dp_1LostEarly', chargeId, 'needs_response'));
    await send(
      'charge.dispute.closed',
      dispute('dp_1LostEarly', chargeId, 'lost', {
        balance_transactions: [{ amount: -150_000, fee: 1_500 }],
      }),
    );
    const order = (await sponsor('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    expect(order).toMatchObject({ escrow_state: 'refunded', status: 'refunded', disputed: false });
    expect(order.ledger).toMatchObject({ escrow_balance_cents: 0, pending_release_cents: 0 });
    expect(stripe.posts('/v1/transfers')).toEqual([]);
    expect((await organizer('POST', `/v1/sponsorship-orders/${id}:release`)).status).toBe(409);
    expect(await ledgerTotal()).toBe(0);
  });
});
