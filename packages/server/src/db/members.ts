import type { Role } from '../caller';
import type { Cursor } from './pagination';
import type { Queryable, Tx } from './pool';

export interface MemberRow {
  id: string;
  email: string | null;
  role: Role;
  status: 'pending' | 'active';
  user_id: string | null;
  created_at: string;
  joined_at: string | null;
}
const columns =
  'm.id, coalesce(m.email, u.email) as email, m.role, m.status, m.user_id, m.created_at, m.joined_at';
const from = 'org_members m left join users u on u.id = m.user_id';

export async function listMembers(
  tx: Queryable,
  page: { limit: number; after?: Cursor },
): Promise<MemberRow[]> {
  const { rows } = await tx.query<MemberRow>(
    `select ${columns} from ${from}
      where ($1::timestamptz is null or (m.created_at, m.id) > ($1, $2::uuid))
      order by m.created_at, m.id limit $3`,
    [page.after?.value ?? null, page.after?.id ?? null, page.limit + 1],
  );
  return rows;
}

export async function findMember(tx: Queryable, id: string): Promise<MemberRow | undefined> {
  const { rows } = await tx.query<MemberRow>(`select ${columns} from ${from} where m.id = $1`, [id]);
  return rows[0];
}

export async function insertInvitation(
  tx: Tx,
  invite: { orgId: string; email: string; role: Role },
): Promise<MemberRow> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into org_members (org_id, email, role, status) values ($1, $2, $3, 'pending') returning id`,
    [invite.orgId, invite.email, invite.role],
  );
  return (await findMember(tx, rows[0]!.id))!;
}

export async function insertOwner(tx: Tx, member: { orgId: string; userId: string }): Promise<void> {
  await tx.query(
    `insert into org_members (org_id, user_id, role, status, joined_at) values ($1, $2, 'owner', 'active', now())`,
    [member.orgId, member.userId],
  );
}

export async function updateMemberRole(tx: Tx, id: string, role: Role): Promise<void> {
  await tx.query('update org_members set role = $2 where id = $1', [id, role]);
}

export async function deleteMember(tx: Tx, id: string): Promise<void> {
  await tx.query('delete from org_members where id = $1', [id]);
}

/** Active owners; the last one cannot leave or be demoted. Locks them so two removals cannot race. */
export async function lockActiveOwners(tx: Tx): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>(
    `select id from org_members where role = 'owner' and status = 'active' for update`,
  );
  return rows.map((row) => row.id);
}
