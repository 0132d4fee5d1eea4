import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';
import { refundIssuer } from '../domain/orders';
import { runPayout } from '../domain/payouts';
import { reconcilePayments } from '../payments/reconcile';
import { createLogger } from '../logger';
import { seedCommerce } from '../../test/commerce-fixtures';

let server: TestServer;
let organizer: ReturnType<typeof api>;
let sponsor: ReturnType<typeof api>;
const log = createLogger('silent');

beforeAll(async () => {
  server = await startTestServer();
  organizer = api(server, server.organizer);
  sponsor = api(server, server.sponsor);
  await organizer('PUT', '/v1/payout-configuration', {
    body: { stripe_connect_account_id: 'acct_1OrganizerTest', platform_fee_bps: 1000 },
  });
});
afterAll(() => server.close());

async function newOrder(options: Parameters<typeof seedCommerce>[1] & { policy?: object } = {}) {
  const { packageId, sponsorId } = await seedCommerce(server, options);
  const { json } = await sponsor('POST', '/v1/sponsorship-orders', {
    body: {
      package_id: packageId,
      sponsor_id: sponsorId,
      ...(options.policy ? { cancellation_policy: options.policy } : {}),
    },
  });
  return { id: json.data.id as string, packageId };
}

async function eventsOf(orderId: string, type: string) {
  const { rows } = await server.db.system((tx) =>
    tx.query<{ org_id: string }>(`select org_id from webhook_events where type = $1 and data->>'id' = $2`, [
      type,
      orderId,
    ]),
  );
  return rows.length;
}

describe('orders: the money path in the sandbox', () => {
  it('funds with pm_card_visa, locks, releases, and pays out amount − fee with a transfer id', async () => {
    const { id } = await newOrder();
    const funded = await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, {
      body: { payment_method_id: 'pm_card_visa' },
    });
    expect(funded.status).toBe(200);
    expect(funded.json.data).toMatchObject({ status: 'succeeded', client_secret: null });
    expect(funded.json.data.payment_intent_id).toMatch(/^pi_[A-Za-z0-9]{24}$/);
    expect(funded.json.data.order).toMatchObject({ status: 'active', escrow_state: 'funded' });
    expect(await eventsOf(id, 'order.funded')).toBe(2);

    const locked = await organizer('POST', `/v1/sponsorship-orders/${id}:lock`);
    expect(locked.status).toBe(200);
    expect(locked.json.data).toMatchObject({
      escrow_state: 'locked',
      lock_reason: 'manual',
      platform_fee_bps: 1000,
      application_fee_cents: 15_000,
    });
    expect(locked.json.data.ledger).toMatchObject({
      escrow_balance_cents: 150_000,
      pending_release_cents: 150_000,
    });

    // The fulfilment area creates deliverables at funding; approve them all so that release may proceed.
    await server.db.system((tx) =>
      tx
        .query(`update deliverables set status = 'approved' where order_id = $1`, [id])
        .catch(() => undefined),
    );
    const released = await organizer('POST', `/v1/sponsorship-orders/${id}:release`);
    expect(released.status).toBe(200);
    expect(released.json.data).toMatchObject({ escrow_state: 'released', status: 'completed' });
    expect(released.json.data.ledger.escrow_balance_cents).toBe(0);
    const payoutId = released.json.data.payout.id as string;

    const paid = await runPayout({ db: server.db, payments: server.payments, log }, payoutId);
    expect(paid).toMatchObject({ status: 'paid', amount_cents: 135_000, fee_cents: 15_000 });
    expect(paid?.stripe_transfer_id).toMatch(/^tr_/);
    const listed = await organizer('GET', `/v1/payouts?order_id=${id}`);
    expect(listed.json.data).toEqual([expect.objectContaining({ id: payoutId, status: 'paid' })]);
    expect((await organizer('GET', `/v1/payouts/${payoutId}`)).json.data.stripe_transfer_id).toBe(
      paid?.stripe_transfer_id,
    );
    expect((await sponsor('GET', `/v1/payouts/${payoutId}`)).status).toBe(404);

    const transactions = await organizer('GET', `/v1/ledger/transactions?order_id=${id}`);
    expect(
      transactions.json.data.map((t: { kind: string; status: string }) => `${t.kind}:${t.status}`).sort(),
    ).toEqual(['fund:posted', 'lock:posted', 'transfer:posted']);
    for (const transaction of transactions.json.data as { entries: { amount_cents: number }[] }[])
      expect(transaction.entries.reduce((sum, entry) => sum + entry.amount_cents, 0)).toBe(0);
  });

  it('answers 402 for a declined card and keeps the order pending; another card then funds it', async () => {
    const { id } = await newOrder();
    const declined = await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, {
      body: { payment_method_id: 'pm_card_chargeDeclined' },
    });
    expect(declined.status).toBe(402);
    expect(declined.json).toMatchObject({ decline_code: 'generic_decline' });
    const order = (await sponsor('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    expect(order).toMatchObject({ status: 'pending', payment_status: 'requires_payment_method' });
    expect(order.payment_error).toContain('declined');
    const retried = await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, {
      body: { payment_method_id: 'pm_card_visa' },
    });
    expect(retried.json.data).toMatchObject({
      status: 'succeeded',
      payment_intent_id: declined.json.payment_intent_id,
    });
  });

  it('answers requires_action with a client secret for 3-D Secure and leaves the order pending', async () => {
    const { id } = await newOrder();
    const res = await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, {
      body: { payment_method_id: 'pm_card_authenticationRequired' },
    });
    expect(res.status).toBe(200);
    expect(res.json.data.status).toBe('requires_action');
    expect(res.json.data.client_secret).toMatch(/^pi_[A-Za-z0-9]+_secret_/);
    expect(res.json.data.order).toMatchObject({ escrow_state: 'pending', payment_status: 'requires_action' });
  });

  it('refuses fund by the organizer (403), bad input (400), and another tenant (404)', async () => {
    const { id } = await newOrder();
    expect(
      (
        await organizer('POST', `/v1/sponsorship-orders/${id}:fund`, {
          body: { payment_method_id: 'pm_card_visa' },
        })
      ).status,
    ).toBe(403);
    expect(
      (await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, { body: { payment_method_id: 'card' } }))
        .status,
    ).toBe(400);
    const stranger = api(server, await server.createOrg('Stranger'));
    expect(
      (
        await stranger('POST', `/v1/sponsorship-orders/${id}:fund`, {
          body: { payment_method_id: 'pm_card_visa' },
        })
      ).status,
    ).toBe(404);
    expect((await sponsor('GET', `/v1/sponsorship-orders/${id}`)).json.data.escrow_state).toBe('pending');
  });

  it('cancels inside the window with the penalty kept for the organizer, and gives the unit back', async () => {
    const { id, packageId } = await newOrder({
      startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      policy: { window_days: 14, penalty_pct: 0.1 },
    });
    await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, {
      body: { payment_method_id: 'pm_card_visa' },
    });
    const cancelled = await sponsor('POST', `/v1/sponsorship-orders/${id}:cancel`, {
      body: { reason: 'Budget cut' },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.data).toMatchObject({
      status: 'cancelled',
      escrow_state: 'partially_refunded',
      refunded_cents: 135_000,
    });
    expect(cancelled.json.data.refunds).toEqual([
      expect.objectContaining({ amount_cents: 135_000, reference: 'cancellation', status: 'succeeded' }),
    ]);
    expect(cancelled.json.data.ledger.escrow_balance_cents).toBe(0);
    const { rows } = await server.db.system((tx) =>
      tx.query<{ sold: number }>('select sold from sponsorship_packages where id = $1', [packageId]),
    );
    expect(rows[0]!.sold).toBe(0);
    expect(await eventsOf(id, 'order.cancelled')).toBe(2);
  });

  it('refunds part of a funded order (organizer), then the rest, once per reference', async () => {
    const { id } = await newOrder();
    await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, {
      body: { payment_method_id: 'pm_card_visa' },
    });
    const part = await organizer('POST', `/v1/sponsorship-orders/${id}:refund`, {
      body: { amount_cents: 50_000, reason: 'Stage smaller than promised' },
    });
    expect(part.json.data).toMatchObject({ status: 'partially_refunded', refunded_cents: 50_000 });
    expect(
      (await organizer('POST', `/v1/sponsorship-orders/${id}:refund`, { body: { amount_cents: 500_000 } }))
        .status,
    ).toBe(422);
    expect((await sponsor('POST', `/v1/sponsorship-orders/${id}:refund`, { body: {} })).status).toBe(403);
    const rest = await organizer('POST', `/v1/sponsorship-orders/${id}:refund`, { body: {} });
    expect(rest.json.data).toMatchObject({
      status: 'refunded',
      escrow_state: 'refunded',
      refunded_cents: 150_000,
    });
    expect(rest.json.data.ledger.escrow_balance_cents).toBe(0);
  });

  it('releases once when 20 releases race: one payout, one transfer', async () => {
    const { id } = await newOrder();
    await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, {
      body: { payment_method_id: 'pm_card_visa' },
    });
    await organizer('POST', `/v1/sponsorship-orders/${id}:lock`);
    await server.db.system((tx) =>
      tx.query(`update deliverables set status = 'waived' where order_id = $1`, [id]),
    );
    const results = await Promise.all(
      Array.from({ length: 20 }, () => organizer('POST', `/v1/sponsorship-orders/${id}:release`)),
    );
    expect(results.filter((res) => res.status === 200)).toHaveLength(1);
    expect(results.filter((res) => res.status === 409)).toHaveLength(19);
    const { rows } = await server.db.system((tx) =>
      tx.query<{ id: string }>('select id from sponsorship_payouts where order_id = $1', [id]),
    );
    expect(rows).toHaveLength(1);
    const runs = await Promise.all(
      Array.from({ length: 5 }, () =>
        runPayout({ db: server.db, payments: server.payments, log }, rows[0]!.id),
      ),
    );
    // One run makes the transfer; a run meanwhile finds it processing and leaves it.
    expect(new Set(runs.map((payout) => payout?.stripe_transfer_id).filter(Boolean)).size).toBe(1);
    expect((await organizer('GET', `/v1/payouts/${rows[0]!.id}`)).json.data.status).toBe('paid');
    const transfers = await server.db.system((tx) =>
      tx.query(`select 1 from ledger_transactions where order_id = $1 and kind = 'transfer'`, [id]),
    );
    expect(transfers.rowCount).toBe(1);
  });

  it('will not release before every deliverable is approved or waived', async () => {
    const { id } = await newOrder();
    await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, {
      body: { payment_method_id: 'pm_card_visa' },
    });
    expect((await organizer('POST', `/v1/sponsorship-orders/${id}:release`)).status).toBe(409);
    await organizer('POST', `/v1/sponsorship-orders/${id}:lock`);
    await server.db.system((tx) =>
      tx.query(
        `insert into deliverables (organizer_org_id, sponsor_org_id, event_id, sponsor_id, order_id, package_id, type,
           spec, owner_side)
         select organizer_org_id, sponsor_org_id, event_id, sponsor_id, id, package_id, 'logo', '{}', 'organizer'
           from sponsorship_orders where id = $1`,
        [id],
      ),
    );
    const blocked = await organizer('POST', `/v1/sponsorship-orders/${id}:release`);
    expect(blocked.status).toBe(409);
    expect(blocked.json.type).toContain('deliverables-open');
  });
});

describe('sandbox disputes (pm_card_createDispute)', () => {
  it('opens a dispute on funding, holds the order, and closes it won or lost through the sandbox endpoint', async () => {
    const fundWith = async (pm: string) => {
      const { id } = await newOrder();
      const funded = await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, {
        body: { payment_method_id: pm },
      });
      expect(funded.json.data.status).toBe('succeeded');
      // The dispute opened with the charge: the order cannot be locked (nor released) while it is open.
      expect((await organizer('POST', `/v1/sponsorship-orders/${id}:lock`)).json.type).toContain(
        'order-disputed',
      );
      await server.db.system((tx) =>
        tx.query(`update deliverables set status = 'approved' where order_id = $1`, [id]),
      );
      return id;
    };
    const won = await fundWith('pm_card_createDispute');
    const held = (await organizer('GET', `/v1/sponsorship-orders/${won}`)).json.data;
    expect(held).toMatchObject({
      disputed: true,
      dispute: { status: 'needs_response', reason: 'fraudulent', amount_cents: 150_000 },
    });
    expect(held.dispute.evidence_due_by).toEqual(expect.any(String));
    expect(await eventsOf(won, 'order.disputed')).toBe(2);
    expect((await organizer('POST', `/v1/sponsorship-orders/${won}:release`)).status).toBe(409);

    const close = () =>
      sponsor('POST', `/v1/sandbox/sponsorship-orders/${won}:close-dispute`, {
        body: { outcome: 'won' },
        headers: { 'idempotency-key': `close-${won}` },
      });
    const closed = await close();
    expect(closed.status).toBe(200);
    const replayed = await close();
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.json).toEqual(closed.json);
    expect(closed.json.data).toMatchObject({ disputed: false, dispute: { status: 'won', fee_cents: 0 } });
    expect((await organizer('POST', `/v1/sponsorship-orders/${won}:lock`)).status).toBe(200);
    expect((await organizer('POST', `/v1/sponsorship-orders/${won}:release`)).status).toBe(200);
    const twice = await sponsor('POST', `/v1/sandbox/sponsorship-orders/${won}:close-dispute`, {
      body: { outcome: 'lost' },
    });
    expect(twice.status).toBe(409);

    const lost = await fundWith('pm_card_createDispute');
    const closedLost = await organizer('POST', `/v1/sandbox/sponsorship-orders/${lost}:close-dispute`, {
      body: { outcome: 'lost' },
    });
    expect(closedLost.json.data).toMatchObject({
      status: 'refunded',
      escrow_state: 'refunded',
      dispute: { status: 'lost', lost_cents: 150_000, fee_cents: 1_500 },
      ledger: { escrow_balance_cents: 0, pending_release_cents: 0 },
    });
    const disputeTx = closedLost.json.data.ledger.transactions.find(
      (t: { kind: string }) => t.kind === 'dispute',
    );
    expect(
      disputeTx.entries
        .map((e: { amount_cents: number }) => e.amount_cents)
        .sort((a: number, b: number) => a - b),
    ).toEqual([-150_000, -1_500, 151_500]);
  });

  it('answers 404 to another organization, 409 without a dispute, 400 for a bad outcome, 401 without a key', async () => {
    const { id } = await newOrder();
    const stranger = api(server, await server.createOrg('Dispute Stranger'));
    const path = `/v1/sandbox/sponsorship-orders/${id}:close-dispute`;
    expect((await stranger('POST', path, { body: { outcome: 'won' } })).status).toBe(404);
    expect((await sponsor('POST', path, { body: { outcome: 'won' } })).json.type).toContain('no-dispute');
    expect((await sponsor('POST', path, { body: { outcome: 'maybe' } })).status).toBe(400);
    expect((await api(server, undefined)('POST', path, { body: { outcome: 'won' } })).status).toBe(401);
  });
});

describe('payouts, payout settings and the ledger over HTTP', () => {
  it('parks the payout of an organizer without a Connect account in awaiting_configuration, emitting it once', async () => {
    const org = await server.createOrg('No Account Organizer');
    const { packageId, sponsorId } = await seedCommerce(server, { organizer: org });
    const orgApi = api(server, org);
    const { json } = await sponsor('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId },
    });
    const id = json.data.id as string;
    await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, {
      body: { payment_method_id: 'pm_card_visa' },
    });
    await orgApi('POST', `/v1/sponsorship-orders/${id}:lock`);
    await server.db.system((tx) =>
      tx.query(`update deliverables set status = 'approved' where order_id = $1`, [id]),
    );
    const payoutId = (await orgApi('POST', `/v1/sponsorship-orders/${id}:release`)).json.data.payout
      .id as string;
    const deps = { db: server.db, payments: server.payments, log };
    const waiting = await runPayout(deps, payoutId);
    expect(waiting).toMatchObject({
      status: 'awaiting_configuration',
      payout_attempts: 0,
      stripe_transfer_id: null,
    });
    expect(waiting?.payout_failure_reason).toContain('no Stripe Connect account');
    // The job ran out of nothing to do: running it again changes nothing and tells nobody twice.
    expect(await runPayout(deps, payoutId)).toMatchObject({ status: 'awaiting_configuration' });
    const { rows } = await server.db.system((tx) =>
      tx.query(`select org_id, type from webhook_events where type like 'payout.%' and data->>'id' = $1`, [
        payoutId,
      ]),
    );
    expect(rows).toEqual([{ org_id: org.orgId, type: 'payout.awaiting_configuration' }]);
  });

  it('replays an idempotent fund without paying twice', async () => {
    const { id } = await newOrder();
    const headers = { 'idempotency-key': `fund-${id}` };
    const body = { payment_method_id: 'pm_card_visa' };
    const first = await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, { body, headers });
    const again = await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, { body, headers });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json.data.payment_intent_id).toBe(first.json.data.payment_intent_id);
    const other = await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, { body });
    expect(other.status).toBe(409);
  });

  it('keeps the platform fee within the limits and the account id well-formed', async () => {
    const before = (await organizer('GET', '/v1/payout-configuration')).json.data;
    expect(before).toMatchObject({ platform_fee_limits: { min_bps: 0, max_bps: 3000 } });
    const high = await organizer('PUT', '/v1/payout-configuration', { body: { platform_fee_bps: 9000 } });
    expect(high.status).toBe(422);
    const bad = await organizer('PUT', '/v1/payout-configuration', {
      body: { stripe_connect_account_id: 'bank-1' },
    });
    expect(bad.status).toBe(400);
    expect((await organizer('GET', '/v1/payout-configuration')).json.data).toEqual(before);
    expect((await api(server, undefined)('GET', '/v1/payout-configuration')).status).toBe(401);
    const onboard = await organizer('POST', '/v1/payout-configuration:onboard', {
      body: { return_url: 'https://app.example/done', refresh_url: 'https://app.example/retry' },
    });
    expect(onboard.json.data).toMatchObject({ account_id: 'acct_1OrganizerTest' });
  });

  it('shows the ledger to owners and admins only', async () => {
    const { id } = await newOrder();
    await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, {
      body: { payment_method_id: 'pm_card_visa' },
    });
    const accounts = await organizer('GET', '/v1/ledger/accounts?kind=escrow&limit=100');
    expect(accounts.status).toBe(200);
    expect(accounts.json.data).toContainEqual(
      expect.objectContaining({ code: `escrow:${id}`, balance_cents: 150_000, pending_cents: 0 }),
    );
    const sponsorView = await sponsor('GET', `/v1/ledger/transactions?order_id=${id}`);
    expect(sponsorView.json.data.map((t: { kind: string }) => t.kind)).toEqual(['fund']);
    const stranger = api(server, await server.createOrg('Ledger Stranger'));
    expect((await stranger('GET', `/v1/ledger/transactions?order_id=${id}`)).json.data).toEqual([]);
    const key = await organizer('POST', '/v1/api-keys', { body: { name: 'member key', role: 'member' } });
    const member = api(server, { orgId: server.organizer.orgId, apiKey: key.json.data.secret as string });
    expect((await member('GET', '/v1/ledger/accounts')).status).toBe(403);
    expect((await api(server, undefined)('GET', '/v1/ledger/transactions')).status).toBe(401);
    expect((await organizer('GET', '/v1/ledger/transactions?status=settled')).status).toBe(400);
  });
});

describe('refunds for other areas, and the automatic lock', () => {
  it('refunds once per reference even when issueRefund is called twice at once (SLA penalties)', async () => {
    const { id } = await newOrder();
    await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, {
      body: { payment_method_id: 'pm_card_visa' },
    });
    const issue = refundIssuer({ payments: server.payments, config: { YARDPASS_PLATFORM_FEE_BPS: 1000 } });
    const input = {
      orderId: id,
      amountCents: 15_000,
      reason: 'SLA breach: impressions',
      reference: 'sla:test-1',
    };
    const [first, second] = await Promise.all([issue(server.db, input), issue(server.db, input)]);
    expect(first.refund.id).toBe(second.refund.id);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    const order = (await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    expect(order).toMatchObject({ refunded_cents: 15_000, status: 'partially_refunded' });
    expect(order.refunds).toHaveLength(1);
    expect(await eventsOf(id, 'order.refunded')).toBe(2);
  });

  it('locks funded orders whose event has started, in the reconciliation run', async () => {
    const { id } = await newOrder({ startsAt: new Date(Date.now() + 3_600_000).toISOString() });
    await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, {
      body: { payment_method_id: 'pm_card_visa' },
    });
    const report = await reconcilePayments(
      { db: server.db, payments: server.payments, log, defaultFeeBps: 1000 },
      new Date(Date.now() + 2 * 3_600_000),
    );
    expect(report.locked).toContain(id);
    expect((await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data).toMatchObject({
      escrow_state: 'locked',
      lock_reason: 'event_started',
    });
  });
});

describe('every orders, payouts and ledger operation', () => {
  const some = '00000000-0000-4000-8000-000000000001';
  it.each([
    ['GET', '/v1/sponsorship-orders'],
    ['GET', `/v1/sponsorship-orders/${some}`],
    ['POST', `/v1/sponsorship-orders/${some}:fund`],
    ['POST', `/v1/sponsorship-orders/${some}:lock`],
    ['POST', `/v1/sponsorship-orders/${some}:release`],
    ['POST', `/v1/sponsorship-orders/${some}:cancel`],
    ['POST', `/v1/sponsorship-orders/${some}:refund`],
    ['GET', '/v1/payouts'],
    ['GET', `/v1/payouts/${some}`],
    ['GET', '/v1/payout-configuration'],
    ['PUT', '/v1/payout-configuration'],
    ['POST', '/v1/payout-configuration:onboard'],
    ['GET', '/v1/ledger/accounts'],
    ['GET', '/v1/ledger/transactions'],
  ])('answers 401 to %s %s without credentials', async (method, path) => {
    const res = await api(server, undefined)(method, path, { body: method === 'GET' ? undefined : {} });
    expect(res.status).toBe(401);
  });

  it.each([
    ['GET', '/v1/sponsorship-orders?status=shipped', undefined],
    ['GET', '/v1/sponsorship-orders?event_id=nope', undefined],
    ['GET', '/v1/payouts?status=sent', undefined],
    ['GET', '/v1/ledger/accounts?kind=cash', undefined],
    ['POST', ':refund', { amount_cents: 0 }],
    ['POST', ':refund', { amount_cents: 10, extra: true }],
    ['POST', ':cancel', { reason: '' }],
    ['POST', ':fund', {}],
    [
      'POST',
      '/v1/payout-configuration:onboard',
      { return_url: 'not a url', refresh_url: 'https://a.example' },
    ],
    ['PUT', '/v1/payout-configuration', {}],
  ])('answers 400 to %s %s with %j and changes nothing', async (method, path, body) => {
    const { id } = await newOrder();
    const target = path.startsWith(':') ? `/v1/sponsorship-orders/${id}${path}` : path;
    const caller = path === ':fund' || path === ':cancel' ? sponsor : organizer;
    const res = await caller(method, target, { body });
    expect(res.status).toBe(400);
    expect(res.json.type).toContain('validation');
    expect((await sponsor('GET', `/v1/sponsorship-orders/${id}`)).json.data).toMatchObject({
      status: 'pending',
      escrow_state: 'pending',
    });
  });

  it('replays lock, release, cancel and refund under an Idempotency-Key', async () => {
    const { id } = await newOrder();
    await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, {
      body: { payment_method_id: 'pm_card_visa' },
    });
    const replay = async (action: string, body?: unknown) => {
      const headers = { 'idempotency-key': `${action}-${id}` };
      const first = await organizer('POST', `/v1/sponsorship-orders/${id}:${action}`, { body, headers });
      const again = await organizer('POST', `/v1/sponsorship-orders/${id}:${action}`, { body, headers });
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.json).toEqual(first.json);
      return first;
    };
    expect((await replay('refund', { amount_cents: 1_000 })).json.data.refunds).toHaveLength(1);
    expect((await replay('lock')).json.data.escrow_state).toBe('locked');
    await server.db.system((tx) =>
      tx.query(`update deliverables set status = 'approved' where order_id = $1`, [id]),
    );
    expect((await replay('release')).json.data.escrow_state).toBe('released');
    const other = await newOrder();
    const headers = { 'idempotency-key': `cancel-${other.id}` };
    const cancelled = await sponsor('POST', `/v1/sponsorship-orders/${other.id}:cancel`, {
      body: {},
      headers,
    });
    const again = await sponsor('POST', `/v1/sponsorship-orders/${other.id}:cancel`, { body: {}, headers });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(cancelled.json);
    expect((await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data.refunds).toHaveLength(1);
  });
});
