import type { components } from '../generated/openapi';
import type { Cursor } from './pagination';
import type { Queryable, Tx } from './pool';
import { updateById } from './sql';

type OrderSchema = components['schemas']['Order'];
/** An order as stored, without the detail (ledger, payout, refunds) that `GET /{id}` adds. */
export type OrderRow = Omit<OrderSchema, 'ledger' | 'payout' | 'payouts' | 'refunds'>;
export type OrderRefundRow = components['schemas']['OrderRefund'];
export type ReleasePolicy = components['schemas']['ReleasePolicy'];

const columns = `id, event_id, package_id, variant_id, sponsor_id, proposal_id, organizer_org_id, sponsor_org_id, amount_cents,
  currency, cancellation_policy, sla_terms, status, escrow_state, payment_status, payment_error,
  stripe_payment_intent_id, platform_fee_bps, application_fee_cents, refunded_cents, disputed, lock_reason, created_by_side, funded_at,
  release_policy, release_weights, released_cents, locked_at, released_at, cancelled_at, created_at, updated_at`;

/** What placing an order reads of a package, read with the row locked so that counts cannot move. */
export interface PackageForSale {
  id: string;
  org_id: string;
  event_id: string;
  price_cents: number;
  currency: string;
  inventory: number;
  sold: number;
  is_active: boolean;
  visibility: 'public' | 'unlisted' | 'private';
  archived_at: string | null;
  benefits: Record<string, unknown>;
  release_policy: ReleasePolicy;
  release_weights: Record<string, number>;
  availability: {
    start?: string | null;
    end?: string | null;
    max_per_sponsor?: number | null;
    exclusivity?: boolean | null;
  } | null;
  constraints: { category_allow?: string[] | null; sponsor_conflicts?: string[] | null } | null;
}

/** Locks the package row for the rest of the transaction; every tenant must be visible (system access). */
export async function lockPackageForSale(tx: Tx, packageId: string): Promise<PackageForSale | undefined> {
  const { rows } = await tx.query<PackageForSale>(
    `select id, org_id, event_id, price_cents, currency, inventory, sold, is_active, visibility, archived_at,
            availability, constraints, benefits, release_policy, release_weights
       from sponsorship_packages where id = $1 for update`,
    [packageId],
  );
  return rows[0];
}

export async function findSponsorOwner(
  tx: Queryable,
  sponsorId: string,
): Promise<{ id: string; org_id: string; visibility: string } | undefined> {
  const { rows } = await tx.query<{ id: string; org_id: string; visibility: string }>(
    'select id, org_id, visibility from sponsors where id = $1',
    [sponsorId],
  );
  return rows[0];
}

export async function insertOrder(
  tx: Tx,
  order: {
    eventId: string;
    packageId: string;
    variantId: string | null;
    sponsorId: string;
    proposalId: string | null;
    organizerOrgId: string;
    sponsorOrgId: string;
    amountCents: number;
    currency: string;
    cancellationPolicy: { window_days: number; penalty_pct: number };
    /** Negotiated terms; null: the variant's or package's, frozen at funding. */
    slaTerms: components['schemas']['SlaTerm'][] | null;
    side: 'organizer' | 'sponsor';
    releasePolicy: ReleasePolicy;
    releaseWeights: Record<string, number>;
  },
): Promise<OrderRow> {
  const { rows } = await tx.query<OrderRow>(
    `insert into sponsorship_orders (event_id, package_id, sponsor_id, proposal_id, organizer_org_id, sponsor_org_id,
       amount_cents, currency, cancellation_policy, status, escrow_state, created_by_side, variant_id, sla_terms,
       release_policy, release_weights)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', 'pending', $10, $11, $12, $13, $14)
     returning ${columns}`,
    [
      order.eventId,
      order.packageId,
      order.sponsorId,
      order.proposalId,
      order.organizerOrgId,
      order.sponsorOrgId,
      order.amountCents,
      order.currency,
      JSON.stringify(order.cancellationPolicy),
      order.side,
      order.variantId,
      order.slaTerms && JSON.stringify(order.slaTerms),
      order.releasePolicy,
      JSON.stringify(order.releaseWeights),
    ],
  );
  return rows[0]!;
}

/** Takes one unit of the package unless it is sold out; false when none was left. */
export async function reserveUnit(tx: Tx, packageId: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    'update sponsorship_packages set sold = sold + 1 where id = $1 and sold < inventory',
    [packageId],
  );
  return rowCount === 1;
}

/** Gives a unit back to the package, and to the variant bought (the order was cancelled or fully refunded). */
export async function releaseUnit(
  tx: Tx,
  order: { package_id: string; variant_id: string | null },
): Promise<void> {
  await tx.query('update sponsorship_packages set sold = sold - 1 where id = $1 and sold > 0', [
    order.package_id,
  ]);
  if (order.variant_id)
    await tx.query('update package_variants set sold = sold - 1 where id = $1 and sold > 0', [
      order.variant_id,
    ]);
}

export async function findOrder(
  tx: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<OrderRow | undefined> {
  const { rows } = await tx.query<OrderRow>(
    `select ${columns} from sponsorship_orders where id = $1${options.forUpdate ? ' for update' : ''}`,
    [id],
  );
  return rows[0];
}

export async function findOrderByPaymentIntent(
  tx: Queryable,
  paymentIntentId: string,
): Promise<OrderRow | undefined> {
  const { rows } = await tx.query<OrderRow>(
    `select ${columns} from sponsorship_orders where stripe_payment_intent_id = $1 for update`,
    [paymentIntentId],
  );
  return rows[0];
}

export async function listOrders(
  tx: Queryable,
  filter: {
    eventId?: string;
    status?: string;
    escrowState?: string;
    disputed?: boolean;
    limit: number;
    after?: Cursor;
  },
): Promise<OrderRow[]> {
  const { rows } = await tx.query<OrderRow>(
    `select ${columns} from sponsorship_orders
      where ($1::uuid is null or event_id = $1) and ($2::text is null or status = $2)
        and ($3::text is null or escrow_state = $3) and ($7::boolean is null or disputed = $7)
        and ($4::timestamptz is null or (created_at, id) < ($4, $5::uuid))
      order by created_at desc, id desc limit $6`,
    [
      filter.eventId ?? null,
      filter.status ?? null,
      filter.escrowState ?? null,
      filter.after?.value ?? null,
      filter.after?.id ?? null,
      filter.limit + 1,
      filter.disputed ?? null,
    ],
  );
  return rows;
}

/** Orders whose PaymentIntent has not settled yet, oldest first, for reconciliation with Stripe. */
export async function listOrdersAwaitingPayment(tx: Queryable, limit: number): Promise<OrderRow[]> {
  const { rows } = await tx.query<OrderRow>(
    `select ${columns} from sponsorship_orders
      where escrow_state = 'pending' and stripe_payment_intent_id is not null and status = 'pending'
        and coalesce(payment_status, 'processing') in ('processing', 'requires_action', 'requires_confirmation')
      order by updated_at limit $1`,
    [limit],
  );
  return rows;
}

/** Funded orders whose event has started: the event-start lock. */
export async function listOrdersToLockAtEventStart(
  tx: Queryable,
  now: Date,
  limit: number,
): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>(
    `select o.id from sponsorship_orders o join events e on e.id = o.event_id
      where o.escrow_state = 'funded' and not o.disputed and o.release_policy = 'whole_order' and e.starts_at <= $1 order by e.starts_at limit $2`,
    [now, limit],
  );
  return rows.map((row) => row.id);
}

export type OrderChanges = Partial<{
  status: OrderRow['status'];
  escrow_state: OrderRow['escrow_state'];
  payment_status: OrderRow['payment_status'];
  payment_error: string | null;
  payment_attempts: number;
  payment_method_id: string;
  payment_requested_at: Date | null;
  stripe_payment_intent_id: string;
  stripe_charge_id: string;
  platform_fee_bps: number;
  application_fee_cents: number;
  refunded_cents: number;
  released_cents: number;
  disputed: boolean;
  stripe_dispute_id: string;
  lock_reason: OrderRow['lock_reason'];
  funded_at: Date;
  locked_at: Date;
  released_at: Date;
  cancelled_at: Date;
  expired_at: Date;
  auto_released_at: Date;
}>;

export async function updateOrder(tx: Tx, id: string, changes: OrderChanges): Promise<OrderRow> {
  const row = await updateById<OrderRow>(tx, {
    table: 'sponsorship_orders',
    id,
    changes,
    returning: columns,
  });
  if (!row) throw new Error(`order ${id} vanished during an update`);
  return row;
}

/** The payment bookkeeping the order row keeps but the API does not show. */
export async function findOrderPaymentFacts(tx: Queryable, id: string): Promise<PaymentFacts | undefined> {
  const { rows } = await tx.query<PaymentFacts>(
    `select o.stripe_charge_id, o.payment_attempts, o.payment_method_id, o.payment_requested_at,
            e.starts_at as event_starts_at
       from sponsorship_orders o join events e on e.id = o.event_id where o.id = $1`,
    [id],
  );
  return rows[0];
}

interface PaymentFacts {
  stripe_charge_id: string | null;
  payment_attempts: number;
  /** The method of the fund call in flight (recorded before Stripe is called). */
  payment_method_id: string | null;
  /** Set while a fund call is in flight: recorded, committed, not yet answered and applied. */
  payment_requested_at: Date | null;
  event_starts_at: string;
}

/** Fund calls recorded before `before` and never applied (the process died while Stripe was answering). */
export async function listInterruptedFunds(tx: Queryable, before: Date, limit: number): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>(
    `select id from sponsorship_orders where payment_requested_at <= $1 order by payment_requested_at limit $2`,
    [before, limit],
  );
  return rows.map((row) => row.id);
}

/**
 * Deliverables of the order that are neither approved nor waived. The `deliverables` table belongs to the
 * fulfilment area (a later migration); without it there is nothing to wait for.
 */
export async function countOpenDeliverables(tx: Queryable, orderId: string): Promise<number> {
  const { rows: exists } = await tx.query<{ present: boolean }>(
    `select to_regclass('deliverables') is not null as present`,
  );
  if (!exists[0]?.present) return 0;
  const { rows } = await tx.query<{ open: number }>(
    `select count(*)::int as open from deliverables where order_id = $1 and status not in ('approved', 'waived')`,
    [orderId],
  );
  return rows[0]?.open ?? 0;
}

const refundColumns = `id, order_id, amount_cents, currency, reason, reference, status, reversal_cents,
  stripe_refund_id, stripe_reversal_id, failure_reason, created_at`;

export async function listOrderRefunds(tx: Queryable, orderId: string): Promise<OrderRefundRow[]> {
  const { rows } = await tx.query<OrderRefundRow>(
    `select ${refundColumns} from order_refunds where order_id = $1 order by seq`,
    [orderId],
  );
  return rows;
}

/**
 * Records a refund once per `(order, reference)`: the second caller with the same reference gets the
 * existing row and `created: false`. Callers hold the order row lock, so `seq` is free of races.
 */
export async function insertOrderRefund(
  tx: Tx,
  refund: {
    order: Pick<OrderRow, 'id' | 'organizer_org_id' | 'sponsor_org_id' | 'currency'>;
    reference: string;
    reason: string;
    amountCents: number;
    reversalCents: number;
  },
): Promise<{ refund: OrderRefundRow & { seq: number }; created: boolean }> {
  const { rows } = await tx.query<OrderRefundRow & { seq: number }>(
    `insert into order_refunds (order_id, organizer_org_id, sponsor_org_id, seq, reference, reason, amount_cents,
       currency, reversal_cents)
     values ($1, $2, $3, (select coalesce(max(seq), 0) + 1 from order_refunds where order_id = $1), $4, $5, $6, $7, $8)
     on conflict (order_id, reference) do nothing
     returning ${refundColumns}, seq`,
    [
      refund.order.id,
      refund.order.organizer_org_id,
      refund.order.sponsor_org_id,
      refund.reference,
      refund.reason,
      refund.amountCents,
      refund.order.currency,
      refund.reversalCents,
    ],
  );
  if (rows[0]) return { refund: rows[0], created: true };
  const existing = await tx.query<OrderRefundRow & { seq: number }>(
    `select ${refundColumns}, seq from order_refunds where order_id = $1 and reference = $2`,
    [refund.order.id, refund.reference],
  );
  return { refund: existing.rows[0]!, created: false };
}

export async function updateOrderRefund(
  tx: Tx,
  id: string,
  changes: Partial<{
    status: 'pending' | 'succeeded' | 'failed';
    stripe_refund_id: string;
    stripe_reversal_id: string;
    failure_reason: string | null;
  }>,
): Promise<OrderRefundRow> {
  const row = await updateById<OrderRefundRow>(tx, {
    table: 'order_refunds',
    id,
    changes,
    returning: refundColumns,
  });
  return row!;
}

/** One refund with its number (its Stripe keys are `order:{id}:refund:{seq}` and `…:reversal:{seq}`). */
export async function findOrderRefund(
  tx: Queryable,
  id: string,
): Promise<(OrderRefundRow & { seq: number }) | undefined> {
  const { rows } = await tx.query<OrderRefundRow & { seq: number }>(
    `select ${refundColumns}, seq from order_refunds where id = $1`,
    [id],
  );
  return rows[0];
}

/** Un-records a refund Stripe refused (nothing was moved), so that the order may be refunded again. */
export async function deleteOrderRefund(tx: Tx, id: string): Promise<void> {
  await tx.query('delete from order_refunds where id = $1 and stripe_refund_id is null', [id]);
}

/** Refunds recorded before `before` that Stripe never answered (the process died, or Stripe was away). */
export async function listUnappliedRefunds(
  tx: Queryable,
  before: Date,
  limit: number,
): Promise<{ id: string; order_id: string }[]> {
  const { rows } = await tx.query<{ id: string; order_id: string }>(
    `select id, order_id from order_refunds where stripe_refund_id is null and status = 'pending' and created_at <= $1
      order by created_at limit $2`,
    [before, limit],
  );
  return rows;
}

export async function findRefundByStripeId(
  tx: Queryable,
  stripeRefundId: string,
): Promise<OrderRefundRow | undefined> {
  const { rows } = await tx.query<OrderRefundRow>(
    `select ${refundColumns} from order_refunds where stripe_refund_id = $1`,
    [stripeRefundId],
  );
  return rows[0];
}

/** Records a Stripe event once; false when its id was seen before (a replay). */
export async function insertStripeEvent(
  tx: Tx,
  event: { id: string; type: string; payload: unknown; orderId: string | null },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `insert into stripe_events (id, type, payload, order_id) values ($1, $2, $3, $4) on conflict (id) do nothing`,
    [event.id, event.type, JSON.stringify(event.payload), event.orderId],
  );
  return rowCount === 1;
}

/** Names the order a recorded Stripe event turned out to concern. */
export async function linkStripeEventToOrder(tx: Tx, eventId: string, orderId: string): Promise<void> {
  await tx.query('update stripe_events set order_id = $2 where id = $1', [eventId, orderId]);
}

export async function findOrderByCharge(tx: Queryable, chargeId: string): Promise<OrderRow | undefined> {
  const { rows } = await tx.query<OrderRow>(
    `select ${columns} from sponsorship_orders where stripe_charge_id = $1 for update`,
    [chargeId],
  );
  return rows[0];
}

/** Marks the refunds Stripe reports as settled; answers how many changed. */
export async function settleRefunds(
  tx: Tx,
  refunds: { id: string; status: 'succeeded' | 'failed'; failureReason: string | null }[],
): Promise<number> {
  if (refunds.length === 0) return 0;
  const { rowCount } = await tx.query(
    `update order_refunds r set status = u.status, failure_reason = u.failure_reason, updated_at = now()
       from unnest($1::text[], $2::text[], $3::text[]) as u(stripe_refund_id, status, failure_reason)
      where r.stripe_refund_id = u.stripe_refund_id and r.status <> u.status`,
    [refunds.map((r) => r.id), refunds.map((r) => r.status), refunds.map((r) => r.failureReason)],
  );
  return rowCount ?? 0;
}
