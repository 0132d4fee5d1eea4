import type { Caller } from '../caller';
import type { Tx } from '../db/pool';
import {
  findWorkspaceWithRole,
  insertWorkspaceAudit,
  setWorkspaceAccess,
  type WorkspaceRole,
  type WorkspaceRow,
} from '../db/workspaces';
import { ForbiddenError, NotFoundError } from '../errors';

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
