import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';
import { createDeal } from '../../test/fulfilment';
import { onOrderFunded } from '../domain/fulfilment';
import { evaluateDueSlas } from '../domain/slas';

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

/** A funded deal with one SLA on `impressions_total`; its event ended long ago unless `eventEndsAt` says not. */
async function dealWithSla(breach_policy: Record<string, unknown>, eventEndsAt = '2020-06-01T22:00:00.000Z') {
  const deal = await createDeal(server.db, {
    organizer: server.organizer,
    sponsor: server.sponsor,
    eventEndsAt,
    benefits: { social_posts: 3 },
    slaTemplates: [{ metric: 'impressions_total', target: 20_000, breach_policy }],
  });
  await server.db.system((tx) => onOrderFunded(tx, deal.order));
  const [sla] = (await organizer('GET', `/v1/slas?order_id=${deal.order.id}`)).json.data as { id: string }[];
  return { deal, slaId: sla!.id };
}

async function snapshot(eventId: string, value: number, capturedAt: string): Promise<string> {
  const [row] = await query(
    `insert into event_stat_snapshots (org_id, event_id, metric_key, metric_value, captured_at)
     values ($1, $2, 'impressions_total', $3, $4) returning id`,
    [server.organizer.orgId, eventId, value, capturedAt],
  );
  return row!.id as string;
}

describe('SLAs', () => {
  it('is met from the latest snapshot, which it keeps as evidence', async () => {
    const { deal, slaId } = await dealWithSla({ penalty_pct: 0.1, grace_days: 7 });
    await snapshot(deal.eventId, 40_000, '2020-06-02T00:00:00Z');
    const latest = await snapshot(deal.eventId, 31_000, '2020-06-03T00:00:00Z');
    const res = await sponsor('POST', `/v1/slas/${slaId}:evaluate`);
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({
      status: 'met',
      actual: 31_000,
      target: 20_000,
      evidence_snapshot_ids: [latest],
      breached_at: null,
      penalty_cents: null,
      due_at: '2020-06-01T22:00:00.000Z',
      evaluate_after: '2020-06-08T22:00:00.000Z',
    });
  });

  it('stays pending before its due date plus grace, recording the evidence so far', async () => {
    const { deal, slaId } = await dealWithSla(
      { penalty_pct: 0.1, grace_days: 7 },
      '2030-06-01T22:00:00.000Z',
    );
    const id = await snapshot(deal.eventId, 5_000, '2030-06-01T12:00:00Z');
    const res = await organizer('POST', `/v1/slas/${slaId}:evaluate`);
    expect(res.json.data).toMatchObject({ status: 'pending', actual: 5_000, evidence_snapshot_ids: [id] });
    expect(await evaluateDueSlas(server.db, { now: new Date('2030-06-05T00:00:00Z') })).toMatchObject({
      evaluated: 0,
    });
  });

  it('breaches after grace: one make-good deliverable and sla.breached to both parties, even when evaluated twice at once', async () => {
    const { deal, slaId } = await dealWithSla({ remedy: 'makegood', grace_days: 7 });
    await snapshot(deal.eventId, 12_000, '2020-06-02T00:00:00Z');
    const [a, b] = await Promise.all([
      organizer('POST', `/v1/slas/${slaId}:evaluate`),
      sponsor('POST', `/v1/slas/${slaId}:evaluate`),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.json.data).toMatchObject({ status: 'breached', actual: 12_000, penalty_cents: 0 });
    expect(a.json.data.makegood_deliverable_id).toEqual(expect.any(String));

    const makegoods = await sponsor('GET', `/v1/deliverables?order_id=${deal.order.id}`);
    expect(makegoods.json.data.filter((d: { type: string }) => d.type === 'makegood')).toEqual([
      expect.objectContaining({
        id: a.json.data.makegood_deliverable_id,
        sla_id: slaId,
        status: 'pending',
        spec: { metric: 'impressions_total', target: 20_000, actual: 12_000, shortfall: 8_000 },
      }),
    ]);
    const events = await query(
      `select org_id from webhook_events where type = 'sla.breached' and data->>'id' = $1`,
      [slaId],
    );
    expect(events.map((e) => e.org_id as string).sort()).toEqual(
      [server.organizer.orgId, server.sponsor.orgId].sort(),
    );
  });

  it('counts approved proof metrics towards the SLA and fixes the penalty from the order amount', async () => {
    const { deal, slaId } = await dealWithSla({ penalty_pct: 0.1, grace_days: 0 });
    const [posts] = (await organizer('GET', `/v1/deliverables?order_id=${deal.order.id}`)).json.data as {
      id: string;
    }[];
    await organizer('POST', `/v1/deliverables/${posts!.id}/proofs`, {
      body: { asset_url: 'https://cdn.example.com/posts.png', metrics: { impressions: 9_000 } },
    });
    await sponsor('POST', `/v1/deliverables/${posts!.id}:approve`);
    const outcome = await evaluateDueSlas(server.db, { now: new Date() });
    expect(outcome.breached).toBeGreaterThanOrEqual(1);
    const [sla] = (await sponsor('GET', `/v1/slas?order_id=${deal.order.id}&status=breached`)).json.data;
    expect(sla).toMatchObject({ id: slaId, actual: 9_000, penalty_cents: 15_000, evidence_snapshot_ids: [] });
    expect(sla.evidence_proof_ids).toHaveLength(1);
  });

  it('answers 401 without credentials, 404 to another organization, and replays an evaluation', async () => {
    const { deal, slaId } = await dealWithSla({ penalty_pct: 0.1 }, '2030-06-01T22:00:00.000Z');
    expect((await api(server, undefined)('POST', `/v1/slas/${slaId}:evaluate`)).status).toBe(401);
    const outsider = api(server, await server.createOrg('Nosy Org'));
    expect((await outsider('POST', `/v1/slas/${slaId}:evaluate`)).status).toBe(404);
    expect((await outsider('GET', `/v1/slas?order_id=${deal.order.id}`)).json.data).toEqual([]);
    expect((await organizer('GET', '/v1/slas?status=nonsense')).status).toBe(400);

    const headers = { 'idempotency-key': `evaluate-${slaId}` };
    const first = await organizer('POST', `/v1/slas/${slaId}:evaluate`, { headers });
    const again = await organizer('POST', `/v1/slas/${slaId}:evaluate`, { headers });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
  });
});
