import { randomUUID } from 'node:crypto';
import { type Caller, requireRole } from '../caller';
import { type Cursor, decodeCursor, type Page, toPage } from '../db/pagination';
import { type Db, type Tx, withSystemAccess } from '../db/pool';
import { isPgError, pgCodes } from '../db/sql';
import {
  archiveWorkspace as archiveWorkspaceRow,
  deleteWorkspaceLinks,
  deleteWorkspaceMember,
  findWorkspaceLinks,
  findWorkspaceWithRole,
  foreignLinkIds,
  insertMembersByEmail,
  insertOwnerMember,
  insertWorkspace,
  insertWorkspaceAudit,
  insertWorkspaceLinks,
  listWorkspaceAudit,
  listWorkspaceMembers,
  listWorkspaces,
  setWorkspaceAccess,
  updateWorkspace as updateWorkspaceRow,
  type WorkspaceLinks,
  type WorkspaceRole,
  type WorkspaceRow,
  type WorkspaceSettings,
} from '../db/workspaces';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { refusedUrl } from '../webhooks/address-guard';
import { emitEvent } from '../webhooks/emit';

export type Workspace = WorkspaceRow;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const rank: Record<WorkspaceRole, number> = { viewer: 0, editor: 1, owner: 2 };

/**
 * API keys act for their organization, not for a person, and the organization's owners and admins manage all of
 * its workspaces: they see every workspace of the organization without a membership. Other users see only the
 * workspaces they are active members of.
 */
function organizationWide(caller: Caller): boolean {
  return caller.kind === 'api_key' || caller.role === 'owner' || caller.role === 'admin';
}

/**
 * The caller's role in a workspace. Organization-wide callers: owner (an owner or admin key or user), editor
 * (a member key), viewer (a viewer key). A member's role is capped at viewer when the organization role is viewer.
 */
function workspaceRole(caller: Caller, memberRole: WorkspaceRole | null): WorkspaceRole | null {
  if (caller.role === 'viewer') return organizationWide(caller) || memberRole ? 'viewer' : null;
  if (organizationWide(caller)) return caller.role === 'member' ? 'editor' : 'owner';
  return memberRole;
}

/** Confines the rest of the transaction (row-level security) to the workspaces `caller` may see. */
export function actInWorkspaces(tx: Tx, caller: Caller): Promise<void> {
  if (organizationWide(caller)) return setWorkspaceAccess(tx, 'organization');
  if (!caller.userId) throw new ForbiddenError('Only users and API keys act in workspaces.');
  return setWorkspaceAccess(tx, { userId: caller.userId });
}

/**
 * The workspace if `caller` may act on it with at least `minRole`; 404 (workspace not found) for a non-member or
 * another organization, 403 (names the role needed) for a member with too small a role. Also confines the rest of
 * the transaction to the workspaces the caller sees (see {@link actInWorkspaces}).
 */
export async function requireWorkspace(
  tx: Tx,
  caller: Caller,
  workspaceId: string,
  minRole: WorkspaceRole,
): Promise<Workspace & { role: WorkspaceRole }> {
  if (!UUID.test(workspaceId)) throw new NotFoundError('sponsorship workspace');
  await actInWorkspaces(tx, caller);
  const found = await findWorkspaceWithRole(tx, workspaceId, caller.userId ?? null);
  const role = found && workspaceRole(caller, found.member_role);
  if (!found || !role) throw new NotFoundError('sponsorship workspace');
  if (rank[role] < rank[minRole])
    throw new ForbiddenError(
      `Your role in this workspace (${role}) cannot do this; it needs ${minRole}${minRole === 'owner' ? '' : ' or owner'}. Ask an owner of the workspace.`,
    );
  const { member_role: _memberRole, ...workspace } = found;
  return { ...workspace, role };
}

/**
 * Records a workspace change in `sponsorship_workspace_audit` when `tx` commits: `action` such as
 * `workspace.update`, `member.add`, `widget.put`, `command_center.enable`.
 */
export function recordWorkspaceAudit(
  tx: Tx,
  caller: Caller,
  entry: {
    workspaceId: string;
    action: string;
    resourceType: string;
    resourceId: string | null;
    details?: Record<string, unknown>;
  },
): void {
  insertWorkspaceAudit(tx, {
    ...entry,
    orgId: caller.orgId,
    actorType: caller.kind === 'operator' ? 'system' : caller.kind,
    actorId: caller.kind === 'api_key' ? (caller.apiKeyId ?? null) : (caller.userId ?? null),
    requestId: caller.requestId,
  });
}

type PageQuery = { limit?: number; starting_after?: string };

/**
 * One page of a list inside a workspace, for its viewers: `readPage` for workspaces, in a transaction because the
 * workspace access setting of row-level security lasts a transaction.
 */
export function readWorkspacePage<T extends { id: string }>(
  db: Db,
  caller: Caller,
  workspaceId: string,
  query: PageQuery,
  list: (tx: Tx, page: { limit: number; after: Cursor | undefined }) => Promise<T[]>,
  sortValue: (row: T) => string,
): Promise<Page<T>> {
  const limit = query.limit ?? 20;
  const after = decodeCursor(query.starting_after);
  return db.tenant(caller.orgId, async (tx) => {
    await requireWorkspace(tx, caller, workspaceId, 'viewer');
    return toPage(await list(tx, { limit, after }), limit, sortValue);
  });
}

/** What a caller sees of a workspace: the row and the caller's role in it. */
function present(workspace: WorkspaceRow, role: WorkspaceRole) {
  return { ...workspace, role };
}

function slugTaken(slug: string, cause: unknown): ConflictError {
  return new ConflictError({
    code: 'duplicate',
    detail: `The organization has a workspace with the slug "${slug}" already; choose another slug.`,
    cause,
  });
}

function checkSettings(
  settings: { timezone?: string | null; reporting_webhook?: string | null },
  allowPrivate: boolean,
): void {
  if (settings.timezone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: settings.timezone });
    } catch {
      throw new ValidationError('Unknown time zone.', [
        { path: '/settings/timezone', message: 'Use an IANA time zone such as `America/Los_Angeles`.' },
      ]);
    }
  }
  const refused = settings.reporting_webhook
    ? refusedUrl(new URL(settings.reporting_webhook), allowPrivate)
    : null;
  if (refused)
    throw new ValidationError('The reporting webhook must use https on the public internet.', [
      { path: '/settings/reporting_webhook', message: refused },
    ]);
}

function refuseArchived(workspace: WorkspaceRow): void {
  if (workspace.archived_at)
    throw new ConflictError({
      code: 'invalid_state',
      detail: 'The workspace is archived and read-only.',
      extra: { current_status: 'archived' },
    });
}

export interface WorkspaceOptions {
  /** Plain http and private addresses allowed for `reporting_webhook` (dev mode). */
  allowPrivate: boolean;
}

export function createWorkspace(
  db: Db,
  caller: Caller,
  input: {
    name: string;
    slug: string;
    default_role?: WorkspaceRole;
    auto_invite?: string[];
    settings?: WorkspaceSettings;
  },
  options: WorkspaceOptions,
) {
  requireRole(caller, 'member', 'create workspaces');
  checkSettings(input.settings ?? {}, options.allowPrivate);
  const id = randomUUID();
  const defaultRole = input.default_role ?? 'viewer';
  return db.tenant(caller.orgId, async (tx) => {
    await actInWorkspaces(tx, caller);
    try {
      await insertWorkspace(tx, {
        id,
        orgId: caller.orgId,
        name: input.name,
        slug: input.slug,
        defaultRole,
        settings: input.settings ?? {},
      });
    } catch (error) {
      if (isPgError(error, pgCodes.uniqueViolation)) throw slugTaken(input.slug, error);
      throw error;
    }
    if (caller.kind === 'user' && caller.userId)
      await insertOwnerMember(tx, {
        workspaceId: id,
        orgId: caller.orgId,
        userId: caller.userId,
        email: caller.email ?? null,
      });
    const invited = await insertMembersByEmail(tx, {
      workspaceId: id,
      orgId: caller.orgId,
      emails: input.auto_invite ?? [],
      role: defaultRole,
      skipExisting: true,
    });
    const workspace = await requireWorkspace(tx, caller, id, 'viewer');
    const data = present(workspace, workspace.role);
    recordWorkspaceAudit(tx, caller, {
      workspaceId: id,
      action: 'workspace.create',
      resourceType: 'workspace',
      resourceId: id,
      details: { slug: input.slug, auto_invited: invited.map((member) => member.email) },
    });
    await emitEvent(tx, caller.orgId, 'workspace.created', data);
    return data;
  });
}

export function listWorkspacesPage(db: Db, caller: Caller, query: PageQuery & { archived?: boolean }) {
  const limit = query.limit ?? 20;
  const after = decodeCursor(query.starting_after);
  return db.tenant(caller.orgId, async (tx) => {
    await actInWorkspaces(tx, caller);
    const rows = await listWorkspaces(tx, {
      archived: query.archived ?? false,
      userId: caller.userId ?? null,
      limit,
      after,
    });
    const visible = rows.flatMap(({ member_role: memberRole, ...row }) => {
      const role = workspaceRole(caller, memberRole);
      return role ? [present(row, role)] : [];
    });
    return toPage(visible, limit, (row) => row.created_at);
  });
}

export function getWorkspace(db: Db, caller: Caller, id: string) {
  return db.tenant(caller.orgId, async (tx) => {
    const workspace = await requireWorkspace(tx, caller, id, 'viewer');
    return present(workspace, workspace.role);
  });
}

export function updateWorkspace(
  db: Db,
  caller: Caller,
  id: string,
  changes: {
    name?: string;
    slug?: string;
    default_role?: WorkspaceRole;
    settings?: {
      timezone?: string | null;
      goal_gmv_cents?: number | null;
      reporting_webhook?: string | null;
    };
  },
  options: WorkspaceOptions,
) {
  checkSettings(changes.settings ?? {}, options.allowPrivate);
  return db.tenant(caller.orgId, async (tx) => {
    refuseArchived(await requireWorkspace(tx, caller, id, 'owner'));
    try {
      await updateWorkspaceRow(tx, id, changes);
    } catch (error) {
      if (isPgError(error, pgCodes.uniqueViolation) && changes.slug) throw slugTaken(changes.slug, error);
      throw error;
    }
    const workspace = await requireWorkspace(tx, caller, id, 'viewer');
    const data = present(workspace, workspace.role);
    recordWorkspaceAudit(tx, caller, {
      workspaceId: id,
      action: 'workspace.update',
      resourceType: 'workspace',
      resourceId: id,
      details: { fields: Object.keys(changes) },
    });
    await emitEvent(tx, caller.orgId, 'workspace.updated', data);
    return data;
  });
}

export function archiveWorkspace(db: Db, caller: Caller, id: string) {
  return db.tenant(caller.orgId, async (tx) => {
    const before = await requireWorkspace(tx, caller, id, 'owner');
    if (before.archived_at) return present(before, before.role);
    await archiveWorkspaceRow(tx, id);
    const workspace = await requireWorkspace(tx, caller, id, 'viewer');
    const data = present(workspace, workspace.role);
    recordWorkspaceAudit(tx, caller, {
      workspaceId: id,
      action: 'workspace.archive',
      resourceType: 'workspace',
      resourceId: id,
    });
    await emitEvent(tx, caller.orgId, 'workspace.updated', data);
    return data;
  });
}

export function listMembersOfWorkspace(db: Db, caller: Caller, id: string, query: PageQuery) {
  return readWorkspacePage(
    db,
    caller,
    id,
    query,
    (tx, page) => listWorkspaceMembers(tx, { workspaceId: id, ...page }),
    (row) => row.created_at,
  );
}

export function addWorkspaceMember(
  db: Db,
  caller: Caller,
  id: string,
  input: { email: string; role?: WorkspaceRole },
) {
  return db.tenant(caller.orgId, async (tx) => {
    const workspace = await requireWorkspace(tx, caller, id, 'owner');
    refuseArchived(workspace);
    let added;
    try {
      added = await insertMembersByEmail(tx, {
        workspaceId: id,
        orgId: caller.orgId,
        emails: [input.email],
        role: input.role ?? workspace.default_role,
        skipExisting: false,
      });
    } catch (error) {
      if (isPgError(error, pgCodes.uniqueViolation))
        throw new ConflictError({
          code: 'member_exists',
          detail: `${input.email} is already a member of this workspace or invited; remove the membership first to change its role.`,
          cause: error,
        });
      throw error;
    }
    const member = added[0]!;
    recordWorkspaceAudit(tx, caller, {
      workspaceId: id,
      action: 'member.add',
      resourceType: 'workspace_member',
      resourceId: member.id,
      details: { email: member.email, role: member.role, status: member.status },
    });
    return member;
  });
}

export function removeWorkspaceMember(db: Db, caller: Caller, id: string, memberId: string) {
  if (!UUID.test(memberId)) throw new NotFoundError('workspace member');
  return db.tenant(caller.orgId, async (tx) => {
    refuseArchived(await requireWorkspace(tx, caller, id, 'owner'));
    const member = await deleteWorkspaceMember(tx, id, memberId);
    if (!member) throw new NotFoundError('workspace member');
    recordWorkspaceAudit(tx, caller, {
      workspaceId: id,
      action: 'member.remove',
      resourceType: 'workspace_member',
      resourceId: memberId,
      details: { email: member.email, role: member.role },
    });
    return member;
  });
}

export function getLinks(db: Db, caller: Caller, id: string) {
  return db.tenant(caller.orgId, async (tx) => {
    await requireWorkspace(tx, caller, id, 'viewer');
    return findWorkspaceLinks(tx, id);
  });
}

function linkIds(input: Partial<WorkspaceLinks>): WorkspaceLinks {
  return {
    event_ids: [...new Set(input.event_ids ?? [])],
    package_ids: [...new Set(input.package_ids ?? [])],
    order_ids: [...new Set(input.order_ids ?? [])],
  };
}

export function changeLinks(
  db: Db,
  caller: Caller,
  id: string,
  input: Partial<WorkspaceLinks>,
  change: 'link' | 'unlink',
) {
  const ids = linkIds(input);
  return db.tenant(caller.orgId, async (tx) => {
    refuseArchived(await requireWorkspace(tx, caller, id, 'editor'));
    if (change === 'link') {
      // Other organizations' published events and packages are visible to a tenant: ownership is checked here.
      const foreign = await withSystemAccess(tx, () => foreignLinkIds(tx, caller.orgId, ids));
      const errors = (['event_ids', 'package_ids', 'order_ids'] as const).flatMap((field) =>
        foreign[field].map((foreignId) => ({
          path: `/${field}/${ids[field].indexOf(foreignId)}`,
          message: `No ${field === 'event_ids' ? 'event' : field === 'package_ids' ? 'package' : 'order'} of your organization has the id ${foreignId}.`,
        })),
      );
      if (errors.length > 0)
        throw new AppError({
          code: 'unprocessable',
          status: 422,
          title: 'Unprocessable request',
          detail:
            'Some ids name nothing your organization owns (or, for orders, is a party to); nothing was linked.',
          errors,
        });
      await insertWorkspaceLinks(tx, { workspaceId: id, orgId: caller.orgId, ...ids });
    } else {
      await deleteWorkspaceLinks(tx, { workspaceId: id, ...ids });
    }
    recordWorkspaceAudit(tx, caller, {
      workspaceId: id,
      action: `workspace.${change}`,
      resourceType: 'workspace',
      resourceId: id,
      details: { ...ids },
    });
    return findWorkspaceLinks(tx, id);
  });
}

export function listAuditOfWorkspace(db: Db, caller: Caller, id: string, query: PageQuery) {
  return readWorkspacePage(
    db,
    caller,
    id,
    query,
    (tx, page) => listWorkspaceAudit(tx, { workspaceId: id, ...page }),
    (row) => row.created_at,
  );
}
