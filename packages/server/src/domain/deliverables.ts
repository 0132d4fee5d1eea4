import {
  type DeliverableRow,
  type DeliverableStatus,
  findDealParties,
  findDeliverable,
  findOrderParties,
  insertDeliverables,
  insertProof,
  insertReview,
  listDeliverables,
  listProofs,
  listReviews,
  packageBelongsToEvent,
  setDeliverableStatus,
  type Side,
  updateDeliverableSpec,
} from '../db/deliverables';
import { type Db, type Tx, withSystemAccess } from '../db/pool';
import { readPage } from '../db/reads';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from '../errors';
import type { components } from '../generated/openapi';
import { recordAudit } from '../db/audit';
import type { Caller } from '../caller';
import { settleOrderFulfilment } from './fulfilment';
import { lockOrder, releaseMilestones } from './orders';
import { satisfySlasFromProofs } from './slas';
import { emitEvent } from '../webhooks/emit';

type DeliverableCreate = components['schemas']['DeliverableCreate'];
type DeliverableUpdate = components['schemas']['DeliverableUpdate'];
type ProofCreate = components['schemas']['DeliverableProofCreate'];

const other = (side: Side): Side => (side === 'organizer' ? 'sponsor' : 'organizer');

/** The sides the caller's organization plays in a deliverable (both when it is organizer and sponsor at once). */
function sidesOf(caller: Caller, deliverable: DeliverableRow): Side[] {
  const sides: Side[] = [];
  if (deliverable.organizer_org_id === caller.orgId) sides.push('organizer');
  if (deliverable.sponsor_org_id === caller.orgId) sides.push('sponsor');
  return sides;
}

function requireSide(caller: Caller, deliverable: DeliverableRow, side: Side, action: string): Side {
  const sides = sidesOf(caller, deliverable);
  if (!sides.includes(side)) {
    throw new ForbiddenError(
      `Only the ${side} side may ${action} this deliverable; your organization is its ${sides.join(' and ')} side` +
        ` (owner_side is ${deliverable.owner_side}).`,
      { code: 'wrong_side' },
    );
  }
  return side;
}

function requireStatus(deliverable: DeliverableRow, allowed: DeliverableStatus[], action: string): void {
  if (!allowed.includes(deliverable.status)) {
    throw new ConflictError({
      code: 'invalid_state',
      detail: `A ${deliverable.status} deliverable cannot be ${action}; it must be ${allowed.join(' or ')}.`,
      extra: { current_status: deliverable.status },
    });
  }
}

/** The deliverable as webhooks carry it (the `Deliverable` schema, without proofs and history). */
function toDeliverable(row: DeliverableRow) {
  return row;
}

async function detail(tx: Tx, id: string) {
  const deliverable = await findDeliverable(tx, id);
  if (!deliverable) throw new NotFoundError('deliverable');
  return { ...deliverable, proofs: await listProofs(tx, id), reviews: await listReviews(tx, id) };
}

async function lockVisible(tx: Tx, id: string): Promise<DeliverableRow> {
  const deliverable = await findDeliverable(tx, id, { lock: true });
  if (!deliverable) throw new NotFoundError('deliverable');
  return deliverable;
}

/** Emits `type` to both parties with the deliverable as it is now. */
async function emitToParties(tx: Tx, type: string, id: string): Promise<void> {
  const deliverable = (await findDeliverable(tx, id))!;
  // The counterparty's event row is not the caller's to read back, so the outbox write runs as the system.
  await withSystemAccess(tx, async () => {
    await emitEvent(tx, deliverable.organizer_org_id, type, toDeliverable(deliverable));
    if (deliverable.sponsor_org_id !== deliverable.organizer_org_id)
      await emitEvent(tx, deliverable.sponsor_org_id, type, toDeliverable(deliverable));
  });
}

export function createDeliverable(db: Db, caller: Caller, input: DeliverableCreate) {
  return db.tenant(caller.orgId, async (tx) => {
    let deal: { event_id: string; sponsor_id: string; organizer_org_id: string; sponsor_org_id: string };
    let packageId = input.package_id ?? null;
    if (input.order_id) {
      const order = await findOrderParties(tx, input.order_id);
      if (!order) throw new NotFoundError('order');
      const mismatch = (['event_id', 'sponsor_id', 'package_id'] as const).filter(
        (field) => input[field] !== undefined && input[field] !== order[field],
      );
      if (mismatch.length > 0) {
        throw new ValidationError(
          'The deliverable names an order and something that is not part of it.',
          mismatch.map((field) => ({
            path: `/${field}`,
            message: `Must be the order's ${field} or left out.`,
          })),
        );
      }
      deal = order;
      packageId = order.package_id;
    } else {
      if (!input.event_id || !input.sponsor_id) {
        throw new ValidationError(
          'Name the order, or the event and the sponsor, the deliverable belongs to.',
          [
            ...(input.event_id ? [] : [{ path: '/event_id', message: 'Required without `order_id`.' }]),
            ...(input.sponsor_id ? [] : [{ path: '/sponsor_id', message: 'Required without `order_id`.' }]),
          ],
        );
      }
      const parties = await findDealParties(tx, input.event_id, input.sponsor_id);
      if (!parties)
        throw new NotFoundError('event sponsorship, order or proposal for this event and sponsor');
      deal = { event_id: input.event_id, sponsor_id: input.sponsor_id, ...parties };
      if (
        packageId &&
        !(await withSystemAccess(tx, () => packageBelongsToEvent(tx, packageId!, input.event_id!)))
      ) {
        throw new ValidationError('The package is not a package of this event.', [
          { path: '/package_id', message: 'Must be a package of `event_id`.' },
        ]);
      }
    }
    const [created] = await insertDeliverables(tx, [
      {
        ...deal,
        order_id: input.order_id ?? null,
        package_id: packageId,
        benefit_key: null,
        sla_id: null,
        type: input.type,
        spec: input.spec ?? {},
        due_at: input.due_at ?? null,
        evidence_required: input.evidence_required ?? true,
        owner_side: input.owner_side ?? 'organizer',
      },
    ]);
    await recordAudit(tx, caller, {
      action: 'deliverable.create',
      resourceType: 'deliverable',
      resourceId: created!.id,
    });
    return detail(tx, created!.id);
  });
}

export function getDeliverable(db: Db, caller: Caller, id: string) {
  return db.tenant(caller.orgId, (tx) => detail(tx, id));
}

export function listDeliverablesPage(
  db: Db,
  caller: Caller,
  query: {
    event_id?: string;
    sponsor_id?: string;
    order_id?: string;
    status?: DeliverableStatus;
    due_before?: string;
    limit?: number;
    starting_after?: string;
  },
) {
  return readPage(
    db,
    caller.orgId,
    query,
    (tx, page) => listDeliverables(tx, { ...query, ...page }),
    (row) => row.due_at ?? 'infinity',
  );
}

export function updateDeliverable(db: Db, caller: Caller, id: string, changes: DeliverableUpdate) {
  return db.tenant(caller.orgId, async (tx) => {
    const deliverable = await lockVisible(tx, id);
    requireStatus(deliverable, ['pending'], 'changed');
    await updateDeliverableSpec(tx, id, changes);
    await recordAudit(tx, caller, {
      action: 'deliverable.update',
      resourceType: 'deliverable',
      resourceId: id,
    });
    return detail(tx, id);
  });
}

export function submitProof(db: Db, caller: Caller, id: string, input: ProofCreate) {
  return db.tenant(caller.orgId, async (tx) => {
    const deliverable = await lockVisible(tx, id);
    const side = requireSide(caller, deliverable, deliverable.owner_side, 'submit proof of');
    requireStatus(deliverable, ['pending', 'needs_changes', 'submitted'], 'given a proof');
    const proof = await insertProof(tx, {
      deliverable,
      asset_url: input.asset_url,
      metrics: input.metrics ?? {},
      note: input.note ?? null,
      side,
      userId: caller.userId ?? null,
    });
    await insertReview(tx, {
      deliverable,
      action: 'submitted',
      side,
      to: 'submitted',
      reason: null,
      proofId: proof.id,
      userId: caller.userId ?? null,
    });
    await setDeliverableStatus(tx, id, 'submitted', null);
    await emitToParties(tx, 'deliverable.submitted', id);
    await recordAudit(tx, caller, {
      action: 'deliverable.submit',
      resourceType: 'deliverable',
      resourceId: id,
    });
    return detail(tx, id);
  });
}

type Review = 'approved' | 'needs_changes' | 'waived';

const reviews: Record<Review, { allowed: DeliverableStatus[]; verb: string; action: string }> = {
  approved: { allowed: ['pending', 'submitted', 'needs_changes'], verb: 'approve', action: 'approved' },
  needs_changes: { allowed: ['submitted'], verb: 'request changes to', action: 'sent back for changes' },
  waived: { allowed: ['pending', 'submitted', 'needs_changes'], verb: 'waive', action: 'waived' },
};

/**
 * The counterparty of `owner_side` reviews: approve, send back with a reason, or waive with a reason. When that
 * leaves every deliverable of a funded order approved or waived, the order locks (DESIGN §5) in the same
 * transaction, so that it can be released.
 */
export function reviewDeliverable(
  db: Db,
  caller: Caller,
  id: string,
  review: Review,
  reason: string | null,
  options: { defaultFeeBps?: number } = {},
) {
  const rule = reviews[review];
  return db.tenant(caller.orgId, async (tx) => {
    const deliverable = await lockVisible(tx, id);
    const side = requireSide(caller, deliverable, other(deliverable.owner_side), rule.verb);
    requireStatus(deliverable, rule.allowed, rule.action);
    if (review === 'approved' && deliverable.status !== 'submitted' && deliverable.evidence_required) {
      throw new UnprocessableError({
        code: 'proof_required',
        detail: `This deliverable requires evidence: the ${deliverable.owner_side} side must submit a proof before it can be approved.`,
        extra: { current_status: deliverable.status },
      });
    }
    await applyReview(tx, deliverable, { review, side, reason, userId: caller.userId ?? null }, options);
    await recordAudit(tx, caller, {
      action: `deliverable.${review === 'approved' ? 'approve' : review === 'waived' ? 'waive' : 'request_changes'}`,
      resourceType: 'deliverable',
      resourceId: id,
    });
    return detail(tx, id);
  });
}

/**
 * A review's effects, for a person's review and the review window's automatic approval alike: the review row, the
 * status, the event to both parties, the milestone's share of a `per_deliverable` order, and — when the order is
 * now fulfilled — its SLAs and its lock.
 */
async function applyReview(
  tx: Tx,
  deliverable: DeliverableRow,
  input: { review: Review; side: 'organizer' | 'sponsor'; reason: string | null; userId: string | null },
  options: { defaultFeeBps?: number },
) {
  const { review, reason } = input;
  await insertReview(tx, {
    deliverable,
    action: review,
    side: input.side,
    to: review,
    reason,
    proofId: null,
    userId: input.userId,
  });
  await setDeliverableStatus(tx, deliverable.id, review, reason);
  await emitToParties(tx, `deliverable.${review}`, deliverable.id);
  if (review !== 'needs_changes' && deliverable.order_id) {
    if (review === 'approved') await satisfySlasFromProofs(tx, deliverable.order_id);
    await releaseMilestones(tx, deliverable.order_id, options);
    const complete = await settleOrderFulfilment(tx, deliverable.order_id);
    const order = complete ? await findOrderParties(tx, deliverable.order_id) : undefined;
    if (order?.escrow_state === 'funded')
      await lockOrder(tx, deliverable.order_id, 'deliverables_complete', options);
  }
}

/**
 * The review window ended (the time-out job, as the system): the submitted deliverable is approved for the side
 * that should have reviewed it, and both parties get `deliverable.auto_approved` beside `deliverable.approved`.
 * `stillDue` re-reads the window under the row's lock, so a second worker finds nothing to do.
 */
export async function autoApproveDeliverable(
  tx: Tx,
  id: string,
  stillDue: () => Promise<boolean>,
  options: { defaultFeeBps?: number } = {},
): Promise<boolean> {
  const deliverable = await findDeliverable(tx, id, { lock: true });
  if (!deliverable || deliverable.status !== 'submitted' || !(await stillDue())) return false;
  await applyReview(
    tx,
    deliverable,
    {
      review: 'approved',
      side: other(deliverable.owner_side),
      reason: 'Approved automatically: the review window ended without a review.',
      userId: null,
    },
    options,
  );
  await emitToParties(tx, 'deliverable.auto_approved', id);
  return true;
}

/** `deliverable.review_due` to both parties: the review window ends within a day. */
export const remindReviewDue = (tx: Tx, id: string) => emitToParties(tx, 'deliverable.review_due', id);
