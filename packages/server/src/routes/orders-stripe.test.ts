import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';
import { runPayout } from '../domain/payouts';
import { reconcilePayments } from '../payments/reconcile';
import { createLogger } from '../logger';
import { createStripeProvider } from '../payments/stripe';
import type { PaymentsProvider } from '../payments/provider';
import { seedCommerce } from '../../test/commerce-fixtures';

const WEBHOOK_SECRET = 'whsec_test_secret';
const ACCOUNT = 'acct_1OrganizerStripe';
const log = createLogger('silent');

/** One request Stripe received: method, path, idempotency key and the form body, decoded. */
interface StripeCall {
  method: string;
  path: string;
  key: string | null;
  body: Record<string, string>;
}

// ── A small Stripe: answers like Stripe's API and honours idempotency keys as Stripe does ──
let calls: StripeCall[] = [];
const replies = new Map<string, { status: number; body: unknown }>();
/** Scripted troubles for the next calls to a path: a 500, or a slow answer the client times out on. */
let trouble: { path: string; kind: '500' | 'timeout' }[] = [];
const intents = new Map<string, Record<string, unknown>>();
let seq = 0;
const id = (prefix: string) => `${prefix}_${String(++seq).padStart(24, '0')}`;

function intentFor(body: Record<string, string>, paymentMethod: string, intentId = id('pi')) {
  const declined = paymentMethod === 'pm_card_chargeDeclined';
  const action = paymentMethod === 'pm_card_authenticationRequired';
  const status = declined ? 'requires_payment_method' : action ? 'requires_action' : 'succeeded';
  const intent = {
    id: intentId,
    object: 'payment_intent',
    amount: Number(body.amount ?? intents.get(intentId)?.amount),
    currency: body.currency ?? intents.get(intentId)?.currency,
    status,
    client_secret: `${intentId}_secret_abc`,
    latest_charge: status === 'succeeded' ? id('ch') : null,
    last_payment_error: declined
      ? {
          type: 'card_error',
          code: 'card_declined',
          decline_code: 'generic_decline',
          message: 'Your card was declined.',
        }
      : null,
    metadata: intents.get(intentId)?.metadata ?? {
      order_id: body['metadata[order_id]'],
    },
    transfer_group: body.transfer_group ?? null,
  };
  intents.set(intentId, intent);
  if (declined)
    return {
      status: 402,
      body: {
        error: {
          type: 'card_error',
          code: 'card_declined',
          decline_code: 'generic_decline',
          message: 'Your card was declined.',
          payment_intent: intent,
        },
      },
    };
  return { status: 200, body: intent };
}

function stripeRoute(
  method: 'post' | 'get',
  path: string,
  answer: (body: Record<string, string>, params: Record<string, string>) => { status: number; body: unknown },
) {
  return http[method](`https://api.stripe.com${path}`, async ({ request, params }) => {
    const url = new URL(request.url);
    const body = Object.fromEntries(
      new URLSearchParams(method === 'post' ? await request.text() : url.search),
    );
    const key = request.headers.get('idempotency-key');
    calls.push({ method: request.method, path: url.pathname, key: method === 'post' ? key : null, body });
    const scripted = trouble.findIndex((t) => url.pathname.startsWith(t.path));
    if (scripted >= 0) {
      const [t] = trouble.splice(scripted, 1);
      if (t!.kind === 'timeout') await delay(2_000);
      else
        return HttpResponse.json(
          { error: { type: 'api_error', message: 'Something went wrong on Stripe.' } },
          { status: 500 },
        );
    }
    const cacheKey = key && method === 'post' ? `${url.pathname}:${key}` : undefined;
    const reply = (cacheKey && replies.get(cacheKey)) || answer(body, params as Record<string, string>);
    if (cacheKey) replies.set(cacheKey, reply);
    return HttpResponse.json(reply.body as Record<string, unknown>, {
      status: reply.status,
      headers: { 'request-id': `req_${seq}`, ...(cacheKey ? { 'idempotency-key': key! } : {}) },
    });
  });
}

const stripe = setupServer(
  stripeRoute('post', '/v1/payment_intents', (body) => intentFor(body, body.payment_method!)),
  stripeRoute('post', '/v1/payment_intents/:id/confirm', (body, params) =>
    intentFor(body, body.payment_method!, params.id),
  ),
  stripeRoute('get', '/v1/payment_intents/:id', (_body, params) => ({
    status: 200,
    body: intents.get(params.id!),
  })),
  stripeRoute('post', '/v1/payment_intents/:id/cancel', (_body, params) => {
    const intent = intents.get(params.id!)!;
    if (intent.status === 'succeeded')
      return {
        status: 400,
        body: {
          error: {
            type: 'invalid_request_error',
            code: 'payment_intent_unexpected_state',
            message: 'You cannot cancel this PaymentIntent because it has a status of succeeded.',
          },
        },
      };
    intents.set(params.id!, { ...intent, status: 'canceled' });
    return { status: 200, body: intents.get(params.id!) };
  }),
  stripeRoute('post', '/v1/transfers', (body) => ({
    status: 200,
    body: { id: id('tr'), object: 'transfer', amount: Number(body.amount), destination: body.destination },
  })),
  stripeRoute('post', '/v1/transfers/:id/reversals', (body, params) => ({
    status: 200,
    body: { id: id('trr'), object: 'transfer_reversal', amount: Number(body.amount), transfer: params.id },
  })),
  stripeRoute('post', '/v1/refunds', (body) => ({
    status: 200,
    body: { id: id('re'), object: 'refund', amount: Number(body.amount), status: 'succeeded' },
  })),
  stripeRoute('post', '/v1/accounts', () => ({
    status: 200,
    body: { id: 'acct_1NewExpressAcct', object: 'account' },
  })),
  stripeRoute('post', '/v1/account_links', () => ({
    status: 200,
    body: {
      object: 'account_link',
      url: 'https://connect.stripe.com/setup/e/acct_1NewExpressAcct/abc',
      expires_at: 1_900_000_000,
    },
  })),
);

let server: TestServer;
let organizer: ReturnType<typeof api>;
let sponsor: ReturnType<typeof api>;
const signer = new Stripe('sk_test_signer');

beforeAll(async () => {
  stripe.listen({
    onUnhandledRequest(request, print) {
      if (new URL(request.url).hostname !== '127.0.0.1') print.error();
    },
  });
  server = await startTestServer({
    STRIPE_SECRET_KEY: 'sk_test_msw',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    YARDPASS_STRIPE_TIMEOUT_MS: '500',
  });
  organizer = api(server, server.organizer);
  sponsor = api(server, server.sponsor);
  await organizer('PUT', '/v1/payout-configuration', { body: { stripe_connect_account_id: ACCOUNT } });
});
beforeEach(() => {
  calls = [];
  trouble = [];
});
afterEach(() => stripe.resetHandlers());
afterAll(async () => {
  await server.close();
  stripe.close();
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
const stripeCalls = (path: string) =>
  calls.filter((call) => call.method === 'POST' && call.path.startsWith(path));

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
    calls = [];
    const refunded = await organizer('POST', `/v1/sponsorship-orders/${orderId}:refund`, {
      body: { amount_cents: 20_000 },
    });
    expect(refunded.status).toBe(200);
    expect(calls.map((call) => [call.path, call.key])).toEqual([
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
    expect(calls.map((call) => [call.path, call.key])).toEqual([
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
    trouble = [{ path: '/v1/payment_intents', kind: '500' }];
    const funded = await fund(orderId, 'pm_card_visa');
    expect(funded.status).toBe(200);
    expect(stripeCalls('/v1/payment_intents').map((call) => call.key)).toEqual([
      `order:${orderId}:fund`,
      `order:${orderId}:fund`,
    ]);
  });

  it('retries a timed-out call with the same key, and answers 503 (nothing recorded) when Stripe stays away', async () => {
    const orderId = await newOrder();
    trouble = [{ path: '/v1/payment_intents', kind: 'timeout' }];
    expect((await fund(orderId, 'pm_card_visa')).json.data.order.escrow_state).toBe('funded');
    expect(new Set(stripeCalls('/v1/payment_intents').map((call) => call.key))).toEqual(
      new Set([`order:${orderId}:fund`]),
    );

    const other = await newOrder();
    calls = [];
    trouble = Array.from({ length: 3 }, () => ({ path: '/v1/payment_intents', kind: '500' as const }));
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

  it('makes one transfer when the payout job dies after the Stripe call and runs again', async () => {
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

  it('applies payment failures, disputes and reversals that Stripe reports', async () => {
    const send = async (type: string, object: Record<string, unknown>) => {
      const payload = JSON.stringify({
        id: `evt_${type.replaceAll('.', '_')}_${++seq}`,
        object: 'event',
        type,
        data: { object },
      });
      const header = signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
      const res = await api(server, undefined)('POST', '/v1/stripe/webhooks', {
        rawBody: payload,
        headers: { 'stripe-signature': header },
      });
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
    const paid = await fund(orderId, 'pm_card_visa');
    const chargeId = intents.get(paid.json.data.payment_intent_id as string)!.latest_charge as string;
    await send('charge.dispute.created', {
      id: 'dp_1Dispute00000000000001',
      object: 'dispute',
      charge: chargeId,
    });
    expect((await organizer('GET', `/v1/sponsorship-orders/${orderId}`)).json.data.disputed).toBe(true);

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
