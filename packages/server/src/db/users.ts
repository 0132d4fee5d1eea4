import type { Role } from '../caller';
import type { Tx } from './pool';

/** The user behind a JWT `sub`, created on first sight. */
export async function upsertUser(tx: Tx, user: { subject: string; email: string | null }): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into users (subject, email) values ($1, $2)
     on conflict (subject) do update set email = coalesce(excluded.email, users.email), updated_at = now()
       where users.email is distinct from coalesce(excluded.email, users.email)
     returning id`,
    [user.subject, user.email],
  );
  if (rows[0]) return rows[0].id;
  const existing = await tx.query<{ id: string }>('select id from users where subject = $1', [user.subject]);
  return existing.rows[0]!.id;
}

/**
 * The user's role in `orgId`. A pending invitation to the user's email becomes an active membership on
 * first sign-in, in the same statement.
 */
export async function findMembershipRole(
  tx: Tx,
  membership: { orgId: string; userId: string; email: string | null },
): Promise<Role | undefined> {
  const { rows } = await tx.query<{ role: Role }>(
    `with activated as (
       update org_members set user_id = $2, status = 'active', joined_at = now()
        where org_id = $1 and status = 'pending' and $3::text is not null and lower(email) = lower($3)
          and not exists (select from org_members where org_id = $1 and user_id = $2)
        returning role
     )
     select role from org_members where org_id = $1 and user_id = $2 and status = 'active'
     union all select role from activated`,
    [membership.orgId, membership.userId, membership.email],
  );
  return rows[0]?.role;
}
