import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestOrg, type TestServer } from '../../../../test/server';
import { createOperator } from '../domain/operators';

let server: TestServer;
let organizer: TestOrg;
let sponsor: TestOrg;
let eventId: string;
let operatorKey: string;

/**
 * A small history, written straight to the database with chosen timestamps, whose metrics are worked out by
 * hand below (all times UTC, March 2026; the 2nd is a Monday):
 * - packages: two of event E1 on the 2nd, one of E2 on the 3rd, one on the 10th; one of another organizer on the 2nd;
 * - proposals: T1 opened the 2nd 00:00, ordered 06:00 (6 h); T2 opened the 2nd 12:00, no order; T3 opened the 3rd,
 *   ordered the 4th (24 h); T4 a draft on the 3rd;
 * - orders: O1 100,000 USD funded the 2nd (from T1); O3 50,000 USD funded the 4th (from T3); O5 20,000 EUR funded
 *   the 4th; O6 never funded;
 * - ledger: O1's fee of 10,000 USD posted the 3rd; 1,000 USD of fee taken back the 4th;
 * - refunds: 5,000 USD of O3 succeeded the 4th, 7,000 failed;
 * - payouts: 90,000 USD of O1 paid the 3rd;
 * - deliverables: D1 due the 2nd 18:00 submitted 17:00 (on time); D2 due the 2nd 20:00 submitted the 3rd (late);
 *   D3 due the 3rd, never submitted (late); D4 due the 3rd, waived;
 * - SLAs: met and breached due the 2nd, met the 4th, one pending the 4th.
 */
async function seedHistory() {
  const other = await server.createOrg('Other Organizer');
  const ids = await server.db.system(async (tx) => {
    const one = async (sql: string, params: unknown[]) =>
      ((await tx.query<{ id: string }>(sql, params)).rows[0] as { id: string }).id;
    const event = (org: string) =>
      one(
        `insert into events (owner_org_id, title, starts_at, ends_at)
         values ($1, 'Harbor Nights', '2026-06-01', '2026-06-02') returning id`,
        [org],
      );
    const e1 = await event(organizer.orgId);
    const e2 = await event(organizer.orgId);
    const eOther = await event(other.orgId);
    const brand = await one(`insert into sponsors (org_id, name) values ($1, 'Fizzy Cola') returning id`, [
      sponsor.orgId,
    ]);
    const pkg = (org: string, ev: string, createdAt: string, currency = 'USD') =>
      one(
        `insert into sponsorship_packages (org_id, event_id, title, tier, price_cents, currency, inventory, created_at)
         values ($1, $2, 'Stage', 'gold', 100000, $4, 10, $3) returning id`,
        [org, ev, createdAt, currency],
      );
    const p1 = await pkg(organizer.orgId, e1, '2026-03-02T10:00:00Z');
    await pkg(organizer.orgId, e1, '2026-03-02T12:00:00Z');
    await pkg(organizer.orgId, e2, '2026-03-03T09:00:00Z');
    await pkg(organizer.orgId, e1, '2026-03-10T09:00:00Z');
    await pkg(other.orgId, eOther, '2026-03-02T09:00:00Z');
    const pEur = await pkg(organizer.orgId, e1, '2026-02-01T09:00:00Z', 'EUR');
    const thread = (createdAt: string, status: string) =>
      one(
        `insert into proposal_threads (event_id, package_id, sponsor_id, organizer_org_id, sponsor_org_id, status,
           created_by_side, created_at) values ($1, $2, $3, $4, $5, $6, 'sponsor', $7) returning id`,
        [e1, p1, brand, organizer.orgId, sponsor.orgId, status, createdAt],
      );
    const t1 = await thread('2026-03-02T00:00:00Z', 'accepted');
    await thread('2026-03-02T12:00:00Z', 'sent');
    const t3 = await thread('2026-03-03T00:00:00Z', 'accepted');
    await thread('2026-03-03T05:00:00Z', 'draft');
    const order = (o: {
      pkg: string;
      proposal: string | null;
      amount: number;
      currency: string;
      createdAt: string;
      fundedAt: string | null;
    }) =>
      one(
        `insert into sponsorship_orders (event_id, package_id, sponsor_id, proposal_id, organizer_org_id,
           sponsor_org_id, amount_cents, currency, created_by_side, created_at, status, escrow_state, funded_at,
           stripe_payment_intent_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8, 'sponsor', $9,
           case when $10::timestamptz is null then 'pending' else 'active' end,
           case when $10::timestamptz is null then 'pending' else 'funded' end, $10,
           case when $10::timestamptz is null then null else 'pi_' || md5(random()::text) end)
         returning id`,
        [
          e1,
          o.pkg,
          brand,
          o.proposal,
          organizer.orgId,
          sponsor.orgId,
          o.amount,
          o.currency,
          o.createdAt,
          o.fundedAt,
        ],
      );
    const o1 = await order({
      pkg: p1,
      proposal: t1,
      amount: 100_000,
      currency: 'USD',
      createdAt: '2026-03-02T06:00:00Z',
      fundedAt: '2026-03-02T08:00:00Z',
    });
    const o3 = await order({
      pkg: p1,
      proposal: t3,
      amount: 50_000,
      currency: 'USD',
      createdAt: '2026-03-04T00:00:00Z',
      fundedAt: '2026-03-04T01:00:00Z',
    });
    await order({
      pkg: pEur,
      proposal: null,
      amount: 20_000,
      currency: 'EUR',
      createdAt: '2026-03-04T00:00:00Z',
      fundedAt: '2026-03-04T02:00:00Z',
    });
    await order({
      pkg: p1,
      proposal: null,
      amount: 30_000,
      currency: 'USD',
      createdAt: '2026-03-04T00:00:00Z',
      fundedAt: null,
    });

    const account = (code: string, kind: string, org: string | null, orderId: string | null) =>
      one(
        `insert into ledger_accounts (code, kind, currency, org_id, order_id) values ($1, $2, 'USD', $3, $4)
         returning id`,
        [code, kind, org, orderId],
      );
    const fees = await account('platform_fees:USD', 'platform_fees', null, null);
    const clearing = await account('stripe_clearing:USD', 'stripe_clearing', null, null);
    const escrow = await account(`escrow:${o1}`, 'escrow', null, o1);
    const payable = await account(
      `organizer_payable:${organizer.orgId}:USD`,
      'organizer_payable',
      organizer.orgId,
      null,
    );
    const posted = async (reference: string, kind: string, at: string, legs: [string, number][]) => {
      const id = await one(
        `insert into ledger_transactions (reference, kind, status, order_id, organizer_org_id, sponsor_org_id,
           created_at, posted_at) values ($1, $2, 'posted', $3, $4, $5, $6, $6) returning id`,
        [reference, kind, o1, organizer.orgId, sponsor.orgId, at],
      );
      for (const [accountId, cents] of legs)
        await tx.query(
          `insert into ledger_entries (transaction_id, account_id, amount_cents, currency) values ($1, $2, $3, 'USD')`,
          [id, accountId, cents],
        );
    };
    await posted('lock', 'lock', '2026-03-03T10:00:00Z', [
      [escrow, -100_000],
      [payable, 90_000],
      [fees, 10_000],
    ]);
    await posted('refund', 'refund', '2026-03-04T10:00:00Z', [
      [fees, -1_000],
      [clearing, 1_000],
    ]);
    const refund = (seq: number, cents: number, status: string) =>
      tx.query(
        `insert into order_refunds (order_id, organizer_org_id, sponsor_org_id, seq, reference, reason, amount_cents,
           currency, status, created_at) values ($1, $2, $3, $4, $5, 'test', $6, 'USD', $7, '2026-03-04T05:00:00Z')`,
        [o3, organizer.orgId, sponsor.orgId, seq, `r${seq}`, cents, status],
      );
    await refund(1, 5_000, 'succeeded');
    await refund(2, 7_000, 'failed');
    await tx.query(
      `insert into sponsorship_payouts (org_id, order_id, amount_cents, fee_cents, currency, status, stripe_transfer_id,
         paid_at) values ($1, $2, 90000, 10000, 'USD', 'paid', 'tr_1', '2026-03-03T12:00:00Z')`,
      [organizer.orgId, o1],
    );
    const deliverable = async (dueAt: string, status: string, submittedAt: string | null) => {
      const id = await one(
        `insert into deliverables (organizer_org_id, sponsor_org_id, event_id, sponsor_id, order_id, type, due_at, status)
         values ($1, $2, $3, $4, $5, 'post', $6, $7) returning id`,
        [organizer.orgId, sponsor.orgId, e1, brand, o1, dueAt, status],
      );
      if (submittedAt)
        await tx.query(
          `insert into deliverable_reviews (deliverable_id, organizer_org_id, sponsor_org_id, action, side,
             from_status, to_status, created_at) values ($1, $2, $3, 'submitted', 'organizer', 'pending', 'submitted', $4)`,
          [id, organizer.orgId, sponsor.orgId, submittedAt],
        );
    };
    await deliverable('2026-03-02T18:00:00Z', 'approved', '2026-03-02T17:00:00Z');
    await deliverable('2026-03-02T20:00:00Z', 'approved', '2026-03-03T08:00:00Z');
    await deliverable('2026-03-03T12:00:00Z', 'pending', null);
    await deliverable('2026-03-03T13:00:00Z', 'waived', null);
    const sla = (metric: string, dueAt: string, status: string) =>
      tx.query(
        `insert into sponsorship_slas (organizer_org_id, sponsor_org_id, order_id, event_id, sponsor_id, package_id,
           metric, target, due_at, status, breached_at)
         values ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9, case when $9 = 'breached' then $8::timestamptz end)`,
        [organizer.orgId, sponsor.orgId, o1, e1, brand, p1, metric, dueAt, status],
      );
    await sla('reach', '2026-03-02T12:00:00Z', 'met');
    await sla('clicks', '2026-03-02T12:00:00Z', 'breached');
    await sla('views', '2026-03-04T12:00:00Z', 'met');
    await sla('leads', '2026-03-04T12:00:00Z', 'pending');
    return { e1 };
  });
  eventId = ids.e1;
}

beforeAll(async () => {
  server = await startTestServer();
  organizer = server.organizer;
  sponsor = server.sponsor;
  operatorKey = (await createOperator(server.db, 'Metrics')).key;
  await seedHistory();
});
afterAll(() => server.close());

const zero = { orders_funded: 0, gmv_cents: 0, platform_fees_cents: 0, refunds_cents: 0, payouts_cents: 0 };

describe('GET /v1/metrics/business', () => {
  it('answers hand-computed metrics by day and for the window', async () => {
    const res = await api(server, organizer)('GET', '/v1/metrics/business?from=2026-03-02&to=2026-03-05');
    expect(res.status).toBe(200);
    const { series, totals } = res.json.data;
    expect(series.map((p: { period_start: string }) => p.period_start)).toEqual([
      '2026-03-02T00:00:00.000Z',
      '2026-03-03T00:00:00.000Z',
      '2026-03-04T00:00:00.000Z',
    ]);
    expect(series[0]).toMatchObject({
      packages_created: 2,
      events_with_new_packages: 1,
      packages_per_event: 2,
      proposals: 2,
      proposals_converted: 1,
      conversion_rate: 0.5,
      median_negotiation_seconds: 21_600,
      deliverables_due: 2,
      deliverables_on_time: 1,
      on_time_rate: 0.5,
      slas_evaluated: 2,
      slas_met: 1,
      sla_compliance_rate: 0.5,
      money: [{ ...zero, currency: 'USD', orders_funded: 1, gmv_cents: 100_000 }],
    });
    expect(series[1]).toMatchObject({
      packages_created: 1,
      proposals: 1,
      proposals_converted: 1,
      median_negotiation_seconds: 86_400,
      deliverables_due: 1,
      deliverables_on_time: 0,
      on_time_rate: 0,
      slas_evaluated: 0,
      sla_compliance_rate: null,
      money: [{ ...zero, currency: 'USD', platform_fees_cents: 10_000, payouts_cents: 90_000 }],
    });
    expect(series[2]).toMatchObject({
      packages_created: 0,
      packages_per_event: null,
      proposals: 0,
      conversion_rate: null,
      median_negotiation_seconds: null,
      slas_evaluated: 1,
      slas_met: 1,
      money: [
        { ...zero, currency: 'EUR', orders_funded: 1, gmv_cents: 20_000 },
        {
          ...zero,
          currency: 'USD',
          orders_funded: 1,
          gmv_cents: 50_000,
          platform_fees_cents: -1_000,
          refunds_cents: 5_000,
        },
      ],
    });
    expect(totals).toMatchObject({
      packages_created: 3,
      events_with_new_packages: 2,
      packages_per_event: 1.5,
      proposals: 3,
      proposals_converted: 2,
      median_negotiation_seconds: 54_000,
      deliverables_due: 3,
      deliverables_on_time: 1,
      slas_evaluated: 3,
      slas_met: 2,
      money: [
        { ...zero, currency: 'EUR', orders_funded: 1, gmv_cents: 20_000 },
        {
          currency: 'USD',
          orders_funded: 2,
          gmv_cents: 150_000,
          platform_fees_cents: 9_000,
          refunds_cents: 5_000,
          payouts_cents: 90_000,
        },
      ],
    });
    expect(totals.conversion_rate).toBeCloseTo(2 / 3);
  });

  it('buckets by week from Monday and filters by event', async () => {
    const res = await api(server, organizer)(
      'GET',
      `/v1/metrics/business?from=2026-03-01&to=2026-03-15&interval=week&event_id=${eventId}`,
    );
    expect(res.status).toBe(200);
    const { series, totals } = res.json.data;
    expect(
      series.map((p: { period_start: string; packages_created: number }) => [
        p.period_start,
        p.packages_created,
      ]),
    ).toEqual([
      ['2026-02-23T00:00:00.000Z', 0],
      ['2026-03-02T00:00:00.000Z', 2],
      ['2026-03-09T00:00:00.000Z', 1],
    ]);
    expect(totals).toMatchObject({ packages_created: 3, events_with_new_packages: 1 });
  });

  it('shows each organization only its own, and a platform operator everything', async () => {
    const path = '/v1/metrics/business?from=2026-03-02&to=2026-03-05';
    const sponsorView = (await api(server, sponsor)('GET', path)).json.data.totals;
    // The sponsor is a party to the orders, proposals, deliverables and SLAs, not to the packages or payouts.
    expect(sponsorView).toMatchObject({ packages_created: 0, proposals: 3, slas_evaluated: 3 });
    expect(sponsorView.money.find((m: { currency: string }) => m.currency === 'USD')).toMatchObject({
      gmv_cents: 150_000,
      payouts_cents: 0,
    });
    const outsider = await server.createOrg('Nobody');
    const empty = (await api(server, outsider)('GET', path)).json.data.totals;
    expect(empty).toMatchObject({ packages_created: 0, proposals: 0, money: [] });
    const all = (await api(server, { orgId: '', apiKey: operatorKey })('GET', path)).json.data.totals;
    expect(all.packages_created).toBe(4);
  });

  it('answers 400 for a window backwards or too long, 401 without a key', async () => {
    const call = api(server, organizer);
    expect((await call('GET', '/v1/metrics/business?from=2026-03-05&to=2026-03-02')).status).toBe(400);
    expect((await call('GET', '/v1/metrics/business?from=2000-01-01&to=2026-01-01')).status).toBe(400);
    expect((await call('GET', '/v1/metrics/business?interval=year')).status).toBe(400);
    expect((await api(server, undefined)('GET', '/v1/metrics/business')).status).toBe(401);
  });
});
