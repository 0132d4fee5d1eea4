import { findOwnedEvent } from '../db/analytics';
import { deleteConsent, listConsents, upsertConsent } from '../db/consents';
import { decodeCursor, toPage } from '../db/pagination';
import type { Db } from '../db/pool';
import { NotFoundError } from '../errors';
import type { components } from '../generated/openapi';
import { recordAudit } from '../db/audit';
import type { Caller } from '../caller';

type ConsentInput = components['schemas']['AudienceConsentInput'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function listEventConsents(
  db: Db,
  caller: Caller,
  input: { eventId: string; limit?: number; starting_after?: string },
) {
  const limit = input.limit ?? 20;
  const after = decodeCursor(input.starting_after);
  return db.tenant(caller.orgId, async (tx) => {
    if (!(await findOwnedEvent(tx, input.eventId))) throw new NotFoundError('event');
    return toPage(await listConsents(tx, input.eventId, { limit, after }), limit, (row) => row.created_at);
  });
}

/** Consent for a segment and scope: created, or its expiry replaced. */
export function putEventConsent(db: Db, caller: Caller, eventId: string, input: ConsentInput) {
  return db.tenant(caller.orgId, async (tx) => {
    if (!(await findOwnedEvent(tx, eventId))) throw new NotFoundError('event');
    const consent = await upsertConsent(tx, {
      orgId: caller.orgId,
      eventId,
      segmentKey: input.segment_key,
      scope: input.scope,
      expiresAt: input.expires_at ?? null,
    });
    await recordAudit(tx, caller, {
      action: 'audience_consent.put',
      resourceType: 'audience_consent',
      resourceId: consent.id,
    });
    return consent;
  });
}

export function deleteEventConsent(db: Db, caller: Caller, eventId: string, consentId: string) {
  return db.tenant(caller.orgId, async (tx) => {
    if (!UUID.test(consentId) || !(await findOwnedEvent(tx, eventId)))
      throw new NotFoundError('audience consent');
    if (!(await deleteConsent(tx, eventId, consentId))) throw new NotFoundError('audience consent');
    await recordAudit(tx, caller, {
      action: 'audience_consent.delete',
      resourceType: 'audience_consent',
      resourceId: consentId,
    });
    return { id: consentId, deleted: true as const };
  });
}
