import {
  createDb,
  createLogger,
  createOrganization,
  type Db,
  drainMatchQueue,
  listEventMatches,
  loadConfig,
  scorePairs,
  startWorker,
} from '@yardpass/server';
import { Hono } from 'hono';
import { cpuMs } from '../lib/cpu';
import type { BenchDatabase } from '../lib/database';
import { measureInRounds } from '../lib/rounds';
import { serve, serveYardpass } from '../lib/server';
import type { Row } from '../lib/table';

/**
 * Issue 19's matching at scale: BENCH_MATCH_EVENTS live events (three published packages, audience insights with
 * consent, engagement stats each) × BENCH_MATCH_SPONSORS public sponsors with profiles, scored from an empty
 * table by the set-based drain; beside it the guide's per-pair approach (the same scoring statement called once
 * per pair) on a BENCH_MATCH_SAMPLE-pair sample, extrapolated; one profile change from queue to read through the
 * real worker (its LISTEN wake-up, the keyed drain job); and
 * `GET /v1/events/{id}/matches` (50 a page; after the first read the page comes from the process's match list
 * cache, as every repeated read does until something changes) next to a bare Hono + pg route running the API's
 * own statement on every request, which is what a read that misses costs.
 */
const EVENTS = positive('BENCH_MATCH_EVENTS', 1_000);
const SPONSORS = positive('BENCH_MATCH_SPONSORS', 1_000);
const SAMPLE = positive('BENCH_MATCH_SAMPLE', 10_000);
const ROUNDS = positive('BENCH_ROUNDS', 3);
const LIMIT = 50;

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
}

type Tx = Parameters<Parameters<Db['system']>[0]>[0];

/** Events and sponsors with every input the score reads, varied so that scores spread over [0, 1]. */
async function seed(tx: Tx, options: { organizerId: string; sponsorOrgId: string }) {
  const { organizerId, sponsorOrgId } = options;
  // Other groups' events (the 200 of the bench organization) end, so that exactly these are live.
  await tx.query(
    `update events set starts_at = now() - interval '2 days', ends_at = now() - interval '1 day'
      where owner_org_id <> $1`,
    [organizerId],
  );
  await tx.query(
    `insert into events (owner_org_id, title, description, starts_at, ends_at, city, country, category,
       brand_safety_tags)
     select $1, 'Match bench event ' || n,
            (array['Live music festival for young adults', 'Developer conference on cloud and AI',
                   'Street food market with local chefs', 'City marathon and fitness expo'])[1 + n % 4],
            now() + (30 + n % 300) * interval '1 day', now() + (31 + n % 300) * interval '1 day',
            (array['Austin', 'Berlin', 'Lisbon', 'Osaka', 'Denver', 'Paris', 'Toronto', 'Sydney'])[1 + n % 8],
            (array['US', 'DE', 'PT', 'JP', 'US', 'FR', 'CA', 'AU'])[1 + n % 8],
            (array['Music', 'Technology', 'Food', 'Sports'])[1 + n % 4],
            case when n % 20 = 0 then array['alcohol'] else array['family-friendly'] end
       from generate_series(1, $2::int) as n`,
    [organizerId, EVENTS],
  );
  await tx.query(
    `insert into sponsorship_packages (org_id, event_id, title, tier, price_cents, currency, inventory, is_active,
       visibility, constraints, published_at)
     select $1, e.id, 'Package ' || k, (array['gold', 'silver', 'bronze'])[k],
            (k * 150000 + (hashtext(e.id::text || k) & 1023) * 500)::bigint, 'USD', 3, true, 'public',
            case when k = 1 and hashtext(e.id::text) % 10 = 0 then '{"category_allow": ["Beverage"]}'::jsonb
                 else '{}' end, now()
       from events e, generate_series(1, 3) as k where e.owner_org_id = $1`,
    [organizerId],
  );
  await tx.query(
    `insert into event_audience_insights (org_id, event_id, captured_at, reach_estimate, age_segments, min_segment)
     select $1, e.id, now(), 2000, jsonb_build_object(
              '18-24', jsonb_build_object('people', 300 + s % 400, 'share', 0.15 + (s % 30) / 100.0),
              '25-34', jsonb_build_object('people', 500, 'share', 0.35),
              '35-44', jsonb_build_object('people', 200, 'share', 0.2),
              '45-54', jsonb_build_object('people', 40, 'share', 0.02)), 50
       from (select id, abs(hashtext(id::text)) as s from events where owner_org_id = $1) e`,
    [organizerId],
  );
  await tx.query(
    `insert into audience_consents (org_id, event_id, segment_key, scope)
     select $1, e.id, seg, 'aggregated' from events e, unnest(array['age:18-24', 'age:25-34']) seg
      where e.owner_org_id = $1 and hashtext(e.id::text) % 3 <> 0`,
    [organizerId],
  );
  await tx.query(
    `insert into event_stat_snapshots (org_id, event_id, metric_key, metric_value)
     select $1, e.id, m.key, m.value
       from (select id, abs(hashtext(id::text)) as s from events where owner_org_id = $1) e,
            lateral (values ('video_avg_dwell_ms_7d', (5000 + e.s % 40000)::numeric),
                            ('ticket_conv_rate_30d', ((e.s % 120) / 1000.0)::numeric)) as m(key, value)
      where e.s % 5 <> 0`,
    [organizerId],
  );
  await tx.query(
    `insert into sponsors (org_id, name, industry, visibility)
     select $1, 'Match bench sponsor ' || n, (array['Beverage', 'Software', 'Restaurants', 'Sportswear'])[1 + n % 4],
            'public'
       from generate_series(1, $2::int) as n`,
    [sponsorOrgId, SPONSORS],
  );
  await tx.query(
    `insert into sponsor_profiles (sponsor_id, org_id, preferred_categories, budget_min_cents, budget_max_cents,
       currency, target_audience, regions, objectives, activation_preferences)
     select s.id, s.org_id, array[(array['Music', 'Technology', 'Food', 'Sports'])[1 + n % 4]],
            100000 + (n % 5) * 50000, 300000 + (n % 7) * 50000, 'USD',
            jsonb_build_object('age_segments', (array['["18-24"]', '["25-34"]', '["18-24", "25-34"]', '["35-44"]'])[1 + n % 4]::jsonb),
            array[(array['Austin', 'Berlin', 'Lisbon', 'Osaka', 'Denver', 'Paris', 'Toronto', 'Sydney'])[1 + n % 8],
                  (array['US', 'DE', 'FR'])[1 + n % 3]],
            (array['Reach young music fans at festivals', 'Developers who build with cloud and AI',
                   'Food lovers at local markets', 'Runners and fitness fans'])[1 + (n / 4) % 4],
            case when n % 25 = 0 then '{"avoid_tags": ["alcohol"]}'::jsonb else '{}' end
       from (select id, org_id, row_number() over (order by name) as n from sponsors where org_id = $1) s`,
    [sponsorOrgId],
  );
  // What the triggers queued while seeding is replaced by one "everything" entry, timed below.
  await tx.query('delete from fit_recalc_queue');
}

/** Reads across organizations (the bench's own rows of two of them). */
async function read<T extends object>(db: Db, sql: string, params: unknown[] = []): Promise<T[]> {
  return db.system(async (tx) => (await tx.query<T>(sql, params)).rows);
}

async function count(db: Db, sql: string, params: unknown[] = []): Promise<number> {
  return Number((await read<{ n: number }>(db, sql, params))[0]!.n);
}

/** The guide's edge function: one scoring call per pair (here the same statement, one pair at a time). */
async function perPair(db: Db, pairs: { event_id: string; sponsor_id: string }[]): Promise<number> {
  const started = performance.now();
  for (const pair of pairs) await db.system((tx) => scorePairs(tx, [pair]));
  return (performance.now() - started) / 1000;
}

/** A bare Hono + pg route (the organization set once per connection) running the API's own list statement. */
async function bareRoute(database: BenchDatabase, orgId: string, eventId: string) {
  const url = new URL(database.url);
  url.searchParams.set('options', `-c yardpass.org_id=${orgId} -c plan_cache_mode=force_generic_plan`);
  const db = createDb({ databaseUrl: url.toString() });
  const app = new Hono().get('/', async (c) => {
    const rows = await listEventMatches(db.pool, eventId, { limit: LIMIT });
    const data = rows.slice(0, LIMIT);
    const last = data.at(-1);
    const hasMore = rows.length > LIMIT;
    return c.json({
      data,
      has_more: hasMore,
      next_cursor:
        hasMore && last
          ? Buffer.from(JSON.stringify([String(last.score), last.id])).toString('base64url')
          : null,
    });
  });
  const running = await serve(app.fetch);
  return {
    origin: running.origin,
    close: async () => {
      await running.close();
      await db.close();
    },
  };
}

export async function runMatchingBench(options: {
  database: BenchDatabase;
  durationSeconds: number;
  connections: number;
}): Promise<Row[]> {
  const { database, durationSeconds, connections } = options;
  const db = createDb({ databaseUrl: database.url, max: 4 });
  const rows: Row[] = [];
  let organizer: { orgId: string; apiKey: string };
  let eventId: string;
  try {
    process.stderr.write(`matching: seeding ${EVENTS} events and ${SPONSORS} sponsors …\n`);
    const made = await createOrganization(db, { name: 'Bench Matching Organizer' });
    organizer = { orgId: made.organization.id, apiKey: made.apiKey };
    const { organization: sponsorOrg } = await createOrganization(db, { name: 'Bench Matching Brands' });
    await db.system((tx) => seed(tx, { organizerId: organizer.orgId, sponsorOrgId: sponsorOrg.id }));
    await db.pool.query('vacuum analyze');

    process.stderr.write(`matching: scoring ${EVENTS * SPONSORS} pairs from an empty table …\n`);
    // CPU as well as wall time: on this shared machine the wall time is mostly the other engineers' load, the CPU
    // (PostgreSQL's cluster and this process) is what the drain itself costs.
    const cpuBefore = cpuMs(database.postgresPid);
    let started = performance.now();
    await db.system((tx) =>
      tx.query(`insert into fit_recalc_queue (event_id, sponsor_id, reason) values (null, null, 'bench')`),
    );
    const outcome = await drainMatchQueue(db);
    const setSeconds = (performance.now() - started) / 1000;
    const cpuAfter = cpuMs(database.postgresPid);
    const cpu = `${((cpuAfter.postgres - cpuBefore.postgres) / 1000).toFixed(1)} s PostgreSQL + ${((cpuAfter.node - cpuBefore.node) / 1000).toFixed(1)} s Node CPU`;
    const stored = await count(db, 'select count(*) as n from sponsorship_matches');
    process.stderr.write(
      `matching: ${stored} pairs stored in ${setSeconds.toFixed(1)} s, ${cpu} (${outcome.excluded} excluded by a ` +
        `gate, ${outcome.suggested} first suggestions)\n`,
    );
    rows.push({
      scenario: `match: ${stored} pairs, set-based (${setSeconds.toFixed(1)} s; ${cpu})`,
      requestsPerSecond: stored / setSeconds,
    });

    const sample = await read<{ event_id: string; sponsor_id: string }>(
      db,
      'select event_id, sponsor_id from sponsorship_matches order by id limit $1',
      [SAMPLE],
    );
    process.stderr.write(`matching: the per-pair baseline on ${sample.length} pairs …\n`);
    const pairSeconds = await perPair(db, sample);
    const extrapolated = (pairSeconds * stored) / sample.length;
    rows.push({
      scenario: `match: per pair, ${sample.length} pairs (${pairSeconds.toFixed(1)} s; ${Math.round(extrapolated)} s for ${stored})`,
      requestsPerSecond: sample.length / pairSeconds,
    });
    rows[0]!.baseline = rows[1]!.scenario;
    rows.reverse();

    // One profile change through the real worker: the profile's trigger queues the sponsor and notifies, the
    // worker's LISTEN adds the drain job, the drain re-scores; timed until every pair of the sponsor reads fresh.
    const picked = await read<{ sponsor_id: string; pairs: number }>(
      db,
      `select p.sponsor_id, (select count(*) from sponsorship_matches m where m.sponsor_id = p.sponsor_id)::int as pairs
         from sponsor_profiles p where p.org_id = $1 order by p.sponsor_id limit 1`,
      [sponsorOrg.id],
    );
    const { sponsor_id: sponsorId, pairs } = picked[0]!;
    const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }, 'dev');
    const workerDb = createDb({ databaseUrl: database.url, max: 6 });
    const worker = await startWorker({ db: workerDb, config, log: createLogger('silent') });
    let changeMs: number;
    let fresh = 0;
    try {
      // The worker wakes the drain once when it starts; let that empty run pass.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      started = performance.now();
      const { at } = (
        await read<{ at: string }>(
          db,
          `update sponsor_profiles set regions = array['Austin', 'Lisbon'] where sponsor_id = $1
           returning clock_timestamp()::text as at`,
          [sponsorId],
        )
      )[0]!;
      for (const deadline = started + 120_000; fresh < pairs && performance.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        fresh = await count(
          db,
          'select count(*) as n from sponsorship_matches where sponsor_id = $1 and updated_at >= $2',
          [sponsorId, at],
        );
      }
      changeMs = performance.now() - started;
    } finally {
      await worker.stop();
      await workerDb.close();
    }
    process.stderr.write(
      `matching: one profile change, ${fresh} of ${pairs} pairs re-scored by the worker and read in ${changeMs.toFixed(0)} ms\n`,
    );
    rows.push({
      scenario: `match: one profile change, ${fresh} pairs queue → worker → read (${changeMs.toFixed(0)} ms)`,
      requestsPerSecond: 1000 / changeMs,
    });

    const events = await read<{ id: string }>(
      db,
      `select event_id as id from sponsorship_matches where organizer_org_id = $1 and exclusion is null
        group by event_id order by count(*) desc, event_id limit 1`,
      [organizer.orgId],
    );
    eventId = events[0]!.id;
  } finally {
    await db.close();
  }

  rows.push(
    ...(await measureInRounds(
      [
        {
          name: 'pg-matches',
          async start() {
            const bare = await bareRoute(database, organizer.orgId, eventId);
            return { url: `${bare.origin}/`, close: bare.close };
          },
        },
        {
          name: 'GET /v1/events/{id}/matches',
          baseline: 'pg-matches',
          async start() {
            const api = await serveYardpass({ databaseUrl: database.url });
            return {
              url: `${api.origin}/v1/events/${eventId}/matches?limit=${LIMIT}`,
              headers: { authorization: `Bearer ${organizer.apiKey}` },
              close: api.close,
            };
          },
        },
      ],
      { rounds: ROUNDS, durationSeconds, connections },
    )),
  );
  return rows;
}
