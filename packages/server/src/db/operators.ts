import type { Queryable, Tx } from './pool';

export interface OperatorCandidate {
  id: string;
  name: string;
  key_hash: Buffer;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** Platform operators whose public key prefix matches; the caller compares hashes in constant time. */
export async function findOperatorsByPrefix(tx: Queryable, prefix: string): Promise<OperatorCandidate[]> {
  const { rows } = await tx.query<OperatorCandidate>(
    'select id, name, key_hash, revoked_at, last_used_at from platform_operators where prefix = $1',
    [prefix],
  );
  return rows;
}

export async function insertOperator(
  tx: Tx,
  operator: { name: string; prefix: string; hash: Buffer },
): Promise<{ id: string; name: string; created_at: string }> {
  const { rows } = await tx.query<{ id: string; name: string; created_at: string }>(
    `insert into platform_operators (name, prefix, key_hash) values ($1, $2, $3) returning id, name, created_at`,
    [operator.name, operator.prefix, operator.hash],
  );
  return rows[0]!;
}

/** Records use at most once a minute per operator key. */
export async function touchOperator(tx: Tx, id: string): Promise<void> {
  await tx.query(
    `update platform_operators set last_used_at = now()
      where id = $1 and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
    [id],
  );
}
