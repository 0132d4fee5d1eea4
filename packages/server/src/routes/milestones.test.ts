import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';
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
    const dispute = (status: string) => ({
      id: 'dp_1Milestone',
      object: 'dispute',
      charge: chargeId,
      amount: 100_000,
      currency: 'usd',
      reason: 'fraudulent',
      status,
    });
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
    const object = (status: string) => ({
      id: 'dp_1MilestoneLost',
      object: 'dispute',
      charge: chargeId,
      amount: 60_000,
      currency: 'usd',
      reason: 'fraudulent',
      status,
      balance_transactions: [{ amount: -60_000, fee: 1_500 }],
    });
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
