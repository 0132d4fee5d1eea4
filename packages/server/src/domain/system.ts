import { pendingMigrations } from '../db/migrate';
import type { Db } from '../db/pool';

/** Ready means the database answers and every migration on disk is applied. */
export async function readiness(
  db: Db,
): Promise<{ status: 'ok' | 'unavailable'; checks: Record<string, string> }> {
  try {
    const pending = await pendingMigrations(db.pool);
    const ready = pending.length === 0;
    return {
      status: ready ? 'ok' : 'unavailable',
      checks: { database: 'ok', migrations: ready ? 'ok' : `pending: ${pending.join(', ')}` },
    };
  } catch (error) {
    return { status: 'unavailable', checks: { database: `unreachable: ${(error as Error).message}` } };
  }
}
