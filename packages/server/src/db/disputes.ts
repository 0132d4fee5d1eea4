import type { components } from '../generated/openapi';
import type { Queryable, Tx } from './pool';
import { updateById } from './sql';

export type DisputeRow = components['schemas']['OrderDispute'];

// A lost dispute's transfer reversals, one per payout it recovers from (`sponsorship_payout_reversals`); the single
// reversal's Stripe id is also answered as `stripe_reversal_id`, as before milestone orders reversed several.
const columns = `id, order_id, stripe_dispute_id, status, amount_cents, currency, reason, evidence_due_by, lost_cents,
  fee_cents, reversal_cents, closed_at, created_at, updated_at,
  (select min(r.stripe_reversal_id) from sponsorship_payout_reversals r
    where r.dispute_id = order_disputes.id having count(*) = 1) as stripe_reversal_id,
  coalesce((select jsonb_agg(jsonb_build_object('payout_id', r.payout_id, 'amount_cents', r.amount_cents,
                     'status', r.status, 'stripe_reversal_id', r.stripe_reversal_id,
                     'failure_reason', r.reversal_failure_reason) order by r.created_at, r.id)
              from sponsorship_payout_reversals r where r.dispute_id = order_disputes.id), '[]') as reversals`;

/** Records a Stripe dispute of an order once (by its Stripe id); answers the row and whether it is new. */
export async function insertDispute(
  tx: Tx,
  dispute: {
    order: { id: string; organizer_org_id: string; sponsor_org_id: string };
    stripeDisputeId: string;
    status: DisputeRow['status'];
    amountCents: number;
    currency: string;
    reason: string;
    evidenceDueBy: Date | null;
  },
): Promise<{ dispute: DisputeRow; created: boolean }> {
  const { rows } = await tx.query<DisputeRow>(
    `insert into order_disputes (order_id, organizer_org_id, sponsor_org_id, stripe_dispute_id, status, amount_cents,
       currency, reason, evidence_due_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (stripe_dispute_id) do nothing returning ${columns}`,
    [
      dispute.order.id,
      dispute.order.organizer_org_id,
      dispute.order.sponsor_org_id,
      dispute.stripeDisputeId,
      dispute.status,
      dispute.amountCents,
      dispute.currency,
      dispute.reason,
      dispute.evidenceDueBy,
    ],
  );
  if (rows[0]) return { dispute: rows[0], created: true };
  return { dispute: (await findDisputeByStripeId(tx, dispute.stripeDisputeId))!, created: false };
}

export async function findDisputeByStripeId(
  tx: Queryable,
  stripeDisputeId: string,
): Promise<DisputeRow | undefined> {
  const { rows } = await tx.query<DisputeRow>(
    `select ${columns} from order_disputes where stripe_dispute_id = $1 for update`,
    [stripeDisputeId],
  );
  return rows[0];
}

/** The order's latest dispute, as its detail shows it. */
export async function findOrderDispute(tx: Queryable, orderId: string): Promise<DisputeRow | undefined> {
  const { rows } = await tx.query<DisputeRow>(
    `select ${columns} from order_disputes where order_id = $1 order by created_at desc, id desc limit 1`,
    [orderId],
  );
  return rows[0];
}

export async function updateDispute(
  tx: Tx,
  id: string,
  changes: Partial<{
    status: DisputeRow['status'];
    evidence_due_by: Date | null;
    lost_cents: number;
    fee_cents: number;
    reversal_cents: number;
    closed_at: Date;
  }>,
): Promise<DisputeRow> {
  const row = await updateById<DisputeRow>(tx, { table: 'order_disputes', id, changes, returning: columns });
  return row!;
}
