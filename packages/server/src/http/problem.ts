import pg from 'pg';
import { inputProblem } from '../db/errors';
import { AppError } from '../errors';
import type { Logger } from '../logger';

// Serialization failure, deadlock, lock not available: the request lost a race and may simply be retried.
const RETRYABLE_PG_CODES = new Set(['40001', '40P01', '55P03']);

function lockConflict(error: unknown): AppError | undefined {
  if (!(error instanceof pg.DatabaseError) || !RETRYABLE_PG_CODES.has(error.code ?? '')) return undefined;
  return new AppError({
    code: 'lock_conflict',
    status: 409,
    title: 'Conflict with a concurrent request',
    detail:
      'Another request changed the same data at the same moment; retry (with the same Idempotency-Key).',
    headers: { 'retry-after': '1' },
  });
}

export const PROBLEM_BASE = 'https://yardpass.dev/problems/';

/** Renders any error as an RFC 9457 problem response. Unknown errors are logged and answered generically. */
export function problemResponse(
  error: unknown,
  context: { requestId: string; log: Logger; instance?: string },
): Response {
  const known = error instanceof AppError ? error : (lockConflict(error) ?? inputProblem(error));
  if (!known) context.log.error({ err: error, request_id: context.requestId }, 'unhandled error');
  const status = known?.status ?? 500;
  // The contract's spelling (openapi.yaml, ErrorCode): kebab-case, as in the problem type.
  const code = (known?.code ?? 'internal').replaceAll('_', '-');
  const body = {
    ...(known?.extra ?? {}),
    type: `${PROBLEM_BASE}${code}`,
    code,
    title: known?.title ?? 'Internal server error',
    status,
    detail:
      known?.message ??
      `Something went wrong on our side. If it persists, contact support with request id ${context.requestId}.`,
    ...(context.instance ? { instance: context.instance } : {}),
    request_id: context.requestId,
    ...(known?.errors ? { errors: known.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...(known?.headers ?? {}) },
  });
}
