import {
  findFundingContext,
  insertDeliverables,
  type NewDeliverable,
  orderDeliverableProgress,
} from '../db/deliverables';
import {
  type EventSponsorshipRow,
  findEventSponsorshipByKey,
  findEventSponsorshipsByOrder,
  setActivationStatus,
  upsertEventSponsorship,
} from '../db/event-sponsorships';
import { type Tx, withSystemAccess } from '../db/pool';
import { freezeOrderSlaTerms, instantiateSlas } from '../db/slas';
import { emitEvent } from '../webhooks/emit';
import { AppError } from '../errors';

/** The order as the orders domain knows it at the moment it becomes funded. */
export interface FundedOrder {
  id: string;
  event_id: string;
  package_id: string;
  variant_id: string | null;
  sponsor_id: string;
  organizer_org_id: string;
  sponsor_org_id: string;
  amount_cents: number;
  currency: string;
  /** Its deliverables' weights in a milestone release, by benefit (1 when left out). */
  release_weights?: Record<string, number>;
}

/**
 * A benefit is an obligation when it promises something: `true`, a positive number, a non-empty string, list or
 * object. `false`, `0`, `null` and empty values are benefits the package does not include.
 */
export function isObligation(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === 'number') return value > 0;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return value === true;
}

/**
 * Release weights are keyed by the benefits that become deliverables (those that promise something): a key that
 * names none would weigh nothing, so it is refused with the keys it could have named.
 */
export function assertReleaseWeights(
  weights: Record<string, number> | undefined,
  benefits: Record<string, unknown>,
  path: string,
): void {
  if (!weights) return;
  const known = Object.keys(benefits).filter((key) => isObligation(benefits[key]));
  const unknown = Object.keys(weights).filter((key) => !known.includes(key));
  if (unknown.length > 0)
    throw new AppError({
      code: 'invalid_release_weights',
      status: 422,
      title: 'Unprocessable request',
      detail: `Release weights are keyed by the benefits that become deliverables (${known.join(', ') || 'this package promises none'}); ${unknown.join(', ')} is not one of them.`,
      errors: unknown.map((key) => ({
        path: `${path}/${key}`,
        message: 'Not a benefit this package promises.',
      })),
    });
}

function benefitSpec(key: string, value: unknown): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return { benefit: key, ...(value as Record<string, unknown>) };
  return { benefit: key, value };
}

/** Emits `event_sponsorship.updated` to both parties. */
export async function emitSponsorshipUpdated(tx: Tx, sponsorship: EventSponsorshipRow): Promise<void> {
  // The counterparty's event row is not the caller's to read back, so the outbox write runs as the system.
  await withSystemAccess(tx, async () => {
    await emitEvent(tx, sponsorship.organizer_org_id, 'event_sponsorship.updated', sponsorship);
    if (sponsorship.sponsor_org_id !== sponsorship.organizer_org_id)
      await emitEvent(tx, sponsorship.sponsor_org_id, 'event_sponsorship.updated', sponsorship);
  });
}

/**
 * Lays out the fulfilment of an order in the transaction that funds it: one deliverable per obligation benefit
 * of the variant bought, else of the package (due when the event ends); the order's SLA terms frozen (those it
 * carries from a negotiation, else the variant's or package's as they are now) and made into its SLAs, each due
 * its window after the event ends; and the matching event sponsorship (event, sponsor, tier) moved to
 * `in_progress` — created when there was none.
 * Idempotent: funding observed twice (webhook and reconciliation) changes nothing the second time.
 */
export async function onOrderFunded(tx: Tx, order: FundedOrder): Promise<void> {
  await withSystemAccess(tx, async () => {
    const context = await findFundingContext(tx, order);
    if (!context) throw new Error(`Order ${order.id} names a package or event that does not exist.`);

    const deliverables: NewDeliverable[] = Object.entries(context.benefits)
      .filter(([, value]) => isObligation(value))
      .map(([key, value]) => ({
        organizer_org_id: order.organizer_org_id,
        sponsor_org_id: order.sponsor_org_id,
        event_id: order.event_id,
        sponsor_id: order.sponsor_id,
        order_id: order.id,
        package_id: order.package_id,
        benefit_key: key,
        sla_id: null,
        type: key.slice(0, 100),
        spec: benefitSpec(key, value),
        due_at: context.ends_at,
        evidence_required: true,
        owner_side: 'organizer',
        release_weight: order.release_weights?.[key] ?? 1,
      }));
    await insertDeliverables(tx, deliverables);
    const terms = await freezeOrderSlaTerms(tx, order.id);
    await instantiateSlas(
      tx,
      order,
      terms.map((term) => ({
        metric: term.metric,
        target: term.target,
        breach_policy: { ...term.breach_policy, grace_days: term.grace_days ?? 0 },
        terms: term,
        due_at: new Date(Date.parse(context.ends_at) + (term.window_days ?? 0) * 86_400_000).toISOString(),
      })),
    );

    const key = { event_id: order.event_id, sponsor_id: order.sponsor_id, tier: context.tier };
    const existing = await findEventSponsorshipByKey(tx, key, { lock: true });
    if (existing?.order_id === order.id && existing.activation_status !== 'draft') return;
    const { after: activated } = await upsertEventSponsorship(tx, {
      ...key,
      organizer_org_id: order.organizer_org_id,
      sponsor_org_id: order.sponsor_org_id,
      order_id: order.id,
      amount_cents: order.amount_cents,
      currency: order.currency,
      benefits: existing && Object.keys(existing.benefits).length > 0 ? undefined : context.benefits,
      activation_status: 'in_progress',
    });
    await emitSponsorshipUpdated(tx, activated);
  });
}

/**
 * After a deliverable of an order is approved or waived: when all of them are, the order's event sponsorships
 * become `complete`. Answers whether the order's fulfilment is complete (the caller then locks the order).
 */
export async function settleOrderFulfilment(tx: Tx, orderId: string): Promise<boolean> {
  return withSystemAccess(tx, async () => {
    const progress = await orderDeliverableProgress(tx, orderId);
    if (progress.total === 0 || progress.done < progress.total) return false;
    for (const sponsorship of await findEventSponsorshipsByOrder(tx, orderId)) {
      if (sponsorship.activation_status === 'complete') continue;
      await emitSponsorshipUpdated(tx, await setActivationStatus(tx, sponsorship.id, 'complete'));
    }
    return true;
  });
}
