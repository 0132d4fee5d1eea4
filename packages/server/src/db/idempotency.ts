import type pg from 'pg';
import { atCommit, literal, type Queryable, type Tx } from './pool';

/**
 * The advisory lock of (organization, key) is (IDEMPOTENCY_LOCK_CLASS, hashtext(org || ' ' || key)): held by
 * the request running the key, in its own transaction or on a held session, so it dies with that request's
 * connection. Two keys sharing a hash only ever make one of them answer 409 for a moment.
 */
const IDEMPOTENCY_LOCK_CLASS = 1_769_235_000;
const LOCK_KEY = `${IDEMPOTENCY_LOCK_CLASS}, hashtext($1::uuid::text || ' ' || $2::text)`; // as in claimKeySql

export interface IdempotencyScope {
  orgId: string;
  key: string;
}

export interface StoredAnswer {
  fingerprint: string;
  response_status: number;
  response_body: string;
  response_content_type: string;
}

/**
 * The statement that claims `key` inside the request's own transaction, sent with its `begin` (`db.unit`'s
 * `opening`, so values are literals): the transaction-scoped lock makes a concurrent holder answer `busy`;
 * under the lock, the insert finds any answer committed before it (the conflict check reads the latest rows,
 * not the statement's snapshot) and leaves it `taken`. The `running` row is never seen by anyone else: it
 * commits with the answer or rolls back with the request. Read its rows with {@link claimOutcome}.
 */
export function claimKeySql(claim: IdempotencyScope & { fingerprint: string; ttlSeconds: number }): string {
  const [org, key] = [literal(claim.orgId), literal(claim.key)];
  return `with lock as (
       select pg_try_advisory_xact_lock(${IDEMPOTENCY_LOCK_CLASS}, hashtext(${org}::uuid::text || ' ' || ${key}::text))
         as locked
     ), claim as (
       insert into idempotency_keys (org_id, key, fingerprint, status, expires_at)
       select ${org}::uuid, ${key}::text, ${literal(claim.fingerprint)}::text, 'running',
              now() + make_interval(secs => ${literal(claim.ttlSeconds)}) from lock where locked
       on conflict (org_id, key) do update
         set fingerprint = excluded.fingerprint, status = 'running', response_status = null, response_body = null,
             response_content_type = null, locked_at = now(), created_at = now(), expires_at = excluded.expires_at
         where idempotency_keys.expires_at < now() or idempotency_keys.status = 'running'
       returning 1)
     select (select locked from lock) as locked, exists (select from claim) as claimed`;
}

export function claimOutcome(rows: pg.QueryResultRow[]): 'claimed' | 'busy' | 'taken' {
  const row = rows[0] as { locked: boolean; claimed: boolean };
  return !row.locked ? 'busy' : row.claimed ? 'claimed' : 'taken';
}

/** The same lock on a held session (`db.hold`), for requests that run several transactions. */
export async function lockKeyForSession(session: Queryable, scope: IdempotencyScope): Promise<boolean> {
  const { rows } = await session.query<{ locked: boolean }>(
    `select pg_try_advisory_lock(${LOCK_KEY}) as locked`,
    [scope.orgId, scope.key],
  );
  return rows[0]!.locked;
}

export async function unlockKeyForSession(session: Queryable, scope: IdempotencyScope): Promise<void> {
  await session.query(`select pg_advisory_unlock(${LOCK_KEY})`, [scope.orgId, scope.key]);
}

/** The stored answer of `key`, if one is stored and alive. Read under the key's lock. */
export async function findAnswer(q: Queryable, scope: IdempotencyScope): Promise<StoredAnswer | undefined> {
  const { rows } = await q.query<StoredAnswer>(
    `select fingerprint, response_status, response_body, response_content_type
       from idempotency_keys
      where org_id = $1 and key = $2 and status = 'completed' and expires_at > now()`,
    [scope.orgId, scope.key],
  );
  return rows[0];
}

/**
 * Stores the answer of `key` when the transaction commits (in the commit's round trip): over the request's own
 * `running` row, or as a new row; an answer another request stored first is kept.
 */
export function storeAnswer(
  tx: Tx,
  answer: IdempotencyScope & {
    fingerprint: string;
    ttlSeconds: number;
    status: number;
    body: string;
    contentType: string;
  },
): void {
  atCommit(
    tx,
    `insert into idempotency_keys
       (org_id, key, fingerprint, status, response_status, response_body, response_content_type, expires_at)
     values (${[answer.orgId, answer.key, answer.fingerprint].map(literal).join(', ')}, 'completed',
             ${literal(answer.status)}, ${literal(answer.body)}, ${literal(answer.contentType)},
             now() + make_interval(secs => ${literal(answer.ttlSeconds)}))
     on conflict (org_id, key) do update
       set fingerprint = excluded.fingerprint, status = 'completed', response_status = excluded.response_status,
           response_body = excluded.response_body, response_content_type = excluded.response_content_type,
           expires_at = excluded.expires_at
       where idempotency_keys.status = 'running' or idempotency_keys.expires_at < now()`,
  );
}

export async function deleteExpiredKeys(tx: Tx): Promise<number> {
  const { rowCount } = await tx.query('delete from idempotency_keys where expires_at < now()');
  return rowCount ?? 0;
}
