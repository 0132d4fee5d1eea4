import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';

let server: TestServer;
let organizer: ReturnType<typeof api>;
let sponsor: ReturnType<typeof api>;

beforeAll(async () => {
  // Sandbox payments and the background worker, as `yardpass-server dev` runs them.
  server = await startTestServer({}, { worker: true });
  organizer = api(server, server.organizer);
  sponsor = api(server, server.sponsor);
});
afterAll(() => server.close());

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; ; i++) {
    const value = await read();
    if (done(value) || i >= 100) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('guide §16 over HTTP in the sandbox: accept → order → fund → fulfil → release → payout', () => {
  it('ends with a payout whose Stripe transfer id is set, and an empty escrow', async () => {
    await organizer('PUT', '/v1/payout-configuration', {
      body: { stripe_connect_account_id: 'acct_1EndToEndOrganizer', platform_fee_bps: 800 },
    });
    const event = await organizer('POST', '/v1/events', {
      body: {
        title: 'Austin Music Fest',
        starts_at: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        ends_at: new Date(Date.now() + 31 * 86_400_000).toISOString(),
      },
    });
    const eventId = event.json.data.id as string;
    const brand = await sponsor('POST', '/v1/sponsors', {
      body: { name: 'Fizzy Cola', industry: 'Beverage', visibility: 'public' },
    });
    const pkg = await organizer('POST', '/v1/sponsorship-packages', {
      body: {
        event_id: eventId,
        title: 'Gold Stage Sponsor',
        tier: 'gold',
        price_cents: 150_000,
        currency: 'USD',
        inventory: 2,
        benefits: { logo_stage: true },
      },
    });
    expect((await organizer('POST', `/v1/sponsorship-packages/${pkg.json.data.id}:publish`)).status).toBe(
      200,
    );

    // Accept → order created with the negotiated amount.
    const proposal = await sponsor('POST', '/v1/proposals', {
      body: {
        event_id: eventId,
        sponsor_id: brand.json.data.id,
        package_id: pkg.json.data.id,
        initial_message: { body: 'Count us in', offer: { price_cents: 140_000 } },
      },
    });
    const proposalId = proposal.json.data.id as string;
    await sponsor('POST', `/v1/proposals/${proposalId}:send`);
    const accepted = await organizer('POST', `/v1/proposals/${proposalId}:accept`);
    expect(accepted.status).toBe(200);
    const orderId = accepted.json.data.order_id as string;
    const order = await sponsor('GET', `/v1/sponsorship-orders/${orderId}`);
    expect(order.json.data).toMatchObject({
      amount_cents: 140_000,
      proposal_id: proposalId,
      status: 'pending',
    });

    // Fund (test mode) → escrow funded.
    const funded = await sponsor('POST', `/v1/sponsorship-orders/${orderId}:fund`, {
      body: { payment_method_id: 'pm_card_visa' },
    });
    expect(funded.json.data.order.escrow_state).toBe('funded');

    // Submit proof → approve: every deliverable approved locks the order.
    const deliverables = (await organizer('GET', `/v1/deliverables?order_id=${orderId}`)).json.data as {
      id: string;
    }[];
    for (const deliverable of deliverables) {
      await organizer('POST', `/v1/deliverables/${deliverable.id}/proofs`, {
        body: { asset_url: 'https://cdn.example.com/stage-logo.jpg' },
      });
      expect((await sponsor('POST', `/v1/deliverables/${deliverable.id}:approve`)).status).toBe(200);
    }
    if (deliverables.length === 0) await organizer('POST', `/v1/sponsorship-orders/${orderId}:lock`);
    const locked = await organizer('GET', `/v1/sponsorship-orders/${orderId}`);
    expect(locked.json.data.escrow_state).toBe('locked');

    // Release escrow → payout record exists, Stripe transfer id set (by the worker's payout job).
    const released = await organizer('POST', `/v1/sponsorship-orders/${orderId}:release`);
    expect(released.status).toBe(200);
    const payout = await eventually(
      async () => (await organizer('GET', `/v1/payouts?order_id=${orderId}`)).json.data[0],
      (p: { id: string; status: string; stripe_transfer_id: string | null } | undefined) =>
        p?.status === 'paid',
    );
    expect(payout).toMatchObject({ status: 'paid', amount_cents: 128_800, fee_cents: 11_200 });
    expect(payout!.stripe_transfer_id).toMatch(/^tr_/);
    const detail = (await organizer('GET', `/v1/sponsorship-orders/${orderId}`)).json.data;
    expect(detail).toMatchObject({ status: 'completed', escrow_state: 'released' });
    expect(detail.ledger.escrow_balance_cents).toBe(0);
    const completed = await server.db.system((tx) =>
      tx.query(`select 1 from webhook_events where type = 'payout.completed' and data->>'id' = $1`, [
        payout!.id,
      ]),
    );
    expect(completed.rowCount).toBe(1);
  });
});
