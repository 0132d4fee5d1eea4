import type { components } from '../generated/openapi';
import type { Cursor } from './pagination';
import type { Queryable, Tx } from './pool';

export type ReconciliationRunRow = components['schemas']['ReconciliationRun'];
export type ReconciliationDifferenceRow = components['schemas']['ReconciliationDifference'];
type RecordType = ReconciliationDifferenceRow['object_type'];

const runColumns = `id, provider, trigger, period_start, period_end, status, checked, difference_count, error,
  started_at, finished_at`;

export async function insertRun(
  tx: Tx,
  run: { provider: 'stripe' | 'sandbox'; trigger: 'schedule' | 'manual'; from: Date; to: Date },
): Promise<ReconciliationRunRow> {
  const { rows } = await tx.query<ReconciliationRunRow>(
    `insert into reconciliation_runs (provider, trigger, period_start, period_end) values ($1, $2, $3, $4)
     returning ${runColumns}`,
    [run.provider, run.trigger, run.from, run.to],
  );
  return rows[0]!;
}

/** Stores a run's differences and its outcome in one statement. */
export async function finishRun(
  tx: Tx,
  id: string,
  outcome: {
    status: 'completed' | 'failed';
    checked: Record<string, number>;
    error: string | null;
    differences: Omit<ReconciliationDifferenceRow, 'id'>[];
  },
): Promise<ReconciliationRunRow> {
  const d = outcome.differences;
  const { rows } = await tx.query<ReconciliationRunRow>(
    `with stored as (
       insert into reconciliation_differences (run_id, object_type, object_id, issue, order_id,
         processor_amount_cents, ledger_amount_cents, currency, detail)
       select $1, * from unnest($5::text[], $6::text[], $7::text[], $8::uuid[], $9::bigint[], $10::bigint[],
                               $11::text[], $12::text[])
       returning 1
     )
     update reconciliation_runs set status = $2, checked = $3, error = $4, finished_at = now(),
            difference_count = (select count(*) from stored)
      where id = $1 returning ${runColumns}`,
    [
      id,
      outcome.status,
      JSON.stringify(outcome.checked),
      outcome.error,
      d.map((x) => x.object_type),
      d.map((x) => x.object_id),
      d.map((x) => x.issue),
      d.map((x) => x.order_id),
      d.map((x) => x.processor_amount_cents),
      d.map((x) => x.ledger_amount_cents),
      d.map((x) => x.currency),
      d.map((x) => x.detail),
    ],
  );
  return rows[0]!;
}

/** Our side of one processor record: the ledger's amount (null when nothing is booked) and whether it falls in the period. */
export interface LedgerRecord {
  type: RecordType;
  id: string;
  order_id: string | null;
  currency: string;
  amount_cents: number | null;
  in_period: boolean;
}

// The positive legs of the booked transaction are its amount (a fund debits escrow, a transfer and a refund
// debit Stripe clearing).
const booked = (condition: string) => `(select sum(e.amount_cents)::bigint from ledger_transactions t
  join ledger_entries e on e.transaction_id = t.id where ${condition} and t.status = 'posted' and e.amount_cents > 0)`;

/**
 * The records we hold of the processor's ids (`ids` by type) and of the period `[from, to)`: funded orders'
 * charges, paid payouts' transfers, succeeded refunds, and the orders of the disputes listed.
 */
export async function findLedgerRecords(
  q: Queryable,
  input: { from: Date; to: Date; ids: Record<RecordType, string[]> },
): Promise<LedgerRecord[]> {
  const period = (column: string) => `(${column} >= $1 and ${column} < $2)`;
  const { rows } = await q.query<LedgerRecord>(
    `select 'charge' as type, o.stripe_charge_id as id, o.id as order_id, o.currency,
            ${booked(`t.order_id = o.id and t.kind = 'fund'`)} as amount_cents,
            coalesce(${period('o.funded_at')}, false) as in_period
       from sponsorship_orders o
      where o.stripe_charge_id is not null and (o.stripe_charge_id = any($3) or ${period('o.funded_at')})
     union all
     select 'transfer', p.stripe_transfer_id, p.order_id, p.currency,
            ${booked(`t.reference = 'payout:' || p.id || ':transfer'`)},
            coalesce(p.status = 'paid' and ${period('p.paid_at')}, false)
       from sponsorship_payouts p
      where p.stripe_transfer_id is not null
        and (p.stripe_transfer_id = any($4) or (p.status = 'paid' and ${period('p.paid_at')}))
     union all
     select 'refund', r.stripe_refund_id, r.order_id, r.currency,
            ${booked(`t.reference = 'order:' || r.order_id || ':refund:' || r.seq`)},
            coalesce(r.status = 'succeeded' and ${period('r.created_at')}, false)
       from order_refunds r
      where r.stripe_refund_id is not null
        and (r.stripe_refund_id = any($5) or (r.status = 'succeeded' and ${period('r.created_at')}))
     union all
     select 'dispute', o.stripe_dispute_id, o.id, o.currency, o.amount_cents, false
       from sponsorship_orders o where o.stripe_dispute_id = any($6)`,
    [input.from, input.to, input.ids.charge, input.ids.transfer, input.ids.refund, input.ids.dispute],
  );
  return rows;
}

export async function listRuns(
  q: Queryable,
  page: { limit: number; after: Cursor | undefined },
): Promise<ReconciliationRunRow[]> {
  const { rows } = await q.query<ReconciliationRunRow>(
    `select ${runColumns} from reconciliation_runs
      where $1::timestamptz is null or (started_at, id) < ($1::timestamptz, $2::uuid)
      order by started_at desc, id desc limit $3`,
    [page.after?.value ?? null, page.after?.id ?? null, page.limit + 1],
  );
  return rows;
}

export async function findRun(q: Queryable, id: string): Promise<ReconciliationRunRow | undefined> {
  const { rows } = await q.query<ReconciliationRunRow>(
    `select ${runColumns} from reconciliation_runs where id = $1`,
    [id],
  );
  return rows[0];
}

export async function listDifferences(q: Queryable, runId: string): Promise<ReconciliationDifferenceRow[]> {
  const { rows } = await q.query<ReconciliationDifferenceRow>(
    `select id, object_type, object_id, issue, order_id, processor_amount_cents, ledger_amount_cents, currency, detail
       from reconciliation_differences where run_id = $1 order by object_type, object_id`,
    [runId],
  );
  return rows;
}
