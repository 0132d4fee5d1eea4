import { findOrder, findOrderPaymentFacts } from '../db/orders';
import { findPayout, findPayoutConfig, listPayouts, type PayoutRow, updatePayout } from '../db/payouts';
import { readOne, readPage } from '../db/reads';
import type { Db } from '../db/pool';
import type { Logger } from '../logger';
import { PaymentsRejectedError, type PaymentsProvider, PaymentsUnavailableError } from '../payments/provider';
import type { Caller } from '../caller';
import { bookTransfer } from './ledger';
import { emitEvent } from '../webhooks/emit';

/** Attempts before a payout is given up and `payout.failed` alerts the organizer and operators. */
export const MAX_PAYOUT_ATTEMPTS = 3;

/** Thrown after a failed attempt was recorded, so that the queue retries the job with backoff. */
export class PayoutAttemptFailedError extends Error {}

/**
 * The payout job: transfers amount − fee to the organizer's connected account with `source_transaction` = the
 * charge and idempotency key `payout:{id}`. The payout row stays locked across the Stripe call, so concurrent
 * runs wait and then find it paid; a run that dies after the call (before commit) is retried with the same key
 * and Stripe answers the same transfer. A failure is recorded and retried (the queue's backoff); the third one
 * marks the payout `failed`, emits `payout.failed` and logs an error for operators.
 */
export async function runPayout(
  deps: { db: Db; payments: PaymentsProvider; log: Logger },
  payoutId: string,
): Promise<PayoutRow | undefined> {
  const outcome = await deps.db.system(async (tx) => {
    const payout = await findPayout(tx, payoutId, { forUpdate: true });
    if (!payout || payout.status !== 'pending') return { payout, failure: undefined };
    const order = (await findOrder(tx, payout.order_id))!;
    const facts = await findOrderPaymentFacts(tx, order.id);
    const destination = (await findPayoutConfig(tx, payout.org_id))?.stripe_connect_account_id ?? null;
    const attempts = payout.payout_attempts + 1;

    let failure: string | undefined;
    let transferId: string | undefined;
    if (!destination)
      failure =
        'The organizer has no Stripe Connect account: onboard with POST /v1/payout-configuration:onboard or set one with PUT /v1/payout-configuration.';
    else if (!facts?.stripe_charge_id) failure = 'The order has no recorded charge to transfer from.';
    else {
      try {
        transferId = (
          await deps.payments.createTransfer({
            amountCents: payout.amount_cents,
            currency: payout.currency,
            destination,
            sourceTransaction: facts.stripe_charge_id,
            transferGroup: order.id,
            metadata: { order_id: order.id, payout_id: payout.id },
            idempotencyKey: `payout:${payout.id}`,
          })
        ).id;
      } catch (error) {
        if (!(error instanceof PaymentsRejectedError || error instanceof PaymentsUnavailableError))
          throw error;
        failure = error.message;
      }
    }

    if (transferId) {
      const paid = await updatePayout(tx, payout.id, {
        status: 'paid',
        stripe_transfer_id: transferId,
        destination_account_id: destination,
        payout_attempts: attempts,
        payout_failure_reason: null,
        paid_at: new Date(),
      });
      await bookTransfer(tx, order, { id: paid.id, amountCents: paid.amount_cents });
      await emitEvent(tx, paid.org_id, 'payout.completed', paid);
      return { payout: paid, failure: undefined };
    }
    const final = attempts >= MAX_PAYOUT_ATTEMPTS;
    const failed = await updatePayout(tx, payout.id, {
      status: final ? 'failed' : 'pending',
      destination_account_id: destination,
      payout_attempts: attempts,
      payout_failure_reason: failure ?? 'unknown failure',
    });
    if (final) await emitEvent(tx, failed.org_id, 'payout.failed', failed);
    return { payout: failed, failure, final };
  });
  if (outcome.failure) {
    if ('final' in outcome && outcome.final) {
      deps.log.error(
        { payout_id: payoutId, attempts: outcome.payout?.payout_attempts, reason: outcome.failure },
        'payout failed for good; the organizer was sent payout.failed',
      );
      return outcome.payout;
    }
    throw new PayoutAttemptFailedError(`payout ${payoutId} attempt failed: ${outcome.failure}`);
  }
  return outcome.payout;
}

export function getPayout(db: Db, caller: Caller, id: string) {
  return readOne(db, caller.orgId, 'payout', (tx) => findPayout(tx, id));
}

export function listPayoutsPage(
  db: Db,
  caller: Caller,
  query: { order_id?: string; status?: string; limit?: number; starting_after?: string },
) {
  return readPage(
    db,
    caller.orgId,
    query,
    (tx, page) => listPayouts(tx, { orderId: query.order_id, status: query.status, ...page }),
    (row) => row.created_at,
  );
}
