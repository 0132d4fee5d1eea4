import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/database';
import { migrate, migrationsDir, pendingMigrations } from './migrate';
import { createDb } from './pool';

describe('migrate', () => {
  it('is harmless to run again on a migrated database', async () => {
    const url = await createTestDatabase();
    expect(await migrate(url)).toEqual([]);
    const db = createDb({ databaseUrl: url, max: 1 });
    try {
      expect(await pendingMigrations(db.pool)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('applies everything once when several processes migrate an empty database at the same time', async () => {
    const url = await createTestDatabase();
    const db = createDb({ databaseUrl: url, max: 1 });
    try {
      // Start from nothing: drop what the template brought.
      await db.pool.query(
        'drop schema public cascade; create schema public; drop schema graphile_worker cascade',
      );
      const runs = await Promise.all([migrate(url), migrate(url), migrate(url)]);
      const onDisk = (await readdir(migrationsDir)).map((file) => file.replace(/\.sql$/, '')).sort();
      expect(runs.flat().sort()).toEqual(onDisk);
      expect(await pendingMigrations(db.pool)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
