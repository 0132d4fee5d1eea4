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

  it('does nothing when the question is answered no', async () => {
    const cli = await harness({ tty: true, answers: [false], routes });
    await cli.run('orders', 'release', id);
    expect(cli.requests.filter((request) => request.method === 'POST')).toEqual([]);
  });
});
