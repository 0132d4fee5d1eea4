import {
  findOrder,
  findOrderByCharge,
  findOrderByPaymentIntent,
  insertStripeEvent,
  linkStripeEventToOrder,
  type OrderRow,
  settleRefunds,
  updateOrder,
} from '../db/orders';
import { findPayoutByTransfer, findPayoutConfigByAccount, updatePayout } from '../db/payouts';
import type { Db, Tx } from '../db/pool';
import type { Logger } from '../logger';
import type { PaymentsEvent, PaymentsProvider } from './provider';
import { markOrderFunded, recordPaymentState } from '../domain/orders';
import { closeDispute, finishPayoutReversals, openDispute, updateOpenDispute } from '../domain/disputes';
import { resumeAwaitingPayouts } from '../domain/payouts';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const idOf = (value: unknown): string | null =>
  typeof value === 'string' ? value : text((value as { id?: unknown } | null)?.id);

async function orderOfIntent(tx: Tx, object: Record<string, unknown>): Promise<OrderRow | undefined> {
  const byIntent = await findOrderByPaymentIntent(tx, String(object.id));
  if (byIntent) return byIntent;
  // A PaymentIntent whose id we never stored (our commit was lost after Stripe's answer): its metadata names it.
  const orderId = text((object.metadata as Record<string, unknown> | undefined)?.order_id);
  return orderId && /^[0-9a-f-]{36}$/i.test(orderId)
    ? findOrder(tx, orderId, { forUpdate: true })
    : undefined;
}

/**
 * Applies one verified Stripe event; answers what it changed, for the log, and a lost dispute's transfer reversals
 * to ask of Stripe once the transaction committed.
 */
async function apply(
  tx: Tx,
  event: PaymentsEvent,
): Promise<{ orderId: string | null; changed: string; reversals?: string[] }> {
  const object = event.object;
  switch (event.type) {
    case 'payment_intent.succeeded': {
      const order = await orderOfIntent(tx, object);
      if (!order) return { orderId: null, changed: 'unknown payment intent' };
      if (order.status === 'cancelled' && order.escrow_state === 'pending')
        return { orderId: order.id, changed: 'alert: paid after cancellation, refund it at Stripe' };
      const withIntent = order.stripe_payment_intent_id
        ? order
        : await updateOrder(tx, order.id, { stripe_payment_intent_id: String(object.id) });
      const funded = await markOrderFunded(tx, withIntent, idOf(object.latest_charge));
      return { orderId: order.id, changed: funded === withIntent ? 'nothing' : 'funded' };
    }
    case 'payment_intent.payment_failed': {
      const order = await orderOfIntent(tx, object);
      if (!order || order.escrow_state !== 'pending')
        return { orderId: order?.id ?? null, changed: 'nothing' };
      const lastError = object.last_payment_error as { message?: unknown } | null | undefined;
      await recordPaymentState(tx, order, {
        id: String(object.id),
        status: 'requires_payment_method',
        clientSecret: null,
        chargeId: null,
        error: text(lastError?.message) ?? 'The payment failed.',
        declineCode: null,
      });
      return { orderId: order.id, changed: 'payment failed' };
    }
    case 'charge.refunded': {
      const refunds = ((object.refunds as { data?: unknown[] } | undefined)?.data ?? []) as Record<
        string,
        unknown
      >[];
      const settled = await settleRefunds(
        tx,
        refunds
          .filter((refund) => refund.status === 'succeeded' || refund.status === 'failed')
          .map((refund) => ({
            id: String(refund.id),
            status: refund.status as 'succeeded' | 'failed',
            failureReason: text(refund.failure_reason),
          })),
      );
      const order = await findOrderByCharge(tx, String(object.id));
      return { orderId: order?.id ?? null, changed: `${settled} refund(s) settled` };
    }
    case 'account.updated': {
      // Onboarding finished at Stripe: the organizer's payouts that waited for it go on.
      const capabilities = object.capabilities as { transfers?: unknown } | undefined;
      if (capabilities?.transfers !== 'active') return { orderId: null, changed: 'nothing' };
      const config = await findPayoutConfigByAccount(tx, String(object.id));
      const resumed = config ? await resumeAwaitingPayouts(tx, { orgId: config.org_id }) : 0;
      return { orderId: null, changed: `${resumed} payout(s) resumed` };
    }
    case 'charge.dispute.created':
      return openDispute(tx, object);
    case 'charge.dispute.updated':
      return updateOpenDispute(tx, object);
    case 'charge.dispute.closed':
      return closeDispute(tx, object);
    case 'transfer.reversed': {
      const payout = await findPayoutByTransfer(tx, String(object.id));
      const reversed = typeof object.amount_reversed === 'number' ? object.amount_reversed : 0;
      if (!payout || reversed <= payout.reversed_cents)
        return { orderId: payout?.order_id ?? null, changed: 'nothing' };
      await updatePayout(tx, payout.id, { reversed_cents: Math.min(reversed, payout.amount_cents) });
      return { orderId: payout.order_id, changed: 'transfer reversed' };
    }
    default:
      return { orderId: null, changed: 'ignored' };
  }
}

type EventDeps = { db: Db; payments: PaymentsProvider; log: Logger };

/**
 * `POST /v1/stripe/webhooks`: verifies the signature on the raw body (a bad one changes nothing), then records
 * the event by its Stripe id and applies it in one transaction — a replay finds the id and changes nothing.
 */
export function receiveStripeWebhook(deps: EventDeps, rawBody: string, signature: string | undefined) {
  return receiveEvent(deps, deps.payments.parseWebhook(rawBody, signature));
}

/**
 * The sandbox's events (what Stripe would send by webhook: a dispute opened or closed), taken through the same
 * path as Stripe's webhook, in order.
 */
export async function applyProviderEvents(deps: EventDeps): Promise<void> {
  for (const event of deps.payments.drainEvents?.() ?? []) await receiveEvent(deps, event);
}

async function receiveEvent(deps: EventDeps, event: PaymentsEvent) {
  const outcome = await deps.db.system(async (tx) => {
    const fresh = await insertStripeEvent(tx, {
      id: event.id,
      type: event.type,
      payload: event.object,
      orderId: null,
    });
    if (!fresh) return { received: true, duplicate: true, reversals: [] };
    const { orderId, changed, reversals = [] } = await apply(tx, event);
    if (orderId) await linkStripeEventToOrder(tx, event.id, orderId);
    const line = { stripe_event: event.id, type: event.type, order_id: orderId, changed };
    if (changed.startsWith('alert')) deps.log.error(line, 'stripe webhook needs an operator');
    else deps.log.info(line, 'stripe webhook');
    return { received: true, duplicate: false, reversals };
  });
  // Stripe is called only after the event's transaction committed; what this does not finish, reconciliation does.
  await finishPayoutReversals(deps, outcome.reversals);
  return { received: outcome.received, duplicate: outcome.duplicate };
}
