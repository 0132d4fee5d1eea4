import type { Db } from '../db/pool';
import { listAuditLog } from '../domain/audit';
import { createApiKey, getCurrentOrganization, listApiKeysPage, revokeKey } from '../domain/identity';
import { inviteMember, listMembersPage, removeMember, updateMember } from '../domain/members';
import { created, type Handlers, ok, page } from '../http/router';

export const organizationRoutes = ({ db }: { db: Db }) =>
  ({
    getCurrentOrganization: async ({ caller }) => ok(await getCurrentOrganization(db, caller)),
    listMembers: async ({ caller, query }) => page(await listMembersPage(db, caller, query)),
    inviteMember: async ({ caller, body }) => created(await inviteMember(db, caller, body)),
    updateMember: async ({ caller, params, body }) => ok(await updateMember(db, caller, params.id, body)),
    removeMember: async ({ caller, params }) => ok(await removeMember(db, caller, params.id)),
    createApiKey: async ({ caller, body }) => created(await createApiKey(db, caller, body)),
    listApiKeys: async ({ caller, query }) => page(await listApiKeysPage(db, caller, query)),
    revokeApiKey: async ({ caller, params }) => ok(await revokeKey(db, caller, params.id)),
    listAuditLog: async ({ caller, query }) => page(await listAuditLog(db, caller, query)),
  }) satisfies Partial<Handlers>;
