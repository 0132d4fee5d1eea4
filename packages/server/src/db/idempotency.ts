import type { Queryable, Tx } from './pool';

export interface IdempotencyRow {
  fingerprint: string;
  status: 'running' | 'completed';
  response_status: number | null;
  response_body: string | null;
  response_content_type: string | null;
  /** True when a `running` row has been held longer than the lock timeout (its process likely died). */
  stale: boolean;
}

/**
 * Claims `key` for this request. The primary key makes exactly one concurrent caller win, in every process;
 * an expired row is replaced in the same statement. Returns true when the caller owns the key now.
 */
export async function claimKey(
  tx: Tx,
  claim: { orgId: string; key: string; fingerprint: string; ttlSeconds: number },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `insert into idempotency_keys (org_id, key, fingerprint, status, expires_at)
     values ($1, $2, $3, 'running', now() + make_interval(secs => $4))
     on conflict (org_id, key) do update
       set fingerprint = excluded.fingerprint, status = 'running', response_status = null, response_body = null,
           response_content_type = null, locked_at = now(), created_at = now(), expires_at = excluded.expires_at
       where idempotency_keys.expires_at < now()`,
    [claim.orgId, claim.key, claim.fingerprint, claim.ttlSeconds],
  );
  return rowCount === 1;
}

export async function findKey(
  tx: Queryable,
  lookup: { orgId: string; key: string; lockTimeoutSeconds: number },
): Promise<IdempotencyRow | undefined> {
  const { rows } = await tx.query<IdempotencyRow>(
    `select fingerprint, status, response_status, response_body, response_content_type,
            status = 'running' and locked_at < now() - make_interval(secs => $3) as stale
       from idempotency_keys where org_id = $1 and key = $2`,
    [lookup.orgId, lookup.key, lookup.lockTimeoutSeconds],
  );
  return rows[0];
}

/** Takes over a stale `running` key; only one of several concurrent takers succeeds. */
export async function retakeStaleKey(
  tx: Tx,
  lookup: { orgId: string; key: string; lockTimeoutSeconds: number },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `update idempotency_keys set locked_at = now()
      where org_id = $1 and key = $2 and status = 'running' and locked_at < now() - make_interval(secs => $3)`,
    [lookup.orgId, lookup.key, lookup.lockTimeoutSeconds],
  );
  return rowCount === 1;
}

export async function completeKey(
  tx: Tx,
  result: { orgId: string; key: string; status: number; body: string; contentType: string },
): Promise<void> {
  await tx.query(
    `update idempotency_keys set status = 'completed', response_status = $3, response_body = $4,
            response_content_type = $5
      where org_id = $1 and key = $2`,
    [result.orgId, result.key, result.status, result.body, result.contentType],
  );
}

/** Frees the key after a failure that is worth retrying (a 5xx), so the retry runs again. */
export async function releaseKey(tx: Tx, claim: { orgId: string; key: string }): Promise<void> {
  await tx.query(`delete from idempotency_keys where org_id = $1 and key = $2 and status = 'running'`, [
    claim.orgId,
    claim.key,
  ]);
}

export async function deleteExpiredKeys(tx: Tx): Promise<number> {
  const { rowCount } = await tx.query('delete from idempotency_keys where expires_at < now()');
  return rowCount ?? 0;
}
