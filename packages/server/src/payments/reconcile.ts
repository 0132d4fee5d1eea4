import { findOrder, listOrdersAwaitingPayment, listOrdersToLockAtEventStart } from '../db/orders';
import { requeueStalledPayouts } from '../db/payouts';
import type { Db } from '../db/pool';
import type { Logger } from '../logger';
import type { PaymentsProvider } from './provider';
import {
  finishInterruptedFunds,
  finishInterruptedRefunds,
  lockOrder,
  markOrderFunded,
  recordPaymentState,
} from '../domain/orders';
import { finishStalledReversals } from '../domain/disputes';
import { resumeAwaitingPayouts } from '../domain/payouts';

/** A fund or reversal recorded this long ago and never applied was interrupted (the process died). */
const INTERRUPTED_MS = 60_000;
/** Payouts parked for configuration are tried again this often even when nothing told us it changed. */
const AWAITING_RETRY_MS = 60 * 60_000;

/**
 * Every 5 minutes: funds a crash interrupted are finished, orders whose PaymentIntent has not settled are checked
 * against Stripe and brought up to date (through the same path as `:fund` and the webhook); funded orders whose
 * event started are locked; payouts whose job died are queued again, as are payouts waiting for configuration once
 * it allows them; transfer reversals of lost disputes a crash interrupted are made. Answers what changed.
 */
export async function reconcilePayments(
  deps: { db: Db; payments: PaymentsProvider; log: Logger; defaultFeeBps: number },
  now: Date,
) {
  const report = {
    funds_finished: await finishInterruptedFunds(deps, new Date(now.getTime() - INTERRUPTED_MS)),
    checked: 0,
    funded: [] as string[],
    failed: [] as string[],
    locked: [] as string[],
    payouts_requeued: 0,
  };
  const pending = await deps.db.system((tx) => listOrdersAwaitingPayment(tx, 100));
  for (const candidate of pending) {
    report.checked++;
    let intent;
    try {
      intent = await deps.payments.retrievePaymentIntent(candidate.stripe_payment_intent_id!);
    } catch (error) {
      deps.log.warn(
        { order_id: candidate.id, err: (error as Error).message },
        'reconcile: could not read the payment',
      );
      continue;
    }
    await deps.db.system(async (tx) => {
      const order = await findOrder(tx, candidate.id, { forUpdate: true });
      if (!order || order.escrow_state !== 'pending' || order.status !== 'pending') return;
      if (intent.status === 'succeeded') {
        await markOrderFunded(tx, order, intent.chargeId);
        report.funded.push(order.id);
      } else if (intent.status !== order.payment_status || intent.error !== order.payment_error) {
        await recordPaymentState(tx, order, intent);
        if (intent.status === 'requires_payment_method') report.failed.push(order.id);
      }
    });
  }
  const toLock = await deps.db.system((tx) => listOrdersToLockAtEventStart(tx, now, 100));
  for (const id of toLock) {
    try {
      await deps.db.system((tx) => lockOrder(tx, id, 'event_started', { defaultFeeBps: deps.defaultFeeBps }));
      report.locked.push(id);
    } catch (error) {
      deps.log.warn(
        { order_id: id, err: (error as Error).message },
        'reconcile: could not lock at event start',
      );
    }
  }
  report.payouts_requeued = await deps.db.system((tx) =>
    requeueStalledPayouts(tx, new Date(now.getTime() - 10 * 60_000)),
  );
  const payoutsResumed = await deps.db.system((tx) =>
    resumeAwaitingPayouts(tx, { parkedBefore: new Date(now.getTime() - AWAITING_RETRY_MS) }),
  );
  const reversalsFinished = await finishStalledReversals(deps, now);
  const refundsFinished = await finishInterruptedRefunds(
    { ...deps, config: { YARDPASS_PLATFORM_FEE_BPS: deps.defaultFeeBps } },
    new Date(now.getTime() - INTERRUPTED_MS),
  );
  return {
    ...report,
    payouts_resumed: payoutsResumed,
    reversals_finished: reversalsFinished,
    refunds_finished: refundsFinished,
  };
}
