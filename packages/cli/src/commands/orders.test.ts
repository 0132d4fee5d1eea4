import { describe, expect, it } from 'vitest';
import { harness } from '../../test/harness.js';

const id = '7d3c5b1a-2e4f-4a6b-8c9d-0e1f2a3b4c5d';
const order = {
  id,
  status: 'active',
  escrow_state: 'funded',
  amount_cents: 150_000,
  refunded_cents: 50_000,
  currency: 'USD',
};
const routes = {
  [`GET /v1/sponsorship-orders/${id}`]: () => ({ body: { data: order } }),
  [`POST /v1/sponsorship-orders/${id}:fund`]: () => ({
    body: { data: { payment_intent_id: 'pi_1', status: 'succeeded', client_secret: null, order } },
  }),
  [`POST /v1/sponsorship-orders/${id}:release`]: () => ({
    body: { data: { ...order, escrow_state: 'released' } },
  }),
  [`POST /v1/sponsorship-orders/${id}:cancel`]: () => ({ body: { data: { ...order, status: 'cancelled' } } }),
  [`POST /v1/sponsorship-orders/${id}:refund`]: () => ({ body: { data: { ...order, status: 'refunded' } } }),
};

describe('orders commands', () => {
  it.each([
    [['fund', id, '--payment-method-id', 'pm_card_visa'], 'Charge $1,500.00 USD to pm_card_visa'],
    [['release', id], 'Release $1,000.00 USD'],
    [['cancel', id], 'Up to $1,000.00 USD goes back to the sponsor'],
    [['refund', id, '--amount-cents', '25000'], 'Refund $250.00 USD'],
  ])('asks with the amounts on a terminal before %j', async (args, question) => {
    const cli = await harness({ tty: true, answers: [true], routes });
    const { code, stderr } = await cli.run('orders', ...args);
    expect(code, stderr).toBe(0);
    expect(cli.asked).toHaveLength(1);
    expect(cli.asked[0]).toContain(question);
    expect(cli.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it.each([
    [['fund', id, '--payment-method-id', 'pm_card_visa']],
    [['release', id]],
    [['cancel', id]],
    [['refund', id]],
  ])('refuses %j without a terminal and without --yes, and sends nothing', async (args) => {
    const cli = await harness({ routes });
    const { code, stderr } = await cli.run('orders', ...args);
    expect(code).toBe(2);
    expect(stderr).toContain('without confirmation: pass --yes');
    expect(cli.requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('runs with --yes and no terminal, sending the body', async () => {
    const cli = await harness({ routes });
    const { code, stdout } = await cli.run(
      'orders',
      'fund',
      id,
      '--payment-method-id',
      'pm_card_visa',
      '--yes',
      '--json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'succeeded' });
    expect(cli.requests.at(-1)).toMatchObject({
      method: 'POST',
      body: { payment_method_id: 'pm_card_visa' },
    });
  });

  it('creates a milestone order with --release-policy and --release-weights', async () => {
    const packageId = '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e';
    const sponsorId = '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f';
    const cli = await harness({
      routes: { 'POST /v1/sponsorship-orders': () => ({ status: 201, body: { data: order } }) },
    });
    const { code, stderr } = await cli.run(
      'orders',
      'create',
      '--package-id',
      packageId,
      '--sponsor-id',
      sponsorId,
      '--release-policy',
      'per_deliverable',
      '--release-weights',
      '{"booth":3,"social_posts":1}',
    );
    expect(code, stderr).toBe(0);
    expect(cli.requests.at(-1)).toMatchObject({
      method: 'POST',
      body: {
        package_id: packageId,
        sponsor_id: sponsorId,
        release_policy: 'per_deliverable',
        release_weights: { booth: 3, social_posts: 1 },
      },
    });
    const refused = await cli.run(
      'orders',
      'create',
      '--package-id',
      packageId,
      '--sponsor-id',
      sponsorId,
      '--release-policy',
      'monthly',
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('per_deliverable');
  });

  it('does nothing when the question is answered no', async () => {
    const cli = await harness({ tty: true, answers: [false], routes });
    await cli.run('orders', 'release', id);
    expect(cli.requests.filter((request) => request.method === 'POST')).toEqual([]);
  });
});

describe('money off the happy path: release split, payout retry, disputes, settings', () => {
  const payoutId = '3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d';
  const locked = { ...order, escrow_state: 'locked', application_fee_cents: 10_000, platform_fee_bps: 1000 };
  const payout = {
    id: payoutId,
    status: 'failed',
    payout_failure_reason: 'You have insufficient available funds in your Stripe account.',
  };
  const more = {
    [`GET /v1/sponsorship-orders/${id}`]: () => ({ body: { data: locked } }),
    [`POST /v1/sponsorship-orders/${id}:release`]: () => ({
      body: { data: { ...locked, escrow_state: 'released' } },
    }),
    [`GET /v1/payouts/${payoutId}`]: () => ({ body: { data: payout } }),
    [`POST /v1/payouts/${payoutId}:retry`]: () => ({
      body: { data: { ...payout, status: 'pending', retry_count: 1 } },
    }),
    'GET /v1/sponsorship-orders': () => ({
      body: { data: [{ ...locked, disputed: true }], has_more: false, next_cursor: null },
    }),
    [`POST /v1/sandbox/sponsorship-orders/${id}:close-dispute`]: () => ({ body: { data: locked } }),
    'PUT /v1/order-settings': () => ({
      body: {
        data: { org_id: id, payment_window_hours: 48, review_window_days: 7, auto_release_after_days: null },
      },
    }),
  };

  it('shows the platform fee and the net in the release question', async () => {
    const cli = await harness({ tty: true, answers: [true], routes: more });
    expect((await cli.run('orders', 'release', id)).code).toBe(0);
    expect(cli.asked[0]).toContain(
      'Release $1,000.00 USD of order 7d3c5b1a-2e4f-4a6b-8c9d-0e1f2a3b4c5d: $900.00 USD to the organizer, $100.00 USD platform fee (10 %)?',
    );
  });

  it('retries a payout, saying why it failed last', async () => {
    const cli = await harness({ tty: true, answers: [true], routes: more });
    const { code, stderr } = await cli.run('payouts', 'retry', payoutId);
    expect(code, stderr).toBe(0);
    expect(cli.asked[0]).toContain('(last: You have insufficient available funds');
    expect(cli.requests.at(-1)).toMatchObject({ method: 'POST', path: `/v1/payouts/${payoutId}:retry` });
  });

  it('lists the disputed orders and closes a sandbox dispute', async () => {
    const cli = await harness({ routes: more });
    expect((await cli.run('orders', 'disputes', 'list', '--json')).code).toBe(0);
    expect(cli.requests.at(-1)).toMatchObject({
      path: '/v1/sponsorship-orders',
      query: { disputed: 'true' },
    });
    const closed = await cli.run('orders', 'disputes', 'close', id, '--outcome', 'lost', '--yes');
    expect(closed.code, closed.stderr).toBe(0);
    expect(cli.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `/v1/sandbox/sponsorship-orders/${id}:close-dispute`,
      body: { outcome: 'lost' },
    });
    expect((await cli.run('orders', 'disputes', 'close', id, '--outcome', 'maybe', '--yes')).code).toBe(2);
  });

  it('sets the order windows, an empty value turning auto-release off', async () => {
    const cli = await harness({ routes: more });
    const { code, stderr } = await cli.run(
      'settings',
      'set',
      '--payment-window-hours',
      '48',
      '--auto-release-after-days',
      '',
    );
    expect(code, stderr).toBe(0);
    expect(cli.requests.at(-1)).toMatchObject({
      method: 'PUT',
      path: '/v1/order-settings',
      body: { payment_window_hours: 48, auto_release_after_days: null },
    });
  });
});
