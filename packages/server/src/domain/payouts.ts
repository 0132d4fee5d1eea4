import { findOrder, findOrderPaymentFacts } from '../db/orders';
import {
  findPayout,
  findPayoutConfig,
  listAwaitingPayouts,
  listPayouts,
  type PayoutRow,
  requeuePayout,
  updatePayout,
} from '../db/payouts';
import { readOne, readPage } from '../db/reads';
import { type Db, type Tx, withSystemAccess } from '../db/pool';
import { recordAudit } from '../db/audit';
import { ConflictError, NotFoundError } from '../errors';
import type { Logger } from '../logger';
import {
  isConfigurationRejection,
  PaymentsRejectedError,
  type PaymentsProvider,
  PaymentsUnavailableError,
} from '../payments/provider';
import { type Caller, requireRole } from '../caller';
import { assertNotDisputed, finishPayoutReversal, finishPayoutReversals } from './disputes';
import { listPayoutReversals, type PayoutReversalRow, updatePayoutReversal } from '../db/payout-reversals';
import { bookTransfer } from './ledger';
import { emitEvent } from '../webhooks/emit';

/** Attempts before a payout is given up and `payout.failed` alerts the organizer and operators. */
export const MAX_PAYOUT_ATTEMPTS = 3;

/**
 * The most idempotency keys one payout may use (`retry_count`, also the database's bound). A payout that would need
 * another one fails for good (`payout.failed`, the ops inbox) instead of being queued again.
 */
export const MAX_PAYOUT_RETRIES = 1000;
/** How the failure reason of a payout stopped at {@link MAX_PAYOUT_RETRIES} begins (the ops inbox reads it). */
export const RETRIES_EXHAUSTED = 'Stopped retrying';

/** A transfer asked of Stripe this long ago and never applied was interrupted by a crash: it is asked again. */
const PROCESSING_STALE_MS = 2 * 60_000;

/** Thrown after a failed attempt was recorded, so that the queue retries the job with backoff. */
export class PayoutAttemptFailedError extends Error {}

/** What the organizer does about a payout that cannot be made yet: the CLI command and the endpoint. */
const CONFIGURE =
  'onboard with `yardpass payout-config onboard` (POST /v1/payout-configuration:onboard) or set an account with `yardpass payout-config set --stripe-connect-account-id acct_…` (PUT /v1/payout-configuration); the payout resumes by itself';
const RETRY = (id: string) => `retry with \`yardpass payouts retry ${id}\` (POST /v1/payouts/${id}:retry)`;

/** Idempotency keys of one payout's transfer: `payout:{id}`, then one more per `:retry`. */
const transferKey = (payout: PayoutRow) =>
  payout.retry_count === 0 ? `payout:${payout.id}` : `payout:${payout.id}:retry:${payout.retry_count}`;

type PayoutDeps = { db: Db; payments: PaymentsProvider; log: Logger };

/**
 * The payout job: transfers amount − fee to the organizer's connected account, `source_transaction` = the charge.
 * No Stripe call runs inside a transaction: the claim (`processing`, with the attempt counted) commits first, the
 * transfer is asked with the payout's idempotency key, and the answer is applied in a second transaction, so a
 * crash in between is finished by asking again with the same key (Stripe answers the same transfer). A retried
 * payout (new key) first looks for a transfer already made for it, so it never transfers twice.
 * An organizer that cannot receive transfers parks the payout in `awaiting_configuration` (no attempt used up);
 * other failures are retried with the queue's backoff, and the third marks it `failed` (`payout.failed`).
 */
export async function runPayout(deps: PayoutDeps, payoutId: string): Promise<PayoutRow | undefined> {
  const claim = await deps.db.system(async (tx) => {
    const payout = await findPayout(tx, payoutId, { forUpdate: true });
    const stale =
      payout?.status === 'processing' &&
      Date.now() - Date.parse(payout.transfer_requested_at ?? '') > PROCESSING_STALE_MS;
    if (!payout || (payout.status !== 'pending' && !stale)) return { payout, idle: true };
    const order = (await findOrder(tx, payout.order_id))!;
    // A disputed order's payout waits (still `pending`); closing the dispute as won queues it again.
    if (order.disputed) return { payout, idle: true };
    const facts = await findOrderPaymentFacts(tx, order.id);
    const destination = (await findPayoutConfig(tx, payout.org_id))?.stripe_connect_account_id ?? null;
    if (!destination)
      return {
        payout: await parkPayout(
          tx,
          payout,
          null,
          `The organizer has no Stripe Connect account: ${CONFIGURE}.`,
        ),
      };
    if (!facts?.stripe_charge_id)
      return { payout: await failAttempt(tx, payout, 'The order has no recorded charge to transfer from.') };
    const claimed = await updatePayout(tx, payout.id, {
      status: 'processing',
      destination_account_id: destination,
      transfer_requested_at: new Date(),
      ...(stale ? {} : { payout_attempts: payout.payout_attempts + 1 }),
    });
    return {
      payout: claimed,
      transfer: { destination, chargeId: facts.stripe_charge_id, orderId: order.id },
    };
  });
  if ('idle' in claim) return claim.payout;
  if (!claim.transfer) return settled(deps, claim.payout);

  const payout = claim.payout;
  let transferId: string | undefined;
  let failure: unknown;
  try {
    const made =
      payout.retry_count > 0
        ? await deps.payments.findTransfer({ transferGroup: claim.transfer.orderId, payoutId: payout.id })
        : undefined;
    transferId = (
      made ??
      (await deps.payments.createTransfer({
        amountCents: payout.amount_cents,
        currency: payout.currency,
        destination: claim.transfer.destination,
        sourceTransaction: claim.transfer.chargeId,
        transferGroup: claim.transfer.orderId,
        metadata: { order_id: claim.transfer.orderId, payout_id: payout.id },
        idempotencyKey: transferKey(payout),
      }))
    ).id;
  } catch (error) {
    if (!(error instanceof PaymentsRejectedError || error instanceof PaymentsUnavailableError)) throw error;
    failure = error;
  }

  let reversals: PayoutReversalRow[] = [];
  const applied = await deps.db.system(async (tx) => {
    const current = (await findPayout(tx, payoutId, { forUpdate: true }))!;
    // Another run applied its answer first (the same transfer, by the same key): nothing left to do.
    if (current.status !== 'processing') return current;
    if (transferId) {
      // A dispute lost while Stripe was making this transfer reserved a reversal of it: made right after.
      reversals = await listPayoutReversals(tx, current.id, { status: 'pending' });
      const paid = await updatePayout(tx, current.id, {
        status: 'paid',
        stripe_transfer_id: transferId,
        payout_failure_reason: null,
        paid_at: new Date(),
      });
      const order = (await findOrder(tx, paid.order_id))!;
      await bookTransfer(tx, order, { id: paid.id, amountCents: paid.amount_cents });
      await emitEvent(tx, paid.org_id, 'payout.completed', paid);
      return paid;
    }
    const reason = (failure as Error).message;
    if (isConfigurationRejection(failure))
      return parkPayout(
        tx,
        current,
        current.payout_attempts - 1,
        `The connected account cannot receive transfers yet (${reason}): finish onboarding — ${CONFIGURE}.`,
      );
    return failAttempt(tx, current, reason, 0);
  });
  await finishPayoutReversals(
    deps,
    reversals.map((reversal) => reversal.id),
  );
  return settled(deps, applied);
}

/** `awaiting_configuration`: the attempt is not counted, and `payout.awaiting_configuration` tells the organizer. */
async function parkPayout(tx: Tx, payout: PayoutRow, attempts: number | null, reason: string) {
  const parked = await updatePayout(tx, payout.id, {
    status: 'awaiting_configuration',
    payout_failure_reason: reason,
    ...(attempts === null ? {} : { payout_attempts: attempts }),
  });
  if (payout.status !== 'awaiting_configuration')
    await emitEvent(tx, parked.org_id, 'payout.awaiting_configuration', parked);
  return parked;
}

/** A failed attempt: `pending` again for the queue's retry, or `failed` (and `payout.failed`) after the last. */
async function failAttempt(tx: Tx, payout: PayoutRow, reason: string, extra = 1) {
  const attempts = payout.payout_attempts + extra;
  const final = attempts >= MAX_PAYOUT_ATTEMPTS;
  const failed = await updatePayout(tx, payout.id, {
    status: final ? 'failed' : 'pending',
    payout_attempts: attempts,
    payout_failure_reason: final ? `${reason} — ${RETRY(payout.id)}.` : reason,
  });
  if (final) await emitEvent(tx, failed.org_id, 'payout.failed', failed);
  return failed;
}

/** The job's outcome: a failure that will be retried throws (the queue's backoff); the last one is logged. */
function settled(deps: PayoutDeps, payout: PayoutRow | undefined) {
  if (payout?.status === 'pending' && payout.payout_failure_reason && payout.payout_attempts > 0)
    throw new PayoutAttemptFailedError(`payout ${payout.id} attempt failed: ${payout.payout_failure_reason}`);
  if (payout?.status === 'failed')
    deps.log.error(
      { payout_id: payout.id, attempts: payout.payout_attempts, reason: payout.payout_failure_reason },
      'payout failed for good; the organizer was sent payout.failed',
    );
  return payout;
}

/** Whether another retry would need an idempotency key beyond the last one a payout may use. */
const retriesExhausted = (payout: PayoutRow) =>
  payout.transfer_requested_at !== null && payout.retry_count >= MAX_PAYOUT_RETRIES;

/**
 * A retry of a `failed` or `awaiting_configuration` payout (a person's `:retry`, or configuration that now allows
 * it): queued again, or — when its keys are used up — failed for good with `payout.failed`, so that it shows in the
 * ops inbox rather than break the caller's transaction on the database's bound.
 */
async function queueRetry(tx: Tx, payout: PayoutRow): Promise<PayoutRow> {
  if (!retriesExhausted(payout)) return requeuePayout(tx, payout, { retry: true });
  const stopped = await updatePayout(tx, payout.id, {
    status: 'failed',
    payout_failure_reason: `${RETRIES_EXHAUSTED} after ${MAX_PAYOUT_RETRIES} idempotency keys, the most one payout may use (last refusal: ${payout.payout_failure_reason ?? 'unknown'}). Look at the transfers of transfer group ${payout.order_id} in the Stripe dashboard before anything more is sent to the organizer.`,
  });
  if (payout.status !== 'failed') await emitEvent(tx, stopped.org_id, 'payout.failed', stopped);
  return stopped;
}

/**
 * `POST /v1/payouts/{id}:retry` (organizer): a `failed` or `awaiting_configuration` payout is queued again under
 * the next key of its family. Concurrent retries serialize on the payout row: the first queues it, the others
 * find it `pending` and answer it as it is, so one transfer at most. A `paid` payout whose lost-dispute reversal
 * Stripe refused has that reversal asked again ({@link retryReversals}).
 */
export async function retryPayout(
  deps: { db: Db; payments: PaymentsProvider },
  caller: Caller,
  id: string,
): Promise<PayoutRow> {
  requireRole(caller, 'admin', 'retry payouts');
  const outcome = await deps.db.tenant(caller.orgId, async (tx) => {
    const payout = await findPayout(tx, id, { forUpdate: true });
    if (!payout) throw new NotFoundError('payout');
    if (payout.status === 'paid') {
      const reversals = await listPayoutReversals(tx, id, { forUpdate: true });
      const failed = reversals.filter((reversal) => reversal.status === 'failed');
      // Its reversals are being made (another retry) or were made: answered as it is.
      if (failed.length === 0 && reversals.length > 0) return { payout, reversals: [] };
      if (failed.length === 0)
        throw new ConflictError({
          code: 'payout_not_retryable',
          detail: `The payout is already paid (transfer ${payout.stripe_transfer_id}).`,
          extra: { current_status: payout.status },
        });
      const retried = [];
      for (const reversal of failed) retried.push(await queueReversalRetry(tx, reversal));
      await recordAudit(tx, caller, {
        action: 'payout.retry_reversal',
        resourceType: 'payout',
        resourceId: id,
      });
      return { payout, reversals: retried };
    }
    if (payout.status === 'cancelled')
      throw new ConflictError({
        code: 'payout_not_retryable',
        detail: `The payout was cancelled: ${payout.payout_failure_reason ?? 'its order lost a dispute'}.`,
        extra: { current_status: payout.status },
      });
    if (payout.status === 'pending' || payout.status === 'processing') return { payout, reversals: [] };
    if (retriesExhausted(payout))
      throw new ConflictError({
        code: 'payout_not_retryable',
        detail: `The payout was retried under ${MAX_PAYOUT_RETRIES} idempotency keys, the most one payout may use; look at the transfers of transfer group ${payout.order_id} in the Stripe dashboard.`,
        extra: { current_status: payout.status, retry_count: payout.retry_count },
      });
    const order = (await withSystemAccess(tx, () => findOrder(tx, payout.order_id)))!;
    await assertNotDisputed(tx, order, 'paid out');
    const queued = await queueRetry(tx, payout);
    await recordAudit(tx, caller, { action: 'payout.retry', resourceType: 'payout', resourceId: id });
    return { payout: queued, reversals: [] };
  });
  await retryReversals(deps, outcome.reversals);
  return outcome.payout;
}

/** A refused reversal, `pending` again under the next idempotency key of its family (Stripe keeps a refusal's key). */
function queueReversalRetry(tx: Tx, reversal: PayoutReversalRow): Promise<PayoutReversalRow> {
  if (reversal.retry_count >= MAX_PAYOUT_RETRIES)
    throw new ConflictError({
      code: 'payout_not_retryable',
      detail: `The transfer reversal was retried under ${MAX_PAYOUT_RETRIES} idempotency keys, the most one reversal may use; recover the money from the organizer in the Stripe dashboard.`,
      extra: { current_status: 'paid', retry_count: reversal.retry_count },
    });
  return updatePayoutReversal(tx, reversal.id, {
    status: 'pending',
    retry_count: reversal.retry_count + 1,
    reversal_failure_reason: null,
  });
}

/**
 * Asks Stripe for the retried reversals at once, after their retry committed. Stripe unreachable: they stay
 * `pending` for the reconciliation job (same key). Refused again: 409 with Stripe's reason (the reversal is `failed`
 * again, in the ops inbox).
 */
async function retryReversals(deps: { db: Db; payments: PaymentsProvider }, reversals: PayoutReversalRow[]) {
  for (const reversal of reversals) {
    let after: PayoutReversalRow | undefined;
    try {
      after = await finishPayoutReversal(deps, reversal.id);
    } catch (error) {
      if (error instanceof PaymentsUnavailableError) continue;
      throw error;
    }
    if (after?.status === 'failed')
      throw new ConflictError({
        code: 'reversal_refused',
        detail: after.reversal_failure_reason ?? 'Stripe refused the transfer reversal.',
        extra: { payout_reversal_id: after.id, amount_cents: after.amount_cents },
      });
  }
}

/**
 * Payouts waiting for configuration are queued again: all of one organization when its payout configuration
 * changed (`PUT`, onboarding, Stripe's `account.updated`); for reconciliation, those whose organizer has an
 * account and changed it since, or that were parked before `parkedBefore`. Answers how many.
 */
export async function resumeAwaitingPayouts(
  tx: Tx,
  filter: { orgId?: string; parkedBefore?: Date },
): Promise<number> {
  const waiting = await withSystemAccess(tx, () => listAwaitingPayouts(tx, filter));
  for (const payout of waiting) await withSystemAccess(tx, () => queueRetry(tx, payout));
  return waiting.length;
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
