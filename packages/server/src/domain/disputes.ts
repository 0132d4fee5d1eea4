import {
  type DisputeRow,
  findDisputeByStripeId,
  findOrderDispute,
  insertDispute,
  updateDispute,
} from '../db/disputes';
import {
  findPayoutReversal,
  insertPayoutReversal,
  listStalledPayoutReversals,
  type PayoutReversalRow,
  updatePayoutReversal,
} from '../db/payout-reversals';
import {
  findOrder,
  findOrderByCharge,
  findOrderByPaymentIntent,
  type OrderRow,
  updateOrder,
} from '../db/orders';
import { findPayout, listOrderPayouts, requeuePayout, updatePayout } from '../db/payouts';
import { type Db, type Tx, withSystemAccess } from '../db/pool';
import { accountBalance } from '../db/ledger';
import { ConflictError, NotFoundError } from '../errors';
import type { Caller } from '../caller';
import type { Logger } from '../logger';
import { PaymentsRejectedError, type PaymentsProvider } from '../payments/provider';
import { applyProviderEvents } from '../payments/stripe-events';
import { bookDisputeLoss, bookDisputeReversal, bookLock, settleLock } from './ledger';
import { emitOrderEvent, getOrderDetail, releaseMilestones } from './orders';

const OPEN: DisputeRow['status'][] = [
  'warning_needs_response',
  'warning_under_review',
  'needs_response',
  'under_review',
];

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const idOf = (value: unknown): string | null =>
  typeof value === 'string' ? value : text((value as { id?: unknown } | null)?.id);
const statusOf = (value: unknown): DisputeRow['status'] =>
  (OPEN as string[]).concat('won', 'lost', 'warning_closed').includes(String(value))
    ? (value as DisputeRow['status'])
    : 'needs_response';
const dueBy = (object: Record<string, unknown>): Date | null => {
  const due = (object.evidence_details as { due_by?: unknown } | undefined)?.due_by;
  return typeof due === 'number' ? new Date(due * 1000) : null;
};

/** What a dispute looks like in a problem: which one, why, and until when evidence is taken. */
const describe = (dispute: DisputeRow) =>
  `dispute ${dispute.stripe_dispute_id} (${dispute.reason}, ${dispute.status}${
    dispute.evidence_due_by ? `, evidence due by ${new Date(dispute.evidence_due_by).toISOString()}` : ''
  })`;

/**
 * Release, the payout job and auto-release refuse a disputed order: 409 naming the dispute, so that the person
 * reading it knows which one to answer (with evidence, in the Stripe dashboard) before trying again.
 */
export async function assertNotDisputed(tx: Tx, order: OrderRow, action: string): Promise<void> {
  if (!order.disputed) return;
  const dispute = await findOrderDispute(tx, order.id);
  throw new ConflictError({
    code: 'order_disputed',
    detail: `The order is held by ${dispute ? describe(dispute) : 'a dispute'}: it cannot be ${action} until the dispute closes. Answer it with evidence in the Stripe dashboard; a won dispute lifts the hold.`,
    extra: {
      dispute_id: dispute?.id ?? null,
      stripe_dispute_id: dispute?.stripe_dispute_id ?? null,
      evidence_due_by: dispute?.evidence_due_by ?? null,
    },
  });
}

async function orderOfDispute(tx: Tx, object: Record<string, unknown>): Promise<OrderRow | undefined> {
  const chargeId = idOf(object.charge);
  const byCharge = chargeId ? await findOrderByCharge(tx, chargeId) : undefined;
  if (byCharge) return byCharge;
  const intentId = idOf(object.payment_intent);
  return intentId ? findOrderByPaymentIntent(tx, intentId) : undefined;
}

/** `charge.dispute.created`: the order is held and both parties are told (`order.disputed`). */
export async function openDispute(tx: Tx, object: Record<string, unknown>) {
  const order = await orderOfDispute(tx, object);
  if (!order) return { orderId: null, changed: 'unknown charge' };
  const { dispute, created } = await insertDispute(tx, {
    order,
    stripeDisputeId: String(object.id),
    status: statusOf(object.status),
    amountCents: typeof object.amount === 'number' ? object.amount : order.amount_cents,
    currency: text(object.currency)?.toUpperCase() ?? order.currency,
    reason: text(object.reason) ?? 'general',
    evidenceDueBy: dueBy(object),
  });
  if (!created || dispute.closed_at) return { orderId: order.id, changed: 'nothing' };
  const held = await updateOrder(tx, order.id, {
    disputed: true,
    stripe_dispute_id: dispute.stripe_dispute_id,
  });
  await emitOrderEvent(tx, 'order.disputed', { ...held, dispute });
  return { orderId: order.id, changed: 'disputed' };
}

/** `charge.dispute.updated`: a new status or evidence deadline, while it stays open. */
export async function updateOpenDispute(tx: Tx, object: Record<string, unknown>) {
  const dispute = await findDisputeByStripeId(tx, String(object.id));
  if (!dispute || dispute.closed_at || !OPEN.includes(statusOf(object.status)))
    return { orderId: dispute?.order_id ?? null, changed: 'nothing' };
  await updateDispute(tx, dispute.id, { status: statusOf(object.status), evidence_due_by: dueBy(object) });
  return { orderId: dispute.order_id, changed: 'dispute updated' };
}

/** Stripe's dispute fee: the fees of the dispute's balance transactions (the withdrawal carries it). */
const feeOf = (object: Record<string, unknown>) =>
  ((object.balance_transactions as { fee?: unknown }[] | undefined) ?? []).reduce(
    (sum, bt) => sum + (typeof bt.fee === 'number' ? bt.fee : 0),
    0,
  );

/**
 * `charge.dispute.closed`. Won (or a closed inquiry): the hold lifts. Lost: the lost amount and the dispute fee
 * are booked out of what the order still holds (escrow; else the organizer's payable — an untransferred payout
 * is cancelled, a transferred one is to be reversed: one reversal per payout, a milestone order's too); the
 * reversals themselves are asked of Stripe after this transaction commits ({@link finishPayoutReversal}), and
 * answered here as `reversals` for the caller to run.
 */
export async function closeDispute(tx: Tx, object: Record<string, unknown>) {
  const found = await findDisputeByStripeId(tx, String(object.id));
  if (!found) {
    // A dispute we never heard open (its webhook was lost): record it first, then close it.
    const opened = await openDispute(tx, { ...object, status: 'needs_response' });
    if (!opened.orderId) return { ...opened, reversals: [] };
  }
  const dispute = found ?? (await findDisputeByStripeId(tx, String(object.id)))!;
  if (dispute.closed_at) return { orderId: dispute.order_id, changed: 'nothing', reversals: [] };
  const order = (await findOrder(tx, dispute.order_id, { forUpdate: true }))!;
  const status = statusOf(object.status);
  if (status !== 'lost') {
    const closed = await updateDispute(tx, dispute.id, {
      status: OPEN.includes(status) ? 'won' : status,
      closed_at: new Date(),
    });
    await updateOrder(tx, order.id, { disputed: false });
    // Payouts that waited for the dispute (released before it opened) go on; milestones approved meanwhile release.
    for (const payout of await withSystemAccess(tx, () => listOrderPayouts(tx, order.id)))
      if (payout.status === 'pending')
        await withSystemAccess(tx, () => requeuePayout(tx, payout, { retry: false }));
    const lifted = await releaseMilestones(tx, order.id);
    await emitOrderEvent(tx, 'order.dispute_closed', { ...lifted, dispute: closed });
    return { orderId: order.id, changed: 'dispute won', reversals: [] };
  }

  const lostCents = Math.min(dispute.amount_cents, order.amount_cents - order.refunded_cents);
  const feeCents = feeOf(object);
  let fromEscrow = 0;
  let fromPayable = 0;
  let reversalCents = 0;
  if (order.escrow_state === 'funded' || order.escrow_state === 'locked') {
    if (order.escrow_state === 'locked') await settleLock(tx, order.id, 'voided');
    const escrow = await withSystemAccess(tx, () => accountBalance(tx, `escrow:${order.id}`));
    fromEscrow = Math.min(lostCents, Number(escrow.balance_cents));
    // A partial dispute of a locked order: what stays in escrow is locked again, less its fee.
    const remaining = Number(escrow.balance_cents) - fromEscrow;
    if (order.escrow_state === 'locked' && remaining > 0)
      await bookLock(tx, order, {
        netCents: remaining,
        feeCents: Math.round((remaining * (order.platform_fee_bps ?? 0)) / 10_000),
      });
  }
  // What escrow no longer holds was released: first out of payouts not yet transferred (the order's, or a milestone
  // order's, newest first: each cut by what the loss still needs, cancelled when it takes all of it)... The payouts
  // are locked: a payout job claiming one meanwhile waits, then finds it cut or cancelled.
  let uncovered = lostCents - fromEscrow;
  const payouts = (
    await withSystemAccess(tx, () => listOrderPayouts(tx, order.id, { forUpdate: true }))
  ).reverse();
  const unpaid = payouts.filter(
    (p) => p.status === 'pending' || p.status === 'failed' || p.status === 'awaiting_configuration',
  );
  for (const payout of unpaid) {
    if (uncovered === 0) break;
    const take = Math.min(uncovered, payout.amount_cents);
    const cut = await withSystemAccess(tx, () =>
      updatePayout(
        tx,
        payout.id,
        take === payout.amount_cents
          ? {
              status: 'cancelled',
              payout_failure_reason: `Cancelled: ${describe(dispute)} was lost and the bank took the charge back.`,
            }
          : { amount_cents: payout.amount_cents - take },
      ),
    );
    if (cut.status === 'pending') await withSystemAccess(tx, () => requeuePayout(tx, cut, { retry: false }));
    fromPayable += take;
    uncovered -= take;
  }
  // ...then out of the transfers made, newest first (the order's, or each milestone's): paid, or being asked of
  // Stripe (`processing`: it may be made any moment, and is reversed once it exists — the payout job, or
  // reconciliation). One reversal per payout, reserved now (`reversed_cents`, so that a refund meanwhile cannot
  // reverse the same money) and booked once Stripe made it.
  const reversals: string[] = [];
  for (const payout of payouts.filter((p) => p.status === 'paid' || p.status === 'processing')) {
    const cents = Math.min(uncovered, payout.amount_cents - payout.reversed_cents);
    if (cents === 0) continue;
    const reversal = await withSystemAccess(tx, async () => {
      const reserved = await insertPayoutReversal(tx, {
        payout,
        disputeId: dispute.id,
        order,
        amountCents: cents,
      });
      if (reserved) await updatePayout(tx, payout.id, { reversed_cents: payout.reversed_cents + cents });
      return reserved;
    });
    if (!reversal) continue;
    reversals.push(reversal.id);
    reversalCents += cents;
    uncovered -= cents;
  }
  fromPayable += reversalCents;
  await bookDisputeLoss(tx, order, { disputeId: dispute.id, lostCents, feeCents, fromEscrow, fromPayable });
  const closed = await updateDispute(tx, dispute.id, {
    status: 'lost',
    lost_cents: lostCents,
    fee_cents: feeCents,
    reversal_cents: reversalCents,
    closed_at: new Date(),
  });
  const refunded = order.refunded_cents + lostCents;
  const full = refunded === order.amount_cents;
  const updated = await updateOrder(tx, order.id, {
    disputed: false,
    refunded_cents: refunded,
    status: full ? 'refunded' : 'partially_refunded',
    ...(order.escrow_state !== 'released' && full ? { escrow_state: 'refunded' as const } : {}),
  });
  await emitOrderEvent(tx, 'order.dispute_closed', { ...updated, dispute: closed });
  return {
    orderId: order.id,
    changed: 'dispute lost',
    reversals,
  };
}

/** The Stripe idempotency key of a reversal's current try: its own, then one more per retry after a refusal. */
const reversalKey = (reversal: PayoutReversalRow) =>
  reversal.retry_count === 0
    ? reversal.idempotency_key
    : `${reversal.idempotency_key}:retry:${reversal.retry_count}`;

/**
 * Asks Stripe for one reversal a lost dispute reserved, outside any transaction, with the reversal's idempotency key,
 * then applies the answer in a new transaction: `reversed` and booked, or — refused (the connected account no longer
 * holds enough) — `failed`, which the ops inbox shows until the payout is retried. Stripe unreachable: it stays
 * `pending` and the error is thrown; whoever runs it again (reconciliation) asks with the same key, so Stripe answers
 * the reversal it made, never a second one. A reversal of a payout whose transfer is still being made waits: nothing
 * happens until the payout has its transfer (the payout job runs it then). Answers the reversal as it is now.
 */
export async function finishPayoutReversal(
  deps: { db: Db; payments: PaymentsProvider },
  reversalId: string,
): Promise<PayoutReversalRow | undefined> {
  const intent = await deps.db.system(async (tx) => {
    const reversal = await findPayoutReversal(tx, reversalId);
    if (reversal?.status !== 'pending') return undefined;
    const payout = await findPayout(tx, reversal.payout_id);
    return payout?.stripe_transfer_id ? { reversal, transferId: payout.stripe_transfer_id } : undefined;
  });
  if (!intent) return undefined;
  const key = reversalKey(intent.reversal);
  let made: { id: string } | undefined;
  let refusal: PaymentsRejectedError | undefined;
  try {
    // Stripe forgets an idempotency key after 24 h: a reversal it made whose answer was lost is looked up first.
    made = await deps.payments.findReversal({
      transferId: intent.transferId,
      payoutReversalId: intent.reversal.id,
    });
    made ??= await deps.payments.reverseTransfer({
      transferId: intent.transferId,
      amountCents: intent.reversal.amount_cents,
      metadata: {
        order_id: intent.reversal.order_id,
        dispute_id: intent.reversal.dispute_id,
        payout_id: intent.reversal.payout_id,
        payout_reversal_id: intent.reversal.id,
      },
      idempotencyKey: key,
    });
  } catch (error) {
    if (!(error instanceof PaymentsRejectedError)) throw error;
    refusal = error;
  }
  return deps.db.system(async (tx) => {
    const current = (await findPayoutReversal(tx, reversalId, { forUpdate: true }))!;
    // Another run applied the answer for this key first (Stripe answered it the same reversal): nothing left to do.
    if (current.status !== 'pending' || reversalKey(current) !== key) return current;
    if (refusal)
      return updatePayoutReversal(tx, current.id, {
        status: 'failed',
        reversal_failure_reason: `${refusal.message} Retry once that is fixed (for missing funds: once the organizer's connected account holds ${current.amount_cents} ${current.currency} cents): \`yardpass payouts retry ${current.payout_id}\` (POST /v1/payouts/${current.payout_id}:retry).`,
      });
    const reversed = await updatePayoutReversal(tx, current.id, {
      status: 'reversed',
      stripe_reversal_id: made!.id,
      reversed_at: new Date(),
    });
    const order = (await findOrder(tx, current.order_id))!;
    await bookDisputeReversal(tx, order, {
      payoutId: current.payout_id,
      reversalId: current.id,
      cents: current.amount_cents,
    });
    return reversed;
  });
}

/** Runs {@link finishPayoutReversal} for each reversal, one after the other; answers those that ended. */
export async function finishPayoutReversals(
  deps: { db: Db; payments: PaymentsProvider; log: Logger },
  reversalIds: string[],
): Promise<string[]> {
  const finished: string[] = [];
  for (const id of reversalIds) {
    try {
      const reversal = await finishPayoutReversal(deps, id);
      if (reversal && reversal.status !== 'pending') finished.push(id);
      if (reversal?.status === 'failed')
        deps.log.error(
          { payout_reversal_id: id, payout_id: reversal.payout_id, reason: reversal.reversal_failure_reason },
          'transfer reversal refused by Stripe; it waits in the ops inbox for a retry',
        );
    } catch (error) {
      // Stripe unreachable: the reconciliation job asks again with the same key.
      deps.log.warn(
        { payout_reversal_id: id, err: (error as Error).message },
        'transfer reversal not made yet',
      );
    }
  }
  return finished;
}

/** For the reconciliation job: reversals reserved a minute ago or more and still not made (a crash, Stripe down). */
export async function finishStalledReversals(
  deps: { db: Db; payments: PaymentsProvider; log: Logger },
  now: Date,
): Promise<string[]> {
  const ids = await deps.db.system((tx) =>
    listStalledPayoutReversals(tx, new Date(now.getTime() - 60_000), 100),
  );
  return finishPayoutReversals(deps, ids);
}

/**
 * `POST /v1/sandbox/sponsorship-orders/{id}:close-dispute` (either party, sandbox payments only): the sandbox
 * closes the order's dispute as Stripe's test mode would and sends `charge.dispute.closed` through the webhook's
 * path. Answers the order.
 */
export async function closeSandboxDispute(
  deps: { db: Db; payments: PaymentsProvider; log: Logger },
  caller: Caller,
  orderId: string,
  outcome: 'won' | 'lost',
) {
  const dispute = await deps.db.tenant(caller.orgId, async (tx) => {
    if (!(await findOrder(tx, orderId))) throw new NotFoundError('order');
    return findOrderDispute(tx, orderId);
  });
  if (!dispute)
    throw new ConflictError({
      code: 'no_dispute',
      detail: 'The order has no dispute to close; fund an order with pm_card_createDispute to open one.',
    });
  if (!deps.payments.closeDispute)
    throw new ConflictError({
      code: 'not_sandbox',
      detail:
        'Payments run on Stripe: disputes close at Stripe (submit evidence in the dashboard). Only the sandbox closes them here.',
    });
  if (dispute.closed_at)
    throw new ConflictError({
      code: 'dispute_closed',
      detail: `The dispute is already closed (${dispute.status}).`,
      extra: { current_status: dispute.status },
    });
  deps.payments.closeDispute({ stripeDisputeId: dispute.stripe_dispute_id, outcome });
  await applyProviderEvents(deps);
  return getOrderDetail(deps.db, caller, dispute.order_id);
}
