import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';
import { createDeal } from '../../test/fulfilment';
import { onOrderFunded } from '../domain/fulfilment';
import { refundIssuer } from '../domain/orders';
import type { SlaTerm } from '../domain/sla-terms';
import { evaluateDueSlas } from '../domain/slas';
import { createSandboxProvider } from '../payments/sandbox';

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

/** A funded deal with one SLA on impressions; its event ended long ago unless `eventEndsAt` says not. */
async function dealWithSla(term: Partial<SlaTerm>, eventEndsAt = '2020-06-01T22:00:00.000Z') {
  const deal = await createDeal(server.db, {
    organizer: server.organizer,
    sponsor: server.sponsor,
    eventEndsAt,
    benefits: { social_posts: 3 },
    slaTerms: [{ metric: 'impressions', target: 20_000, ...term }],
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
    const { deal, slaId } = await dealWithSla({
      grace_days: 7,
      breach_policy: { action: 'penalty_pct', penalty_pct: 0.1 },
    });
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
      { grace_days: 7, breach_policy: { action: 'penalty_pct', penalty_pct: 0.1 } },
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
    const { deal, slaId } = await dealWithSla({ grace_days: 7, breach_policy: { action: 'make_good' } });
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
        spec: { metric: 'impressions', target: 20_000, actual: 12_000, shortfall: 8_000 },
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
    const { deal, slaId } = await dealWithSla({
      source: 'proof_metrics',
      breach_policy: { action: 'penalty_pct', penalty_pct: 0.1 },
    });
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
    const { deal, slaId } = await dealWithSla(
      { breach_policy: { action: 'penalty_pct', penalty_pct: 0.1 } },
      '2030-06-01T22:00:00.000Z',
    );
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

  it('refunds a penalty exactly once, with balanced ledger entries, when the nightly job runs twice at once', async () => {
    const deal = await createDeal(server.db, {
      organizer: server.organizer,
      sponsor: server.sponsor,
      eventEndsAt: '2020-06-01T22:00:00.000Z',
      amountCents: 150_000,
      benefits: { social_posts: 3 },
      slaTerms: [
        {
          metric: 'impressions',
          target: 20_000,
          grace_days: 7,
          breach_policy: { action: 'penalty_pct', penalty_pct: 0.1 },
        },
      ],
    });
    const funded = await sponsor('POST', `/v1/sponsorship-orders/${deal.order.id}:fund`, {
      body: { payment_method_id: 'pm_card_visa' },
    });
    expect(funded.status, JSON.stringify(funded.json)).toBe(200);
    const [sla] = (await organizer('GET', `/v1/slas?order_id=${deal.order.id}`)).json.data as {
      id: string;
    }[];
    await snapshot(deal.eventId, 5_000, '2020-06-02T00:00:00Z');

    const issueRefund = refundIssuer({
      payments: createSandboxProvider(),
      config: { YARDPASS_PLATFORM_FEE_BPS: 1000 },
    });
    const runs = await Promise.all([
      evaluateDueSlas(server.db, { now: new Date(), issueRefund }),
      evaluateDueSlas(server.db, { now: new Date(), issueRefund }),
    ]);
    expect(runs.flatMap((run) => run.failures.filter((f) => f.sla_id === sla!.id))).toEqual([]);

    const refunds = await query(
      'select amount_cents, reference, status from order_refunds where order_id = $1',
      [deal.order.id],
    );
    expect(refunds).toEqual([{ amount_cents: 15_000, reference: `sla:${sla!.id}`, status: 'succeeded' }]);
    const [order] = await query('select status, refunded_cents from sponsorship_orders where id = $1', [
      deal.order.id,
    ]);
    expect(order).toEqual({ status: 'partially_refunded', refunded_cents: 15_000 });

    const unbalanced = await query(
      `select t.id from ledger_transactions t join ledger_entries e on e.transaction_id = t.id
        where t.order_id = $1 group by t.id, e.currency having sum(e.amount_cents) <> 0`,
      [deal.order.id],
    );
    expect(unbalanced).toEqual([]);
    const refundBookings = await query(
      `select sum(e.amount_cents) filter (where e.amount_cents > 0)::int as debits
         from ledger_transactions t join ledger_entries e on e.transaction_id = t.id
        where t.order_id = $1 and t.kind = 'refund' group by t.id`,
      [deal.order.id],
    );
    expect(refundBookings).toEqual([{ debits: 15_000 }]);

    const shown = await sponsor('GET', `/v1/slas?order_id=${deal.order.id}`);
    expect(shown.json.data).toEqual([
      expect.objectContaining({
        status: 'breached',
        actual: 5_000,
        penalty_cents: 15_000,
        refund_reference: `sla:${sla!.id}`,
      }),
    ]);
    // A later run finds nothing left to do for it.
    await evaluateDueSlas(server.db, { now: new Date(), issueRefund });
    expect(
      await query('select count(*)::int as n from order_refunds where order_id = $1', [deal.order.id]),
    ).toEqual([{ n: 1 }]);
  });

  it('locks a funded order when its last deliverable is approved or waived', async () => {
    const deal = await createDeal(server.db, {
      organizer: server.organizer,
      sponsor: server.sponsor,
      benefits: { booth: true, social_posts: 2 },
    });
    const funded = await sponsor('POST', `/v1/sponsorship-orders/${deal.order.id}:fund`, {
      body: { payment_method_id: 'pm_card_visa' },
    });
    expect(funded.status).toBe(200);
    const [booth, posts] = (await organizer('GET', `/v1/deliverables?order_id=${deal.order.id}`)).json
      .data as {
      id: string;
    }[];
    await organizer('POST', `/v1/deliverables/${booth!.id}/proofs`, {
      body: { asset_url: 'https://cdn.example.com/b.jpg' },
    });
    await sponsor('POST', `/v1/deliverables/${booth!.id}:approve`);
    const state = async () =>
      (
        await query('select escrow_state, lock_reason from sponsorship_orders where id = $1', [deal.order.id])
      )[0];
    expect(await state()).toMatchObject({ escrow_state: 'funded' });
    await sponsor('POST', `/v1/deliverables/${posts!.id}:waive`, {
      body: { reason: 'Posting was cancelled' },
    });
    expect(await state()).toEqual({ escrow_state: 'locked', lock_reason: 'deliverables_complete' });
  });
});
