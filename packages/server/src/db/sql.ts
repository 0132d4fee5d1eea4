import pg from 'pg';
import type { Tx } from './pool';

/**
 * `update <table> set <only the given columns> where id = $1 returning <columns>`: the shape of every PATCH.
 * Column names come from code (the allow-list), never from requests, and are escaped anyway.
 */
export async function updateById<T>(
  tx: Tx,
  options: { table: string; id: string; changes: Record<string, unknown>; returning: string },
): Promise<T | undefined> {
  const entries = Object.entries(options.changes).filter(([, value]) => value !== undefined);
  const assignments = entries.map(([column], index) => `${pg.escapeIdentifier(column)} = $${index + 2}`);
  assignments.push('updated_at = now()');
  const { rows } = await tx.query<T & pg.QueryResultRow>(
    `update ${pg.escapeIdentifier(options.table)} set ${assignments.join(', ')} where id = $1 returning ${options.returning}`,
    [options.id, ...entries.map(([, value]) => value)],
  );
  return rows[0];
}

/** PostgreSQL error codes the domain turns into answers. */
export const pgCodes = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  restrictViolation: '23001',
  checkViolation: '23514',
};

export function isPgError(error: unknown, code: string): error is pg.DatabaseError {
  return error instanceof pg.DatabaseError && error.code === code;
}

/** A transaction that lost a race (serialization failure, deadlock, lock not available) and may run again. */
export const isLostRace = (error: unknown): boolean =>
  error instanceof pg.DatabaseError && ['40001', '40P01', '55P03'].includes(error.code ?? '');
