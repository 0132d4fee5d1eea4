import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { ensureDatabase } from '../packages/server/src/db/admin';

export interface ProvidedDatabase {
  /** Superuser URL used to clone databases. */
  adminUrl: string;
  /** The migrated database every test database is cloned from. */
  template: string;
  /** App-role URL with `{db}` standing for the database name. */
  appUrlPattern: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    database: ProvidedDatabase;
  }
}

/**
 * A fresh database for one test file, cloned from the migrated template (fast: a file copy, no migrations).
 * Returns its URL for the app role, which row-level security applies to.
 */
export async function createTestDatabase(): Promise<string> {
  const { adminUrl, template, appUrlPattern } = inject('database');
  const name = `test_${randomUUID().replaceAll('-', '')}`;
  // Cloning needs the template to be idle; parallel files may collide for a moment, so retry.
  for (let attempt = 0; ; attempt++) {
    try {
      await ensureDatabase(adminUrl, name, template);
      return appUrlPattern.replace('{db}', name);
    } catch (error) {
      if (attempt >= 20 || !String((error as Error).message).includes('being accessed')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
}
