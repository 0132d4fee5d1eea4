import { createHash } from 'node:crypto';
import { UnitRefusedError, type Db } from '../db/pool';
import {
  claimKeySql,
  claimOutcome,
  findAnswer,
  lockKeyForSession,
  storeAnswer,
  unlockKeyForSession,
  type StoredAnswer,
} from '../db/idempotency';
import { ConflictError, UnprocessableError, ValidationError } from '../errors';
import { preparedAnswerOf } from './response';

export interface IdempotentRequest {
  orgId: string;
  key: string;
  method: string;
  url: string;
  body: string;
}

export function fingerprint(request: Pick<IdempotentRequest, 'method' | 'url' | 'body'>): string {
  return createHash('sha256').update(`${request.method} ${request.url}\n${request.body}`).digest('base64url');
}

/** An answer that is not stored with the work: the work rolls back (see `withIdempotency`). */
class Unstored extends Error {
  constructor(readonly response: Response) {
    super('unstored answer');
  }
}

const inProgress = () =>
  new ConflictError({
    code: 'idempotency_in_progress',
    detail: 'A request with this Idempotency-Key is still in progress; retry shortly.',
  });

function replay(stored: StoredAnswer, print: string): Response {
  if (stored.fingerprint !== print) {
    throw new UnprocessableError({
      code: 'idempotency_key_reused',
      detail: 'This Idempotency-Key was used with a different request. Use a new key for a new request.',
    });
  }
  return new Response(stored.response_body, {
    status: stored.response_status,
    headers: { 'content-type': stored.response_content_type, 'Idempotent-Replayed': 'true' },
  });
}

/**
 * The answer to store, and the response to send: an answer the router prepared is stored from its parts and
 * sent as it is; any other is read and rebuilt from the body read (no clone: it would tee the stream).
 */
async function readAnswer(response: Response) {
  const prepared = preparedAnswerOf(response);
  if (prepared) {
    const contentType = Object.entries(prepared.headers).find(
      ([name]) => name.toLowerCase() === 'content-type',
    );
    return {
      answer: {
        status: prepared.status,
        body: prepared.body ?? '',
        contentType: contentType?.[1] ?? 'application/json',
      },
      response,
    };
  }
  const body = await response.text();
  const answer = {
    status: response.status,
    body,
    contentType: response.headers.get('content-type') ?? 'application/json',
  };
  return { answer, response: new Response(body, { status: response.status, headers: response.headers }) };
}

/**
 * Runs `execute` at most once per (organization, Idempotency-Key) across every process: concurrent requests
 * with the key get 409, later ones the stored answer (422 when their request differs). Answers ≥ 500 are not
 * stored, so the client's retry runs again.
 *
 * The claim lives exactly as long as the claiming request: the claim, the handler's work and the stored answer
 * are one transaction (`db.unit`), so a request whose process dies leaves nothing, and its key is free as soon
 * as PostgreSQL sees the connection close. The claim travels with `begin` and the answer with `commit`: the
 * key costs no round trip of its own. A failed request (≥ 400) rolls its work back and its answer is
 * stored on its own. Work that must span several transactions (a payment provider call between them) is run
 * again under a session lock held on a connection of its own ({@link withHeldKey}).
 *
 * @example
 * const response = await withIdempotency(db, { orgId, key, method: 'post', url: '/v1/events', body }, 24, run);
 */
export async function withIdempotency(
  db: Db,
  request: IdempotentRequest,
  ttlHours: number,
  execute: () => Promise<Response>,
): Promise<Response> {
  if (request.key.length > 255) {
    throw new ValidationError('Idempotency-Key is too long.', [
      { path: '/headers/idempotency-key', message: 'At most 255 characters.' },
    ]);
  }
  const claim = {
    orgId: request.orgId,
    key: request.key,
    fingerprint: fingerprint(request),
    ttlSeconds: ttlHours * 3600,
  };
  try {
    return await db.unit(
      request.orgId,
      async (tx, opened) => {
        const outcome = claimOutcome(opened);
        if (outcome === 'busy') throw inProgress();
        if (outcome.stored) return replay(outcome.stored, claim.fingerprint);
        const response = await execute();
        if (response.status >= 400) throw new Unstored(response);
        const read = await readAnswer(response);
        storeAnswer(tx, { ...claim, ...read.answer });
        return read.response;
      },
      claimKeySql(claim),
    );
  } catch (error) {
    if (error instanceof UnitRefusedError) return withHeldKey(db, claim, execute);
    if (!(error instanceof Unstored)) throw error;
    if (error.response.status >= 500) return error.response;
    const { answer, response } = await readAnswer(error.response);
    await db.tenant(request.orgId, (tx) => Promise.resolve(storeAnswer(tx, { ...claim, ...answer })));
    return response;
  }
}

/** The claim as a session lock on a held connection, for work that runs in several transactions. */
async function withHeldKey(
  db: Db,
  claim: { orgId: string; key: string; fingerprint: string; ttlSeconds: number },
  execute: () => Promise<Response>,
): Promise<Response> {
  return db.hold(async (session) => {
    if (!(await lockKeyForSession(session, claim))) throw inProgress();
    try {
      const stored = await db.read(claim.orgId, (q) => findAnswer(q, claim));
      if (stored) return replay(stored, claim.fingerprint);
      const response = await execute();
      if (response.status >= 500) return response;
      const read = await readAnswer(response);
      await db.tenant(claim.orgId, (tx) => Promise.resolve(storeAnswer(tx, { ...claim, ...read.answer })));
      return read.response;
    } finally {
      await unlockKeyForSession(session, claim);
    }
  });
}
