import {
  deleteMember,
  findMember,
  insertInvitation,
  listMembers,
  lockActiveOwners,
  updateMemberRole,
} from '../db/members';
import { readPage } from '../db/reads';
import type { Db, Tx } from '../db/pool';
import { isPgError, pgCodes } from '../db/sql';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { recordAudit } from '../db/audit';
import { type Caller, type Role, outranks, requireRole } from '../caller';

export function listMembersPage(db: Db, caller: Caller, query: { limit?: number; starting_after?: string }) {
  return readPage(
    db,
    caller.orgId,
    query,
    (tx, page) => listMembers(tx, page),
    (row) => row.created_at,
  );
}

export function inviteMember(db: Db, caller: Caller, input: { email: string; role?: Role }) {
  requireRole(caller, 'admin', 'invite members');
  const role = input.role ?? 'member';
  if (!outranks(caller.role, role))
    throw new ForbiddenError(`You cannot invite someone with a role above your own (${caller.role}).`);
  return db.tenant(caller.orgId, async (tx) => {
    try {
      const member = await insertInvitation(tx, { orgId: caller.orgId, email: input.email, role });
      await recordAudit(tx, caller, {
        action: 'member.invite',
        resourceType: 'member',
        resourceId: member.id,
      });
      return member;
    } catch (error) {
      if (isPgError(error, pgCodes.uniqueViolation)) {
        throw new ConflictError({
          code: 'member_exists',
          detail: `${input.email} is already a member or invited.`,
          cause: error,
        });
      }
      throw error;
    }
  });
}

/** The last active owner can be neither demoted nor removed: an organization always has an owner. */
async function ensureAnotherOwner(tx: Tx, memberId: string): Promise<void> {
  const owners = await lockActiveOwners(tx);
  if (owners.length === 1 && owners[0] === memberId) {
    throw new ConflictError({
      code: 'last_owner',
      detail: 'This is the last owner; make someone else owner first.',
    });
  }
}

async function memberForChange(tx: Tx, caller: Caller, id: string) {
  const member = await findMember(tx, id);
  if (!member) throw new NotFoundError('member');
  if (!outranks(caller.role, member.role))
    throw new ForbiddenError(`You cannot change a member whose role (${member.role}) is above yours.`);
  return member;
}

export function updateMember(db: Db, caller: Caller, id: string, input: { role: Role }) {
  requireRole(caller, 'admin', 'change member roles');
  if (!outranks(caller.role, input.role))
    throw new ForbiddenError(`You cannot grant a role above your own (${caller.role}).`);
  return db.tenant(caller.orgId, async (tx) => {
    const member = await memberForChange(tx, caller, id);
    if (member.role === 'owner' && input.role !== 'owner') await ensureAnotherOwner(tx, id);
    await updateMemberRole(tx, id, input.role);
    await recordAudit(tx, caller, { action: 'member.update', resourceType: 'member', resourceId: id });
    return { ...member, role: input.role };
  });
}

export function removeMember(db: Db, caller: Caller, id: string) {
  requireRole(caller, 'admin', 'remove members');
  return db.tenant(caller.orgId, async (tx) => {
    const member = await memberForChange(tx, caller, id);
    if (member.role === 'owner') await ensureAnotherOwner(tx, id);
    await deleteMember(tx, id);
    await recordAudit(tx, caller, { action: 'member.remove', resourceType: 'member', resourceId: id });
    return member;
  });
}
