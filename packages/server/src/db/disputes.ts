import type { components } from '../generated/openapi';
import type { Queryable, Tx } from './pool';
import { updateById } from './sql';

export type DisputeRow = components['schemas']['OrderDispute'];

const columns = `id, order_id, stripe_dispute_id, status, amount_cents, currency, reason, evidence_due_by, lost_cents,
  fee_cents, reversal_cents, stripe_reversal_id, closed_at, created_at, updated_at`;

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

export async function findDispute(tx: Queryable, id: string): Promise<DisputeRow | undefined> {
  const { rows } = await tx.query<DisputeRow>(`select ${columns} from order_disputes where id = $1`, [id]);
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
    stripe_reversal_id: string;
    closed_at: Date;
  }>,
): Promise<DisputeRow> {
  const row = await updateById<DisputeRow>(tx, { table: 'order_disputes', id, changes, returning: columns });
  return row!;
}

/** Lost disputes whose transfer reversal was recorded but never confirmed by Stripe (a crash in between). */
export async function listUnfinishedReversals(tx: Queryable, before: Date, limit: number): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>(
    `select id from order_disputes
      where reversal_cents > 0 and stripe_reversal_id is null and closed_at <= $1 order by closed_at limit $2`,
    [before, limit],
  );
  return rows.map((row) => row.id);
}
