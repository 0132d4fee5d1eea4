import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runMigrations as runWorkerMigrations } from 'graphile-worker';
import { runner } from 'node-pg-migrate';
import pg from 'pg';
import type { Queryable } from './pool';

/** Where the `.sql` migrations live, next to this file in source and copied beside the bundle in dist. */
export const migrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));

// Any constant works; it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK = 72_417_701;

/**
 * Applies pending migrations (ours, then graphile-worker's). Safe when several processes start at once:
 * each waits on one advisory lock, and whoever comes second finds nothing left to do.
 */
export async function migrate(
  databaseUrl: string,
  log: (line: string) => void = () => {},
): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await runner({
      dbClient: client,
      dir: migrationsDir,
      direction: 'up',
      migrationsTable: 'pgmigrations',
      noLock: true,
      singleTransaction: true,
      checkOrder: true,
      log: () => {},
      logger: { debug: () => {}, info: () => {}, warn: log, error: log },
    });
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    pool.on('error', (error) => log(`migration pool: ${error.message}`));
    pool.on('connect', (client) => client.on('error', (error) => log(`migration pool: ${error.message}`)));
    try {
      await runWorkerMigrations({ pgPool: pool, logger: undefined });
    } finally {
      await pool.end();
    }
    return applied.map((migration) => migration.name);
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}

/** The names of migrations on disk that the database has not applied yet (for /readyz). */
export async function pendingMigrations(db: Queryable): Promise<string[]> {
  const onDisk = (await readdir(migrationsDir))
    .filter((file) => file.endsWith('.sql'))
    .map((file) => file.slice(0, -4));
  const { rows } = await db.query<{ name: string }>('select name from pgmigrations');
  const applied = new Set(rows.map((row) => row.name));
  return onDisk.filter((name) => !applied.has(name));
}
