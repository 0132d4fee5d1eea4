import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestOrg, type TestServer } from '../../../../test/server';
import { reconcilePayments } from '../payments/reconcile';
import { createLogger } from '../logger';
import { seedCommerce } from '../../test/commerce-fixtures';
import { createFakeStripe } from '../../test/fake-stripe';

const stripe = createFakeStripe();
let server: TestServer;
let sponsor: ReturnType<typeof api>;

beforeAll(async () => {
  stripe.listen();
  server = await startTestServer(
    {
      STRIPE_SECRET_KEY: 'sk_test_msw',
      STRIPE_WEBHOOK_SECRET: 'whsec_test',
      YARDPASS_STRIPE_TIMEOUT_MS: '1000',
    },
    { worker: true },
  );
  sponsor = api(server, server.sponsor);
});
beforeEach(() => stripe.reset());
afterEach(() => stripe.server.resetHandlers());
afterAll(async () => {
  await server.close();
  stripe.server.close();
});

/** A funded, locked order of `org` whose deliverables are approved: ready for `:release`. */
async function releasable(org: TestOrg) {
  const { packageId, sponsorId } = await seedCommerce(server, { organizer: org });
  const { json } = await sponsor('POST', '/v1/sponsorship-orders', {
    body: { package_id: packageId, sponsor_id: sponsorId },
  });
  const id = json.data.id as string;
  await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, { body: { payment_method_id: 'pm_card_visa' } });
  await api(server, org)('POST', `/v1/sponsorship-orders/${id}:lock`);
  await server.db.system((tx) =>
    tx.query(`update deliverables set status = 'approved' where order_id = $1`, [id]),
  );
  return id;
}

/** Reads the payout until `done` holds (the worker runs its job in the background), for at most 25 s. */
async function payoutWhen(org: TestOrg, id: string, done: (payout: Record<string, unknown>) => boolean) {
  for (let i = 0; ; i++) {
    const payout = (await api(server, org)('GET', `/v1/payouts/${id}`)).json.data as Record<string, unknown>;
    if (done(payout)) return payout;
    if (i > 250) throw new Error(`payout ${id} stayed ${JSON.stringify(payout)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const transfersOf = (payoutId: string) =>
  stripe.state.transfers.filter((t) => (t.metadata as { payout_id?: string }).payout_id === payoutId);

async function ledgerOf(orgId: string) {
  const { rows } = await server.db.system((tx) =>
    tx.query<{ total: string; payable: string }>(
      `select (select coalesce(sum(amount_cents), 0) from ledger_entries) as total,
              (select coalesce(sum(e.amount_cents), 0) from ledger_entries e
                 join ledger_accounts a on a.id = e.account_id
                 join ledger_transactions t on t.id = e.transaction_id
                where a.kind = 'organizer_payable' and a.org_id = $1 and t.status = 'posted') as payable`,
      [orgId],
    ),
  );
  return { total: Number(rows[0]!.total), payable: Number(rows[0]!.payable) };
}

describe('payout recovery (the newcomer without a Connect account)', () => {
  it('waits in awaiting_configuration, resumes on onboarding with one transfer, and keeps the ledger balanced', async () => {
    const org = await server.createOrg('Newcomer Events');
    const organizer = api(server, org);
    const orderId = await releasable(org);
    const released = await organizer('POST', `/v1/sponsorship-orders/${orderId}:release`);
    expect(released.status).toBe(200);
    const payoutId = released.json.data.payout.id as string;

    const waiting = await payoutWhen(org, payoutId, (p) => p.status !== 'pending');
    expect(waiting).toMatchObject({ status: 'awaiting_configuration', payout_attempts: 0 });
    expect(waiting.payout_failure_reason).toContain('yardpass payout-config onboard');
    expect(waiting.payout_failure_reason).toContain('POST /v1/payout-configuration:onboard');
    expect(stripe.posts('/v1/transfers')).toEqual([]);
    expect((await ledgerOf(org.orgId)).payable).toBe(135_000);
    const told = await server.db.system((tx) =>
      tx.query(
        `select org_id from webhook_events where type = 'payout.awaiting_configuration' and data->>'id' = $1`,
        [payoutId],
      ),
    );
    expect(told.rows).toEqual([{ org_id: org.orgId }]);

    const onboard = await organizer('POST', '/v1/payout-configuration:onboard', {
      body: { return_url: 'https://app.example/done', refresh_url: 'https://app.example/retry' },
    });
    expect(onboard.status).toBe(200);
    const paid = await payoutWhen(org, payoutId, (p) => p.status === 'paid');
    // No transfer was ever asked while it waited, so it spent no idempotency key: the first one sends it.
    expect(paid).toMatchObject({ destination_account_id: 'acct_1NewExpressAcct', retry_count: 0 });
    expect(transfersOf(payoutId)).toHaveLength(1);
    expect(stripe.posts('/v1/transfers').map((call) => call.key)).toEqual([`payout:${payoutId}`]);
    expect(await ledgerOf(org.orgId)).toEqual({ total: 0, payable: 0 });

    // Paid is final: a retry says so.
    const again = await organizer('POST', `/v1/payouts/${payoutId}:retry`);
    expect(again.status).toBe(409);
    expect(again.json.type).toContain('payout-not-retryable');
  });

  it('parks a payout Stripe refuses for the account, and reconciliation resumes it', async () => {
    const org = await server.createOrg('Half Onboarded Events');
    const organizer = api(server, org);
    await organizer('PUT', '/v1/payout-configuration', {
      body: { stripe_connect_account_id: 'acct_1HalfOnboarded' },
    });
    stripe.state.trouble.push({
      path: '/v1/transfers',
      kind: 'refuse',
      code: 'insufficient_capabilities_for_transfer',
      message:
        'Your destination account needs to have at least one of the following capabilities enabled: transfers.',
    });
    const orderId = await releasable(org);
    const payoutId = (await organizer('POST', `/v1/sponsorship-orders/${orderId}:release`)).json.data.payout
      .id as string;
    const waiting = await payoutWhen(org, payoutId, (p) => p.status === 'awaiting_configuration');
    expect(waiting.payout_failure_reason).toContain('cannot receive transfers yet');
    expect(waiting.payout_attempts).toBe(0);

    // An hour later the account can receive transfers: the reconciliation job tries again under a new key.
    const report = await reconcilePayments(
      { db: server.db, payments: server.payments, log: createLogger('silent'), defaultFeeBps: 1000 },
      new Date(Date.now() + 61 * 60_000),
    );
    expect(report.payouts_resumed).toBeGreaterThanOrEqual(1);
    await payoutWhen(org, payoutId, (p) => p.status === 'paid');
    expect(transfersOf(payoutId)).toHaveLength(1);
    expect(stripe.posts('/v1/transfers').map((call) => call.key)).toEqual([
      `payout:${payoutId}`,
      `payout:${payoutId}:retry:1`,
    ]);
  });
});

describe('POST /v1/payouts/{id}:retry', () => {
  it('retries a failed payout once under 20 parallel calls: one transfer, named in the failure how to retry', async () => {
    const org = await server.createOrg('Unlucky Events');
    const organizer = api(server, org);
    await organizer('PUT', '/v1/payout-configuration', {
      body: { stripe_connect_account_id: 'acct_1Unlucky' },
    });
    // Refused once; Stripe answers the same refusal to the same key, so all three attempts fail.
    stripe.state.trouble.push({
      path: '/v1/transfers',
      kind: 'refuse',
      code: 'balance_insufficient',
      message: 'You have insufficient available funds in your Stripe account.',
    });
    const orderId = await releasable(org);
    const payoutId = (await organizer('POST', `/v1/sponsorship-orders/${orderId}:release`)).json.data.payout
      .id as string;
    const failed = await payoutWhen(org, payoutId, (p) => p.status === 'failed');
    expect(failed.payout_attempts).toBe(3);
    expect(failed.payout_failure_reason).toContain(`yardpass payouts retry ${payoutId}`);
    expect(failed.payout_failure_reason).toContain(`POST /v1/payouts/${payoutId}:retry`);

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => organizer('POST', `/v1/payouts/${payoutId}:retry`)),
    );
    // Each finds it failed (and queues it), on its way (and answers it as it is), or already paid (409).
    for (const answer of answers)
      if (answer.status !== 200)
        expect([answer.status, answer.json.type]).toEqual([
          409,
          expect.stringContaining('payout-not-retryable'),
        ]);
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThan(0);
    const paid = await payoutWhen(org, payoutId, (p) => p.status === 'paid');
    expect(paid.retry_count).toBe(1);
    expect(transfersOf(payoutId)).toHaveLength(1);
    expect(stripe.posts('/v1/transfers').at(-1)!.key).toBe(`payout:${payoutId}:retry:1`);
    expect(await ledgerOf(org.orgId)).toEqual({ total: 0, payable: 0 });
  }, 40_000);

  it('answers 404 to another organization, 401 without a key, 400 for a bad id, and replays by Idempotency-Key', async () => {
    const org = await server.createOrg('Retry Contract Events');
    const organizer = api(server, org);
    const orderId = await releasable(org);
    const payoutId = (await organizer('POST', `/v1/sponsorship-orders/${orderId}:release`)).json.data.payout
      .id as string;
    await payoutWhen(org, payoutId, (p) => p.status === 'awaiting_configuration');

    expect((await sponsor('POST', `/v1/payouts/${payoutId}:retry`)).status).toBe(404);
    expect((await api(server, undefined)('POST', `/v1/payouts/${payoutId}:retry`)).status).toBe(401);
    // Not a payout id: a 4xx problem, never a 5xx.
    const bad = await organizer('POST', '/v1/payouts/not-a-uuid:retry');
    expect(bad.status).toBe(404);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');

    const headers = { 'idempotency-key': `retry-${payoutId}` };
    const first = await organizer('POST', `/v1/payouts/${payoutId}:retry`, { headers });
    expect(first.status).toBe(200);
    expect(first.json.data).toMatchObject({ status: 'pending', retry_count: 0 });
    const replay = await organizer('POST', `/v1/payouts/${payoutId}:retry`, { headers });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.json).toEqual(first.json);
    // Still no account: it waits again (no key spent: no transfer was asked).
    await payoutWhen(org, payoutId, (p) => p.status === 'awaiting_configuration');
  });

  it('stops a payout that used up its idempotency keys: failed for good, in the ops inbox, and reconciliation goes on', async () => {
    const org = await server.createOrg('Stubborn Events');
    const organizer = api(server, org);
    await organizer('PUT', '/v1/payout-configuration', {
      body: { stripe_connect_account_id: 'acct_1Stubborn' },
    });
    stripe.state.trouble.push({
      path: '/v1/transfers',
      kind: 'refuse',
      code: 'insufficient_capabilities_for_transfer',
      message: 'Your destination account needs to have the transfers capability enabled.',
    });
    const orderId = await releasable(org);
    const payoutId = (await organizer('POST', `/v1/sponsorship-orders/${orderId}:release`)).json.data.payout
      .id as string;
    await payoutWhen(org, payoutId, (p) => p.status === 'awaiting_configuration');
    // As after 1,000 refused tries (an account restricted for weeks, tried again every hour).
    await server.db.system((tx) =>
      tx.query(
        `update sponsorship_payouts set retry_count = 1000, updated_at = now() - interval '2 hours' where id = $1`,
        [payoutId],
      ),
    );
    const transfersBefore = stripe.posts('/v1/transfers').length;

    const manual = await organizer('POST', `/v1/payouts/${payoutId}:retry`);
    expect(manual.status).toBe(409);
    expect(manual.json.detail).toContain('1000 idempotency keys');
    const report = await reconcilePayments(
      { db: server.db, payments: server.payments, log: createLogger('silent'), defaultFeeBps: 1000 },
      new Date(),
    );
    expect(report.payouts_resumed).toBeGreaterThanOrEqual(1);
    const stopped = (await organizer('GET', `/v1/payouts/${payoutId}`)).json.data;
    expect(stopped).toMatchObject({ status: 'failed', retry_count: 1000 });
    expect(stopped.payout_failure_reason).toContain('Stopped retrying after 1000 idempotency keys');
    expect(stopped.payout_failure_reason).toContain('transfers capability');
    const told = await server.db.system((tx) =>
      tx.query(`select org_id from webhook_events where type = 'payout.failed' and data->>'id' = $1`, [
        payoutId,
      ]),
    );
    expect(told.rows).toEqual([{ org_id: org.orgId }]);

    const inbox = (await organizer('GET', '/v1/ops/inbox?kind=payout_failed&limit=100')).json.data as {
      id: string;
      why: string;
      action: { method: string; command: string };
    }[];
    const item = inbox.find((entry) => entry.id === payoutId);
    expect(item?.action).toEqual({
      method: 'GET',
      path: `/v1/payouts/${payoutId}`,
      command: `yardpass payouts show ${payoutId}`,
    });
    expect(item?.why).toContain('failed for good');
    // Nothing more was sent, and the money is still owed to the organizer in the ledger.
    expect(stripe.posts('/v1/transfers')).toHaveLength(transfersBefore);
    expect(await ledgerOf(org.orgId)).toEqual({ total: 0, payable: 135_000 });
  });
});
