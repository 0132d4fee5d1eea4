import {
  findOrder,
  findSponsorOwner,
  insertOrder,
  listOrderRefunds,
  listOrders,
  lockPackageForSale,
  type OrderRow,
  reserveUnit,
} from '../db/orders';
import { decodeCursor, toPage } from '../db/pagination';
import { type Db, type Tx, withSystemAccess } from '../db/pool';
import type { components } from '../generated/openapi';
import { ConflictError, NotFoundError, UnprocessableError } from '../errors';
import { recordAudit } from './audit';
import type { Caller } from './caller';
import { assertPackageRules } from './package-rules';
import { emitEvent } from './webhook-events';

export type { OrderRow } from '../db/orders';
export type CancellationPolicy = components['schemas']['CancellationPolicy'];

const DEFAULT_POLICY: CancellationPolicy = { window_days: 0, penalty_pct: 0 };

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
 */
export async function placeOrder(
  tx: Tx,
  input: {
    packageId: string;
    sponsorId: string;
    amountCents: number;
    currency: string;
    cancellationPolicy?: CancellationPolicy;
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
  if (sponsor.org_id === pkg.org_id)
    throw new UnprocessableError({
      code: 'self_sponsorship',
      detail: 'An organization cannot order its own package for one of its own sponsors.',
    });
  if (input.currency !== pkg.currency)
    throw new UnprocessableError({
      code: 'currency_mismatch',
      detail: `The package is sold in ${pkg.currency}; order it in ${pkg.currency} (got ${input.currency}).`,
    });
  if (input.side === 'sponsor' && !negotiated && input.amountCents < pkg.price_cents)
    throw new UnprocessableError({
      code: 'below_price',
      detail: `The package costs ${pkg.price_cents} cents; negotiate a lower price with a proposal instead.`,
    });

  await assertPackageRules(tx, pkg, input.sponsorId, new Date());
  const order = await insertOrder(tx, {
    eventId: pkg.event_id,
    packageId: pkg.id,
    sponsorId: input.sponsorId,
    proposalId: input.proposalId ?? null,
    organizerOrgId: pkg.org_id,
    sponsorOrgId: sponsor.org_id,
    amountCents: input.amountCents,
    currency: input.currency,
    cancellationPolicy: input.cancellationPolicy ?? DEFAULT_POLICY,
    side: input.side,
  });
  // The rules saw the locked row, so this only fails if the lock was somehow bypassed; the database holds.
  if (!(await reserveUnit(tx, pkg.id)))
    throw new ConflictError({
      code: 'package_rule_violated',
      detail: 'The package is sold out.',
      extra: { rule: 'inventory' },
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
      sponsorId: input.sponsor_id,
      amountCents: input.amount_cents ?? pkg.price_cents,
      currency: input.currency ?? pkg.currency,
      cancellationPolicy: input.cancellation_policy,
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
    limit?: number;
    starting_after?: string;
  },
) {
  const limit = query.limit ?? 20;
  const after = decodeCursor(query.starting_after);
  return db.tenant(caller.orgId, async (tx) =>
    toPage(
      await listOrders(tx, {
        eventId: query.event_id,
        status: query.status,
        escrowState: query.escrow_state,
        limit,
        after,
      }),
      limit,
      (row) => row.created_at,
    ),
  );
}

/** An order with its refunds (and, as those areas land, its ledger summary and payout). */
export async function getOrder(db: Db, caller: Caller, id: string) {
  return db.tenant(caller.orgId, async (tx) => {
    const order = await findOrder(tx, id);
    if (!order) throw new NotFoundError('order');
    return { ...order, refunds: await listOrderRefunds(tx, id) };
  });
}
