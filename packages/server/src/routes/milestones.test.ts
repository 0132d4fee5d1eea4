import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';
import { finishStalledReversals } from '../domain/disputes';
import { runPayout } from '../domain/payouts';
import { runTimeouts } from '../domain/timeouts';
import { createLogger } from '../logger';
import { seedCommerce } from '../../test/commerce-fixtures';
import { createFakeStripe, sendStripeEvent } from '../../test/fake-stripe';

const SECRET = 'whsec_milestones';
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
    body: { stripe_connect_account_id: 'acct_1Milestones' },
  });
});
beforeEach(() => stripe.reset());
afterEach(() => stripe.server.resetHandlers());
afterAll(async () => {
  await server.close();
  stripe.server.close();
});

const BENEFITS = { logo_stage: true, booth: '10x10', social_posts: 3 };

/** `PATCH`es the package at the version it is at. */
async function patchPackage(packageId: string, changes: Record<string, unknown>) {
  const { version } = (await organizer('GET', `/v1/sponsorship-packages/${packageId}`)).json.data;
  return organizer('PATCH', `/v1/sponsorship-packages/${packageId}`, { body: { version, ...changes } });
}

/** A published package that releases per deliverable with `weights`, at an awkward price. */
async function milestonePackage(weights: Record<string, number>, priceCents: number) {
  const { packageId, sponsorId } = await seedCommerce(server, { priceCents });
  const updated = await patchPackage(packageId, {
    benefits: BENEFITS,
    release_policy: 'per_deliverable',
    release_weights: weights,
  });
  expect(updated.status).toBe(200);
  expect(updated.json.data).toMatchObject({ release_policy: 'per_deliverable', release_weights: weights });
  return { packageId, sponsorId };
}

/** A funded order of a milestone package with a proof submitted for each deliverable, keyed by benefit. */
async function fundedMilestoneOrder(weights: Record<string, number>, priceCents: number) {
  const { packageId, sponsorId } = await milestonePackage(weights, priceCents);
  const id = (
    await sponsor('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId },
    })
  ).json.data.id as string;
  const funded = await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, {
    body: { payment_method_id: 'pm_card_visa' },
  });
  expect(funded.json.data.order).toMatchObject({ escrow_state: 'funded', release_policy: 'per_deliverable' });
  const list = await organizer('GET', `/v1/deliverables?order_id=${id}`);
  const deliverables = list.json.data as { id: string; benefit_key: string; release_weight: number }[];
  expect(Object.fromEntries(deliverables.map((d) => [d.benefit_key, d.release_weight]))).toEqual(weights);
  for (const d of deliverables) {
    const proof = await organizer('POST', `/v1/deliverables/${d.id}/proofs`, {
      body: { asset_url: `https://cdn.example.com/${d.benefit_key}.jpg` },
    });
    expect(proof.status).toBe(201);
  }
  const byBenefit = Object.fromEntries(deliverables.map((d) => [d.benefit_key, d.id]));
  const chargeId = stripe.state.intents.get(funded.json.data.payment_intent_id as string)!
    .latest_charge as string;
  return { id, byBenefit, chargeId };
}

const approve = (deliverableId: string) => sponsor('POST', `/v1/deliverables/${deliverableId}:approve`);

async function ledgerTotal() {
  const { rows } = await server.db.system((tx) =>
    tx.query<{ total: string }>('select coalesce(sum(amount_cents), 0) as total from ledger_entries'),
  );
  return Number(rows[0]!.total);
}

/** Runs the payouts' transfers (the worker's job) and answers the transfers Stripe made for the order. */
async function transfersOf(order: { id: string; payouts: { id: string }[] }) {
  for (const payout of order.payouts)
    expect((await runPayout({ db: server.db, payments: server.payments, log }, payout.id))?.status).toBe(
      'paid',
    );
  return stripe.state.transfers.filter((t) => (t.metadata as { order_id?: string }).order_id === order.id);
}

const WEIGHTS = { logo_stage: 5, booth: 3, social_posts: 2 };

/** A Stripe dispute of `amountCents` of the charge, as its webhooks carry it; lost, with Stripe's 15.00 fee. */
const disputeObject = (disputeId: string, chargeId: string, status: string, amountCents = 100_000) => ({
  id: disputeId,
  object: 'dispute',
  charge: chargeId,
  amount: amountCents,
  currency: 'usd',
  reason: 'fraudulent',
  status,
  balance_transactions: status === 'lost' ? [{ amount: -amountCents, fee: 1_500 }] : [],
});

describe('milestone release (release_policy: per_deliverable)', () => {
  it.each([
    ['one at a time, heaviest first', [['logo_stage'], ['booth'], ['social_posts']]],
    ['one at a time, lightest first', [['social_posts'], ['booth'], ['logo_stage']]],
    ['all three at once', [['logo_stage', 'booth', 'social_posts']]],
    ['one, then two at once', [['booth'], ['social_posts', 'logo_stage']]],
  ])(
    'releases each approval its weighted share, the payouts adding up to the net exactly, approved %s',
    async (_, rounds) => {
      const priceCents = 100_003;
      const { id, byBenefit } = await fundedMilestoneOrder(WEIGHTS, priceCents);
      for (const round of rounds) {
        const answers = await Promise.all(round.map((benefit) => approve(byBenefit[benefit]!)));
        expect(answers.map((answer) => answer.status)).toEqual(round.map(() => 200));
      }
      const order = (await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data;
      expect(order).toMatchObject({
        escrow_state: 'released',
        status: 'completed',
        released_cents: priceCents,
        payout: null,
        ledger: { held_cents: 0, released_cents: priceCents, escrow_balance_cents: 0 },
      });
      expect(order.application_fee_cents).toBe(Math.round((priceCents * order.platform_fee_bps) / 10_000));
      const net = priceCents - order.application_fee_cents;
      expect(order.payouts).toHaveLength(3);
      expect(new Set(order.payouts.map((p: { deliverable_id: string }) => p.deliverable_id))).toEqual(
        new Set(Object.values(byBenefit)),
      );
      // Each share is its weight's tenth of the net, give or take the rounding cents the last one carries.
      for (const [benefit, weight] of Object.entries(WEIGHTS)) {
        const payout = order.payouts.find(
          (p: { deliverable_id: string }) => p.deliverable_id === byBenefit[benefit],
        );
        expect(Math.abs(payout.amount_cents - (net * weight) / 10)).toBeLessThanOrEqual(2);
      }
      const releases = order.ledger.transactions.filter((t: { kind: string }) => t.kind === 'release');
      expect(releases).toHaveLength(3);

      const transfers = await transfersOf(order);
      expect(transfers).toHaveLength(3);
      expect(transfers.reduce((sum, t) => sum + Number(t.amount), 0)).toBe(net);
      expect(await ledgerTotal()).toBe(0);
    },
  );

  it('keeps the unapproved shares in escrow: the order, its ledger and the ROI report show released vs held', async () => {
    const { id, byBenefit } = await fundedMilestoneOrder(WEIGHTS, 200_000);
    expect((await approve(byBenefit.logo_stage!)).status).toBe(200);
    const order = (await sponsor('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    expect(order).toMatchObject({
      escrow_state: 'funded',
      status: 'active',
      released_cents: 100_000,
      payouts: [],
      ledger: { held_cents: 100_000, released_cents: 100_000 },
    });
    const organizerView = (await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    expect(organizerView.payouts).toEqual([
      expect.objectContaining({
        deliverable_id: byBenefit.logo_stage,
        amount_cents: 90_000,
        fee_cents: 10_000,
      }),
    ]);
    const report = await sponsor('GET', `/v1/reports/roi?order_id=${id}`);
    expect(report.status).toBe(200);
    expect(report.json.data.escrow).toEqual({
      release_policy: 'per_deliverable',
      released_cents: 100_000,
      held_cents: 100_000,
    });
    const csv = await sponsor('GET', `/v1/reports/roi?order_id=${id}&format=csv`);
    expect(csv.text).toContain('held_cents,100000');

    // Never locked or released as a whole; a refund takes only what is still held.
    const lock = await organizer('POST', `/v1/sponsorship-orders/${id}:lock`);
    expect(lock.status).toBe(409);
    expect(lock.json.type).toContain('release-per-deliverable');
    expect((await organizer('POST', `/v1/sponsorship-orders/${id}:release`)).json.type).toContain(
      'release-per-deliverable',
    );
    const tooMuch = await organizer('POST', `/v1/sponsorship-orders/${id}:refund`, {
      body: { amount_cents: 100_001 },
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.json.detail).toContain('100000 cents were released with its milestones');
    const cancel = await sponsor('POST', `/v1/sponsorship-orders/${id}:cancel`);
    expect(cancel.status).toBe(409);
    expect(await ledgerTotal()).toBe(0);
  });

  it('holds milestone releases while the order is disputed, and releases the approved ones when it is won', async () => {
    const { id, byBenefit, chargeId } = await fundedMilestoneOrder(WEIGHTS, 100_000);
    const dispute = (status: string) => disputeObject('dp_1Milestone', chargeId, status);
    const send = async (type: string, status: string) =>
      expect(
        (await sendStripeEvent(server, SECRET, { id: `evt_ms_${++events}`, type, object: dispute(status) }))
          .status,
      ).toBe(200);
    await send('charge.dispute.created', 'needs_response');
    expect((await approve(byBenefit.logo_stage!)).status).toBe(200);
    expect((await approve(byBenefit.booth!)).status).toBe(200);
    const held = (await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    expect(held).toMatchObject({
      disputed: true,
      released_cents: 0,
      payouts: [],
      ledger: { held_cents: 100_000 },
    });

    await send('charge.dispute.closed', 'won');
    const won = (await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    expect(won).toMatchObject({ disputed: false, released_cents: 80_000, ledger: { held_cents: 20_000 } });
    expect(won.payouts).toHaveLength(2);
    expect((await approve(byBenefit.social_posts!)).status).toBe(200);
    const done = (await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    expect(done).toMatchObject({ escrow_state: 'released', released_cents: 100_000 });
    const transfers = await transfersOf(done);
    expect(transfers.reduce((sum, t) => sum + Number(t.amount), 0)).toBe(90_000);
    expect(await ledgerTotal()).toBe(0);
  });

  it('takes a lost dispute out of escrow first, then out of the milestone payouts not yet transferred', async () => {
    const { id, byBenefit, chargeId } = await fundedMilestoneOrder(WEIGHTS, 100_000);
    expect((await approve(byBenefit.logo_stage!)).status).toBe(200);
    expect((await approve(byBenefit.social_posts!)).status).toBe(200);
    const before = (await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    expect(before).toMatchObject({ released_cents: 70_000, ledger: { held_cents: 30_000 } });
    const object = (status: string) => disputeObject('dp_1MilestoneLost', chargeId, status, 60_000);
    for (const [type, status] of [
      ['charge.dispute.created', 'needs_response'],
      ['charge.dispute.closed', 'lost'],
    ] as const)
      expect(
        (await sendStripeEvent(server, SECRET, { id: `evt_ms_${++events}`, type, object: object(status) }))
          .status,
      ).toBe(200);

    // 30,000 from escrow; the other 30,000 from the newest untransferred payout (social posts: 18,000 net) and
    // then the logo's (45,000 net, cut to 33,000).
    const after = (await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    expect(after).toMatchObject({
      refunded_cents: 60_000,
      ledger: { held_cents: 0 },
      dispute: { status: 'lost' },
    });
    const payoutOf = (benefit: string) =>
      after.payouts.find((p: { deliverable_id: string }) => p.deliverable_id === byBenefit[benefit]);
    expect(payoutOf('social_posts')).toMatchObject({ status: 'cancelled', amount_cents: 18_000 });
    expect(payoutOf('logo_stage')).toMatchObject({ status: 'pending', amount_cents: 33_000 });
    expect(
      (await runPayout({ db: server.db, payments: server.payments, log }, payoutOf('logo_stage').id))?.status,
    ).toBe('paid');
    const transfers = stripe.state.transfers.filter(
      (t) => (t.metadata as { order_id?: string }).order_id === id,
    );
    expect(transfers.map((t) => Number(t.amount))).toEqual([33_000]);
    expect(await ledgerTotal()).toBe(0);
  });

  it('releases a share when the review window approves a deliverable by itself, once under two workers', async () => {
    const { id, byBenefit } = await fundedMilestoneOrder(WEIGHTS, 100_000);
    const deps = { db: server.db, payments: server.payments, log, defaultFeeBps: 1000 };
    const later = new Date(Date.now() + 8 * 86_400_000);
    await Promise.all([runTimeouts(deps, later), runTimeouts(deps, later)]);
    const order = (await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    expect(order).toMatchObject({ escrow_state: 'released', released_cents: 100_000 });
    expect(order.payouts.map((p: { deliverable_id: string }) => p.deliverable_id).sort()).toEqual(
      Object.values(byBenefit).sort(),
    );
    expect(order.payouts.reduce((sum: number, p: { amount_cents: number }) => sum + p.amount_cents, 0)).toBe(
      90_000,
    );
    expect(await ledgerTotal()).toBe(0);
  });

  it('refuses release weights that name no promised benefit with a 422 problem, and bad values with 400', async () => {
    const { packageId, sponsorId, eventId } = await seedCommerce(server);
    const { version } = (await organizer('GET', `/v1/sponsorship-packages/${packageId}`)).json.data;
    const unknown = await organizer('PATCH', `/v1/sponsorship-packages/${packageId}`, {
      body: { version, benefits: BENEFITS, release_policy: 'per_deliverable', release_weights: { logo: 2 } },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.json.type).toContain('invalid-release-weights');
    expect(unknown.json.detail).toContain('logo_stage, booth, social_posts');
    expect(unknown.json.errors).toEqual([{ path: '/release_weights/logo', message: expect.any(String) }]);

    const created = await organizer('POST', '/v1/sponsorship-packages', {
      body: {
        event_id: eventId,
        title: 'Booth',
        tier: 'silver',
        price_cents: 5_000,
        currency: 'USD',
        inventory: 1,
        benefits: { booth: false },
        release_policy: 'per_deliverable',
        release_weights: { booth: 1 },
      },
    });
    expect(created.status).toBe(422);
    expect(created.json.detail).toContain('this package promises none');

    const zero = await organizer('PATCH', `/v1/sponsorship-packages/${packageId}`, {
      body: { version, release_weights: { logo_stage: 0 } },
    });
    expect(zero.status).toBe(400);

    const order = await sponsor('POST', '/v1/sponsorship-orders', {
      body: {
        package_id: packageId,
        sponsor_id: sponsorId,
        release_policy: 'per_deliverable',
        release_weights: { booth: 1 },
      },
    });
    expect(order.status).toBe(422);
    expect(order.json.type).toContain('invalid-release-weights');
    expect((await organizer('GET', `/v1/sponsorship-packages/${packageId}`)).json.data).toMatchObject({
      version,
      release_policy: 'whole_order',
      release_weights: {},
    });
  });

  it('lets an order choose milestones on a whole-order package', async () => {
    const { packageId, sponsorId } = await seedCommerce(server, { priceCents: 9_999 });
    expect((await patchPackage(packageId, { benefits: BENEFITS })).status).toBe(200);
    const created = await sponsor('POST', '/v1/sponsorship-orders', {
      body: {
        package_id: packageId,
        sponsor_id: sponsorId,
        release_policy: 'per_deliverable',
        release_weights: { booth: 7 },
      },
    });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({
      release_policy: 'per_deliverable',
      release_weights: { booth: 7 },
      released_cents: 0,
    });
  });
});

describe('a lost dispute of a milestone order (transfer reversals, one per payout)', () => {
  const ACCOUNT = 'acct_1Milestones';
  const deps = () => ({ db: server.db, payments: server.payments, log });
  const deliver = (eventId: string, type: string, object: Record<string, unknown>) =>
    sendStripeEvent(server, SECRET, { id: eventId, type, object });

  /** A 100,000 order with logo stage (45,000 net) and booth (27,000 net) released; social posts still held. */
  async function releasedTwo() {
    const order = await fundedMilestoneOrder(WEIGHTS, 100_000);
    expect((await approve(order.byBenefit.logo_stage!)).status).toBe(200);
    expect((await approve(order.byBenefit.booth!)).status).toBe(200);
    const payouts = (await organizer('GET', `/v1/sponsorship-orders/${order.id}`)).json.data.payouts as {
      id: string;
      deliverable_id: string;
      amount_cents: number;
    }[];
    const payoutOf = (benefit: string) => payouts.find((p) => p.deliverable_id === order.byBenefit[benefit])!;
    return { ...order, logo: payoutOf('logo_stage'), booth: payoutOf('booth') };
  }

  async function loseDispute(disputeId: string, chargeId: string) {
    const opened = await deliver(
      `evt_${disputeId}_open`,
      'charge.dispute.created',
      disputeObject(disputeId, chargeId, 'needs_response'),
    );
    expect(opened.status).toBe(200);
    const closed = await deliver(
      `evt_${disputeId}_lost`,
      'charge.dispute.closed',
      disputeObject(disputeId, chargeId, 'lost'),
    );
    expect(closed.status).toBe(200);
  }

  const transferOf = (payoutId: string) =>
    stripe.state.transfers.find((t) => (t.metadata as { payout_id?: string }).payout_id === payoutId)!;
  const reversalPosts = (transferId: string) =>
    stripe.posts(`/v1/transfers/${transferId}/reversals`).filter((call) => call.method === 'POST');

  /** What the order's ledger transactions moved, net, per kind of account: the money adds up when each is right. */
  async function orderNet(orderId: string) {
    const { rows } = await server.db.system((tx) =>
      tx.query<{ kind: string; net: string }>(
        `select a.kind, sum(e.amount_cents) as net
           from ledger_transactions t join ledger_entries e on e.transaction_id = t.id
           join ledger_accounts a on a.id = e.account_id
          where t.order_id = $1 and t.status = 'posted' group by a.kind`,
        [orderId],
      ),
    );
    return Object.fromEntries(rows.map((row) => [row.kind, Number(row.net)]));
  }

  // A lost order whose transfers were all reversed: the organizer keeps nothing of it, the platform loses only
  // Stripe's dispute fee.
  const ALL_RECOVERED = { escrow: 0, organizer_payable: 0, platform_fees: -1_500, stripe_clearing: 1_500 };

  async function integrityOk() {
    const report = await organizer('GET', '/v1/ops/integrity');
    expect(report.status).toBe(200);
    return report.json.data.ok as boolean;
  }

  it('reverses every milestone transfer already paid once, under parallel deliveries of charge.dispute.closed, and releases nothing after', async () => {
    const { id, byBenefit, chargeId, logo, booth } = await releasedTwo();
    for (const payout of [logo, booth]) expect((await runPayout(deps(), payout.id))?.status).toBe('paid');
    expect(
      (
        await deliver(
          'evt_ms_parallel_open',
          'charge.dispute.created',
          disputeObject('dp_1MsParallel', chargeId, 'needs_response'),
        )
      ).status,
    ).toBe(200);
    // Stripe delivers the same event twice at once, and a second event for the same closing.
    const closing = disputeObject('dp_1MsParallel', chargeId, 'lost');
    const answers = await Promise.all([
      deliver('evt_ms_parallel_lost', 'charge.dispute.closed', closing),
      deliver('evt_ms_parallel_lost', 'charge.dispute.closed', closing),
      deliver('evt_ms_parallel_lost_again', 'charge.dispute.closed', closing),
      deliver('evt_ms_parallel_lost_again', 'charge.dispute.closed', closing),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);

    // 20,000 came out of escrow; the rest out of both transfers, in full, each once under its own key.
    const order = (await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    for (const payout of [logo, booth]) {
      const transfer = transferOf(payout.id);
      const posts = reversalPosts(String(transfer.id));
      expect(posts).toHaveLength(1);
      expect(posts[0]).toMatchObject({
        key: `dispute:${order.dispute.id as string}:payout:${payout.id}:reversal`,
        body: { amount: String(payout.amount_cents), 'metadata[payout_id]': payout.id },
      });
      expect(transfer.amount_reversed).toBe(payout.amount_cents);
    }
    expect(order.dispute).toMatchObject({ status: 'lost', lost_cents: 100_000, reversal_cents: 72_000 });
    expect(
      [...order.dispute.reversals].sort((a: { payout_id: string }, b: { payout_id: string }) =>
        a.payout_id.localeCompare(b.payout_id),
      ),
    ).toEqual(
      [logo, booth]
        .map((payout) => ({
          payout_id: payout.id,
          amount_cents: payout.amount_cents,
          status: 'reversed',
          stripe_reversal_id: expect.stringMatching(/^trr_/),
          failure_reason: null,
        }))
        .sort((a, b) => a.payout_id.localeCompare(b.payout_id)),
    );
    expect(order).toMatchObject({ escrow_state: 'refunded', status: 'refunded', refunded_cents: 100_000 });
    const kinds = order.ledger.transactions.map((t: { kind: string }) => t.kind);
    expect(kinds.filter((kind: string) => kind === 'reversal')).toHaveLength(2);
    expect(kinds.filter((kind: string) => kind === 'dispute')).toHaveLength(1);
    expect(await orderNet(id)).toEqual(ALL_RECOVERED);
    expect(await ledgerTotal()).toBe(0);
    expect(await integrityOk()).toBe(true);

    // The milestone not yet released never is: its approval moves no money.
    const transfersBefore = stripe.state.transfers.length;
    await approve(byBenefit.social_posts!);
    const after = (await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    expect(after.payouts).toHaveLength(2);
    expect(after.released_cents).toBe(order.released_cents);
    expect(after.ledger.transactions.filter((t: { kind: string }) => t.kind === 'release')).toHaveLength(2);
    expect(stripe.state.transfers).toHaveLength(transfersBefore);
    expect(after.payouts.map((p: { status: string }) => p.status)).toEqual(['paid', 'paid']);
  });

  it('reverses a milestone transfer still being made when the dispute is lost, once it exists, and only once', async () => {
    const { id, chargeId, logo, booth } = await releasedTwo();
    const releaseStripe = stripe.hold();
    const run = runPayout(deps(), logo.id);
    for (let i = 0; stripe.posts('/v1/transfers').length === 0; i++) {
      if (i > 200) throw new Error('the transfer was never asked');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await loseDispute('dp_1MsInFlight', chargeId);
    const meanwhile = (await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    // The booth's payout was never transferred: cancelled. The logo's is reserved, to reverse once it exists.
    expect(meanwhile.payouts.find((p: { id: string }) => p.id === booth.id)).toMatchObject({
      status: 'cancelled',
    });
    expect(meanwhile.dispute.reversals).toEqual([
      expect.objectContaining({ payout_id: logo.id, amount_cents: 45_000, status: 'pending' }),
    ]);

    releaseStripe();
    expect((await run)?.status).toBe('paid');
    const transfer = transferOf(logo.id);
    expect(reversalPosts(String(transfer.id))).toHaveLength(1);
    expect(transfer.amount_reversed).toBe(45_000);
    // Reconciliation, even twice at once, finds nothing left to reverse.
    const later = new Date(Date.now() + 120_000);
    await Promise.all([finishStalledReversals(deps(), later), finishStalledReversals(deps(), later)]);
    expect(reversalPosts(String(transfer.id))).toHaveLength(1);
    expect(await orderNet(id)).toEqual(ALL_RECOVERED);
    expect(await ledgerTotal()).toBe(0);
  });

  it('makes a reversal once when the process died after Stripe made it: reconciliation asks again with the same key', async () => {
    const { id, chargeId, logo } = await releasedTwo();
    expect((await runPayout(deps(), logo.id))?.status).toBe('paid');
    const transferId = String(transferOf(logo.id).id);
    const path = `/v1/transfers/${transferId}/reversals`;
    // Stripe fails the first ask (and the client's retries of it): the reversal stays pending.
    for (let i = 0; i < 3; i++) stripe.state.trouble.push({ path, kind: '500' });
    await loseDispute('dp_1MsLostAck', chargeId);
    const pending = (await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data.dispute.reversals;
    expect(pending).toEqual([expect.objectContaining({ payout_id: logo.id, status: 'pending' })]);

    // A worker asks again and Stripe makes the reversal, but the process dies before it applies the answer.
    const reserved = await server.db.system(async (tx) => {
      const { rows } = await tx.query<{ id: string; idempotency_key: string }>(
        'select id, idempotency_key from sponsorship_payout_reversals where payout_id = $1',
        [logo.id],
      );
      return rows[0]!;
    });
    await server.payments.reverseTransfer({
      transferId,
      amountCents: 45_000,
      metadata: { payout_reversal_id: reserved.id },
      idempotencyKey: reserved.idempotency_key,
    });
    expect(transferOf(logo.id).amount_reversed).toBe(45_000);

    // Two reconciliation runs at once ask with the same key: Stripe answers the reversal it made.
    const later = new Date(Date.now() + 120_000);
    await Promise.all([finishStalledReversals(deps(), later), finishStalledReversals(deps(), later)]);
    const keys = new Set(reversalPosts(transferId).map((call) => call.key));
    expect(keys.size).toBe(1);
    expect(transferOf(logo.id).amount_reversed).toBe(45_000);
    const order = (await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    expect(order.dispute.reversals).toEqual([
      expect.objectContaining({
        payout_id: logo.id,
        status: 'reversed',
        stripe_reversal_id: expect.any(String),
      }),
    ]);
    expect(order.ledger.transactions.filter((t: { kind: string }) => t.kind === 'reversal')).toHaveLength(1);
    expect(await ledgerTotal()).toBe(0);
    expect(await integrityOk()).toBe(true);
  });

  it('finds a reversal Stripe made whose answer was lost for over 24 hours (its key forgotten) instead of making another', async () => {
    const { id, chargeId, logo } = await releasedTwo();
    expect((await runPayout(deps(), logo.id))?.status).toBe('paid');
    const transferId = String(transferOf(logo.id).id);
    for (let i = 0; i < 3; i++)
      stripe.state.trouble.push({ path: `/v1/transfers/${transferId}/reversals`, kind: '500' });
    await loseDispute('dp_1MsLostDay', chargeId);
    const reserved = await server.db.system(async (tx) => {
      const { rows } = await tx.query<{ id: string; idempotency_key: string }>(
        'select id, idempotency_key from sponsorship_payout_reversals where payout_id = $1',
        [logo.id],
      );
      return rows[0]!;
    });
    // Stripe made the reversal, the answer never arrived, and by the next run Stripe has forgotten the key.
    const made = await server.payments.reverseTransfer({
      transferId,
      amountCents: 45_000,
      metadata: { payout_reversal_id: reserved.id },
      idempotencyKey: reserved.idempotency_key,
    });
    stripe.forgetIdempotencyKeys();
    const posted = reversalPosts(transferId).length;

    await finishStalledReversals(deps(), new Date(Date.now() + 25 * 3_600_000));
    expect(reversalPosts(transferId)).toHaveLength(posted);
    expect(transferOf(logo.id).amount_reversed).toBe(45_000);
    const order = (await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    expect(order.dispute.reversals).toEqual([
      expect.objectContaining({ payout_id: logo.id, status: 'reversed', stripe_reversal_id: made.id }),
    ]);
    expect(await ledgerTotal()).toBe(0);
    expect(await integrityOk()).toBe(true);
  });

  it('shows a reversal Stripe refuses (the account holds too little) in the ops inbox, and 20 parallel retries make it once', async () => {
    const { id, chargeId, logo, booth } = await releasedTwo();
    expect((await runPayout(deps(), logo.id))?.status).toBe('paid');
    const transferId = String(transferOf(logo.id).id);
    // The organizer paid most of its balance out to its bank.
    stripe.state.balances.set(ACCOUNT, 10_000);
    await loseDispute('dp_1MsRefused', chargeId);

    const order = (await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    expect(order.dispute.reversals).toEqual([
      {
        payout_id: logo.id,
        amount_cents: 45_000,
        status: 'failed',
        stripe_reversal_id: null,
        failure_reason: expect.stringContaining('Insufficient funds'),
      },
    ]);
    expect(order.dispute.reversals[0].failure_reason).toContain(`yardpass payouts retry ${logo.id}`);
    expect(transferOf(logo.id).amount_reversed).toBe(0);
    // The loss is booked; the organizer owes the reversal (its payable), and the books still balance.
    expect(await orderNet(id)).toMatchObject({ organizer_payable: -45_000 });
    expect(await ledgerTotal()).toBe(0);
    expect(await integrityOk()).toBe(true);
    const inbox = await organizer('GET', '/v1/ops/inbox?kind=payout_reversal_failed');
    expect(inbox.status).toBe(200);
    expect(inbox.json.data).toEqual([
      expect.objectContaining({
        kind: 'payout_reversal_failed',
        id: logo.id,
        resource: 'payout',
        related_id: id,
        amount_cents: 45_000,
        currency: 'USD',
        org_id: server.organizer.orgId,
        why: expect.stringContaining('Insufficient funds'),
        action: {
          method: 'POST',
          path: `/v1/payouts/${logo.id}:retry`,
          command: `yardpass payouts retry ${logo.id}`,
        },
      }),
    ]);
    const summary = await organizer('GET', '/v1/ops/inbox/summary?kind=payout_reversal_failed');
    expect(summary.json.data).toEqual([
      { kind: 'payout_reversal_failed', currency: 'USD', count: 1, amount_cents: 45_000 },
    ]);

    // Still too little: refused again under the next key, 409 with Stripe's reason.
    const again = await organizer('POST', `/v1/payouts/${logo.id}:retry`);
    expect(again.status).toBe(409);
    expect(again.json.type).toContain('reversal-refused');
    expect(again.json.detail).toContain('Insufficient funds');
    expect(reversalPosts(transferId).map((call) => call.key)).toEqual([
      `dispute:${order.dispute.id as string}:payout:${logo.id}:reversal`,
      `dispute:${order.dispute.id as string}:payout:${logo.id}:reversal:retry:1`,
    ]);
    expect((await api(server, server.sponsor)('POST', `/v1/payouts/${logo.id}:retry`)).status).toBe(404);
    expect((await api(server, undefined)('POST', `/v1/payouts/${logo.id}:retry`)).status).toBe(401);

    // Money came in: 20 retries at once make one reversal; a replayed Idempotency-Key answers the stored reply.
    stripe.state.balances.set(ACCOUNT, 50_000);
    const retries = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        organizer('POST', `/v1/payouts/${logo.id}:retry`, {
          headers: { 'idempotency-key': `rev-retry-${i}` },
        }),
      ),
    );
    expect(retries.map((retry) => retry.status)).toEqual(retries.map(() => 200));
    const replay = await organizer('POST', `/v1/payouts/${logo.id}:retry`, {
      headers: { 'idempotency-key': 'rev-retry-0' },
    });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(reversalPosts(transferId)).toHaveLength(3);
    expect(transferOf(logo.id).amount_reversed).toBe(45_000);
    expect(stripe.state.balances.get(ACCOUNT)).toBe(5_000);
    const done = (await organizer('GET', `/v1/sponsorship-orders/${id}`)).json.data;
    expect(done.dispute.reversals).toEqual([
      expect.objectContaining({
        status: 'reversed',
        failure_reason: null,
        stripe_reversal_id: expect.any(String),
      }),
    ]);
    expect(done.ledger.transactions.filter((t: { kind: string }) => t.kind === 'reversal')).toHaveLength(1);
    expect(await orderNet(id)).toMatchObject({ organizer_payable: 0 });
    expect(await ledgerTotal()).toBe(0);
    expect((await organizer('GET', '/v1/ops/inbox?kind=payout_reversal_failed')).json.data).toEqual([]);

    // A reversal marked made without its booking is what the integrity check is for.
    const unbooked = await server.db.system(async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `insert into sponsorship_payout_reversals (payout_id, dispute_id, order_id, organizer_org_id, sponsor_org_id,
           amount_cents, currency, status, idempotency_key, stripe_reversal_id, reversed_at)
         select $1, d.id, d.order_id, d.organizer_org_id, d.sponsor_org_id, 1, 'USD', 'reversed', 'test:unbooked',
                'trr_unbooked', now()
           from order_disputes d where d.order_id = $2 returning id`,
        [booth.id, id],
      );
      return rows[0]!.id;
    });
    const report = (await organizer('GET', '/v1/ops/integrity')).json.data;
    expect(report.ok).toBe(false);
    expect(
      report.checks.find((check: { name: string }) => check.name === 'payout_reversal_booked'),
    ).toMatchObject({
      passed: false,
      rows: [{ id: unbooked, detail: { payout_id: booth.id, stripe_reversal_id: 'trr_unbooked' } }],
    });
    await server.db.system((tx) =>
      tx.query('delete from sponsorship_payout_reversals where id = $1', [unbooked]),
    );
  });
});
