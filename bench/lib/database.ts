import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDb,
  createOrganization,
  type Db,
  ensureDatabase,
  migrate,
  startEmbeddedCluster,
} from '@yardpass/server';

export interface BenchDatabase {
  /** URL of the migrated `bench` database as the app role (row-level security applies). */
  url: string;
  /** The seeded organization and its owner API key. */
  orgId: string;
  apiKey: string;
  /** The postmaster's process id, for CPU accounting (lib/cpu.ts). */
  postgresPid: number;
  stop(): Promise<void>;
}

/**
 * A throw-away embedded PostgreSQL with one migrated database, one organization and `events` events
 * owned by it.
 */
export async function startBenchDatabase({ events }: { events: number }): Promise<BenchDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'yardpass-bench-'));
  // As root, PostgreSQL runs as the `postgres` system user, which must be able to enter the directory.
  await chmod(dataDir, 0o755);
  const cluster = await startEmbeddedCluster({ dataDir, persistent: false });
  const stop = async () => {
    await cluster.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await ensureDatabase(cluster.adminUrl, 'bench');
    const url = cluster.urlFor('bench');
    await migrate(url);
    const db = createDb({ databaseUrl: url, max: 1 });
    try {
      const { organization, apiKey } = await createOrganization(db, { name: 'Bench Org' });
      await db.tenant(organization.id, (tx) => seedEvents(tx, organization.id, events));
      const postgresPid = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
      return { url, orgId: organization.id, apiKey, postgresPid, stop };
    } finally {
      await db.close();
    }
  } catch (error) {
    await stop();
    throw error;
  }
}

type Tx = Parameters<Parameters<Db['tenant']>[1]>[0];

/** Events shaped like real ones (audience JSON, tags), one a day from 2027-01-01. */
async function seedEvents(tx: Tx, orgId: string, count: number): Promise<void> {
  await tx.query(
    `insert into events (owner_org_id, title, description, starts_at, ends_at, venue, city, country, category,
       target_audience, brand_safety_tags)
     select $1, 'Bench event ' || n, 'A seeded event for the benchmark, with a description of ordinary length.',
       timestamptz '2027-01-01 18:00Z' + n * interval '1 day', timestamptz '2027-01-01 23:00Z' + n * interval '1 day',
       'Hall ' || (n % 7), (array['Berlin', 'Lisbon', 'Austin', 'Osaka'])[n % 4 + 1],
       (array['DE', 'PT', 'US', 'JP'])[n % 4 + 1], 'music',
       jsonb_build_object('age', jsonb_build_array('18-24', '25-34'), 'interests', jsonb_build_array('music', 'food')),
       array['family-friendly']
       from generate_series(1, $2::int) as n`,
    [orgId, count],
  );
}
