import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../test/server';
import { createOperator } from '../src/domain/operators';
import { runPayout } from '../src/domain/payouts';
import { createLogger } from '../src/logger';
import { seedCommerce } from './commerce-fixtures';

const DAY = { from: '2026-03-02T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z' };
const at = Date.parse('2026-03-02T10:00:00Z') / 1000;
const list = (data: object[]) => HttpResponse.json({ object: 'list', data, has_more: false, url: '/v1/x' });
const queries: Record<string, string> = {};
const remember = (request: Request) => {
  const url = new URL(request.url);
  queries[url.pathname] = url.search;
};

// Stripe's lists for the day: ch_2 was charged 40,000 (the ledger booked 50,000), tr_2 is missing, re_9 is
// unknown here. Everything else matches.
const stripe = setupServer(
  http.get('https://api.stripe.com/v1/balance_transactions', ({ request }) => {
    remember(request);
    return list([
      {
        id: 'txn_1',
        object: 'balance_transaction',
        type: 'charge',
        source: 'ch_1',
        amount: 100_000,
        currency: 'usd',
        created: at,
      },
      {
        id: 'txn_2',
        object: 'balance_transaction',
        type: 'charge',
        source: 'ch_2',
        amount: 40_000,
        currency: 'usd',
        created: at,
      },
    ]);
  }),
  http.get('https://api.stripe.com/v1/transfers', ({ request }) => {
    remember(request);
    return list([{ id: 'tr_1', object: 'transfer', amount: 90_000, currency: 'usd', created: at }]);
  }),
  http.get('https://api.stripe.com/v1/refunds', ({ request }) => {
    remember(request);
    return list([
      { id: 're_1', object: 'refund', amount: 5_000, currency: 'usd', created: at },
      { id: 're_9', object: 'refund', amount: 3_000, currency: 'usd', created: at },
    ]);
  }),
  http.get('https://api.stripe.com/v1/disputes', ({ request }) => {
    remember(request);
    return list([]);
  }),
);

let server: TestServer;
let operator: ReturnType<typeof api>;

/** Our side of the day, booked straight into the database as the domain books it. */
async function seedLedger() {
  const { packageId, sponsorId, eventId } = await seedCommerce(server);
  const organizerId = server.organizer.orgId;
  await server.db.system(async (tx) => {
    const one = async (sql: string, params: unknown[]) =>
      ((await tx.query<{ id: string }>(sql, params)).rows[0] as { id: string }).id;
    const account = (code: string, kind: string, orderId: string | null, orgId: string | null = null) =>
      one(
        `insert into ledger_accounts (code, kind, currency, org_id, order_id) values ($1, $2, 'USD', $3, $4)
         on conflict (code) do update set code = excluded.code returning id`,
        [code, kind, orgId, orderId],
      );
    const clearing = await account('stripe_clearing:USD', 'stripe_clearing', null);
    const payable = await account(
      `organizer_payable:${organizerId}:USD`,
      'organizer_payable',
      null,
      organizerId,
    );
    const book = async (orderId: string, reference: string, kind: string, legs: [string, number][]) => {
      const id = await one(
        `insert into ledger_transactions (reference, kind, status, order_id, organizer_org_id, sponsor_org_id, posted_at)
         values ($1, $2, 'posted', $3, $4, $5, now()) returning id`,
        [reference, kind, orderId, organizerId, server.sponsor.orgId],
      );
      for (const [accountId, cents] of legs)
        await tx.query(
          `insert into ledger_entries (transaction_id, account_id, amount_cents, currency) values ($1, $2, $3, 'USD')`,
          [id, accountId, cents],
        );
    };
    for (const [charge, amount, transfer, net] of [
      ['ch_1', 100_000, 'tr_1', 90_000],
      ['ch_2', 50_000, 'tr_2', 45_000],
    ] as const) {
      const orderId = await one(
        `insert into sponsorship_orders (event_id, package_id, sponsor_id, organizer_org_id, sponsor_org_id,
           amount_cents, currency, created_by_side, status, escrow_state, funded_at, stripe_payment_intent_id,
           stripe_charge_id, released_at)
         values ($1, $2, $3, $4, $5, $6, 'USD', 'sponsor', 'completed', 'released', $7, 'pi_' || $8, $8, $7)
         returning id`,
        [
          eventId,
          packageId,
          sponsorId,
          organizerId,
          server.sponsor.orgId,
          amount,
          '2026-03-02T09:00:00Z',
          charge,
        ],
      );
      const escrow = await account(`escrow:${orderId}`, 'escrow', orderId);
      await book(orderId, `order:${orderId}:fund`, 'fund', [
        [clearing, -amount],
        [escrow, amount],
      ]);
      const payoutId = await one(
        `insert into sponsorship_payouts (org_id, order_id, amount_cents, fee_cents, currency, status,
           stripe_transfer_id, paid_at) values ($1, $2, $3, $4, 'USD', 'paid', $5, '2026-03-02T11:00:00Z') returning id`,
        [organizerId, orderId, net, amount - net, transfer],
      );
      await book(orderId, `payout:${payoutId}:transfer`, 'transfer', [
        [payable, -net],
        [clearing, net],
      ]);
      if (charge === 'ch_1') {
        await tx.query(
          `insert into order_refunds (order_id, organizer_org_id, sponsor_org_id, seq, reference, reason, amount_cents,
             currency, status, stripe_refund_id, created_at)
           values ($1, $2, $3, 1, 'r1', 'test', 5000, 'USD', 'succeeded', 're_1', '2026-03-02T12:00:00Z')`,
          [orderId, organizerId, server.sponsor.orgId],
        );
        await book(orderId, `order:${orderId}:refund:1`, 'refund', [
          [escrow, -5_000],
          [clearing, 5_000],
        ]);
      }
    }
  });
}

beforeAll(async () => {
  // Only Stripe is answered here; the test's own requests to the server pass through.
  stripe.listen({
    onUnhandledRequest(request, print) {
      if (new URL(request.url).hostname === 'api.stripe.com') print.error();
    },
  });
  server = await startTestServer({ STRIPE_SECRET_KEY: 'sk_test_msw', STRIPE_WEBHOOK_SECRET: 'whsec_test' });
  operator = api(server, { orgId: '', apiKey: (await createOperator(server.db, 'Finance')).key });
  await seedLedger();
});
afterAll(async () => {
  await server.close();
  stripe.close();
});

describe('POST /v1/ops/reconciliation:run against Stripe (msw)', () => {
  it('finds exactly the missing transfer, the amount mismatch and the unknown refund, and stores the run', async () => {
    const res = await operator('POST', '/v1/ops/reconciliation:run', { body: DAY });
    expect(res.status).toBe(201);
    const run = res.json.data;
    expect(run).toMatchObject({
      provider: 'stripe',
      trigger: 'manual',
      status: 'completed',
      period_start: DAY.from,
      period_end: DAY.to,
      checked: { charges: 2, transfers: 1, refunds: 2, disputes: 0 },
      difference_count: 3,
      error: null,
    });
    const differences = (run.differences as Record<string, unknown>[]).map(
      ({ id: _id, detail: _detail, ...rest }) => rest,
    );
    expect(differences).toEqual([
      {
        object_type: 'charge',
        object_id: 'ch_2',
        issue: 'amount_mismatch',
        order_id: expect.any(String),
        processor_amount_cents: 40_000,
        ledger_amount_cents: 50_000,
        currency: 'USD',
      },
      {
        object_type: 'refund',
        object_id: 're_9',
        issue: 'missing_in_ledger',
        order_id: null,
        processor_amount_cents: 3_000,
        ledger_amount_cents: null,
        currency: 'USD',
      },
      {
        object_type: 'transfer',
        object_id: 'tr_2',
        issue: 'missing_at_processor',
        order_id: expect.any(String),
        processor_amount_cents: null,
        ledger_amount_cents: 45_000,
        currency: 'USD',
      },
    ]);
    // Stripe was asked for the period only.
    const created = `created[gte]=${Date.parse(DAY.from) / 1000}&created[lt]=${Date.parse(DAY.to) / 1000}`;
    for (const path of ['/v1/balance_transactions', '/v1/transfers', '/v1/refunds', '/v1/disputes'])
      expect(queries[path]).toContain(created);
    expect(queries['/v1/balance_transactions']).toContain('type=charge');

    const listed = await operator('GET', '/v1/ops/reconciliations');
    expect(listed.json.data[0]).toMatchObject({ id: run.id, difference_count: 3 });
    const shown = await operator('GET', `/v1/ops/reconciliations/${run.id}`);
    expect(shown.json.data.differences).toHaveLength(3);
  });

  it('stores a failed run with the reason when Stripe cannot be listed', async () => {
    stripe.use(
      http.get('https://api.stripe.com/v1/transfers', () =>
        HttpResponse.json({ error: { type: 'api_error', message: 'boom' } }, { status: 400 }),
      ),
    );
    const res = await operator('POST', '/v1/ops/reconciliation:run', { body: DAY });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ status: 'failed', difference_count: 0, differences: [] });
    expect(res.json.data.error).toContain('boom');
    stripe.resetHandlers();
  });

  it('is for platform operators only, checks its period, and answers 404 and 401', async () => {
    const organizer = api(server, server.organizer);
    expect((await organizer('POST', '/v1/ops/reconciliation:run', { body: DAY })).status).toBe(403);
    expect((await organizer('GET', '/v1/ops/reconciliations')).status).toBe(403);
    expect(
      (await operator('POST', '/v1/ops/reconciliation:run', { body: { from: DAY.to, to: DAY.from } })).status,
    ).toBe(400);
    expect(
      (await operator('POST', '/v1/ops/reconciliation:run', { body: { from: 'yesterday' } })).status,
    ).toBe(400);
    expect(
      (await operator('GET', '/v1/ops/reconciliations/00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404);
    expect((await api(server, undefined)('GET', '/v1/ops/reconciliations')).status).toBe(401);
  });
});

describe('reconciliation with the sandbox provider', () => {
  it(
    "finds no difference after a payment, a refund and a payout made in the sandbox's own records",
    { timeout: 30_000 },
    async () => {
      const sandbox = await startTestServer();
      try {
        const sponsor = api(sandbox, sandbox.sponsor);
        const organizer = api(sandbox, sandbox.organizer);
        await organizer('PUT', '/v1/payout-configuration', {
          body: { stripe_connect_account_id: 'acct_1SandboxOrganizer', platform_fee_bps: 1000 },
        });
        const { packageId, sponsorId } = await seedCommerce(sandbox);
        const order = await sponsor('POST', '/v1/sponsorship-orders', {
          body: { package_id: packageId, sponsor_id: sponsorId },
        });
        const id = order.json.data.id as string;
        await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, {
          body: { payment_method_id: 'pm_card_visa' },
        });
        await organizer('POST', `/v1/sponsorship-orders/${id}:refund`, { body: { amount_cents: 10_000 } });
        await organizer('POST', `/v1/sponsorship-orders/${id}:lock`);
        await sandbox.db.system((tx) =>
          tx.query(`update deliverables set status = 'approved' where order_id = $1`, [id]),
        );
        const released = await organizer('POST', `/v1/sponsorship-orders/${id}:release`);
        await runPayout(
          { db: sandbox.db, payments: sandbox.payments, log: createLogger('silent') },
          released.json.data.payout.id,
        );

        const op = api(sandbox, { orgId: '', apiKey: (await createOperator(sandbox.db, 'Ops')).key });
        const now = new Date();
        const run = await op('POST', '/v1/ops/reconciliation:run', {
          body: {
            from: new Date(now.getTime() - 3_600_000).toISOString(),
            to: new Date(now.getTime() + 60_000).toISOString(),
          },
        });
        expect(run.status).toBe(201);
        expect(run.json.data).toMatchObject({
          provider: 'sandbox',
          status: 'completed',
          checked: { charges: 1, transfers: 1, refunds: 1, disputes: 0 },
          differences: [],
        });
      } finally {
        await sandbox.close();
      }
    },
  );
});
