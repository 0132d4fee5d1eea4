import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';
import { createDeal, type Deal } from '../../test/fulfilment';
import { onOrderFunded } from '../domain/fulfilment';

let server: TestServer;
let organizer: ReturnType<typeof api>;
let sponsor: ReturnType<typeof api>;

beforeAll(async () => {
  server = await startTestServer();
  organizer = api(server, server.organizer);
  sponsor = api(server, server.sponsor);
});
afterAll(() => server.close());

const query = async (sql: string, params: unknown[]) =>
  (await server.db.system((tx) => tx.query(sql, params))).rows;

/** A deal between the test server's organizer and sponsor whose order is funded (deliverables laid out). */
async function fundedDeal(options: Omit<Parameters<typeof createDeal>[1], 'organizer' | 'sponsor'> = {}) {
  const deal = await createDeal(server.db, {
    organizer: server.organizer,
    sponsor: server.sponsor,
    ...options,
  });
  await server.db.system((tx) => onOrderFunded(tx, deal.order));
  return deal;
}

async function deliverablesOf(deal: Deal) {
  const res = await organizer('GET', `/v1/deliverables?order_id=${deal.order.id}`);
  expect(res.status).toBe(200);
  return res.json.data as { id: string; type: string; status: string }[];
}

describe('deliverables', () => {
  it('shows a submitted proof in both review queues, and approving it marks the SLA satisfied (guide §16)', async () => {
    const deal = await fundedDeal({
      benefits: { social_posts: 5 },
      slaTerms: [
        {
          metric: 'impressions',
          target: 20_000,
          source: 'proof_metrics',
          grace_days: 7,
          breach_policy: { action: 'penalty_pct', penalty_pct: 0.1 },
        },
      ],
    });
    const [posts] = await deliverablesOf(deal);
    expect(posts).toMatchObject({
      type: 'social_posts',
      status: 'pending',
      owner_side: 'organizer',
      event_title: 'Harbour Festival',
      sponsor_name: 'Fizzy Cola',
    });

    const proof = await organizer('POST', `/v1/deliverables/${posts!.id}/proofs`, {
      body: {
        asset_url: 'https://cdn.example.com/proof.jpg',
        metrics: { impressions: 25_000, clicks: 1050 },
      },
    });
    expect(proof.status).toBe(201);
    expect(proof.json.data).toMatchObject({ status: 'submitted', proofs: [{ side: 'organizer' }] });
    expect(proof.json.data.reviews).toEqual([
      expect.objectContaining({ action: 'submitted', from_status: 'pending', to_status: 'submitted' }),
    ]);

    for (const party of [organizer, sponsor]) {
      const queue = await party('GET', `/v1/deliverables?status=submitted&event_id=${deal.eventId}`);
      expect(queue.json.data.map((d: { id: string }) => d.id)).toEqual([posts!.id]);
    }
    const shown = await sponsor('GET', `/v1/deliverables/${posts!.id}`);
    expect(shown.json.data.proofs[0]).toMatchObject({
      asset_url: 'https://cdn.example.com/proof.jpg',
      metrics: { impressions: 25_000, clicks: 1050 },
    });

    const approved = await sponsor('POST', `/v1/deliverables/${posts!.id}:approve`);
    expect(approved.status).toBe(200);
    expect(approved.json.data.status).toBe('approved');
    const slas = await sponsor('GET', `/v1/slas?order_id=${deal.order.id}`);
    expect(slas.json.data).toEqual([
      expect.objectContaining({
        metric: 'impressions',
        status: 'met',
        actual: 25_000,
        evidence_proof_ids: [proof.json.data.proofs[0].id],
      }),
    ]);

    const events = await query(
      `select org_id, type from webhook_events where data->>'id' = $1 order by created_at, type, org_id`,
      [posts!.id],
    );
    expect(events).toHaveLength(4);
    expect(new Set(events.map((e) => `${e.type as string}:${e.org_id as string}`))).toEqual(
      new Set([
        `deliverable.submitted:${server.organizer.orgId}`,
        `deliverable.submitted:${server.sponsor.orgId}`,
        `deliverable.approved:${server.organizer.orgId}`,
        `deliverable.approved:${server.sponsor.orgId}`,
      ]),
    );
  });

  it('lets only the owner side submit and only the other side review, in the right states', async () => {
    const deal = await fundedDeal({ benefits: { booth: '10x10', logo_stage: true } });
    const [booth, logo] = await deliverablesOf(deal);

    const wrongSubmit = await sponsor('POST', `/v1/deliverables/${booth!.id}/proofs`, {
      body: { asset_url: 'https://cdn.example.com/x.jpg' },
    });
    expect(wrongSubmit.status).toBe(403);
    expect(wrongSubmit.json.detail).toMatch(/only the organizer side/i);
    expect(wrongSubmit.json.code).toBe('wrong-side');

    const early = await sponsor('POST', `/v1/deliverables/${booth!.id}:approve`);
    expect(early.status).toBe(422);
    expect(early.json).toMatchObject({ current_status: 'pending' });
    const changesTooEarly = await sponsor('POST', `/v1/deliverables/${booth!.id}:needs_changes`, {
      body: { reason: 'Too small' },
    });
    expect(changesTooEarly.status).toBe(409);
    expect(changesTooEarly.json).toMatchObject({ current_status: 'pending' });

    await organizer('POST', `/v1/deliverables/${booth!.id}/proofs`, {
      body: { asset_url: 'https://cdn.example.com/booth.jpg' },
    });
    const selfApprove = await organizer('POST', `/v1/deliverables/${booth!.id}:approve`);
    expect(selfApprove.status).toBe(403);
    expect(selfApprove.json.detail).toMatch(/only the sponsor side/i);
    const noReason = await sponsor('POST', `/v1/deliverables/${booth!.id}:needs_changes`, { body: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.json.errors.map((e: { path: string }) => e.path)).toContain('/reason');

    const sentBack = await sponsor('POST', `/v1/deliverables/${booth!.id}:needs_changes`, {
      body: { reason: 'Logo placement is not visible enough' },
    });
    expect(sentBack.json.data).toMatchObject({
      status: 'needs_changes',
      status_reason: 'Logo placement is not visible enough',
    });
    const resubmitted = await organizer('POST', `/v1/deliverables/${booth!.id}/proofs`, {
      body: { asset_url: 'https://cdn.example.com/booth-2.jpg' },
    });
    expect(resubmitted.json.data.status).toBe('submitted');
    expect(resubmitted.json.data.proofs).toHaveLength(2);
    expect((await sponsor('POST', `/v1/deliverables/${booth!.id}:approve`)).json.data.status).toBe(
      'approved',
    );
    const again = await sponsor('POST', `/v1/deliverables/${booth!.id}:approve`);
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ current_status: 'approved' });

    expect(
      (await organizer('POST', `/v1/deliverables/${logo!.id}:waive`, { body: { reason: 'x' } })).status,
    ).toBe(403);
    const waived = await sponsor('POST', `/v1/deliverables/${logo!.id}:waive`, {
      body: { reason: 'Stage was cancelled' },
    });
    expect(waived.json.data).toMatchObject({ status: 'waived', status_reason: 'Stage was cancelled' });
    expect(
      (
        await sponsor('POST', `/v1/deliverables/${logo!.id}/proofs`, {
          body: { asset_url: 'https://x.example' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await organizer('POST', `/v1/deliverables/${logo!.id}/proofs`, {
          body: { asset_url: 'https://x.example' },
        })
      ).status,
    ).toBe(409);

    // Every deliverable approved or waived: the event sponsorship is complete.
    const sponsorships = await organizer('GET', `/v1/event-sponsorships?event_id=${deal.eventId}`);
    expect(sponsorships.json.data).toEqual([
      expect.objectContaining({ activation_status: 'complete', order_id: deal.order.id }),
    ]);
  });

  it('adds deliverables by hand for an order or a linked event and sponsor, and edits them while pending', async () => {
    const deal = await fundedDeal({ benefits: {} });
    const created = await sponsor('POST', '/v1/deliverables', {
      body: {
        order_id: deal.order.id,
        type: 'logo_placement',
        spec: { placement: 'main_stage', min_impressions: 20000 },
        due_at: '2030-03-10T00:00:00Z',
        owner_side: 'sponsor',
        evidence_required: false,
      },
    });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({
      event_id: deal.eventId,
      sponsor_id: deal.sponsorId,
      package_id: deal.packageId,
      owner_side: 'sponsor',
      status: 'pending',
      proofs: [],
      reviews: [],
    });
    const id = created.json.data.id as string;
    const patched = await organizer('PATCH', `/v1/deliverables/${id}`, {
      body: { due_at: '2030-03-12T00:00:00Z' },
    });
    expect(patched.json.data.due_at).toBe('2030-03-12T00:00:00.000Z');
    // No evidence required: the organizer (reviewer of a sponsor-owned deliverable) may approve it as it is.
    expect((await organizer('POST', `/v1/deliverables/${id}:approve`)).json.data.status).toBe('approved');
    const late = await organizer('PATCH', `/v1/deliverables/${id}`, { body: { spec: {} } });
    expect(late.status).toBe(409);
    expect(late.json).toMatchObject({ current_status: 'approved' });

    const byPair = await organizer('POST', '/v1/deliverables', {
      body: { event_id: deal.eventId, sponsor_id: deal.sponsorId, type: 'stage_branding' },
    });
    expect(byPair.status).toBe(201);
    expect(byPair.json.data).toMatchObject({ order_id: null, sponsor_org_id: server.sponsor.orgId });
  });

  it.each([
    [{}, '/type'],
    [{ type: 'x' }, '/event_id'],
    [{ type: 'x', order_id: 'not-a-uuid' }, '/order_id'],
    [{ type: 'x', event_id: '00000000-0000-4000-8000-000000000000', owner_side: 'nobody' }, '/owner_side'],
  ])('rejects invalid input %j with a 400 naming %s and creates nothing', async (body, field) => {
    const before = await query('select count(*)::int as n from deliverables', []);
    const res = await organizer('POST', '/v1/deliverables', { body });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(field);
    expect(await query('select count(*)::int as n from deliverables', [])).toEqual(before);
  });

  it('orders the queue by due date, filters by due_before and pages with a cursor', async () => {
    const deal = await fundedDeal({ benefits: {} });
    for (const due of ['2030-05-03T00:00:00Z', '2030-05-01T00:00:00Z', null, '2030-05-02T00:00:00Z']) {
      await organizer('POST', '/v1/deliverables', {
        body: { order_id: deal.order.id, type: 'item', due_at: due },
      });
    }
    const all = await organizer('GET', `/v1/deliverables?order_id=${deal.order.id}&limit=3`);
    expect(all.json.data.map((d: { due_at: string | null }) => d.due_at)).toEqual([
      '2030-05-01T00:00:00.000Z',
      '2030-05-02T00:00:00.000Z',
      '2030-05-03T00:00:00.000Z',
    ]);
    expect(all.json.has_more).toBe(true);
    const rest = await organizer(
      'GET',
      `/v1/deliverables?order_id=${deal.order.id}&limit=3&starting_after=${all.json.next_cursor as string}`,
    );
    expect(rest.json).toMatchObject({ data: [{ due_at: null }], has_more: false });
    const soon = await sponsor(
      'GET',
      `/v1/deliverables?order_id=${deal.order.id}&due_before=2030-05-02T12:00:00Z&status=pending`,
    );
    expect(soon.json.data).toHaveLength(2);
  });

  it('answers 401 without credentials and 404 to another organization, and replays a proof by Idempotency-Key', async () => {
    const deal = await fundedDeal({ benefits: { booth: true } });
    const [booth] = await deliverablesOf(deal);
    expect((await api(server, undefined)('GET', `/v1/deliverables/${booth!.id}`)).status).toBe(401);
    const outsider = api(server, await server.createOrg('Nosy Org'));
    expect((await outsider('GET', `/v1/deliverables/${booth!.id}`)).status).toBe(404);
    expect((await outsider('GET', `/v1/deliverables?order_id=${deal.order.id}`)).json.data).toEqual([]);
    expect(
      (await outsider('POST', '/v1/deliverables', { body: { order_id: deal.order.id, type: 'x' } })).status,
    ).toBe(404);

    const headers = { 'idempotency-key': `proof-${booth!.id}` };
    const body = { asset_url: 'https://cdn.example.com/booth.jpg', metrics: { booth_hours: 20 } };
    const first = await organizer('POST', `/v1/deliverables/${booth!.id}/proofs`, { body, headers });
    const replay = await organizer('POST', `/v1/deliverables/${booth!.id}/proofs`, { body, headers });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.json).toEqual(first.json);
    expect(replay.json.data.proofs).toHaveLength(1);
  });
});
