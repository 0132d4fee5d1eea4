import type { Cursor } from './pagination';
import { atCommit, literal, type Queryable, type Tx } from './pool';

export type WorkspaceRole = 'owner' | 'editor' | 'viewer';

export interface WorkspaceSettings {
  timezone?: string;
  goal_gmv_cents?: number;
  reporting_webhook?: string;
}

export interface WorkspaceRow {
  id: string;
  org_id: string;
  name: string;
  slug: string;
  default_role: WorkspaceRole;
  settings: WorkspaceSettings;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

const columns =
  'w.id, w.org_id, w.name, w.slug, w.default_role, w.settings, w.archived_at, w.created_at, w.updated_at';

/**
 * Which workspaces row-level security shows for the rest of the transaction: all of the organization's
 * (`organization`) or those the user is an active member of (a user id). See migration 0014.
 */
export async function setWorkspaceAccess(tx: Tx, access: 'organization' | { userId: string }): Promise<void> {
  await tx.query(`select set_config('yardpass.workspace_user', $1, true)`, [
    access === 'organization' ? access : access.userId,
  ]);
}

/** The workspace and the role of `userId` in it (null: not an active member, or no user). */
export async function findWorkspaceWithRole(
  tx: Queryable,
  id: string,
  userId: string | null,
): Promise<(WorkspaceRow & { member_role: WorkspaceRole | null }) | undefined> {
  const { rows } = await tx.query<WorkspaceRow & { member_role: WorkspaceRole | null }>(
    `select ${columns}, m.role as member_role from sponsorship_workspaces w
       left join sponsorship_workspace_members m
         on m.workspace_id = w.id and m.user_id = $2::uuid and m.status = 'active'
      where w.id = $1`,
    [id, userId],
  );
  return rows[0];
}

export interface WorkspaceAuditEntry {
  workspaceId: string;
  orgId: string;
  actorType: 'user' | 'api_key' | 'system';
  actorId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  details?: Record<string, unknown>;
  requestId: string | null;
}

/** Writes the entry when the transaction commits (nothing reads it back before). */
export function insertWorkspaceAudit(tx: Tx, entry: WorkspaceAuditEntry): void {
  atCommit(
    tx,
    `insert into sponsorship_workspace_audit (workspace_id, org_id, actor_type, actor_id, action, resource_type,
       resource_id, details, request_id)
     values (${[
       entry.workspaceId,
       entry.orgId,
       entry.actorType,
       entry.actorId,
       entry.action,
       entry.resourceType,
       entry.resourceId,
       JSON.stringify(entry.details ?? {}),
       entry.requestId,
     ]
       .map(literal)
       .join(', ')})`,
  );
}

export interface WorkspaceAuditRow {
  id: string;
  actor_type: 'user' | 'api_key' | 'system';
  actor_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  details: Record<string, unknown>;
  request_id: string | null;
  created_at: string;
}

export async function listWorkspaceAudit(
  tx: Queryable,
  filter: { workspaceId: string; limit: number; after?: Cursor },
): Promise<WorkspaceAuditRow[]> {
  const { rows } = await tx.query<WorkspaceAuditRow>(
    `select id, actor_type, actor_id, action, resource_type, resource_id, details, request_id, created_at
       from sponsorship_workspace_audit
      where workspace_id = $1 and ($2::timestamptz is null or (created_at, id) < ($2, $3::uuid))
      order by created_at desc, id desc limit $4`,
    [filter.workspaceId, filter.after?.value ?? null, filter.after?.id ?? null, filter.limit + 1],
  );
  return rows;
}

/** Deletes workspace audit entries older than the retention period; returns how many went. */
export async function deleteWorkspaceAuditBefore(tx: Tx, before: Date): Promise<number> {
  const { rowCount } = await tx.query('delete from sponsorship_workspace_audit where created_at < $1', [
    before,
  ]);
  return rowCount ?? 0;
}
