import type { Config } from '../config';
import {
  countOpenDeliverables,
  findOrder,
  listInterruptedFunds,
  findOrderPaymentFacts,
  findSponsorOwner,
  insertOrder,
  deleteOrderRefund,
  insertOrderRefund,
  listOrderRefunds,
  listUnappliedRefunds,
  findOrderRefund,
  listOrders,
  lockPackageForSale,
  type OrderRow,
  releaseUnit,
  reserveUnit,
  updateOrder,
  updateOrderRefund,
} from '../db/orders';
import {
  findPayoutByOrder,
  findPayoutConfig,
  insertPayout,
  listOrderPayouts,
  updatePayout,
} from '../db/payouts';
import { listOrderMilestones } from '../db/deliverables';
import { findVariant, reserveVariantUnit } from '../db/packages';
import { type Db, type Tx, withSystemAccess } from '../db/pool';
import { readPage } from '../db/reads';
import type { components } from '../generated/openapi';
import { AppError, ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../errors';
import {
  type PaymentIntentResult,
  type PaymentIntentStatus,
  PaymentsRejectedError,
  type PaymentsProvider,
  PaymentsUnavailableError,
} from '../payments/provider';
import { recordAudit } from '../db/audit';
import type { Caller } from '../caller';
import { assertReleaseWeights, onOrderFunded } from './fulfilment';
import {
  bookFunding,
  bookLock,
  bookMilestone,
  bookPenalty,
  bookRefund,
  orderEscrowPosition,
  orderLedgerSummary,
  settleLock,
} from './ledger';
import { assertBrandSafe } from './brand-safety';
import { assertPackageRules } from './package-rules';
import type { SlaTerm } from './sla-terms';
import { emitEvent } from '../webhooks/emit';
import { findOrderDispute } from '../db/disputes';
import { isLostRace } from '../db/sql';
import type { Logger } from '../logger';
import { applyProviderEvents } from '../payments/stripe-events';
import { assertNotDisputed } from './disputes';

export type { OrderRow } from '../db/orders';
export type CancellationPolicy = components['schemas']['CancellationPolicy'];

const DEFAULT_POLICY: CancellationPolicy = { window_days: 0, penalty_pct: 0 };
const DEFAULT_FEE_BPS = 1000;

/**
 * Emits `type` with the order to both parties, in the transaction of the change. Writing the counterparty's
 * event row (and reading it back) lies outside the caller's tenancy, hence the system access.
 */
export async function emitOrderEvent(tx: Tx, type: string, order: OrderRow): Promise<void> {
  await withSystemAccess(tx, async () => {
    await emitEvent(tx, order.organizer_org_id, type, order);
    await emitEvent(tx, order.sponsor_org_id, type, order);
  });
}

/**
 * Places an order for one unit of a package, inside the caller's transaction `tx` (so that accepting a proposal
 * and creating its order commit together). Locks the package row, checks the sale rules, inserts the order
 * (`pending`), takes one unit (`sold < inventory`, also a database check) and emits `order.created` to both
 * organizations. `side` is the side of `actorOrgId`: the organizer of the package, or the sponsor's org.
 * With `variantId`, the variant's price and currency apply and one unit of the variant is taken as well (its own
 * `sold <= inventory` check); the package row's lock serializes the sales of all its variants. The amount and
 * currency default to the variant's or package's.
 */
export async function placeOrder(
  tx: Tx,
  input: {
    packageId: string;
    variantId?: string;
    sponsorId: string;
    amountCents?: number;
    currency?: string;
    /** The terms accepted in a negotiation (otherwise frozen from the variant or package at funding). */
    slaTerms?: SlaTerm[];
    cancellationPolicy?: CancellationPolicy;
    /** The package's unless given; weights given without a policy apply to the package's policy. */
    releasePolicy?: OrderRow['release_policy'];
    releaseWeights?: Record<string, number>;
    proposalId?: string;
    side: 'organizer' | 'sponsor';
    actorOrgId: string;
  },
): Promise<OrderRow> {
  // The package and the sponsor belong to different tenants; which of them the actor may see is decided here.
  const pkg = await withSystemAccess(tx, () => lockPackageForSale(tx, input.packageId));
  const sponsor = await withSystemAccess(tx, () => findSponsorOwner(tx, input.sponsorId));
  const negotiated = input.proposalId !== undefined;
  if (
    !pkg ||
    (input.side === 'organizer' && pkg.org_id !== input.actorOrgId) ||
    (input.side === 'sponsor' && pkg.visibility === 'private' && !negotiated)
  )
    throw new NotFoundError('package');
  if (
    !sponsor ||
    (input.side === 'sponsor' && sponsor.org_id !== input.actorOrgId) ||
    (input.side === 'organizer' && sponsor.visibility !== 'public' && !negotiated)
  )
    throw new NotFoundError('sponsor');
  const variant = input.variantId
    ? await withSystemAccess(tx, () => findVariant(tx, input.variantId!))
    : undefined;
  if (input.variantId && (!variant || variant.package_id !== pkg.id || !variant.is_active))
    throw new NotFoundError('package variant');
  const priceCents = variant?.price_cents ?? pkg.price_cents;
  const currency = input.currency ?? variant?.currency ?? pkg.currency;
  const amountCents = input.amountCents ?? priceCents;
  if (sponsor.org_id === pkg.org_id)
    throw new UnprocessableError({
      code: 'self_sponsorship',
      detail: 'An organization cannot order its own package for one of its own sponsors.',
    });
  const soldIn = variant?.currency ?? pkg.currency;
  if (currency !== soldIn)
    throw new UnprocessableError({
      code: 'currency_mismatch',
      detail: `The ${variant ? 'variant' : 'package'} is sold in ${soldIn}; order it in ${soldIn} (got ${currency}).`,
    });
  if (input.side === 'sponsor' && !negotiated && amountCents < priceCents)
    throw new UnprocessableError({
      code: 'below_price',
      detail: `The ${variant ? 'variant' : 'package'} costs ${priceCents} cents; negotiate a lower price with a proposal instead.`,
    });
  if (variant?.inventory != null && variant.sold >= variant.inventory)
    throw new ConflictError({
      code: 'package_rule_violated',
      detail: `The variant "${variant.title}" is sold out; choose another variant or the package itself.`,
      extra: { rule: 'variant_inventory' },
    });

  const benefits = variant && Object.keys(variant.benefits).length > 0 ? variant.benefits : pkg.benefits;
  assertReleaseWeights(input.releaseWeights, benefits, '/release_weights');

  await assertBrandSafe(tx, { eventId: pkg.event_id, sponsorId: input.sponsorId });
  await assertPackageRules(tx, pkg, input.sponsorId, new Date());
  const order = await insertOrder(tx, {
    eventId: pkg.event_id,
    packageId: pkg.id,
    variantId: variant?.id ?? null,
    sponsorId: input.sponsorId,
    proposalId: input.proposalId ?? null,
    organizerOrgId: pkg.org_id,
    sponsorOrgId: sponsor.org_id,
    amountCents,
    currency,
    cancellationPolicy: input.cancellationPolicy ?? DEFAULT_POLICY,
    slaTerms: input.slaTerms ?? null,
    side: input.side,
    releasePolicy: input.releasePolicy ?? pkg.release_policy,
    releaseWeights: input.releaseWeights ?? (input.releasePolicy === undefined ? pkg.release_weights : {}),
  });
  // The rules saw the locked row, so this only fails if the lock was somehow bypassed; the database holds.
  if (!(await reserveUnit(tx, pkg.id)))
    throw new ConflictError({
      code: 'package_rule_violated',
      detail: 'The package is sold out.',
      extra: { rule: 'inventory' },
    });
  // The variant's own check (also in the database); its row is updated as the system: it is the organizer's.
  if (variant && !(await withSystemAccess(tx, () => reserveVariantUnit(tx, variant.id))))
    throw new ConflictError({
      code: 'package_rule_violated',
      detail: `The variant "${variant.title}" is sold out.`,
      extra: { rule: 'variant_inventory' },
    });
  await emitOrderEvent(tx, 'order.created', order);
  return order;
}

/** `POST /v1/sponsorship-orders`: the side is the caller's relation to the sponsor, never the body. */
export function createOrder(db: Db, caller: Caller, input: components['schemas']['OrderCreate']) {
  return db.tenant(caller.orgId, async (tx) => {
    const sponsor = await withSystemAccess(tx, () => findSponsorOwner(tx, input.sponsor_id));
    const pkg = await withSystemAccess(tx, () => lockPackageForSale(tx, input.package_id));
    if (!pkg) throw new NotFoundError('package');
    if (input.event_id !== undefined && input.event_id !== pkg.event_id)
      throw new UnprocessableError({
        code: 'event_mismatch',
        detail: `The package belongs to event ${pkg.event_id}, not ${input.event_id}.`,
      });
    const order = await placeOrder(tx, {
      packageId: input.package_id,
      variantId: input.variant_id,
      sponsorId: input.sponsor_id,
      amountCents: input.amount_cents,
      currency: input.currency,
      cancellationPolicy: input.cancellation_policy,
      releasePolicy: input.release_policy,
      releaseWeights: input.release_weights,
      side: sponsor?.org_id === caller.orgId ? 'sponsor' : 'organizer',
      actorOrgId: caller.orgId,
    });
    await recordAudit(tx, caller, { action: 'order.create', resourceType: 'order', resourceId: order.id });
    return order;
  });
}

export function listOrdersPage(
  db: Db,
  caller: Caller,
  query: {
    event_id?: string;
    status?: string;
    escrow_state?: string;
    disputed?: boolean;
    limit?: number;
    starting_after?: string;
  },
) {
  return readPage(
    db,
    caller.orgId,
    query,
    (tx, page) =>
      listOrders(tx, {
        eventId: query.event_id,
        status: query.status,
        escrowState: query.escrow_state,
        disputed: query.disputed,
        ...page,
      }),
    (row) => row.created_at,
  );
}

// ── Money: fund, lock, release, cancel, refund (DESIGN §5) ──

export interface OrderDeps {
  db: Db;
  payments: PaymentsProvider;
  config: Pick<Config, 'YARDPASS_PLATFORM_FEE_BPS'>;
}

/** A declined card: the order stays pending and may be funded again with another payment method. */
export class PaymentDeclinedError extends AppError {
  constructor(detail: string, extra: Record<string, unknown>) {
    super({ code: 'card_declined', status: 402, title: 'Payment declined', detail, extra });
  }
}

const settledStatus = (status: PaymentIntentStatus): NonNullable<OrderRow['payment_status']> =>
  status === 'requires_capture' ? 'processing' : status;

const feeOf = (cents: number, bps: number) => Math.round((cents * bps) / 10_000);

async function organizerFeeBps(tx: Tx, orgId: string, fallback: number): Promise<number> {
  const config = await withSystemAccess(tx, () => findPayoutConfig(tx, orgId));
  return config?.platform_fee_bps ?? fallback;
}

/**
 * The one path by which an order becomes funded — from `:fund` at once, from Stripe's webhook, or from
 * reconciliation. Idempotent: an order already funded is answered as it is.
 */
export async function markOrderFunded(tx: Tx, order: OrderRow, chargeId: string | null): Promise<OrderRow> {
  if (order.escrow_state !== 'pending' || order.status !== 'pending') return order;
  const funded = await updateOrder(tx, order.id, {
    status: 'active',
    escrow_state: 'funded',
    payment_status: 'succeeded',
    payment_error: null,
    ...(chargeId ? { stripe_charge_id: chargeId } : {}),
    funded_at: new Date(),
  });
  await bookFunding(tx, funded);
  await emitOrderEvent(tx, 'order.funded', funded);
  await onOrderFunded(tx, funded);
  return funded;
}

/** Records what Stripe says about the order's PaymentIntent (not yet succeeded). */
export function recordPaymentState(tx: Tx, order: OrderRow, intent: PaymentIntentResult): Promise<OrderRow> {
  return updateOrder(tx, order.id, {
    stripe_payment_intent_id: intent.id,
    payment_status: settledStatus(intent.status),
    payment_error: intent.error,
  });
}

function lockedOrder(order: OrderRow | undefined): OrderRow {
  if (!order) throw new NotFoundError('order');
  return order;
}

function conflict(code: string, detail: string, order: OrderRow): never {
  throw new ConflictError({
    code,
    detail,
    extra: { current_status: order.status, current_escrow_state: order.escrow_state },
  });
}

/** The Stripe call of a recorded fund: create the PaymentIntent, or confirm the existing one again. */
function callFund(
  payments: PaymentsProvider,
  order: OrderRow,
  fund: { attempt: number; paymentMethodId: string },
): Promise<PaymentIntentResult> {
  return order.stripe_payment_intent_id && fund.attempt > 1
    ? payments.confirmPaymentIntent({
        paymentIntentId: order.stripe_payment_intent_id,
        paymentMethodId: fund.paymentMethodId,
        idempotencyKey: `order:${order.id}:fund:${fund.attempt}`,
      })
    : payments.createPaymentIntent({
        amountCents: order.amount_cents,
        currency: order.currency,
        paymentMethodId: fund.paymentMethodId,
        transferGroup: order.id,
        metadata: {
          order_id: order.id,
          organizer_org_id: order.organizer_org_id,
          sponsor_org_id: order.sponsor_org_id,
        },
        idempotencyKey: `order:${order.id}:fund`,
      });
}

/**
 * Applies Stripe's answer to a recorded fund, in its own transaction: the PaymentIntent's state, funding when it
 * succeeded (once: the webhook or reconciliation may have been first), and the fund is no longer in flight.
 */
async function applyFund(tx: Tx, orderId: string, intent: PaymentIntentResult): Promise<OrderRow> {
  const order = lockedOrder(await findOrder(tx, orderId, { forUpdate: true }));
  await updateOrder(tx, orderId, { payment_requested_at: null });
  if (order.escrow_state !== 'pending' || order.status !== 'pending') return order;
  const updated = await recordPaymentState(tx, order, intent);
  return intent.status === 'succeeded' ? markOrderFunded(tx, updated, intent.chargeId) : updated;
}

/**
 * Runs a transaction again when it lost a race (a serialization failure or deadlock with a concurrent change of
 * the rows it shares, e.g. the event sponsorship): Stripe's answer is already in hand, and a 409 now would leave it
 * for reconciliation. Funding many orders of one package no longer deadlocks (concurrent-funding.test.ts).
 */
async function untilWon<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= 8 || !isLostRace(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
}

/**
 * `:fund`: a PaymentIntent on the platform account (`transfer_group` = the order, idempotency key
 * `order:{id}:fund`; a retry after a declined card confirms the same PaymentIntent again with
 * `order:{id}:fund:{n}`). No connection is held while Stripe answers: the fund is recorded and committed (a
 * second fund meanwhile answers 409), Stripe is called with the recorded key, and the answer is applied in a
 * second transaction. A Stripe failure un-records it (the retry sends the same key); a crash leaves it recorded
 * and the reconciliation job finishes it ({@link finishInterruptedFunds}).
 */
export async function fundOrder(
  deps: OrderDeps & { log: Logger },
  caller: Caller,
  id: string,
  paymentMethodId: string,
) {
  const recorded = await deps.db.tenant(caller.orgId, async (tx) => {
    const order = lockedOrder(await findOrder(tx, id, { forUpdate: true }));
    if (order.sponsor_org_id !== caller.orgId)
      throw new ForbiddenError('Only the sponsor pays for an order; the organizer cannot fund it.', {
        code: 'wrong_side',
      });
    if (order.status !== 'pending' || order.escrow_state !== 'pending')
      conflict(
        'order_not_fundable',
        `The order is ${order.status}; only a pending order can be funded.`,
        order,
      );
    const facts = (await findOrderPaymentFacts(tx, id))!;
    if (order.payment_status === 'processing' || facts.payment_requested_at)
      conflict('payment_processing', 'A payment for this order is processing; wait for it to settle.', order);
    const attempt = facts.payment_attempts + 1;
    await updateOrder(tx, id, {
      payment_attempts: attempt,
      payment_method_id: paymentMethodId,
      payment_requested_at: new Date(),
    });
    await recordAudit(tx, caller, { action: 'order.fund', resourceType: 'order', resourceId: id });
    return { order, attempt, previousAttempts: facts.payment_attempts };
  });

  let intent: PaymentIntentResult;
  try {
    intent = await callFund(deps.payments, recorded.order, { attempt: recorded.attempt, paymentMethodId });
  } catch (error) {
    // Stripe answered no PaymentIntent: as if the fund never happened, so its retry sends the same key.
    await deps.db.tenant(caller.orgId, (tx) =>
      updateOrder(tx, id, { payment_attempts: recorded.previousAttempts, payment_requested_at: null }),
    );
    throw error;
  }
  const order = await untilWon(() => deps.db.tenant(caller.orgId, (tx) => applyFund(tx, id, intent)));
  await applyProviderEvents(deps);
  if (intent.status === 'requires_payment_method')
    throw new PaymentDeclinedError(
      `${intent.error ?? 'The card was declined.'} The order is still pending: fund it again with another payment method.`,
      { decline_code: intent.declineCode, payment_intent_id: intent.id },
    );
  return {
    payment_intent_id: intent.id,
    status: intent.status,
    client_secret: intent.clientSecret,
    order,
  };
}

/**
 * For the reconciliation job: funds recorded before `before` whose answer was never applied (the process died
 * while Stripe was answering) are asked again with the same idempotency key — Stripe answers the same
 * PaymentIntent — and applied once. Answers the orders finished.
 */
export async function finishInterruptedFunds(
  deps: { db: Db; payments: PaymentsProvider; log: Logger },
  before: Date,
): Promise<string[]> {
  const ids = await deps.db.system((tx) => listInterruptedFunds(tx, before, 100));
  const finished: string[] = [];
  for (const id of ids) {
    const fund = await deps.db.system(async (tx) => ({
      order: (await findOrder(tx, id))!,
      facts: (await findOrderPaymentFacts(tx, id))!,
    }));
    if (!fund.facts.payment_requested_at || !fund.facts.payment_method_id) continue;
    try {
      const intent = await callFund(deps.payments, fund.order, {
        attempt: fund.facts.payment_attempts,
        paymentMethodId: fund.facts.payment_method_id,
      });
      await deps.db.system((tx) => applyFund(tx, id, intent));
      finished.push(id);
    } catch (error) {
      deps.log.warn({ order_id: id, err: (error as Error).message }, 'reconcile: could not finish a fund');
    }
  }
  return finished;
}

/**
 * Locks a funded order for release and books the pending ledger transaction (escrow → organizer payable +
 * platform fee). Called by `:lock`, at event start and when every deliverable is approved or waived. Idempotent.
 * A disputed order is not locked: `:lock` answers 409 naming the dispute.
 */
export async function lockOrder(
  tx: Tx,
  orderId: string,
  reason: 'manual' | 'event_started' | 'deliverables_complete',
  options: { defaultFeeBps?: number } = {},
): Promise<OrderRow> {
  const order = lockedOrder(await findOrder(tx, orderId, { forUpdate: true }));
  if (order.escrow_state === 'locked') return order;
  if (order.release_policy === 'per_deliverable') {
    if (reason !== 'manual') return order;
    refuseWholeOrder(order, 'locked');
  }
  // The automatic locks (event start, fulfilment complete) leave an order that is not funded, or held by a
  // dispute, as it is: the event-start lock of the reconciliation job takes it once the dispute is won.
  if ((order.escrow_state !== 'funded' || order.disputed) && reason !== 'manual') return order;
  await assertNotDisputed(tx, order, 'locked');
  if (order.escrow_state !== 'funded')
    conflict(
      'order_not_lockable',
      `Only a funded order can be locked (escrow is ${order.escrow_state}).`,
      order,
    );
  const bps = await organizerFeeBps(tx, order.organizer_org_id, options.defaultFeeBps ?? DEFAULT_FEE_BPS);
  const netCents = order.amount_cents - order.refunded_cents;
  const feeCents = feeOf(netCents, bps);
  await bookLock(tx, order, { netCents, feeCents });
  return updateOrder(tx, orderId, {
    escrow_state: 'locked',
    locked_at: new Date(),
    lock_reason: reason,
    platform_fee_bps: bps,
    application_fee_cents: feeCents,
  });
}

export function lockOrderByCaller(deps: OrderDeps, caller: Caller, id: string) {
  return deps.db.tenant(caller.orgId, async (tx) => {
    const order = lockedOrder(await findOrder(tx, id, { forUpdate: true }));
    if (order.organizer_org_id !== caller.orgId)
      throw new ForbiddenError('Only the organizer locks an order (it also locks itself at event start).', {
        code: 'wrong_side',
      });
    await lockOrder(tx, id, 'manual', { defaultFeeBps: deps.config.YARDPASS_PLATFORM_FEE_BPS });
    await recordAudit(tx, caller, { action: 'order.lock', resourceType: 'order', resourceId: id });
    return orderDetail(tx, id);
  });
}

/**
 * `:release`: needs `locked` and every deliverable approved or waived. Posts the pending lock and queues the
 * payout (its job is enqueued in this transaction). Concurrent releases serialize on the order row: one wins.
 */
export function releaseOrder(deps: OrderDeps, caller: Caller, id: string) {
  return deps.db.tenant(caller.orgId, async (tx) => {
    const order = lockedOrder(await findOrder(tx, id, { forUpdate: true }));
    if (order.escrow_state === 'released')
      conflict('already_released', 'The order is already released.', order);
    if (order.release_policy === 'per_deliverable') refuseWholeOrder(order, 'released');
    if (order.escrow_state !== 'locked')
      conflict(
        'order_not_locked',
        `Escrow must be locked before release (it is ${order.escrow_state}).`,
        order,
      );
    await assertNotDisputed(tx, order, 'released');
    if (
      (await listOrderRefunds(tx, id)).some(
        (refund) => !refund.stripe_refund_id && refund.status === 'pending',
      )
    )
      conflict(
        'refund_in_progress',
        'A refund of this order is being made; release it when that is done.',
        order,
      );
    const open = await countOpenDeliverables(tx, id);
    if (open > 0)
      conflict(
        'deliverables_open',
        `${open} deliverable(s) of the order are neither approved nor waived; review them before release.`,
        order,
      );
    await releaseLocked(tx, order);
    await recordAudit(tx, caller, { action: 'order.release', resourceType: 'order', resourceId: id });
    return orderDetail(tx, id);
  });
}

/**
 * Releases a locked order whose row the caller holds locked (`:release`, auto-release): posts the pending lock
 * and queues the payout (its job is enqueued in this transaction).
 */
export async function releaseLocked(tx: Tx, order: OrderRow): Promise<OrderRow> {
  await settleLock(tx, order.id, 'posted');
  const netCents = order.amount_cents - order.refunded_cents;
  const feeCents = order.application_fee_cents ?? 0;
  await withSystemAccess(tx, () =>
    insertPayout(tx, {
      orgId: order.organizer_org_id,
      orderId: order.id,
      amountCents: netCents - feeCents,
      feeCents,
      currency: order.currency,
    }),
  );
  return updateOrder(tx, order.id, {
    escrow_state: 'released',
    status: order.status === 'partially_refunded' ? 'partially_refunded' : 'completed',
    released_cents: netCents,
    released_at: new Date(),
  });
}

function refuseWholeOrder(order: OrderRow, action: string): never {
  conflict(
    'release_per_deliverable',
    `The order releases per deliverable, so it is never ${action} as a whole: approve or waive its deliverables and each releases its share (${order.released_cents} of ${order.amount_cents} cents released so far).`,
    order,
  );
}

/**
 * Milestone release (`release_policy: per_deliverable`): every approved or waived deliverable of the order without
 * a payout releases its share at once — booked out of escrow (`release`, posted) and paid by a payout of its own.
 * A share is `weight / (weights not yet released)` of what escrow still holds, rounded down, and of the platform
 * fee still to take; the last milestone takes all that is left, so the shares add up to the order and the payouts
 * to its net exactly, in whatever order the approvals come. The order's row lock serializes concurrent approvals.
 * A disputed order releases nothing (the dispute's win calls this again). When nothing is left to release the
 * order is `released`. Called in the approval's transaction (a person's, or the review window's).
 */
export async function releaseMilestones(
  tx: Tx,
  orderId: string,
  options: { defaultFeeBps?: number } = {},
): Promise<OrderRow> {
  // Only a milestone order takes its row lock here: a whole-order one is left as it is, unlocked.
  const seen = lockedOrder(await withSystemAccess(tx, () => findOrder(tx, orderId)));
  if (seen.release_policy !== 'per_deliverable') return seen;
  const order = lockedOrder(await withSystemAccess(tx, () => findOrder(tx, orderId, { forUpdate: true })));
  if (order.escrow_state !== 'funded' || order.disputed) return order;
  return withSystemAccess(tx, async () => {
    const milestones = await listOrderMilestones(tx, orderId);
    const due = milestones.filter(
      (m) => m.payout_id === null && (m.status === 'approved' || m.status === 'waived'),
    );
    if (due.length === 0) return order;
    const bps =
      order.platform_fee_bps ??
      (await organizerFeeBps(tx, order.organizer_org_id, options.defaultFeeBps ?? DEFAULT_FEE_BPS));
    const totalFee = feeOf(order.amount_cents - order.refunded_cents, bps);
    let feeLeft = Math.max(0, totalFee - milestones.reduce((sum, m) => sum + m.fee_cents, 0));
    let held = (await orderEscrowPosition(tx, orderId)).held_cents;
    const open = milestones.filter((m) => m.payout_id === null);
    let weightLeft = open.reduce((sum, m) => sum + m.release_weight, 0);
    let released = 0;
    for (const milestone of due) {
      const last = milestone.release_weight === weightLeft;
      const grossCents = last ? held : Math.floor((held * milestone.release_weight) / weightLeft);
      const feeCents = Math.min(
        grossCents,
        last ? feeLeft : Math.floor((feeLeft * milestone.release_weight) / weightLeft),
      );
      await bookMilestone(tx, order, { deliverableId: milestone.id, grossCents, feeCents });
      // A share that a refund or lost dispute emptied moves nothing: no transfer of 0.
      if (grossCents > feeCents)
        await insertPayout(tx, {
          orgId: order.organizer_org_id,
          orderId,
          deliverableId: milestone.id,
          amountCents: grossCents - feeCents,
          feeCents,
          currency: order.currency,
        });
      held -= grossCents;
      feeLeft -= feeCents;
      weightLeft -= milestone.release_weight;
      released += grossCents;
    }
    return updateOrder(tx, orderId, {
      platform_fee_bps: bps,
      application_fee_cents: totalFee,
      released_cents: order.released_cents + released,
      ...(due.length === open.length
        ? {
            escrow_state: 'released' as const,
            status:
              order.status === 'partially_refunded'
                ? ('partially_refunded' as const)
                : ('completed' as const),
            released_at: new Date(),
          }
        : {}),
    });
  });
}

/**
 * Records a refund of `amountCents` of the locked order `order` (phase one of three; no Stripe call), once per
 * `reference`: the row is `pending` until Stripe answered and {@link applyRefund} booked it. Answers the refund
 * and, when the money was already paid out, the transfer to reverse first. While one refund of the order is
 * pending, another answers 409 (the second waits for the first's answer; reconciliation finishes one a crash
 * interrupted).
 */
async function recordRefund(
  tx: Tx,
  order: OrderRow,
  input: { amountCents: number; reason: string; reference: string },
) {
  const refunds = await listOrderRefunds(tx, order.id);
  const existing = refunds.find((refund) => refund.reference === input.reference);
  if (existing) return { refund: existing, created: false };
  if (refunds.some((refund) => refund.status === 'pending' && !refund.stripe_refund_id))
    conflict('refund_in_progress', 'A refund of this order is being made; retry when it is done.', order);
  // A milestone order refunds only what escrow still holds: its released milestones are the organizer's.
  const milestones = order.release_policy === 'per_deliverable';
  const refundable = order.amount_cents - order.refunded_cents - (milestones ? order.released_cents : 0);
  if (input.amountCents > refundable)
    throw new UnprocessableError({
      code: 'refund_too_large',
      detail: `At most ${refundable} cents of the order can still be refunded (asked for ${input.amountCents})${milestones && order.released_cents > 0 ? `; ${order.released_cents} cents were released with its milestones` : ''}.`,
    });
  if (!order.stripe_payment_intent_id || order.escrow_state === 'pending')
    conflict('order_not_funded', 'The order was never paid, so there is nothing to refund.', order);

  let reversalCents = 0;
  if (order.escrow_state === 'released') {
    const payout = await withSystemAccess(tx, () => findPayoutByOrder(tx, order.id));
    if (payout?.status === 'failed' || payout?.status === 'awaiting_configuration')
      conflict(
        'payout_failed',
        `The organizer's payout of this order is ${payout.status}; resolve it (yardpass payouts retry ${payout.id}) before refunding.`,
        order,
      );
    if (payout?.status === 'pending' || payout?.status === 'processing')
      conflict(
        'payout_in_progress',
        'The payout of this order is being transferred; retry the refund shortly.',
        order,
      );
    if (payout?.status === 'paid')
      reversalCents = Math.min(input.amountCents, payout.amount_cents - payout.reversed_cents);
  }
  const { refund } = await insertOrderRefund(tx, {
    order,
    reference: input.reference,
    reason: input.reason,
    amountCents: input.amountCents,
    reversalCents,
  });
  return { refund, created: true };
}

/**
 * Phase two, outside any transaction: the transfer reversal when the money was paid out
 * (`order:{id}:reversal:{n}`), then the refund (`order:{id}:refund:{n}`). The keys come from the recorded row, so
 * asking again (a retry, reconciliation after a crash) never moves money twice. A refusal un-records the refund.
 */
async function callRefund(deps: Pick<OrderDeps, 'db' | 'payments'>, orderId: string, refundId: string) {
  const { order, refund, transferId } = await deps.db.system(async (tx) => {
    const order = (await findOrder(tx, orderId))!;
    const refund = (await findOrderRefund(tx, refundId))!;
    const payout = refund.reversal_cents > 0 ? await findPayoutByOrder(tx, orderId) : undefined;
    return {
      order,
      refund,
      transferId: payout?.stripe_transfer_id,
    };
  });
  try {
    const reversal =
      refund.reversal_cents > 0 && transferId
        ? await deps.payments.reverseTransfer({
            transferId,
            amountCents: refund.reversal_cents,
            metadata: { order_id: orderId, refund_id: refund.id },
            idempotencyKey: `order:${orderId}:reversal:${refund.seq}`,
          })
        : undefined;
    const stripeRefund = await deps.payments.createRefund({
      paymentIntentId: order.stripe_payment_intent_id!,
      amountCents: refund.amount_cents,
      metadata: { order_id: orderId, refund_id: refund.id, reference: refund.reference },
      idempotencyKey: `order:${orderId}:refund:${refund.seq}`,
    });
    return { reversalId: reversal?.id, stripeRefund };
  } catch (error) {
    if (error instanceof PaymentsRejectedError)
      await deps.db.system((tx) => deleteOrderRefund(tx, refund.id));
    // Stripe may have made it: the refund stays recorded, and the same keys finish it.
    if (error instanceof PaymentsUnavailableError)
      throw new AppError({
        code: 'payments_unavailable',
        status: 503,
        title: 'Payment processor unavailable',
        detail:
          'Stripe did not answer the refund. It is recorded and the reconciliation job completes it within minutes with the same idempotency keys; nothing needs to be sent again.',
        headers: { 'retry-after': '300' },
        cause: error,
      });
    throw error;
  }
}

/**
 * Phase three, in a transaction of its own: books what Stripe did, once (a refund already applied is left as it
 * is). A locked order's pending lock is voided and booked again for what remains; a full refund before release
 * gives the unit back; both parties get `order.refunded`. A cancelled order keeps the states its cancellation set.
 */
async function applyRefund(
  tx: Tx,
  orderId: string,
  refundId: string,
  answer: Awaited<ReturnType<typeof callRefund>>,
  defaultFeeBps: number,
): Promise<OrderRow | undefined> {
  const order = lockedOrder(await findOrder(tx, orderId, { forUpdate: true }));
  const refund = await findOrderRefund(tx, refundId);
  if (!refund || refund.stripe_refund_id) return undefined;
  await updateOrderRefund(tx, refund.id, {
    status: answer.stripeRefund.status === 'failed' ? 'failed' : 'succeeded',
    stripe_refund_id: answer.stripeRefund.id,
    ...(answer.reversalId ? { stripe_reversal_id: answer.reversalId } : {}),
  });
  if (refund.reversal_cents > 0) {
    const payout = (await withSystemAccess(tx, () => findPayoutByOrder(tx, orderId)))!;
    await withSystemAccess(tx, () =>
      updatePayout(tx, payout.id, { reversed_cents: payout.reversed_cents + refund.reversal_cents }),
    );
  }
  const wasLocked = order.escrow_state === 'locked';
  if (wasLocked) await settleLock(tx, order.id, 'voided');
  await bookRefund(tx, order, {
    seq: refund.seq,
    amountCents: refund.amount_cents,
    reversalCents: refund.reversal_cents,
    fromEscrow: order.escrow_state === 'released' ? 0 : refund.amount_cents,
  });
  const remaining = order.amount_cents - order.refunded_cents - refund.amount_cents;
  let feeCents = order.application_fee_cents;
  if (wasLocked && remaining > 0) {
    feeCents = feeOf(remaining, order.platform_fee_bps ?? defaultFeeBps);
    await bookLock(tx, order, { netCents: remaining, feeCents });
  }
  const full = remaining === 0;
  const beforeRelease = order.escrow_state !== 'released';
  const cancelled = order.status === 'cancelled';
  const refunded = await updateOrder(tx, order.id, {
    refunded_cents: order.refunded_cents + refund.amount_cents,
    ...(feeCents !== null && feeCents !== order.application_fee_cents
      ? { application_fee_cents: feeCents }
      : {}),
    ...(cancelled ? {} : { status: full ? ('refunded' as const) : ('partially_refunded' as const) }),
    ...(!cancelled && full && beforeRelease ? { escrow_state: 'refunded' as const } : {}),
  });
  if (!cancelled && full && beforeRelease) await withSystemAccess(tx, () => releaseUnit(tx, order));
  await emitOrderEvent(tx, 'order.refunded', refunded);
  return refunded;
}

/**
 * Phases two and three of a recorded refund: Stripe, then the books (again if that lost a race). With a tenant,
 * answers the order's detail as that transaction left it.
 */
async function completeRefund(deps: OrderDeps, orderId: string, refundId: string, tenant?: Caller) {
  const answer = await callRefund(deps, orderId, refundId);
  const apply = async (tx: Tx) => ({
    order: await applyRefund(tx, orderId, refundId, answer, deps.config.YARDPASS_PLATFORM_FEE_BPS),
    detail: tenant && (await orderDetail(tx, orderId)),
  });
  return untilWon(() => (tenant ? deps.db.tenant(tenant.orgId, apply) : deps.db.system(apply)));
}

/**
 * For the reconciliation job: refunds recorded before `before` whose Stripe answer was never applied (a crash, or
 * Stripe unavailable) are asked again with their own keys and booked once. Answers the refunds finished.
 */
export async function finishInterruptedRefunds(deps: OrderDeps & { log: Logger }, before: Date) {
  const pending = await deps.db.system((tx) => listUnappliedRefunds(tx, before, 100));
  const finished: string[] = [];
  for (const { id, order_id } of pending) {
    try {
      await completeRefund(deps, order_id, id);
      finished.push(id);
    } catch (error) {
      deps.log.warn({ refund_id: id, err: (error as Error).message }, 'reconcile: could not finish a refund');
    }
  }
  return finished;
}

/**
 * Refunds part or all of an order, idempotent by `reference` (e.g. `sla:<id>`): one refund per reference even
 * when called twice at once (the order row lock serializes the recording; the second finds the first's refund).
 * The refund is recorded and committed, asked of Stripe outside any transaction, and booked in a second one;
 * `order.refunded` goes to both parties. For the fulfilment area's SLA penalties; `:refund` uses the same path.
 */
export async function issueRefund(
  deps: OrderDeps,
  input: { orderId: string; amountCents: number; reason: string; reference: string },
  tenant?: Caller,
) {
  const inTenancy = <T>(run: (tx: Tx) => Promise<T>) =>
    tenant ? deps.db.tenant(tenant.orgId, run) : deps.db.system(run);
  const recorded = await inTenancy(async (tx) => {
    const order = lockedOrder(await findOrder(tx, input.orderId, { forUpdate: true }));
    if (order.status === 'cancelled' || order.status === 'refunded')
      conflict('order_closed', `The order is ${order.status}; nothing is left to refund.`, order);
    const result = await recordRefund(tx, order, input);
    if (result.created && tenant)
      await recordAudit(tx, tenant, { action: 'order.refund', resourceType: 'order', resourceId: order.id });
    // A refund recorded before and never answered (its first request died) is finished by its retry.
    const unanswered = !result.refund.stripe_refund_id;
    return {
      order,
      ...result,
      unanswered,
      detail: !unanswered && tenant ? await orderDetail(tx, order.id) : undefined,
    };
  });
  if (!recorded.unanswered) return recorded;
  const completed = await completeRefund(deps, input.orderId, recorded.refund.id, tenant);
  return { ...recorded, order: completed.order ?? recorded.order, detail: completed.detail };
}

/** The fulfilment area's `IssueRefund`, bound to the payments provider. */
export function refundIssuer(deps: Omit<OrderDeps, 'db'>) {
  return (db: Db, input: { orderId: string; amountCents: number; reason: string; reference: string }) =>
    issueRefund({ ...deps, db }, input);
}

/** `:refund` (organizer): full when `amount_cents` is left out. */
export async function refundOrderByCaller(
  deps: OrderDeps,
  caller: Caller,
  id: string,
  body: { amount_cents?: number; reason?: string },
) {
  const visible = await deps.db.tenant(caller.orgId, (tx) => findOrder(tx, id));
  if (!visible) throw new NotFoundError('order');
  if (visible.organizer_org_id !== caller.orgId)
    throw new ForbiddenError('Only the organizer refunds an order; the sponsor cancels it instead.', {
      code: 'wrong_side',
    });
  const { detail } = await issueRefund(
    deps,
    {
      orderId: id,
      amountCents: body.amount_cents ?? visible.amount_cents - visible.refunded_cents,
      reason: body.reason ?? 'Refunded by the organizer',
      reference: `manual:${caller.requestId}`,
    },
    caller,
  );
  return detail!;
}

/**
 * An unpaid order may still have a PaymentIntent the sponsor could finish (3-D Secure, a client-side confirm):
 * it is cancelled at Stripe (`order:{id}:cancel-payment`) before the cancellation's transaction. One that
 * succeeded meanwhile answers the PaymentIntent, so that the order is funded first and the cancellation refunds it
 * instead of leaving the money stranded.
 */
async function settleOpenPayment(payments: PaymentsProvider, order: OrderRow) {
  if (
    order.escrow_state !== 'pending' ||
    !order.stripe_payment_intent_id ||
    order.payment_status === 'canceled'
  )
    return undefined;
  try {
    return await payments.cancelPaymentIntent({
      paymentIntentId: order.stripe_payment_intent_id,
      idempotencyKey: `order:${order.id}:cancel-payment`,
    });
  } catch (error) {
    if (!(error instanceof PaymentsRejectedError)) throw error;
    const intent = await payments.retrievePaymentIntent(order.stripe_payment_intent_id);
    if (intent.status !== 'succeeded') throw error;
    return intent;
  }
}

function assertCancellable(order: OrderRow, paymentInFlight: boolean) {
  if (
    !['pending', 'funded'].includes(order.escrow_state) ||
    !['pending', 'active', 'partially_refunded'].includes(order.status)
  )
    conflict(
      'order_not_cancellable',
      `Only an order not yet locked can be cancelled (escrow is ${order.escrow_state}).`,
      order,
    );
  if (order.released_cents > 0)
    conflict(
      'order_not_cancellable',
      `${order.released_cents} cents of the order were released with its milestones; refund what escrow still holds instead.`,
      order,
    );
  if (paymentInFlight)
    conflict('payment_processing', 'A payment for this order is processing; wait for it to settle.', order);
}

/**
 * `:cancel` (either party, before lock). Unpaid: the order is cancelled. Paid: refunded by the cancellation
 * policy — all of it outside `window_days` before the event or when the organizer cancels; inside the window the
 * sponsor's cancellation keeps `penalty_pct` for the organizer (paid out like a release, less the platform fee).
 * The unit goes back to the package. Stripe is called outside the cancellation's transaction: an open
 * PaymentIntent is cancelled before it, the refund is recorded in it and made and booked after it.
 */
export async function cancelOrder(
  deps: OrderDeps,
  caller: Caller,
  id: string,
  body: { reason?: string } = {},
) {
  const seen = await deps.db.tenant(caller.orgId, async (tx) => {
    const order = lockedOrder(await findOrder(tx, id));
    assertCancellable(order, Boolean((await findOrderPaymentFacts(tx, id))?.payment_requested_at));
    return order;
  });
  const intent = await settleOpenPayment(deps.payments, seen);
  const cancelled = await deps.db.tenant(caller.orgId, async (tx) => {
    let order = lockedOrder(await findOrder(tx, id, { forUpdate: true }));
    const facts = (await findOrderPaymentFacts(tx, id))!;
    assertCancellable(order, Boolean(facts.payment_requested_at));
    if (intent?.status === 'succeeded') order = await markOrderFunded(tx, order, intent.chargeId);
    else if (intent) order = await recordPaymentState(tx, order, intent);
    const reason =
      body.reason ?? `Cancelled by the ${order.sponsor_org_id === caller.orgId ? 'sponsor' : 'organizer'}`;
    let escrowState: OrderRow['escrow_state'] = order.escrow_state;
    let refund: { id: string; unanswered: boolean } | undefined;
    if (order.escrow_state === 'funded') {
      const remaining = order.amount_cents - order.refunded_cents;
      const daysBefore = (Date.parse(facts.event_starts_at) - Date.now()) / 86_400_000;
      const policy = order.cancellation_policy;
      const bySponsor = order.sponsor_org_id === caller.orgId;
      const penalty =
        bySponsor && daysBefore <= policy.window_days
          ? Math.min(remaining, Math.round(order.amount_cents * policy.penalty_pct))
          : 0;
      if (remaining - penalty > 0) {
        const recorded = await recordRefund(tx, order, {
          amountCents: remaining - penalty,
          reason,
          reference: 'cancellation',
        });
        refund = { id: recorded.refund.id, unanswered: !recorded.refund.stripe_refund_id };
      }
      if (penalty > 0) {
        const bps = await organizerFeeBps(tx, order.organizer_org_id, deps.config.YARDPASS_PLATFORM_FEE_BPS);
        const feeCents = feeOf(penalty, bps);
        await bookPenalty(tx, order, { penaltyCents: penalty, feeCents });
        await withSystemAccess(tx, () =>
          insertPayout(tx, {
            orgId: order.organizer_org_id,
            orderId: id,
            amountCents: penalty - feeCents,
            feeCents,
            currency: order.currency,
          }),
        );
      }
      escrowState = penalty > 0 ? 'partially_refunded' : 'refunded';
    }
    const updated = await updateOrder(tx, id, {
      status: 'cancelled',
      escrow_state: escrowState,
      cancelled_at: new Date(),
    });
    await withSystemAccess(tx, () => releaseUnit(tx, order));
    await emitOrderEvent(tx, 'order.cancelled', updated);
    await recordAudit(tx, caller, { action: 'order.cancel', resourceType: 'order', resourceId: id });
    return { refund, detail: refund?.unanswered ? undefined : await orderDetail(tx, id) };
  });
  if (cancelled.detail) return cancelled.detail;
  return (await completeRefund(deps, id, cancelled.refund!.id, caller)).detail!;
}

/**
 * The answer of every order action and of `GET /{id}`: the order with its ledger summary, its payout (the
 * organizer's: row-level security hides it from the sponsor), its refunds and its latest dispute. Read in the
 * caller's transaction, so an action answers what it committed.
 */
async function orderDetail(tx: Tx, id: string) {
  const order = await findOrder(tx, id);
  if (!order) throw new NotFoundError('order');
  return {
    ...order,
    ledger: await orderLedgerSummary(tx, id),
    payout: (await findPayoutByOrder(tx, id)) ?? null,
    payouts: await listOrderPayouts(tx, id),
    refunds: await listOrderRefunds(tx, id),
    dispute: (await findOrderDispute(tx, id)) ?? null,
  };
}

export function getOrderDetail(db: Db, caller: Caller, id: string) {
  return db.tenant(caller.orgId, (tx) => orderDetail(tx, id));
}
