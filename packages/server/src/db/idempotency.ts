import { atCommit, literal, type Opened, type Queryable, type Tx } from './pool';

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
 * The statements that claim `key` inside the request's own transaction, sent with its `begin` (`db.unit`'s
 * `opening`, so values are literals): the transaction-scoped lock makes a concurrent holder answer `busy`;
 * the read after it, a statement of its own and so a snapshot taken under the lock, finds any answer
 * committed before (a holder's commit is visible before its lock is released). Nothing is written until the
 * answer is stored at commit ({@link storeAnswer}). Read their rows with {@link claimOutcome}.
 */
export function claimKeySql(claim: IdempotencyScope): string {
  const [org, key] = [literal(claim.orgId), literal(claim.key)];
  return `select pg_try_advisory_xact_lock(${IDEMPOTENCY_LOCK_CLASS}, hashtext(${org}::uuid::text || ' ' || ${key}::text))
           as locked;
     ${answerSql(org, key)}`;
}

/** `busy` while another request holds the key, else the answer stored for it, if any. */
export function claimOutcome(opened: Opened): 'busy' | { stored: StoredAnswer | undefined } {
  const [[lock], answers] = opened as [[{ locked: boolean }], StoredAnswer[]];
  return lock.locked ? { stored: answers[0] } : 'busy';
}

const answerSql = (org: string, key: string) =>
  `select fingerprint, response_status, response_body, response_content_type
     from idempotency_keys
    where org_id = ${org} and key = ${key} and status = 'completed' and expires_at > now()`;

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
  const { rows } = await q.query<StoredAnswer>(answerSql(literal(scope.orgId), literal(scope.key)));
  return rows[0];
}

/**
 * Stores the answer of `key` when the transaction commits (in the commit's round trip), over an expired one;
 * an answer another request stored first is kept.
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
       where idempotency_keys.expires_at < now()`,
  );
}

export async function deleteExpiredKeys(tx: Tx): Promise<number> {
  const { rowCount } = await tx.query('delete from idempotency_keys where expires_at < now()');
  return rowCount ?? 0;
}
