import { readOne, readPage } from '../db/reads';
import type { Db } from '../db/pool';
import {
  deleteSponsor,
  findSponsor,
  findSponsorProfile,
  insertSponsor,
  listSponsors,
  type SponsorInput,
  type SponsorProfileInput,
  updateSponsor,
  upsertSponsorProfile,
} from '../db/sponsors';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../db/audit';
import { deleteResource } from './deletion';
import type { Caller } from '../caller';

export function createSponsor(db: Db, caller: Caller, input: SponsorInput) {
  return db.tenant(caller.orgId, async (tx) => {
    const sponsor = await insertSponsor(tx, caller.orgId, input);
    await recordAudit(tx, caller, {
      action: 'sponsor.create',
      resourceType: 'sponsor',
      resourceId: sponsor.id,
    });
    return sponsor;
  });
}

export function getSponsor(db: Db, caller: Caller, id: string) {
  return readOne(db, caller.orgId, 'sponsor', (tx) => findSponsor(tx, id));
}

export function listSponsorsPage(
  db: Db,
  caller: Caller,
  query: { industry?: string; visibility?: string; limit?: number; starting_after?: string },
) {
  return readPage(
    db,
    caller.orgId,
    query,
    (tx, page) => listSponsors(tx, { industry: query.industry, visibility: query.visibility, ...page }),
    (row) => row.name,
  );
}

export function updateSponsorById(db: Db, caller: Caller, id: string, changes: Partial<SponsorInput>) {
  return db.tenant(caller.orgId, async (tx) => {
    const sponsor = await updateSponsor(tx, id, changes);
    if (!sponsor) throw new NotFoundError('sponsor');
    await recordAudit(tx, caller, { action: 'sponsor.update', resourceType: 'sponsor', resourceId: id });
    return sponsor;
  });
}

export function deleteSponsorById(db: Db, caller: Caller, id: string) {
  return deleteResource(db, caller, {
    type: 'sponsor',
    id,
    remove: (tx) => deleteSponsor(tx, id),
    inUse: 'The sponsor has proposals or orders and cannot be deleted.',
  });
}

export async function getSponsorProfile(db: Db, caller: Caller, sponsorId: string) {
  const profile = await db.tenant(caller.orgId, async (tx) => {
    if (!(await findSponsor(tx, sponsorId))) throw new NotFoundError('sponsor');
    return findSponsorProfile(tx, sponsorId);
  });
  if (!profile) throw new NotFoundError('sponsor profile');
  return profile;
}

export function putSponsorProfile(db: Db, caller: Caller, sponsorId: string, input: SponsorProfileInput) {
  if (
    input.budget_min_cents != null &&
    input.budget_max_cents != null &&
    input.budget_min_cents > input.budget_max_cents
  ) {
    throw new ValidationError('The budget range is upside down.', [
      { path: '/budget_max_cents', message: 'Must be at least `budget_min_cents`.' },
    ]);
  }
  return db.tenant(caller.orgId, async (tx) => {
    // A counterparty sees the sponsor of a deal, but only the sponsor's own organization writes its profile.
    if ((await findSponsor(tx, sponsorId))?.org_id !== caller.orgId) throw new NotFoundError('sponsor');
    const profile = await upsertSponsorProfile(tx, { ...input, sponsorId, orgId: caller.orgId });
    await recordAudit(tx, caller, {
      action: 'sponsor_profile.put',
      resourceType: 'sponsor',
      resourceId: sponsorId,
    });
    return profile;
  });
}
