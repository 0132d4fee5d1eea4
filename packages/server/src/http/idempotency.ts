import { createHash } from 'node:crypto';
import type { Db } from '../db/pool';
import { claimKey, completeKey, findKey, releaseKey, retakeStaleKey } from '../db/idempotency';
import { ConflictError, UnprocessableError, ValidationError } from '../errors';

/** A request still `running` this long is presumed dead (its process crashed) and may be taken over. */
const LOCK_TIMEOUT_SECONDS = 120;

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

/**
 * Runs `execute` at most once per (organization, Idempotency-Key) across every process: the first request
 * claims the key with an insert; concurrent ones get 409; later ones replay the stored answer, or 422 when
 * their request differs. Answers ≥ 500 are not stored, so the client's retry runs again.
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
  const scope = { orgId: request.orgId, key: request.key, lockTimeoutSeconds: LOCK_TIMEOUT_SECONDS };
  const print = fingerprint(request);
  const claimed = await db.tenant(request.orgId, async (tx) => {
    if (await claimKey(tx, { ...scope, fingerprint: print, ttlSeconds: ttlHours * 3600 })) return true;
    const existing = await findKey(tx, scope);
    if (!existing) return claimKey(tx, { ...scope, fingerprint: print, ttlSeconds: ttlHours * 3600 });
    if (existing.fingerprint !== print) {
      throw new UnprocessableError({
        code: 'idempotency_key_reused',
        detail: 'This Idempotency-Key was used with a different request. Use a new key for a new request.',
      });
    }
    if (existing.status === 'completed') {
      return new Response(existing.response_body, {
        status: existing.response_status ?? 200,
        headers: {
          'content-type': existing.response_content_type ?? 'application/json',
          'Idempotent-Replayed': 'true',
        },
      });
    }
    if (existing.stale && (await retakeStaleKey(tx, scope))) return true;
    throw new ConflictError({
      code: 'idempotency_in_progress',
      detail: 'A request with this Idempotency-Key is still in progress; retry shortly.',
    });
  });
  if (claimed instanceof Response) return claimed;

  let response: Response;
  try {
    response = await execute();
  } catch (error) {
    await db.tenant(request.orgId, (tx) => releaseKey(tx, scope));
    throw error;
  }
  if (response.status >= 500) {
    await db.tenant(request.orgId, (tx) => releaseKey(tx, scope));
    return response;
  }
  const body = await response.clone().text();
  await db.tenant(request.orgId, (tx) =>
    completeKey(tx, {
      ...scope,
      status: response.status,
      body,
      contentType: response.headers.get('content-type') ?? 'application/json',
    }),
  );
  return response;
}
