import type { Queryable, Tx } from './pool';
import { updateById } from './sql';

/** One transfer reversal of a lost dispute, of one payout (`sponsorship_payout_reversals`). */
export interface PayoutReversalRow {
  id: string;
  payout_id: string;
  dispute_id: string;
  order_id: string;
  organizer_org_id: string;
  amount_cents: number;
  currency: string;
  status: 'pending' | 'reversed' | 'failed';
  idempotency_key: string;
  retry_count: number;
  stripe_reversal_id: string | null;
  reversal_failure_reason: string | null;
  reversed_at: string | null;
  created_at: string;
  updated_at: string;
}

const columns = `id, payout_id, dispute_id, order_id, organizer_org_id, amount_cents, currency, status,
  idempotency_key, retry_count, stripe_reversal_id, reversal_failure_reason, reversed_at, created_at, updated_at`;

/**
 * Reserves the reversal of `amountCents` of a payout's transfer for a lost dispute, once per dispute and payout (a
 * second call answers nothing new). Its Stripe idempotency key is `dispute:{id}:payout:{id}:reversal`.
 */
export async function insertPayoutReversal(
  tx: Tx,
  reversal: {
    payout: { id: string; order_id: string; currency: string };
    disputeId: string;
    order: { organizer_org_id: string; sponsor_org_id: string };
    amountCents: number;
  },
): Promise<PayoutReversalRow | undefined> {
  const { rows } = await tx.query<PayoutReversalRow>(
    `insert into sponsorship_payout_reversals (payout_id, dispute_id, order_id, organizer_org_id, sponsor_org_id,
       amount_cents, currency, idempotency_key)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (dispute_id, payout_id) do nothing returning ${columns}`,
    [
      reversal.payout.id,
      reversal.disputeId,
      reversal.payout.order_id,
      reversal.order.organizer_org_id,
      reversal.order.sponsor_org_id,
      reversal.amountCents,
      reversal.payout.currency,
      `dispute:${reversal.disputeId}:payout:${reversal.payout.id}:reversal`,
    ],
  );
  return rows[0];
}

export async function findPayoutReversal(
  tx: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<PayoutReversalRow | undefined> {
  const { rows } = await tx.query<PayoutReversalRow>(
    `select ${columns} from sponsorship_payout_reversals where id = $1${options.forUpdate ? ' for update' : ''}`,
    [id],
  );
  return rows[0];
}

/** The reversals of one payout, oldest first, of a status or all; `forUpdate` locks them. */
export async function listPayoutReversals(
  tx: Queryable,
  payoutId: string,
  options: { status?: PayoutReversalRow['status']; forUpdate?: boolean } = {},
): Promise<PayoutReversalRow[]> {
  const { rows } = await tx.query<PayoutReversalRow>(
    `select ${columns} from sponsorship_payout_reversals
      where payout_id = $1 and ($2::text is null or status = $2)
      order by created_at, id${options.forUpdate ? ' for update' : ''}`,
    [payoutId, options.status ?? null],
  );
  return rows;
}

/**
 * Reversals still to be asked of Stripe whose payout has its transfer and that nobody touched since `before` (the
 * call after the dispute's commit, or after the transfer, did not happen or did not get an answer).
 */
export async function listStalledPayoutReversals(
  tx: Queryable,
  before: Date,
  limit: number,
): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>(
    `select r.id from sponsorship_payout_reversals r
       join sponsorship_payouts p on p.id = r.payout_id and p.stripe_transfer_id is not null
      where r.status = 'pending' and r.updated_at <= $1
      order by r.updated_at limit $2`,
    [before, limit],
  );
  return rows.map((row) => row.id);
}

export async function updatePayoutReversal(
  tx: Tx,
  id: string,
  changes: Partial<{
    status: PayoutReversalRow['status'];
    stripe_reversal_id: string;
    reversal_failure_reason: string | null;
    reversed_at: Date;
    retry_count: number;
  }>,
): Promise<PayoutReversalRow> {
  const row = await updateById<PayoutReversalRow>(tx, {
    table: 'sponsorship_payout_reversals',
    id,
    changes,
    returning: columns,
  });
  return row!;
}
