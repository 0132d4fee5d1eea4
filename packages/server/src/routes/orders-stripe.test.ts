import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';
import { runPayout } from '../domain/payouts';
import { reconcilePayments } from '../payments/reconcile';
import { createLogger } from '../logger';
import { createStripeProvider } from '../payments/stripe';
import type { PaymentsProvider } from '../payments/provider';
import { seedCommerce } from '../../test/commerce-fixtures';
import { createFakeStripe, sendStripeEvent } from '../../test/fake-stripe';

const WEBHOOK_SECRET = 'whsec_test_secret';
const ACCOUNT = 'acct_1OrganizerStripe';
const log = createLogger('silent');

const stripe = createFakeStripe();
const { intents } = stripe.state;
let seq = 0;

let server: TestServer;
let organizer: ReturnType<typeof api>;
let sponsor: ReturnType<typeof api>;
const signer = new Stripe('sk_test_signer');

beforeAll(async () => {
  stripe.listen();
  server = await startTestServer({
    STRIPE_SECRET_KEY: 'sk_test_msw',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    YARDPASS_STRIPE_TIMEOUT_MS: '500',
  });
  organizer = api(server, server.organizer);
  sponsor = api(server, server.sponsor);
  await organizer('PUT', '/v1/payout-configuration', { body: { stripe_connect_account_id: ACCOUNT } });
});
beforeEach(() => stripe.reset());
afterEach(() => stripe.server.resetHandlers());
afterAll(async () => {
  await server.close();
  stripe.server.close();
});

async function newOrder() {
  const { packageId, sponsorId } = await seedCommerce(server);
  const { json } = await sponsor('POST', '/v1/sponsorship-orders', {
    body: { package_id: packageId, sponsor_id: sponsorId },
  });
  return json.data.id as string;
}
const fund = (orderId: string, pm: string) =>
  sponsor('POST', `/v1/sponsorship-orders/${orderId}:fund`, { body: { payment_method_id: pm } });
const stripeCalls = stripe.posts;

describe('orders against Stripe (the real SDK, answered by msw)', () => {
  it('runs the whole money path with the exact Stripe calls and idempotency keys', async () => {
    const orderId = await newOrder();
    const funded = await fund(orderId, 'pm_card_visa');
    expect(funded.status).toBe(200);
    expect(funded.json.data.order.escrow_state).toBe('funded');
    expect(stripeCalls('/v1/payment_intents')).toEqual([
      {
        method: 'POST',
        path: '/v1/payment_intents',
        key: `order:${orderId}:fund`,
        body: expect.objectContaining({
          amount: '150000',
          currency: 'usd',
          payment_method: 'pm_card_visa',
          confirm: 'true',
          transfer_group: orderId,
          'metadata[order_id]': orderId,
          'metadata[organizer_org_id]': server.organizer.orgId,
          'metadata[sponsor_org_id]': server.sponsor.orgId,
        }),
      },
    ]);
    // Separate charges and transfers: nothing goes to the organizer at funding.
    expect(stripeCalls('/v1/payment_intents')[0]!.body).not.toHaveProperty('transfer_data[destination]');
    const chargeId = intents.get(funded.json.data.payment_intent_id as string)!.latest_charge as string;

    await organizer('POST', `/v1/sponsorship-orders/${orderId}:lock`);
    await server.db.system((tx) =>
      tx.query(`update deliverables set status = 'approved' where order_id = $1`, [orderId]),
    );
    const released = await organizer('POST', `/v1/sponsorship-orders/${orderId}:release`);
    const payoutId = released.json.data.payout.id as string;
    const paid = await runPayout({ db: server.db, payments: server.payments, log }, payoutId);
    expect(stripeCalls('/v1/transfers')).toEqual([
      {
        method: 'POST',
        path: '/v1/transfers',
        key: `payout:${payoutId}`,
        body: expect.objectContaining({
          amount: '135000',
          currency: 'usd',
          destination: ACCOUNT,
          source_transaction: chargeId,
          transfer_group: orderId,
        }),
      },
    ]);
    const { rows } = await server.db.system((tx) =>
      tx.query<{ stripe_transfer_id: string }>(
        'select stripe_transfer_id from sponsorship_payouts where order_id = $1',
        [orderId],
      ),
    );
    expect(rows[0]!.stripe_transfer_id).toBe(paid!.stripe_transfer_id);

    // A refund after release reverses the transfer first, then refunds the charge.
    stripe.state.calls = [];
    const refunded = await organizer('POST', `/v1/sponsorship-orders/${orderId}:refund`, {
      body: { amount_cents: 20_000 },
    });
    expect(refunded.status).toBe(200);
    expect(stripe.state.calls.map((call) => [call.path, call.key])).toEqual([
      [`/v1/transfers/${paid!.stripe_transfer_id}/reversals`, `order:${orderId}:reversal:1`],
      ['/v1/refunds', `order:${orderId}:refund:1`],
    ]);
    expect(refunded.json.data).toMatchObject({ status: 'partially_refunded', refunded_cents: 20_000 });
  });

  it('answers 402 for a declined card, then confirms the same PaymentIntent with a new key', async () => {
    const orderId = await newOrder();
    const declined = await fund(orderId, 'pm_card_chargeDeclined');
    expect(declined.status).toBe(402);
    expect(declined.json).toMatchObject({ decline_code: 'generic_decline' });
    const again = await fund(orderId, 'pm_card_visa');
    expect(again.json.data.status).toBe('succeeded');
    expect(stripe.state.calls.map((call) => [call.path, call.key])).toEqual([
      ['/v1/payment_intents', `order:${orderId}:fund`],
      [`/v1/payment_intents/${declined.json.payment_intent_id as string}/confirm`, `order:${orderId}:fund:2`],
    ]);
  });

  it('answers requires_action for 3-D Secure; the signed webhook, replayed 5 times, funds the order once', async () => {
    const orderId = await newOrder();
    const pending = await fund(orderId, 'pm_card_authenticationRequired');
    expect(pending.json.data).toMatchObject({
      status: 'requires_action',
      client_secret: expect.stringContaining('_secret_'),
    });
    const intentId = pending.json.data.payment_intent_id as string;

    const payload = JSON.stringify({
      id: 'evt_3DSsucceeded0000000000001',
      object: 'event',
      type: 'payment_intent.succeeded',
      data: {
        object: { ...intents.get(intentId), status: 'succeeded', latest_charge: 'ch_after3ds00000000000001' },
      },
    });
    const forged = await api(server, undefined)('POST', '/v1/stripe/webhooks', {
      rawBody: payload,
      headers: {
        'stripe-signature': signer.webhooks.generateTestHeaderString({ payload, secret: 'whsec_wrong' }),
      },
    });
    expect(forged.status).toBe(400);
    expect((await sponsor('GET', `/v1/sponsorship-orders/${orderId}`)).json.data.escrow_state).toBe(
      'pending',
    );

    const answers = [];
    for (let i = 0; i < 5; i++) {
      const header = signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
      answers.push(
        await api(server, undefined)('POST', '/v1/stripe/webhooks', {
          rawBody: payload,
          headers: { 'stripe-signature': header },
        }),
      );
    }
    expect(answers.map((answer) => [answer.status, answer.json.duplicate])).toEqual([
      [200, false],
      [200, true],
      [200, true],
      [200, true],
      [200, true],
    ]);
    const order = (await sponsor('GET', `/v1/sponsorship-orders/${orderId}`)).json.data;
    expect(order).toMatchObject({ escrow_state: 'funded', status: 'active' });
    expect(order.ledger.transactions.filter((t: { kind: string }) => t.kind === 'fund')).toHaveLength(1);
    const events = await server.db.system((tx) =>
      tx.query(`select 1 from webhook_events where type = 'order.funded' and data->>'id' = $1`, [orderId]),
    );
    expect(events.rowCount).toBe(2);
  });

  it('retries a 500 from Stripe with the same idempotency key', async () => {
    const orderId = await newOrder();
    stripe.state.trouble = [{ path: '/v1/payment_intents', kind: '500' }];
    const funded = await fund(orderId, 'pm_card_visa');
    expect(funded.status).toBe(200);
    expect(stripeCalls('/v1/payment_intents').map((call) => call.key)).toEqual([
      `order:${orderId}:fund`,
      `order:${orderId}:fund`,
    ]);
  });

  it('retries a timed-out call with the same key, and answers 503 (nothing recorded) when Stripe stays away', async () => {
    const orderId = await newOrder();
    stripe.state.trouble = [{ path: '/v1/payment_intents', kind: 'timeout' }];
    expect((await fund(orderId, 'pm_card_visa')).json.data.order.escrow_state).toBe('funded');
    expect(new Set(stripeCalls('/v1/payment_intents').map((call) => call.key))).toEqual(
      new Set([`order:${orderId}:fund`]),
    );

    const other = await newOrder();
    stripe.state.calls = [];
    stripe.state.trouble = Array.from({ length: 3 }, () => ({
      path: '/v1/payment_intents',
      kind: '500' as const,
    }));
    const down = await fund(other, 'pm_card_visa');
    expect(down.status).toBe(503);
    expect((await sponsor('GET', `/v1/sponsorship-orders/${other}`)).json.data).toMatchObject({
      escrow_state: 'pending',
      stripe_payment_intent_id: null,
    });
    // The retry sends the same key, so Stripe can never charge twice.
    expect((await fund(other, 'pm_card_visa')).status).toBe(200);
    expect(new Set(stripeCalls('/v1/payment_intents').map((call) => call.key))).toEqual(
      new Set([`order:${other}:fund`]),
    );
  });

  it('makes one transfer when the payout job dies after the Stripe call and a later run finishes it', async () => {
    const orderId = await newOrder();
    await fund(orderId, 'pm_card_visa');
    await organizer('POST', `/v1/sponsorship-orders/${orderId}:lock`);
    await server.db.system((tx) =>
      tx.query(`update deliverables set status = 'approved' where order_id = $1`, [orderId]),
    );
    const payoutId = (await organizer('POST', `/v1/sponsorship-orders/${orderId}:release`)).json.data.payout
      .id as string;

    const real = createStripeProvider({ secretKey: 'sk_test_msw', webhookSecret: WEBHOOK_SECRET });
    let crash = true;
    const dying: PaymentsProvider = {
      ...real,
      async createTransfer(input) {
        const transfer = await real.createTransfer(input);
        if (crash) {
          crash = false;
          throw new Error('worker killed after the Stripe call');
        }
        return transfer;
      },
    };
    await expect(runPayout({ db: server.db, payments: dying, log }, payoutId)).rejects.toThrow(
      'worker killed',
    );
    // The claim committed before the call: a run meanwhile leaves it to the run in flight...
    expect(await runPayout({ db: server.db, payments: dying, log }, payoutId)).toMatchObject({
      status: 'processing',
    });
    // ...and once the claim is stale (the process is gone), the next run asks again with the same key.
    await server.db.system((tx) =>
      tx.query(
        `update sponsorship_payouts set transfer_requested_at = now() - interval '3 minutes' where id = $1`,
        [payoutId],
      ),
    );
    const paid = await runPayout({ db: server.db, payments: dying, log }, payoutId);
    const transfers = stripeCalls('/v1/transfers');
    expect(transfers.map((call) => call.key)).toEqual([`payout:${payoutId}`, `payout:${payoutId}`]);
    expect(paid).toMatchObject({ status: 'paid', payout_attempts: 1 });
    const booked = await server.db.system((tx) =>
      tx.query(`select 1 from ledger_transactions where order_id = $1 and kind = 'transfer'`, [orderId]),
    );
    expect(booked.rowCount).toBe(1);
  });

  it('reconciles a PaymentIntent that succeeded while its webhook was lost', async () => {
    const orderId = await newOrder();
    const pending = await fund(orderId, 'pm_card_authenticationRequired');
    const intentId = pending.json.data.payment_intent_id as string;
    intents.set(intentId, {
      ...intents.get(intentId),
      status: 'succeeded',
      latest_charge: 'ch_reconciled000000000001',
    });
    const report = await reconcilePayments(
      { db: server.db, payments: server.payments, log, defaultFeeBps: 1000 },
      new Date(),
    );
    expect(report.funded).toContain(orderId);
    expect((await sponsor('GET', `/v1/sponsorship-orders/${orderId}`)).json.data.escrow_state).toBe('funded');
  });

  it('cancels the open PaymentIntent of an unpaid order; one that succeeded meanwhile is refunded instead', async () => {
    const orderId = await newOrder();
    const pending = await fund(orderId, 'pm_card_authenticationRequired');
    const intentId = pending.json.data.payment_intent_id as string;
    const cancelled = await sponsor('POST', `/v1/sponsorship-orders/${orderId}:cancel`, { body: {} });
    expect(cancelled.json.data).toMatchObject({
      status: 'cancelled',
      payment_status: 'canceled',
      escrow_state: 'pending',
    });
    expect(stripeCalls(`/v1/payment_intents/${intentId}/cancel`).map((call) => call.key)).toEqual([
      `order:${orderId}:cancel-payment`,
    ]);

    const raced = await newOrder();
    const open = await fund(raced, 'pm_card_authenticationRequired');
    const racedIntent = open.json.data.payment_intent_id as string;
    intents.set(racedIntent, {
      ...intents.get(racedIntent),
      status: 'succeeded',
      latest_charge: 'ch_raced0000000000000001',
    });
    const refunded = await sponsor('POST', `/v1/sponsorship-orders/${raced}:cancel`, { body: {} });
    expect(refunded.json.data).toMatchObject({
      status: 'cancelled',
      escrow_state: 'refunded',
      refunded_cents: 150_000,
    });
    expect(stripeCalls('/v1/refunds').map((call) => call.key)).toEqual([`order:${raced}:refund:1`]);
  });

  it('applies payment failures and reversals that Stripe reports (disputes: disputes.test.ts)', async () => {
    const send = async (type: string, object: Record<string, unknown>) => {
      const id = `evt_${type.replaceAll('.', '_')}_${++seq}`;
      const res = await sendStripeEvent(server, WEBHOOK_SECRET, { id, type, object });
      expect(res.status).toBe(200);
    };
    const unpaid = await newOrder();
    const action = await fund(unpaid, 'pm_card_authenticationRequired');
    await send('payment_intent.payment_failed', {
      ...intents.get(action.json.data.payment_intent_id as string),
      status: 'requires_payment_method',
      last_payment_error: { message: 'Authentication failed.' },
    });
    expect((await sponsor('GET', `/v1/sponsorship-orders/${unpaid}`)).json.data).toMatchObject({
      payment_status: 'requires_payment_method',
      payment_error: 'Authentication failed.',
    });

    const orderId = await newOrder();
    await fund(orderId, 'pm_card_visa');
    await organizer('POST', `/v1/sponsorship-orders/${orderId}:lock`);
    await server.db.system((tx) =>
      tx.query(`update deliverables set status = 'approved' where order_id = $1`, [orderId]),
    );
    const payoutId = (await organizer('POST', `/v1/sponsorship-orders/${orderId}:release`)).json.data.payout
      .id as string;
    const payout = await runPayout({ db: server.db, payments: server.payments, log }, payoutId);
    await send('transfer.reversed', {
      id: payout!.stripe_transfer_id,
      object: 'transfer',
      amount_reversed: 5_000,
    });
    expect((await organizer('GET', `/v1/payouts/${payoutId}`)).json.data.reversed_cents).toBe(5_000);
  });

  it('creates a Connect account and answers an onboarding link', async () => {
    const owner = await server.createOrg('New Organizer');
    const res = await api(server, owner)('POST', '/v1/payout-configuration:onboard', {
      body: { return_url: 'https://app.example/done', refresh_url: 'https://app.example/retry' },
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({
      account_id: 'acct_1NewExpressAcct',
      url: expect.stringContaining('connect.stripe.com'),
    });
    expect(stripeCalls('/v1/accounts')[0]!.key).toBe(`org:${owner.orgId}:connect-account`);
  });
});
