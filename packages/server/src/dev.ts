import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Config } from './config';
import { ensureDatabase } from './db/admin';
import { startEmbeddedCluster } from './db/embedded';
import { createDb, type Db } from './db/pool';
import { findOrganization } from './db/organizations';
import { createEvent } from './domain/events';
import { createOrganization } from './domain/identity';
import { createSponsor, putSponsorProfile } from './domain/sponsors';
import type { Caller } from './caller';
import type { Logger } from './logger';
import { runServer, type Running } from './runtime';

/** What `dev` writes to `$YARDPASS_DATA_DIR/dev-credentials.json` so scripts and examples can start from it. */
export interface DevCredentials {
  base_url: string;
  organizer: { org_id: string; api_key: string; event_id?: string };
  sponsor?: { org_id: string; api_key: string; sponsor_id: string };
}

const ownerOf = (orgId: string): Caller => ({ orgId, role: 'owner', kind: 'api_key', requestId: 'dev-seed' });

async function orgExists(db: Db, orgId: string): Promise<boolean> {
  return Boolean(await db.system((tx) => findOrganization(tx, orgId)));
}

/** Reuses the stored organizations when they still exist; creates what is missing. */
async function ensureCredentials(
  db: Db,
  stored: DevCredentials | undefined,
  seed: boolean,
  baseUrl: string,
): Promise<DevCredentials> {
  let organizer = stored && (await orgExists(db, stored.organizer.org_id)) ? stored.organizer : undefined;
  if (!organizer) {
    const { organization, apiKey } = await createOrganization(db, { name: 'Demo Organizer' });
    organizer = { org_id: organization.id, api_key: apiKey };
  }
  let sponsor = stored?.sponsor && (await orgExists(db, stored.sponsor.org_id)) ? stored.sponsor : undefined;
  if (seed) {
    if (!organizer.event_id) {
      const starts = new Date(Date.now() + 60 * 86_400_000);
      const event = await createEvent(db, ownerOf(organizer.org_id), {
        title: 'Sunset Sessions Music Festival',
        starts_at: starts.toISOString(),
        ends_at: new Date(starts.getTime() + 2 * 86_400_000).toISOString(),
        venue: 'Harbor Park',
        city: 'Los Angeles',
        country: 'US',
        category: 'Music',
        target_audience: { age_range: '18-34', interests: ['music', 'outdoors'] },
        brand_safety_tags: ['alcohol-free-zone'],
      });
      organizer = { ...organizer, event_id: event.id };
    }
    if (!sponsor) {
      const { organization, apiKey } = await createOrganization(db, { name: 'Demo Sponsor Brand' });
      const brand = await createSponsor(db, ownerOf(organization.id), {
        name: 'Fizzy Cola',
        industry: 'Beverage',
        visibility: 'public',
        website_url: 'https://fizzy.example.com',
      });
      await putSponsorProfile(db, ownerOf(organization.id), brand.id, {
        industry: 'Beverage',
        categories: ['Beverage', 'Music'],
        budget_min_cents: 500_000,
        budget_max_cents: 5_000_000,
        regions: ['Los Angeles', 'San Diego'],
        objectives: 'Brand awareness among 18-34 festival goers',
        activation_preferences: { avoid_tags: ['gambling'] },
      });
      sponsor = { org_id: organization.id, api_key: apiKey, sponsor_id: brand.id };
    }
  }
  return { base_url: baseUrl, organizer, ...(sponsor ? { sponsor } : {}) };
}

/**
 * `yardpass-server dev`: embedded PostgreSQL under the data folder (kept between runs), migrations, the API and
 * the worker in one process, sandbox payments, and a ready API key.
 */
export async function runDev(options: {
  config: Config;
  log: Logger;
  seed: boolean;
}): Promise<{ running: Running; credentials: DevCredentials; credentialsPath: string }> {
  const { config, log } = options;
  const dataDir = resolve(config.YARDPASS_DATA_DIR);
  let stopCluster = async () => {};
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const cluster = await startEmbeddedCluster({
      dataDir,
      onLog: (line) => log.debug({ postgres: line.trim() }, 'postgres'),
    });
    await ensureDatabase(cluster.adminUrl, 'yardpass');
    databaseUrl = cluster.urlFor('yardpass');
    stopCluster = () => cluster.stop();
  }
  const devConfig = { ...config, HOST: config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST };
  const running = await runServer({ config: devConfig, databaseUrl, log, api: true, worker: true }).catch(
    async (error: unknown) => {
      await stopCluster();
      throw error;
    },
  );

  const credentialsPath = join(dataDir, 'dev-credentials.json');
  const stored = existsSync(credentialsPath)
    ? (JSON.parse(await readFile(credentialsPath, 'utf8')) as DevCredentials)
    : undefined;
  const db = createDb({ databaseUrl, max: 2 });
  try {
    const credentials = await ensureCredentials(db, stored, options.seed, running.url);
    await writeFile(credentialsPath, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
    return {
      running: {
        url: running.url,
        stop: async () => {
          await running.stop();
          await stopCluster();
        },
      },
      credentials,
      credentialsPath,
    };
  } finally {
    await db.close();
  }
}
