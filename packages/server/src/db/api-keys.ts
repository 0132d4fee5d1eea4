import type { Role } from '../caller';
import type { Cursor } from './pagination';
import type { Queryable, Tx } from './pool';

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  mode: 'test' | 'live';
  role: Role;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
const columns = 'id, name, prefix, mode, role, created_at, last_used_at, revoked_at';

export interface KeyCandidate {
  id: string;
  org_id: string;
  role: Role;
  mode: 'test' | 'live';
  prefix: string;
  key_hash: Buffer;
  revoked_at: string | null;
  last_used_at: string | null;
}

/**
 * Keys whose public prefix matches, across tenants, in one round trip (see `yardpass_api_key_candidates`);
 * the caller compares hashes in constant time.
 */
export async function findKeysByPrefix(db: Queryable, prefix: string): Promise<KeyCandidate[]> {
  const { rows } = await db.query<KeyCandidate>('select * from yardpass_api_key_candidates($1)', [prefix]);
  return rows;
}

/** Records use at most once a minute per key, so authentication does not write on every request. */
export async function touchKey(tx: Tx, id: string): Promise<void> {
  await tx.query(
    `update api_keys set last_used_at = now()
      where id = $1 and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
    [id],
  );
}

export async function insertApiKey(
  tx: Tx,
  key: { orgId: string; name: string; prefix: string; hash: Buffer; mode: 'test' | 'live'; role: Role },
): Promise<ApiKeyRow> {
  const { rows } = await tx.query<ApiKeyRow>(
    `insert into api_keys (org_id, name, prefix, key_hash, mode, role) values ($1, $2, $3, $4, $5, $6)
     returning ${columns}`,
    [key.orgId, key.name, key.prefix, key.hash, key.mode, key.role],
  );
  return rows[0]!;
}

export async function listApiKeys(
  tx: Queryable,
  page: { limit: number; after?: Cursor },
): Promise<ApiKeyRow[]> {
  const { rows } = await tx.query<ApiKeyRow>(
    `select ${columns} from api_keys
      where ($1::timestamptz is null or (created_at, id) < ($1, $2::uuid))
      order by created_at desc, id desc limit $3`,
    [page.after?.value ?? null, page.after?.id ?? null, page.limit + 1],
  );
  return rows;
}

/** Every server process listens here to drop a revoked key from its cache. */
export const KEY_REVOKED_CHANNEL = 'yardpass_api_key_revoked';

/** Revokes the key and, on commit, tells every process (NOTIFY is delivered only if the transaction commits). */
export async function revokeApiKey(tx: Tx, id: string): Promise<ApiKeyRow | undefined> {
  const { rows } = await tx.query<ApiKeyRow>(
    `update api_keys set revoked_at = coalesce(revoked_at, now()) where id = $1 returning ${columns}`,
    [id],
  );
  if (rows[0]) await tx.query('select pg_notify($1, $2)', [KEY_REVOKED_CHANNEL, id]);
  return rows[0];
}
