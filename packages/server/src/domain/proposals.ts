import { findEvent } from '../db/events';
import { eventHasListedPackage, findPackage, findVariant, type PackageRow } from '../db/packages';
import { type Db, type Tx, withSystemAccess } from '../db/pool';
import { readPage } from '../db/reads';
import {
  expireIdleThreads,
  findProposalView,
  insertMessage,
  insertThread,
  listInbox,
  listMessages,
  lockThread,
  type ProposalOffer,
  type ProposalStatus,
  type ProposalView,
  setThreadStatus,
  type Side,
  type ThreadRow,
} from '../db/proposals';
import { findSponsor } from '../db/sponsors';
import type { components } from '../generated/openapi';
import { ConflictError, NotFoundError, UnprocessableError } from '../errors';
import { recordAudit } from '../db/audit';
import type { Caller } from '../caller';
import { placeOrder } from './orders';
import { assertBrandSafe } from './brand-safety';
import { assertPackageRules } from './package-rules';
import { applyTermsDelta, normalizeTerms } from './sla-terms';
import { emitEvent } from '../webhooks/emit';

export type ProposalCreate = components['schemas']['ProposalCreate'];
export type MessageCreate = components['schemas']['ProposalMessageCreate'];

const open: ProposalStatus[] = ['sent', 'countered'];

/** The caller's side of a thread, from its organization; a thread it is no party to does not exist for it. */
function sideOf(thread: ThreadRow, caller: Caller): Side {
  if (thread.organizer_org_id === caller.orgId) return 'organizer';
  if (thread.sponsor_org_id === caller.orgId) return 'sponsor';
  throw new NotFoundError('proposal');
}

/** Locks a thread the caller is a party to; a draft is visible only to the side writing it. */
async function lockVisibleThread(
  tx: Tx,
  caller: Caller,
  id: string,
): Promise<{ thread: ThreadRow; side: Side }> {
  const thread = await lockThread(tx, id);
  if (!thread) throw new NotFoundError('proposal');
  const side = sideOf(thread, caller);
  if (thread.status === 'draft' && thread.created_by_side !== side) throw new NotFoundError('proposal');
  return { thread, side };
}

function invalidTransition(thread: ThreadRow, action: string, why?: string): never {
  throw new ConflictError({
    code: 'invalid_proposal_transition',
    detail: why ?? `A ${thread.status} proposal cannot be ${action}.`,
    extra: { current_status: thread.status },
  });
}

/** The side whose offer is on the table (the creator's until anyone makes an offer). */
const offeringSide = (thread: ThreadRow): Side => thread.last_offer_side ?? thread.created_by_side;

async function view(tx: Tx, id: string, side: Side): Promise<ProposalView> {
  return (await findProposalView(tx, id, side))!;
}

/** Emits `type` to both parties, each with the thread as that party's API answers it. */
async function emitToBoth(tx: Tx, type: string, thread: ThreadRow, data: ProposalView): Promise<void> {
  // The counterparty's event row is not the caller's to read back (the outbox insert returns it).
  await withSystemAccess(tx, async () => {
    await emitEvent(tx, thread.organizer_org_id, type, { ...data, your_side: 'organizer' });
    await emitEvent(tx, thread.sponsor_org_id, type, { ...data, your_side: 'sponsor' });
  });
}

/**
 * Checks an offer against the thread's package and completes it: a variant must be an active one of the
 * package, the currency is the variant's (or package's), and countered SLA terms are checked and summarized.
 */
async function checkOffer(
  tx: Tx,
  offer: ProposalOffer | undefined,
  pkg: PackageRow | undefined,
  path: string,
): Promise<ProposalOffer | null> {
  if (!offer) return null;
  if (!pkg && (offer.variant_id || offer.sla_terms_delta))
    throw new UnprocessableError({
      code: 'no_package',
      detail: 'Variants and SLA terms belong to a package: start the proposal for a package to offer them.',
    });
  const variant = offer.variant_id
    ? await withSystemAccess(tx, () => findVariant(tx, offer.variant_id!))
    : undefined;
  if (offer.variant_id && (!variant || variant.package_id !== pkg?.id || !variant.is_active))
    throw new NotFoundError('package variant');
  const currency = variant?.currency ?? pkg?.currency;
  const delta = offer.sla_terms_delta && {
    sla_terms_delta: normalizeTerms(offer.sla_terms_delta, `${path}/sla_terms_delta`, currency),
  };
  if (currency && offer.currency && offer.currency !== currency)
    throw new UnprocessableError({
      code: 'currency_mismatch',
      detail: `The package is sold in ${currency}; make the offer in ${currency} (got ${offer.currency}).`,
    });
  return { ...offer, currency: offer.currency ?? currency, ...delta };
}

/**
 * Starts a thread as the caller's side: the organizer of the event (to a public sponsor), or the organization
 * of the sponsor (for an event with packages on sale). With a package, its sale rules are checked now.
 */
export function createProposal(db: Db, caller: Caller, input: ProposalCreate, now = new Date()) {
  return db.tenant(caller.orgId, (tx) => openProposal(tx, caller, input, now));
}

/** {@link createProposal} inside the caller's transaction `tx` (a match opens one as it is accepted). */
export async function openProposal(tx: Tx, caller: Caller, input: ProposalCreate, now: Date) {
  // The event and the sponsor usually belong to two tenants; what the caller may learn is decided below.
  const [event, sponsor] = await withSystemAccess(tx, async () => [
    await findEvent(tx, input.event_id),
    await findSponsor(tx, input.sponsor_id),
  ]);
  if (!sponsor) throw new NotFoundError('sponsor');
  if (!event) throw new NotFoundError('event');
  const ownsEvent = event.owner_org_id === caller.orgId;
  const ownsSponsor = sponsor.org_id === caller.orgId;
  if (ownsEvent && ownsSponsor)
    throw new UnprocessableError({
      code: 'self_sponsorship',
      detail: 'The event and the sponsor belong to the same organization; there is nobody to negotiate with.',
    });
  if (!ownsEvent && !ownsSponsor) throw new NotFoundError('sponsor');
  const side: Side = ownsEvent ? 'organizer' : 'sponsor';
  if (side === 'organizer' && sponsor.visibility !== 'public') throw new NotFoundError('sponsor');
  await assertBrandSafe(tx, { eventId: event.id, sponsorId: sponsor.id });

  const pkg = input.package_id
    ? await withSystemAccess(tx, () => findPackage(tx, input.package_id!, { lock: true }))
    : undefined;
  if (input.package_id) {
    const visible =
      pkg && (side === 'organizer' ? pkg.org_id === caller.orgId : pkg.visibility !== 'private');
    if (!pkg || !visible) throw new NotFoundError('sponsorship package');
    if (pkg.event_id !== event.id)
      throw new UnprocessableError({
        code: 'event_mismatch',
        detail: `The package belongs to event ${pkg.event_id}, not ${event.id}.`,
      });
    await assertPackageRules(tx, pkg, sponsor.id, now);
  } else if (side === 'sponsor' && !(await withSystemAccess(tx, () => eventHasListedPackage(tx, event.id)))) {
    throw new NotFoundError('event');
  }
  const offer = await checkOffer(tx, input.initial_message?.offer, pkg, '/initial_message/offer');

  const thread = await insertThread(tx, {
    eventId: event.id,
    packageId: pkg?.id ?? null,
    sponsorId: sponsor.id,
    organizerOrgId: event.owner_org_id,
    sponsorOrgId: sponsor.org_id,
    side,
  });
  if (input.initial_message) {
    await insertMessage(tx, {
      thread,
      side,
      userId: caller.userId ?? null,
      body: input.initial_message.body ?? '',
      offer,
      status: 'draft',
    });
  }
  await recordAudit(tx, caller, {
    action: 'proposal.create',
    resourceType: 'proposal',
    resourceId: thread.id,
  });
  return view(tx, thread.id, side);
}

export function getProposal(db: Db, caller: Caller, id: string) {
  return db.read(caller.orgId, async (tx) => {
    const proposal = await findProposalView(tx, id, 'organizer');
    if (!proposal) throw new NotFoundError('proposal');
    const side: Side = proposal.organizer_org_id === caller.orgId ? 'organizer' : 'sponsor';
    if (proposal.status === 'draft' && proposal.created_by_side !== side) throw new NotFoundError('proposal');
    return { ...proposal, your_side: side, messages: await listMessages(tx, id) };
  });
}

export function listProposalsPage(
  db: Db,
  caller: Caller,
  query: { event_id?: string; status?: ProposalStatus; side?: Side; limit?: number; starting_after?: string },
) {
  return readPage(
    db,
    caller.orgId,
    query,
    (tx, page) =>
      listInbox(tx, {
        orgId: caller.orgId,
        side: query.side,
        eventId: query.event_id,
        status: query.status,
        ...page,
      }),
    (row) => row.updated_at,
  );
}

/**
 * Adds a message. An offer from the side whose offer is not on the table is a counter-offer: the thread becomes
 * `countered` (or `sent` again when the creator answers a counter), and `proposal.countered` goes to both sides.
 */
export function addMessage(db: Db, caller: Caller, id: string, input: MessageCreate) {
  return db.tenant(caller.orgId, async (tx) => {
    const { thread, side } = await lockVisibleThread(tx, caller, id);
    if (thread.status !== 'draft' && !open.includes(thread.status)) invalidTransition(thread, 'answered');
    const pkg = thread.package_id
      ? await withSystemAccess(tx, () => findPackage(tx, thread.package_id!))
      : undefined;
    const offer = await checkOffer(tx, input.offer, pkg, '/offer');
    const counter = offer !== null && thread.status !== 'draft' && side !== offeringSide(thread);
    const status: ProposalStatus = counter
      ? side === thread.created_by_side
        ? 'sent'
        : 'countered'
      : thread.status;
    const message = await insertMessage(tx, {
      thread,
      side,
      userId: caller.userId ?? null,
      body: input.body ?? '',
      offer,
      status,
    });
    if (counter) await emitToBoth(tx, 'proposal.countered', thread, await view(tx, id, side));
    await recordAudit(tx, caller, { action: 'proposal.message', resourceType: 'proposal', resourceId: id });
    return message;
  });
}

export function sendProposal(db: Db, caller: Caller, id: string) {
  return db.tenant(caller.orgId, async (tx) => {
    const { thread, side } = await lockVisibleThread(tx, caller, id);
    if (thread.status !== 'draft') invalidTransition(thread, 'sent');
    await setThreadStatus(tx, id, 'sent');
    const proposal = await view(tx, id, side);
    await emitToBoth(tx, 'proposal.sent', thread, proposal);
    await recordAudit(tx, caller, { action: 'proposal.send', resourceType: 'proposal', resourceId: id });
    return proposal;
  });
}

/**
 * Accepts the offer on the table and creates its order in the same transaction. The thread row is locked
 * first, so of concurrent accepts one runs and the others then find it accepted (409).
 */
export function acceptProposal(db: Db, caller: Caller, id: string) {
  return db.tenant(caller.orgId, async (tx) => {
    const { thread, side } = await lockVisibleThread(tx, caller, id);
    if (!open.includes(thread.status)) invalidTransition(thread, 'accepted');
    if (!thread.last_offer)
      throw new UnprocessableError({
        code: 'no_offer',
        detail: 'There is no offer to accept yet: add a message with an offer first.',
      });
    if (thread.last_offer_side === side)
      invalidTransition(
        thread,
        'accepted',
        'The latest offer is your own; the other side must accept it (or counter).',
      );
    if (!thread.package_id)
      throw new UnprocessableError({
        code: 'no_package',
        detail: 'The proposal names no package, so there is nothing to order; start one for a package.',
      });
    const pkg = (await withSystemAccess(tx, () => findPackage(tx, thread.package_id!)))!;
    const offer = thread.last_offer;
    const variant = offer.variant_id
      ? await withSystemAccess(tx, () => findVariant(tx, offer.variant_id!))
      : undefined;
    await placeOrder(tx, {
      packageId: pkg.id,
      variantId: offer.variant_id,
      sponsorId: thread.sponsor_id,
      amountCents: offer.price_cents,
      currency: offer.currency,
      // The terms agreed on are the order's: those on sale now, countered by the accepted offer.
      slaTerms:
        offer.sla_terms_delta &&
        applyTermsDelta(variant?.sla_terms ?? pkg.sla_terms ?? [], offer.sla_terms_delta),
      cancellationPolicy: pkg.cancellation_policy ?? undefined,
      proposalId: thread.id,
      side,
      actorOrgId: caller.orgId,
    });
    await setThreadStatus(tx, id, 'accepted');
    const proposal = await view(tx, id, side);
    await emitToBoth(tx, 'proposal.accepted', thread, proposal);
    await recordAudit(tx, caller, { action: 'proposal.accept', resourceType: 'proposal', resourceId: id });
    return proposal;
  });
}

export function rejectProposal(db: Db, caller: Caller, id: string, reason: string | undefined) {
  return db.tenant(caller.orgId, async (tx) => {
    const { thread, side } = await lockVisibleThread(tx, caller, id);
    if (!open.includes(thread.status)) invalidTransition(thread, 'rejected');
    if (offeringSide(thread) === side)
      invalidTransition(thread, 'rejected', 'The offer on the table is your own: withdraw it instead.');
    await setThreadStatus(tx, id, 'rejected', reason ?? null);
    const proposal = await view(tx, id, side);
    await emitToBoth(tx, 'proposal.rejected', thread, proposal);
    await recordAudit(tx, caller, { action: 'proposal.reject', resourceType: 'proposal', resourceId: id });
    return proposal;
  });
}

export function withdrawProposal(db: Db, caller: Caller, id: string, reason: string | undefined) {
  return db.tenant(caller.orgId, async (tx) => {
    const { thread, side } = await lockVisibleThread(tx, caller, id);
    if (thread.status !== 'draft' && !open.includes(thread.status)) invalidTransition(thread, 'withdrawn');
    if (offeringSide(thread) !== side)
      invalidTransition(
        thread,
        'withdrawn',
        "The offer on the table is the other side's: reject it instead.",
      );
    await setThreadStatus(tx, id, 'withdrawn', reason ?? null);
    await recordAudit(tx, caller, { action: 'proposal.withdraw', resourceType: 'proposal', resourceId: id });
    return view(tx, id, side);
  });
}

/** The expiry job: open threads without activity for `days` days become `expired`. */
export function expireProposals(db: Db, options: { days: number; now: Date }) {
  const cutoff = new Date(options.now.getTime() - options.days * 86_400_000);
  return db.system((tx) => expireIdleThreads(tx, cutoff, `No activity for ${options.days} days.`));
}
