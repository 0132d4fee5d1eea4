import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/database';
import { createOrganization } from '../domain/identity';
import { foldMoney } from '../domain/ops';
import { type MetricsWindow, moneyMetrics } from './ops';
import { createDb, type Db, type Queryable } from './pool';

/**
 * The money metrics read day totals kept by triggers (migration 0018). The oracle here is what they mean,
 * computed from the orders, ledger, refunds, payouts and transfer reversals themselves: after any history, folded or not, and
 * through two folds at once, both must answer the same.
 */
function rawMoney(q: Queryable, w: MetricsWindow) {
  return q.query(
    `with flows as (
       select date_trunc($3::text, o.funded_at) as period_start, o.currency, 1 as orders, o.amount_cents as gmv,
              0::bigint as fees, 0::bigint as refunds, 0::bigint as payouts
         from sponsorship_orders o
        where o.funded_at >= $1::timestamptz and o.funded_at < $2::timestamptz
       union all
       select date_trunc($3::text, t.posted_at), e.currency, 0, 0, e.amount_cents, 0, 0
         from ledger_transactions t
         join ledger_entries e on e.transaction_id = t.id
         join ledger_accounts a on a.id = e.account_id and a.kind = 'platform_fees'
        where t.status = 'posted' and t.posted_at >= $1::timestamptz and t.posted_at < $2::timestamptz
       union all
       select date_trunc($3::text, r.created_at), r.currency, 0, 0, 0, r.amount_cents, 0
         from order_refunds r
        where r.status = 'succeeded' and r.created_at >= $1::timestamptz and r.created_at < $2::timestamptz
       union all
       select date_trunc($3::text, p.paid_at), p.currency, 0, 0, 0, 0, p.amount_cents
         from sponsorship_payouts p
        where p.status = 'paid' and p.paid_at >= $1::timestamptz and p.paid_at < $2::timestamptz
       union all
       select date_trunc($3::text, v.reversed_at), v.currency, 0, 0, 0, 0, -v.amount_cents
         from sponsorship_payout_reversals v
        where v.status = 'reversed' and v.reversed_at >= $1::timestamptz and v.reversed_at < $2::timestamptz
     )
     select period_start, currency, sum(orders)::int as orders_funded, sum(gmv)::bigint as gmv_cents,
            sum(fees)::bigint as platform_fees_cents, sum(refunds)::bigint as refunds_cents,
            sum(payouts)::bigint as payouts_cents
       from flows
      group by grouping sets ((period_start, currency), (currency))
      order by period_start nulls last, currency`,
    [w.from, w.to, w.interval],
  );
}

let db: Db;
let organizerId: string;
let sponsorOrgId: string;
const window: MetricsWindow = {
  from: '2026-05-01',
  to: '2026-06-01',
  interval: 'day',
  eventId: null,
  orgId: null,
};

beforeAll(async () => {
  db = createDb({ databaseUrl: await createTestDatabase(), max: 4 });
  organizerId = (await createOrganization(db, { name: 'Organizer' })).organization.id;
  sponsorOrgId = (await createOrganization(db, { name: 'Brand' })).organization.id;
});
afterAll(() => db.close());

/** Both readings of the window, as the system sees it. */
const readings = () =>
  db.system(async (tx) => ({
    kept: await moneyMetrics(tx, window),
    raw: (await rawMoney(tx, window)).rows,
  }));

describe('money day totals', () => {
  it('follow every way money is booked, changed and posted later, folded or not, and fold once when two folds race', async () => {
    await db.system(async (tx) => {
      const one = async (sql: string, params: unknown[] = []) =>
        (await tx.query<{ id: string }>(sql, params)).rows[0]!.id;
      const eventId = await one(
        `insert into events (owner_org_id, title, starts_at, ends_at) values ($1, 'Fair', '2026-09-01', '2026-09-02')
         returning id`,
        [organizerId],
      );
      const sponsorId = await one(`insert into sponsors (org_id, name) values ($1, 'Brand') returning id`, [
        sponsorOrgId,
      ]);
      const packageId = await one(
        `insert into sponsorship_packages (org_id, event_id, title, tier, price_cents, currency, inventory)
         values ($1, $2, 'Stage', 'gold', 100000, 'USD', 10) returning id`,
        [organizerId, eventId],
      );
      const order = (amount: number, fundedAt: string | null) =>
        one(
          `insert into sponsorship_orders (event_id, package_id, sponsor_id, organizer_org_id, sponsor_org_id,
             amount_cents, currency, created_by_side, created_at, status, escrow_state, funded_at,
             stripe_payment_intent_id)
           values ($1, $2, $3, $4, $5, $6, 'USD', 'sponsor', '2026-05-01', 'pending', 'pending', $7,
             'pi_' || md5(random()::text)) returning id`,
          [eventId, packageId, sponsorId, organizerId, sponsorOrgId, amount, fundedAt],
        );
      const funded = await order(100_000, '2026-05-02T10:00:00Z');
      const later = await order(40_000, null);
      // Funded afterwards, then its funding time and amount corrected: counted once, where it ends up.
      await tx.query(`update sponsorship_orders set funded_at = '2026-05-03T10:00:00Z' where id = $1`, [
        later,
      ]);
      await tx.query(
        `update sponsorship_orders set funded_at = '2026-05-04T10:00:00Z', amount_cents = 45000 where id = $1`,
        [later],
      );
      // An update that changes nothing the metrics count.
      await tx.query(`update sponsorship_orders set status = 'active' where id = $1`, [funded]);

      const account = (code: string, kind: string, org: string | null) =>
        one(
          `insert into ledger_accounts (code, kind, currency, org_id) values ($1, $2, 'USD', $3) returning id`,
          [code, kind, org],
        );
      const fees = await account('platform_fees:USD', 'platform_fees', null);
      const payable = await account(`organizer_payable:${organizerId}:USD`, 'organizer_payable', organizerId);
      // A fee booked pending counts when it posts, on the day it posts.
      const pending = await one(
        `insert into ledger_transactions (reference, kind, status, order_id, organizer_org_id, sponsor_org_id)
         values ('fee-1', 'lock', 'pending', $1, $2, $3) returning id`,
        [funded, organizerId, sponsorOrgId],
      );
      await tx.query(
        `insert into ledger_entries (transaction_id, account_id, amount_cents, currency)
         values ($1, $2, 10000, 'USD'), ($1, $3, -10000, 'USD')`,
        [pending, fees, payable],
      );
      await tx.query(
        `update ledger_transactions set status = 'posted', posted_at = '2026-05-05T12:00:00Z' where id = $1`,
        [pending],
      );
      // Posted at once, entries after.
      const posted = await one(
        `insert into ledger_transactions (reference, kind, status, order_id, organizer_org_id, sponsor_org_id,
           posted_at) values ('fee-2', 'refund', 'posted', $1, $2, $3, '2026-05-06T12:00:00Z') returning id`,
        [funded, organizerId, sponsorOrgId],
      );
      await tx.query(
        `insert into ledger_entries (transaction_id, account_id, amount_cents, currency)
         values ($1, $2, -1000, 'USD'), ($1, $3, 1000, 'USD')`,
        [posted, fees, payable],
      );
      // A voided one never counts.
      const voided = await one(
        `insert into ledger_transactions (reference, kind, status, order_id, organizer_org_id, sponsor_org_id)
         values ('fee-3', 'lock', 'pending', $1, $2, $3) returning id`,
        [funded, organizerId, sponsorOrgId],
      );
      await tx.query(
        `insert into ledger_entries (transaction_id, account_id, amount_cents, currency)
         values ($1, $2, 500, 'USD'), ($1, $3, -500, 'USD')`,
        [voided, fees, payable],
      );
      await tx.query(`update ledger_transactions set status = 'voided', voided_at = now() where id = $1`, [
        voided,
      ]);

      const refund = await one(
        `insert into order_refunds (order_id, organizer_org_id, sponsor_org_id, seq, reference, reason, amount_cents,
           currency, created_at) values ($1, $2, $3, 1, 'r1', 'Make good', 5000, 'USD', '2026-05-07T09:00:00Z')
         returning id`,
        [funded, organizerId, sponsorOrgId],
      );
      await tx.query(`update order_refunds set status = 'succeeded' where id = $1`, [refund]);
      await tx.query(
        `insert into order_refunds (order_id, organizer_org_id, sponsor_org_id, seq, reference, reason, amount_cents,
           currency, status, created_at)
         values ($1, $2, $3, 2, 'r2', 'Declined', 7000, 'USD', 'failed', '2026-05-07T10:00:00Z')`,
        [funded, organizerId, sponsorOrgId],
      );
      const payout = await one(
        `insert into sponsorship_payouts (org_id, order_id, amount_cents, fee_cents, currency)
         values ($1, $2, 90000, 10000, 'USD') returning id`,
        [organizerId, funded],
      );
      await tx.query(
        `update sponsorship_payouts set status = 'paid', stripe_transfer_id = 'tr_1', paid_at = '2026-05-08T09:00:00Z'
          where id = $1`,
        [payout],
      );
      // A lost dispute takes 30,000 of that payout back: a negative payout on the day it is reversed.
      const dispute = await one(
        `insert into order_disputes (order_id, organizer_org_id, sponsor_org_id, stripe_dispute_id, status,
           amount_cents, currency, lost_cents, reversal_cents, closed_at)
         values ($1, $2, $3, 'dp_money', 'lost', 30000, 'USD', 30000, 30000, '2026-05-09T08:00:00Z') returning id`,
        [funded, organizerId, sponsorOrgId],
      );
      const reversal = await one(
        `insert into sponsorship_payout_reversals (payout_id, dispute_id, order_id, organizer_org_id, sponsor_org_id,
           amount_cents, currency, idempotency_key)
         values ($1, $2, $3, $4, $5, 30000, 'USD', 'rev_money') returning id`,
        [payout, dispute, funded, organizerId, sponsorOrgId],
      );
      await tx.query(
        `update sponsorship_payout_reversals set status = 'reversed', stripe_reversal_id = 'trr_1',
           reversed_at = '2026-05-09T09:00:00Z' where id = $1`,
        [reversal],
      );
    });

    const before = await readings();
    expect(before.kept).toEqual(before.raw);
    expect(before.kept.find((row) => row.period_start === null)).toEqual({
      period_start: null,
      currency: 'USD',
      orders_funded: 2,
      gmv_cents: 145_000,
      platform_fees_cents: 9_000,
      refunds_cents: 5_000,
      payouts_cents: 60_000,
    });

    const folded = await Promise.all([foldMoney(db), foldMoney(db)]);
    expect(folded[0] + folded[1]).toBeGreaterThan(0);
    const after = await readings();
    expect(after.kept).toEqual(before.raw);
    const { rows } = await db.system((tx) => tx.query('select count(*)::int as n from money_daily_changes'));
    expect(rows[0].n).toBe(0);
    expect(await foldMoney(db)).toBe(0);
  });

  it('are booked from a tenant transaction too, and each party reads only its own', async () => {
    const other = (await createOrganization(db, { name: 'Stranger' })).organization.id;
    // A funding as the API books it: in the sponsor's tenant transaction (the trigger must still see the order).
    await db.system((tx) =>
      tx.query(
        `update sponsorship_orders set funded_at = null, amount_cents = 1000 where amount_cents = 45000`,
      ),
    );
    await db.tenant(sponsorOrgId, (tx) =>
      tx.query(`update sponsorship_orders set funded_at = '2026-05-20T00:00:00Z' where amount_cents = 1000`),
    );
    const totals = (orgId: string) =>
      db.tenant(orgId, async (tx) =>
        (await moneyMetrics(tx, { ...window, orgId })).find((row) => row.period_start === null),
      );
    expect(await totals(organizerId)).toMatchObject({ orders_funded: 2, gmv_cents: 101_000 });
    expect(await totals(sponsorOrgId)).toMatchObject({
      orders_funded: 2,
      gmv_cents: 101_000,
      payouts_cents: 0,
    });
    expect(await totals(other)).toBeUndefined();
    const { kept, raw } = await readings();
    expect(kept).toEqual(raw);
  });

  it('are rebuilt from the bookings alone to what the triggers kept (what the migration does with old data)', async () => {
    const { kept } = await readings();
    await db.system((tx) => tx.query('select yardpass_money_rebuild()'));
    const rebuilt = await readings();
    expect(rebuilt.kept).toEqual(kept);
    expect(rebuilt.kept).toEqual(rebuilt.raw);
  });
});
