import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestOrg, type TestServer } from '../../../../test/server';
import { createOperator } from '../domain/operators';
import { seedCommerce } from '../../test/commerce-fixtures';

let server: TestServer;
let organizer: ReturnType<typeof api>;
let sponsor: ReturnType<typeof api>;
let operator: ReturnType<typeof api>;
let outsider: TestOrg;

beforeAll(async () => {
  server = await startTestServer();
  organizer = api(server, server.organizer);
  sponsor = api(server, server.sponsor);
  const { key } = await createOperator(server.db, 'On-call');
  operator = api(server, { orgId: '', apiKey: key });
  outsider = await server.createOrg('Outsider Events');
});
afterAll(() => server.close());

interface Item {
  kind: string;
  id: string;
  org_id: string;
  amount_cents: number | null;
  why: string;
  action: { method: string; path: string; command: string };
}

async function inbox(call: ReturnType<typeof api>, kind?: string): Promise<Item[]> {
  const res = await call('GET', `/v1/ops/inbox?limit=100${kind ? `&kind=${kind}` : ''}`);
  expect(res.status).toBe(200);
  return res.json.data as Item[];
}
const find = async (call: ReturnType<typeof api>, kind: string, id: string) =>
  (await inbox(call, kind)).find((item) => item.id === id);

const system = (sql: string, params: unknown[]) => server.db.system((tx) => tx.query(sql, params));

describe('GET /v1/ops/inbox', () => {
  it('lists an order until it is funded, a deliverable until proved and reviewed, a locked order until released', async () => {
    const { packageId, sponsorId } = await seedCommerce(server);
    const order = await sponsor('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId },
    });
    const orderId = order.json.data.id as string;

    const unfunded = await find(organizer, 'order_awaiting_funding', orderId);
    expect(unfunded).toMatchObject({
      org_id: server.sponsor.orgId,
      amount_cents: 150_000,
      action: {
        method: 'POST',
        path: `/v1/sponsorship-orders/${orderId}:fund`,
        command: `yardpass orders fund ${orderId}`,
      },
    });
    expect(unfunded!.why).toContain('not paid');
    expect(await find(sponsor, 'order_awaiting_funding', orderId)).toBeDefined();
    expect(await find(api(server, outsider), 'order_awaiting_funding', orderId)).toBeUndefined();

    await sponsor('POST', `/v1/sponsorship-orders/${orderId}:fund`, {
      body: { payment_method_id: 'pm_card_visa' },
    });
    expect(await find(organizer, 'order_awaiting_funding', orderId)).toBeUndefined();

    // A deliverable of the order, due yesterday, that the organizer owes.
    const { rows } = await system(
      `insert into deliverables (organizer_org_id, sponsor_org_id, event_id, sponsor_id, order_id, type, due_at)
       select organizer_org_id, sponsor_org_id, event_id, sponsor_id, id, 'social_post', now() - interval '1 day'
         from sponsorship_orders where id = $1 returning id`,
      [orderId],
    );
    const deliverableId = (rows[0] as { id: string }).id;
    expect(await find(sponsor, 'deliverable_past_due', deliverableId)).toMatchObject({
      org_id: server.organizer.orgId,
      amount_cents: 150_000,
      action: { path: `/v1/deliverables/${deliverableId}/proofs` },
    });
    const proved = await organizer('POST', `/v1/deliverables/${deliverableId}/proofs`, {
      body: { asset_url: 'https://cdn.example.com/post.jpg' },
    });
    expect(proved.status).toBe(201);
    expect(await find(sponsor, 'deliverable_past_due', deliverableId)).toBeUndefined();
    expect(await find(sponsor, 'deliverable_awaiting_review', deliverableId)).toMatchObject({
      org_id: server.sponsor.orgId,
      action: { method: 'POST', path: `/v1/deliverables/${deliverableId}:approve` },
    });
    expect((await sponsor('POST', `/v1/deliverables/${deliverableId}:approve`)).status).toBe(200);
    expect(await find(sponsor, 'deliverable_awaiting_review', deliverableId)).toBeUndefined();

    await organizer('PUT', '/v1/payout-configuration', {
      body: { stripe_connect_account_id: 'acct_1OrganizerTest', platform_fee_bps: 1000 },
    });
    await organizer('POST', `/v1/sponsorship-orders/${orderId}:lock`);
    expect(await find(organizer, 'order_locked', orderId)).toMatchObject({
      org_id: server.organizer.orgId,
      action: { path: `/v1/sponsorship-orders/${orderId}:release` },
    });
    const released = await organizer('POST', `/v1/sponsorship-orders/${orderId}:release`);
    expect(released.status).toBe(200);
    expect(await find(organizer, 'order_locked', orderId)).toBeUndefined();

    // The payout is the organizer's alone: a failed one shows in its inbox, not the sponsor's.
    const payoutId = released.json.data.payout.id as string;
    await system(
      `update sponsorship_payouts set status = 'failed', payout_failure_reason = 'account closed' where id = $1`,
      [payoutId],
    );
    expect(await find(organizer, 'payout_failed', payoutId)).toMatchObject({
      amount_cents: 135_000,
      action: { method: 'POST', path: `/v1/payouts/${payoutId}:retry` },
    });
    expect((await find(organizer, 'payout_failed', payoutId))!.why).toContain('account closed');
    expect(await find(sponsor, 'payout_failed', payoutId)).toBeUndefined();
    const retried = await organizer('POST', `/v1/payouts/${payoutId}:retry`);
    expect(retried.status).toBe(200);
    expect(await find(organizer, 'payout_failed', payoutId)).toBeUndefined();
  });

  it('lists a disputed order to both parties', async () => {
    const { packageId, sponsorId } = await seedCommerce(server);
    const order = await sponsor('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId },
    });
    const orderId = order.json.data.id as string;
    await sponsor('POST', `/v1/sponsorship-orders/${orderId}:fund`, {
      body: { payment_method_id: 'pm_card_visa' },
    });
    expect(await find(organizer, 'order_disputed', orderId)).toBeUndefined();
    await system(
      `update sponsorship_orders set disputed = true, stripe_dispute_id = 'dp_123' where id = $1`,
      [orderId],
    );
    const item = await find(sponsor, 'order_disputed', orderId);
    expect(item).toMatchObject({ org_id: server.organizer.orgId, amount_cents: 150_000 });
    expect(item!.why).toContain('dp_123');
  });

  it('lists a proposal whose offer has no answer until the other side accepts it', async () => {
    const { eventId, packageId, sponsorId } = await seedCommerce(server);
    const created = await sponsor('POST', '/v1/proposals', {
      body: {
        event_id: eventId,
        sponsor_id: sponsorId,
        package_id: packageId,
        initial_message: { body: 'Interested!', offer: { price_cents: 120_000 } },
      },
    });
    const id = created.json.data.id as string;
    expect(await find(organizer, 'proposal_follow_up', id)).toBeUndefined();
    await sponsor('POST', `/v1/proposals/${id}:send`);
    const item = await find(organizer, 'proposal_follow_up', id);
    expect(item).toMatchObject({
      org_id: server.organizer.orgId,
      amount_cents: 120_000,
      action: {
        method: 'POST',
        path: `/v1/proposals/${id}:accept`,
        command: `yardpass proposals accept ${id}`,
      },
    });
    expect(item!.why).toContain('organizer');
    expect((await organizer('POST', `/v1/proposals/${id}:accept`)).status).toBe(200);
    expect(await find(organizer, 'proposal_follow_up', id)).toBeUndefined();
  });

  it('lists a failing webhook endpoint until enabled again and a dead delivery until replayed', async () => {
    const endpoint = await organizer('POST', '/v1/webhook-endpoints', {
      body: { url: 'https://hooks.example.com/yardpass' },
    });
    const endpointId = endpoint.json.data.id as string;
    expect(await find(organizer, 'webhook_endpoint_failing', endpointId)).toBeUndefined();
    await system(
      `update webhook_endpoints set enabled = false, disabled_reason = 'failing', failing_since = now() - interval '5 days'
        where id = $1`,
      [endpointId],
    );
    expect(await find(organizer, 'webhook_endpoint_failing', endpointId)).toMatchObject({
      action: { method: 'PATCH', path: `/v1/webhook-endpoints/${endpointId}` },
    });
    expect(await find(sponsor, 'webhook_endpoint_failing', endpointId)).toBeUndefined();
    expect(
      (await organizer('PATCH', `/v1/webhook-endpoints/${endpointId}`, { body: { enabled: true } })).status,
    ).toBe(200);
    expect(await find(organizer, 'webhook_endpoint_failing', endpointId)).toBeUndefined();

    const { rows } = await system(
      `with event as (
         insert into webhook_events (org_id, type, data, fanned_out_at) values ($1, 'order.created', '{}', now())
         returning id
       )
       insert into webhook_deliveries (org_id, event_id, endpoint_id, status, attempt_count, last_error)
       select $1, event.id, $2, 'dead', 10, 'HTTP 500' from event returning id`,
      [server.organizer.orgId, endpointId],
    );
    const deliveryId = (rows[0] as { id: string }).id;
    expect(await find(organizer, 'webhook_delivery_dead', deliveryId)).toMatchObject({
      action: { method: 'POST', path: `/v1/webhook-deliveries/${deliveryId}:replay` },
    });
    expect((await organizer('POST', `/v1/webhook-deliveries/${deliveryId}:replay`)).status).toBe(202);
    expect(await find(organizer, 'webhook_delivery_dead', deliveryId)).toBeUndefined();
  });

  it('shows a platform operator every organization, summarizes by kind and currency, and pages', async () => {
    const mine = await inbox(organizer);
    const all = await inbox(operator);
    expect(all.length).toBeGreaterThanOrEqual(mine.length);
    const { packageId, sponsorId } = await seedCommerce(server, { organizer: outsider });
    const order = await sponsor('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId },
    });
    const orderId = order.json.data.id as string;
    expect(await find(operator, 'order_awaiting_funding', orderId)).toMatchObject({
      org_id: server.sponsor.orgId,
    });
    expect(await find(organizer, 'order_awaiting_funding', orderId)).toBeUndefined();

    const answer = (await operator('GET', '/v1/ops/inbox?kind=order_awaiting_funding&limit=1')).json;
    const summary = (await operator('GET', '/v1/ops/inbox/summary?kind=order_awaiting_funding')).json.data;
    const pending = await system(
      `select count(*)::int as n, sum(amount_cents)::bigint as cents from sponsorship_orders
        where status = 'pending' and escrow_state = 'pending'`,
      [],
    );
    const { n, cents } = pending.rows[0] as { n: number; cents: number };
    expect(summary).toEqual([
      { kind: 'order_awaiting_funding', currency: 'USD', count: n, amount_cents: cents },
    ]);
    expect(answer.data).toHaveLength(1);
    if (n > 1) {
      expect(answer.has_more).toBe(true);
      const next = await operator(
        'GET',
        `/v1/ops/inbox?kind=order_awaiting_funding&limit=1&starting_after=${answer.next_cursor}`,
      );
      expect(next.json.data[0].id).not.toBe(answer.data[0].id);
    }
  });

  it('pages across kinds stuck since the same microsecond without skipping or repeating an item', async () => {
    const paged = await server.createOrg('Paged Events');
    const commerce = await seedCommerce(server, { organizer: paged });
    const orderIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const order = await sponsor('POST', '/v1/sponsorship-orders', {
        body: { package_id: commerce.packageId, sponsor_id: commerce.sponsorId },
      });
      orderIds.push(order.json.data.id as string);
    }
    // Every item stuck since one instant (to the microsecond: finer than the answer's `since`), of three kinds.
    const since = '2026-01-02 03:04:05.678901+00';
    await system(`update sponsorship_orders set created_at = $2 where id = any($1)`, [orderIds, since]);
    await system(
      `insert into deliverables (organizer_org_id, sponsor_org_id, event_id, sponsor_id, order_id, type, due_at)
       select organizer_org_id, sponsor_org_id, event_id, sponsor_id, id, 'social_post', $2
         from sponsorship_orders where id = any($1)`,
      [orderIds, since],
    );
    await system(
      `insert into webhook_endpoints (org_id, url, secret, enabled, disabled_reason, failing_since)
       select $1, 'https://hooks.example.com/' || n, 'whsec_paged', false, 'failing', $2 from generate_series(1, 2) n`,
      [paged.orgId, since],
    );

    const organizerOfPaged = api(server, paged);
    const all = (await inbox(organizerOfPaged)).map((item) => `${item.kind} ${item.id}`);
    expect(all).toHaveLength(8);
    expect(new Set(all.map((item) => item.split(' ')[0]))).toEqual(
      new Set(['order_awaiting_funding', 'deliverable_past_due', 'webhook_endpoint_failing']),
    );
    // Ties in time are ordered by id.
    expect(all.map((item) => item.split(' ')[1])).toEqual(all.map((item) => item.split(' ')[1]).sort());
    for (const limit of [1, 3]) {
      const seen: string[] = [];
      let cursor: string | null = '';
      // At most as many pages as items (a cursor that pages in place would loop).
      for (let pages = 0; cursor !== null && pages < all.length; pages++) {
        const res = await organizerOfPaged(
          'GET',
          `/v1/ops/inbox?limit=${limit}${cursor ? `&starting_after=${cursor}` : ''}`,
        );
        expect(res.status).toBe(200);
        seen.push(...(res.json.data as Item[]).map((item) => `${item.kind} ${item.id}`));
        cursor = res.json.next_cursor as string | null;
      }
      expect(seen).toEqual(all);
    }
  });

  it('answers 400 for an unknown kind, 401 without a key, 403 to a member and to an operator elsewhere', async () => {
    expect((await organizer('GET', '/v1/ops/inbox?kind=everything')).status).toBe(400);
    expect((await api(server, undefined)('GET', '/v1/ops/inbox')).status).toBe(401);
    expect(
      (await api(server, { orgId: '', apiKey: `yp_op_${'x'.repeat(40)}` })('GET', '/v1/ops/inbox')).status,
    ).toBe(401);
    const member = await organizer('POST', '/v1/api-keys', { body: { name: 'member', role: 'member' } });
    const asMember = api(server, {
      orgId: server.organizer.orgId,
      apiKey: member.json.data.secret as string,
    });
    expect((await asMember('GET', '/v1/ops/inbox')).status).toBe(403);
    const elsewhere = await operator('GET', '/v1/sponsorship-orders');
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.json.detail).toContain('operator');
    expect((await operator('POST', '/v1/events', { body: { title: 'x' } })).status).toBe(403);
  });
});
