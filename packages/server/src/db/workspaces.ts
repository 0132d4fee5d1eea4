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

export async function insertWorkspace(
  tx: Tx,
  workspace: {
    id: string;
    orgId: string;
    name: string;
    slug: string;
    defaultRole: WorkspaceRole;
    settings: WorkspaceSettings;
  },
): Promise<void> {
  // No `returning`: a user who is not a member yet may not read the row back (row-level security).
  await tx.query(
    `insert into sponsorship_workspaces (id, org_id, name, slug, default_role, settings)
     values ($1, $2, $3, $4, $5, $6)`,
    [
      workspace.id,
      workspace.orgId,
      workspace.name,
      workspace.slug,
      workspace.defaultRole,
      workspace.settings,
    ],
  );
}

export async function listWorkspaces(
  tx: Queryable,
  filter: { archived: boolean; userId: string | null; limit: number; after?: Cursor },
): Promise<(WorkspaceRow & { member_role: WorkspaceRole | null })[]> {
  const { rows } = await tx.query<WorkspaceRow & { member_role: WorkspaceRole | null }>(
    `select ${columns}, m.role as member_role from sponsorship_workspaces w
       left join sponsorship_workspace_members m
         on m.workspace_id = w.id and m.user_id = $1::uuid and m.status = 'active'
      where (w.archived_at is not null) = $2
        and ($3::timestamptz is null or (w.created_at, w.id) > ($3, $4::uuid))
      order by w.created_at, w.id limit $5`,
    [filter.userId, filter.archived, filter.after?.value ?? null, filter.after?.id ?? null, filter.limit + 1],
  );
  return rows;
}

/** Changes the given fields; `settings` is merged, and a setting given as null is removed. */
export async function updateWorkspace(
  tx: Tx,
  id: string,
  changes: {
    name?: string;
    slug?: string;
    default_role?: WorkspaceRole;
    settings?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.query(
    `update sponsorship_workspaces
        set name = coalesce($2, name), slug = coalesce($3, slug), default_role = coalesce($4, default_role),
            settings = case when $5::jsonb is null then settings else jsonb_strip_nulls(settings || $5::jsonb) end,
            updated_at = now()
      where id = $1`,
    [id, changes.name ?? null, changes.slug ?? null, changes.default_role ?? null, changes.settings ?? null],
  );
}

export async function archiveWorkspace(tx: Tx, id: string): Promise<void> {
  await tx.query(
    `update sponsorship_workspaces set archived_at = now(), updated_at = now() where id = $1 and archived_at is null`,
    [id],
  );
}

export interface WorkspaceMemberRow {
  id: string;
  email: string | null;
  user_id: string | null;
  role: WorkspaceRole;
  status: 'pending' | 'active';
  created_at: string;
  joined_at: string | null;
}
const memberColumns =
  'm.id, coalesce(m.email, u.email) as email, m.user_id, m.role, m.status, m.created_at, m.joined_at';
const memberFrom = 'sponsorship_workspace_members m left join users u on u.id = m.user_id';

export async function insertOwnerMember(
  tx: Tx,
  member: { workspaceId: string; orgId: string; userId: string; email: string | null },
): Promise<void> {
  await tx.query(
    `insert into sponsorship_workspace_members (workspace_id, org_id, user_id, email, role, status, joined_at)
     values ($1, $2, $3, $4, 'owner', 'active', now())`,
    [member.workspaceId, member.orgId, member.userId, member.email],
  );
}

/**
 * Adds members by email: active at once for an email of an active member of the organization, otherwise pending
 * with a pending invitation to the organization (`viewer` for a workspace viewer, else `member`) unless the email
 * is a member or invited already. Returns the rows added; an email already here is skipped (`skipExisting`) or
 * throws its unique violation.
 */
export async function insertMembersByEmail(
  tx: Tx,
  members: {
    workspaceId: string;
    orgId: string;
    emails: string[];
    role: WorkspaceRole;
    skipExisting: boolean;
  },
): Promise<WorkspaceMemberRow[]> {
  const { rows } = await tx.query<{ id: string }>(
    `with emails as (select distinct on (lower(e)) e as email from unnest($3::text[]) e),
     known as (
       select e.email,
              (select om.user_id from org_members om join users u on u.id = om.user_id
                where om.org_id = $2 and om.status = 'active' and lower(u.email) = lower(e.email)
                order by om.created_at limit 1) as user_id
         from emails e
     ),
     invited as (
       insert into org_members (org_id, email, role, status)
       select $2, k.email, case when $4 = 'viewer' then 'viewer' else 'member' end, 'pending' from known k
        where k.user_id is null
          and not exists (select from org_members om where om.org_id = $2 and lower(om.email) = lower(k.email))
       on conflict do nothing
     )
     insert into sponsorship_workspace_members (workspace_id, org_id, user_id, email, role, status, joined_at)
     select $1, $2, k.user_id, k.email, $4, case when k.user_id is null then 'pending' else 'active' end,
            case when k.user_id is null then null else now() end
       from known k
     ${members.skipExisting ? 'on conflict do nothing' : ''}
     returning id`,
    [members.workspaceId, members.orgId, members.emails, members.role],
  );
  if (rows.length === 0) return [];
  const found = await tx.query<WorkspaceMemberRow>(
    `select ${memberColumns} from ${memberFrom} where m.id = any($1::uuid[]) order by m.created_at, m.id`,
    [rows.map((row) => row.id)],
  );
  return found.rows;
}

export async function listWorkspaceMembers(
  tx: Queryable,
  filter: { workspaceId: string; limit: number; after?: Cursor },
): Promise<WorkspaceMemberRow[]> {
  const { rows } = await tx.query<WorkspaceMemberRow>(
    `select ${memberColumns} from ${memberFrom}
      where m.workspace_id = $1 and ($2::timestamptz is null or (m.created_at, m.id) > ($2, $3::uuid))
      order by m.created_at, m.id limit $4`,
    [filter.workspaceId, filter.after?.value ?? null, filter.after?.id ?? null, filter.limit + 1],
  );
  return rows;
}

export async function deleteWorkspaceMember(
  tx: Tx,
  workspaceId: string,
  memberId: string,
): Promise<WorkspaceMemberRow | undefined> {
  const { rows } = await tx.query<WorkspaceMemberRow>(
    `with gone as (delete from sponsorship_workspace_members where workspace_id = $1 and id = $2 returning *)
     select m.id, coalesce(m.email, u.email) as email, m.user_id, m.role, m.status, m.created_at, m.joined_at
       from gone m left join users u on u.id = m.user_id`,
    [workspaceId, memberId],
  );
  return rows[0];
}

/**
 * The pending workspace memberships of `email` in `orgId` become the user's on sign-in (as organization
 * invitations do, `findMembershipRole`); a workspace the user is a member of already keeps that membership.
 */
export async function activateWorkspaceInvitations(
  tx: Tx,
  invitee: { orgId: string; userId: string; email: string },
): Promise<void> {
  // Each activation is a membership change, audited in the same statement.
  await tx.query(
    `with activated as (
       update sponsorship_workspace_members m set user_id = $2, status = 'active', joined_at = now()
        where m.org_id = $1 and m.status = 'pending' and lower(m.email) = lower($3)
          and not exists (select from sponsorship_workspace_members o
                           where o.workspace_id = m.workspace_id and o.user_id = $2)
       returning m.id, m.workspace_id, m.role
     )
     insert into sponsorship_workspace_audit (workspace_id, org_id, actor_type, actor_id, action, resource_type,
       resource_id, details)
     select workspace_id, $1, 'user', $2, 'member.activate', 'workspace_member', id::text, jsonb_build_object('role', role)
       from activated`,
    [invitee.orgId, invitee.userId, invitee.email],
  );
}

export interface WorkspaceLinks {
  event_ids: string[];
  package_ids: string[];
  order_ids: string[];
}

export async function findWorkspaceLinks(tx: Queryable, workspaceId: string): Promise<WorkspaceLinks> {
  const { rows } = await tx.query<WorkspaceLinks>(
    `select array(select event_id from sponsorship_workspace_events where workspace_id = $1 order by created_at, event_id) as event_ids,
            array(select package_id from sponsorship_workspace_packages where workspace_id = $1 order by created_at, package_id) as package_ids,
            array(select order_id from sponsorship_workspace_orders where workspace_id = $1 order by created_at, order_id) as order_ids`,
    [workspaceId],
  );
  return rows[0]!;
}

/**
 * Of the given ids, those that are not the organization's (events and packages it owns, orders it is a party to).
 * Runs where the transaction sees every tenant's listed rows, so it checks ownership itself.
 */
export async function foreignLinkIds(
  tx: Queryable,
  orgId: string,
  ids: WorkspaceLinks,
): Promise<WorkspaceLinks> {
  const { rows } = await tx.query<WorkspaceLinks>(
    `select array(select x.id from unnest($2::uuid[]) x(id)
                   where not exists (select from events e where e.id = x.id and e.owner_org_id = $1)) as event_ids,
            array(select x.id from unnest($3::uuid[]) x(id)
                   where not exists (select from sponsorship_packages p where p.id = x.id and p.org_id = $1)) as package_ids,
            array(select x.id from unnest($4::uuid[]) x(id)
                   where not exists (select from sponsorship_orders o
                                      where o.id = x.id and $1 in (o.organizer_org_id, o.sponsor_org_id))) as order_ids`,
    [orgId, ids.event_ids, ids.package_ids, ids.order_ids],
  );
  return rows[0]!;
}

export async function insertWorkspaceLinks(
  tx: Tx,
  link: { workspaceId: string; orgId: string } & WorkspaceLinks,
): Promise<void> {
  await tx.query(
    `with e as (insert into sponsorship_workspace_events (workspace_id, org_id, event_id)
                select $1, $2, unnest($3::uuid[]) on conflict do nothing),
          p as (insert into sponsorship_workspace_packages (workspace_id, org_id, package_id)
                select $1, $2, unnest($4::uuid[]) on conflict do nothing)
     insert into sponsorship_workspace_orders (workspace_id, org_id, order_id)
     select $1, $2, unnest($5::uuid[]) on conflict do nothing`,
    [link.workspaceId, link.orgId, link.event_ids, link.package_ids, link.order_ids],
  );
}

export async function deleteWorkspaceLinks(
  tx: Tx,
  link: { workspaceId: string } & WorkspaceLinks,
): Promise<void> {
  await tx.query(
    `with e as (delete from sponsorship_workspace_events where workspace_id = $1 and event_id = any($2::uuid[])),
          p as (delete from sponsorship_workspace_packages where workspace_id = $1 and package_id = any($3::uuid[]))
     delete from sponsorship_workspace_orders where workspace_id = $1 and order_id = any($4::uuid[])`,
    [link.workspaceId, link.event_ids, link.package_ids, link.order_ids],
  );
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
