import {
  type ActivationStatus,
  findEventAndSponsorOwners,
  findEventSponsorshipByKey,
  listEventSponsorships,
  upsertEventSponsorship,
} from '../db/event-sponsorships';
import { readPage } from '../db/reads';
import type { Db } from '../db/pool';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import type { components } from '../generated/openapi';
import { recordAudit } from '../db/audit';
import type { Caller } from '../caller';
import { emitSponsorshipUpdated } from './fulfilment';

type Upsert = components['schemas']['EventSponsorshipUpsert'];

const rank: Record<ActivationStatus, number> = { draft: 0, in_progress: 1, complete: 2 };

/**
 * Upsert by (event, sponsor, tier), guide §20.1. The caller owns the event or the sponsor and can see the other;
 * the status only moves forward. Answers whether the row is new, for 201 against 200.
 */
export function upsertSponsorship(db: Db, caller: Caller, input: Upsert) {
  return db.tenant(caller.orgId, async (tx) => {
    const owners = await findEventAndSponsorOwners(tx, input.event_id, input.sponsor_id);
    if (!owners.event_owner_org_id) throw new NotFoundError('event');
    if (!owners.sponsor_org_id) throw new NotFoundError('sponsor');
    if (owners.event_owner_org_id !== caller.orgId && owners.sponsor_org_id !== caller.orgId) {
      throw new ForbiddenError(
        "Only the event's organizer or the sponsor's organization may manage this event sponsorship.",
        { code: 'wrong_side' },
      );
    }
    const existing = await findEventSponsorshipByKey(tx, input, { lock: true });
    if (
      existing &&
      input.activation_status &&
      rank[input.activation_status] < rank[existing.activation_status]
    ) {
      throw new ConflictError({
        code: 'invalid_state',
        detail: `The sponsorship is ${existing.activation_status}; activation_status only moves forward (draft → in_progress → complete).`,
        extra: { current_status: existing.activation_status },
      });
    }
    const { after } = await upsertEventSponsorship(tx, {
      organizer_org_id: owners.event_owner_org_id,
      sponsor_org_id: owners.sponsor_org_id,
      event_id: input.event_id,
      sponsor_id: input.sponsor_id,
      tier: input.tier,
      amount_cents: input.amount_cents,
      currency: input.currency,
      benefits: input.benefits,
      activation_status: input.activation_status,
    });
    const changed =
      !existing ||
      existing.activation_status !== after.activation_status ||
      existing.amount_cents !== after.amount_cents ||
      existing.currency !== after.currency;
    if (changed) await emitSponsorshipUpdated(tx, after);
    await recordAudit(tx, caller, {
      action: existing ? 'event_sponsorship.update' : 'event_sponsorship.create',
      resourceType: 'event_sponsorship',
      resourceId: after.id,
    });
    return { sponsorship: after, created: !existing };
  });
}

export function listSponsorshipsPage(
  db: Db,
  caller: Caller,
  query: {
    event_id?: string;
    sponsor_id?: string;
    activation_status?: ActivationStatus;
    limit?: number;
    starting_after?: string;
  },
) {
  return readPage(
    db,
    caller.orgId,
    query,
    (tx, page) => listEventSponsorships(tx, { ...query, ...page }),
    (row) => row.updated_at,
  );
}
