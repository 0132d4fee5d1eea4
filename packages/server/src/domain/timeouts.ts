import {
  DEFAULT_ORDER_SETTINGS,
  type DueKind,
  findOrderSettings,
  isStillDue,
  listDue,
  markReminded,
  upsertOrderSettings,
} from '../db/order-settings';
import { findOrder, releaseUnit, updateOrder } from '../db/orders';
import type { Db, Tx } from '../db/pool';
import { recordAudit } from '../db/audit';
import type { components } from '../generated/openapi';
import type { Logger } from '../logger';
import { type PaymentIntentResult, PaymentsRejectedError, type PaymentsProvider } from '../payments/provider';
import { type Caller, requireRole } from '../caller';
import { autoApproveDeliverable, remindReviewDue } from './deliverables';
import { emitOrderEvent, recordPaymentState, releaseLocked } from './orders';

const BATCH = 100;

export async function getOrderSettings(db: Db, caller: Caller) {
  const row = await db.tenant(caller.orgId, (tx) => findOrderSettings(tx, caller.orgId));
  return row ?? { org_id: caller.orgId, ...DEFAULT_ORDER_SETTINGS, updated_at: null };
}

/** `PUT /v1/order-settings` (owner/admin): the windows of the organization's orders as organizer. */
export function putOrderSettings(db: Db, caller: Caller, body: components['schemas']['OrderSettingsInput']) {
  requireRole(caller, 'admin', 'change order settings');
  return db.tenant(caller.orgId, async (tx) => {
    const row = await upsertOrderSettings(tx, caller.orgId, body);
    await recordAudit(tx, caller, {
      action: 'order_settings.put',
      resourceType: 'order_settings',
      resourceId: null,
    });
    return row;
  });
}

interface TimeoutDeps {
  db: Db;
  payments: PaymentsProvider;
  log: Logger;
  defaultFeeBps: number;
}

/**
 * One row's time-out in its own transaction, as the system: the row is locked as its window is read again, so
 * that of two workers running the job at once only the first acts (the other finds it no longer due).
 */
function once(deps: TimeoutDeps, kind: DueKind, id: string, now: Date, act: (tx: Tx) => Promise<boolean>) {
  return deps.db.system(async (tx) => ((await isStillDue(tx, kind, id, now)) ? act(tx) : false));
}

/** `order.payment_due`: the unpaid order expires within a day. */
function remindPayment(deps: TimeoutDeps, id: string, now: Date) {
  return once(deps, 'paymentRemind', id, now, async (tx) => {
    if (!(await markReminded(tx, 'paymentRemind', id))) return false;
    await emitOrderEvent(tx, 'order.payment_due', (await findOrder(tx, id))!);
    return true;
  });
}

/**
 * The payment window ended: an open PaymentIntent (3-D Secure never finished) is cancelled at Stripe first,
 * outside any transaction (`order:{id}:cancel-payment`); one that succeeded meanwhile is left for reconciliation
 * to fund. Then the order expires, its unit goes back, and both parties get `order.expired`.
 */
async function expireOrder(deps: TimeoutDeps, id: string, now: Date) {
  const open = await deps.db.system((tx) => findOrder(tx, id));
  let intent: PaymentIntentResult | undefined;
  if (
    open?.stripe_payment_intent_id &&
    open.payment_status !== 'canceled' &&
    open.payment_status !== 'succeeded'
  ) {
    try {
      intent = await deps.payments.cancelPaymentIntent({
        paymentIntentId: open.stripe_payment_intent_id,
        idempotencyKey: `order:${id}:cancel-payment`,
      });
    } catch (error) {
      if (error instanceof PaymentsRejectedError) return false;
      throw error;
    }
  }
  return once(deps, 'paymentExpire', id, now, async (tx) => {
    const order = (await findOrder(tx, id))!;
    if (intent) await recordPaymentState(tx, order, intent);
    const expired = await updateOrder(tx, id, { status: 'expired', expired_at: now });
    await releaseUnit(tx, order);
    await emitOrderEvent(tx, 'order.expired', expired);
    return true;
  });
}

/** `order.release_due`: the fulfilled order is released within a day. */
function remindRelease(deps: TimeoutDeps, id: string, now: Date) {
  return once(deps, 'releaseRemind', id, now, async (tx) => {
    if (!(await markReminded(tx, 'releaseRemind', id))) return false;
    await emitOrderEvent(tx, 'order.release_due', (await findOrder(tx, id))!);
    return true;
  });
}

/** The auto-release window ended: released as `:release` would (never while disputed), `order.auto_released`. */
function autoRelease(deps: TimeoutDeps, id: string, now: Date) {
  return once(deps, 'releaseAct', id, now, async (tx) => {
    const released = await releaseLocked(tx, (await findOrder(tx, id))!);
    await updateOrder(tx, id, { auto_released_at: now });
    await emitOrderEvent(tx, 'order.auto_released', released);
    return true;
  });
}

/**
 * The time-out job (every 5 minutes): reminders a day before, then the actions — expire unpaid orders, approve
 * unreviewed deliverables, release fulfilled orders when the organizer asked for it. Safe to run on several
 * workers at once. Answers the ids acted on, by kind.
 */
export async function runTimeouts(deps: TimeoutDeps, now: Date) {
  const report: Record<DueKind, string[]> = {
    paymentRemind: [],
    paymentExpire: [],
    reviewRemind: [],
    reviewApprove: [],
    releaseRemind: [],
    releaseAct: [],
  };
  const steps: [DueKind, (id: string) => Promise<boolean>][] = [
    ['paymentRemind', (id) => remindPayment(deps, id, now)],
    ['paymentExpire', (id) => expireOrder(deps, id, now)],
    [
      'reviewRemind',
      (id) =>
        once(deps, 'reviewRemind', id, now, async (tx) => {
          if (!(await markReminded(tx, 'reviewRemind', id))) return false;
          await remindReviewDue(tx, id);
          return true;
        }),
    ],
    [
      'reviewApprove',
      (id) =>
        deps.db.system((tx) =>
          autoApproveDeliverable(tx, id, () => isStillDue(tx, 'reviewApprove', id, now), {
            defaultFeeBps: deps.defaultFeeBps,
          }),
        ),
    ],
    ['releaseRemind', (id) => remindRelease(deps, id, now)],
    ['releaseAct', (id) => autoRelease(deps, id, now)],
  ];
  for (const [kind, act] of steps) {
    for (const id of await deps.db.system((tx) => listDue(tx, kind, now, BATCH))) {
      try {
        if (await act(id)) report[kind].push(id);
      } catch (error) {
        deps.log.warn({ kind, id, err: (error as Error).message }, 'time-out could not act');
      }
    }
  }
  return report;
}
