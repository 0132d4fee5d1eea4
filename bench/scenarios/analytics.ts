import { randomUUID } from 'node:crypto';
import { createApp, createDb, createLogger, type Db, loadConfig, rollupStats } from '@yardpass/server';
import type { BenchDatabase } from '../lib/database';
import { measure } from '../lib/measure';
import { serve } from '../lib/server';
import type { Row } from '../lib/table';

/**
 * The event stats pipeline (issue 10): ingestion through HTTP, the hourly rollup over many events, and the
 * ROI report of an order whose event has many raw records. Sizes come from the environment so a quick run
 * stays quick; the goals are for BENCH_ROLLUP_RECORDS=10000000.
 */
const BATCH = 10_000;
const EVENTS = 1_000;
const INGEST_BATCHES = positive('BENCH_INGEST_BATCHES', 40);
const INGEST_IN_FLIGHT = positive('BENCH_INGEST_IN_FLIGHT', 4);
const ROLLUP_RECORDS = positive('BENCH_ROLLUP_RECORDS', 1_000_000);
const ROI_RECORDS = positive('BENCH_ROI_RECORDS', 1_000_000);
// A report is asked for by a person, not by a crowd: latency with two at a time, not throughput.
const ROI_CONNECTIONS = positive('BENCH_ROI_CONNECTIONS', 2);

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
}

type Tx = Parameters<Parameters<Db['system']>[0]>[0];

/** Raw rows for `events` spread over the last 30 days (80 % impressions, 10 % post views, 10 % tickets), and
 *  the people and daily aggregate the ingestion statement would have kept. */
async function seedRaw(tx: Tx, options: { orgId: string; eventIds: string[]; records: number }) {
  const { orgId, eventIds, records } = options;
  const base = [orgId, eventIds, randomUUID()];
  // About four records per person: a realistic number of distinct sessions for the audience insights.
  const sessions = Math.max(1000, Math.floor(records / 4));
  const spread = `now() - ((n::int8 * 7919) % 2592000) * interval '1 second'`;
  await tx.query(
    `insert into event_impressions_p (org_id, event_id, batch_id, occurred_at, session_id, source, utm_source,
       placement, age_segment, city)
     select $1, ($2::uuid[])[1 + n % cardinality($2::uuid[])], $3, ${spread}, 's' || (n % $5::int), 'feed',
            (array['instagram', 'tiktok', 'sponsor', 'email'])[1 + n % 4], 'story',
            (array['18-24', '25-34', '35-44', '45-54'])[1 + (n / 7) % 4],
            (array['Austin', 'Berlin', 'Lisbon', 'Osaka', 'Dallas'])[1 + (n / 3) % 5]
       from generate_series(1, $4::int) as n`,
    [...base, Math.round(records * 0.8), sessions],
  );
  await tx.query(
    `insert into post_views_p (org_id, event_id, batch_id, occurred_at, session_id, post_id, dwell_ms)
     select $1, ($2::uuid[])[1 + n % cardinality($2::uuid[])], $3, ${spread}, 's' || (n % $5::int), 'p' || (n % 50),
            (n * 37) % 30000
       from generate_series(1, $4::int) as n`,
    [...base, Math.round(records * 0.1), sessions],
  );
  await tx.query(
    `insert into ticket_analytics_p (org_id, event_id, batch_id, occurred_at, kind, session_id, value_cents,
       utm_source, promo_code)
     select $1, ($2::uuid[])[1 + n % cardinality($2::uuid[])], $3, ${spread},
            case when n % 4 = 0 then 'ticket_purchase' else 'ticket_open' end, 's' || (n % $5::int),
            case when n % 4 = 0 then 2500 else 0 end, (array['instagram', 'tiktok', 'sponsor', 'email'])[1 + n % 4],
            case when n % 10 = 0 then 'SPONSOR10' end
       from generate_series(1, $4::int) as n`,
    [...base, Math.round(records * 0.1), sessions],
  );
  await tx.query(
    `insert into analytics_people (org_id, event_id, session_id, last_seen_at, age_segment, city)
     select $1, event_id, session_id, max(occurred_at), max(age_segment), max(city) from event_impressions_p
      where event_id = any($2::uuid[]) and session_id is not null group by event_id, session_id
     on conflict (event_id, session_id) do nothing`,
    [orgId, eventIds],
  );
  await tx.query(
    `insert into analytics_daily as d (org_id, event_id, day, utm_source, promo_code, impressions, post_views,
       dwell_ms_sum, ticket_opens, ticket_purchases, purchase_value_cents)
     select $1, event_id, day, utm_source, promo_code, sum(i), sum(pv), sum(dw), sum(o), sum(p), sum(v) from (
       select event_id, (occurred_at at time zone 'UTC')::date as day, coalesce(utm_source, '') as utm_source,
              '' as promo_code, 1 as i, 0 as pv, 0 as dw, 0 as o, 0 as p, 0 as v
         from event_impressions_p where event_id = any($2::uuid[])
       union all
       select event_id, (occurred_at at time zone 'UTC')::date, '', '', 0, 1, dwell_ms, 0, 0, 0
         from post_views_p where event_id = any($2::uuid[])
       union all
       select event_id, (occurred_at at time zone 'UTC')::date, coalesce(utm_source, ''), coalesce(promo_code, ''),
              0, 0, 0, (kind = 'ticket_open')::int, (kind = 'ticket_purchase')::int, value_cents
         from ticket_analytics_p where event_id = any($2::uuid[])) raw
     group by event_id, day, utm_source, promo_code
     on conflict (event_id, day, utm_source, promo_code) do update set impressions = excluded.impressions,
       post_views = excluded.post_views, dwell_ms_sum = excluded.dwell_ms_sum,
       ticket_opens = excluded.ticket_opens, ticket_purchases = excluded.ticket_purchases,
       purchase_value_cents = excluded.purchase_value_cents`,
    [orgId, eventIds],
  );
}

async function createEvents(db: Db, orgId: string, count: number, title: string): Promise<string[]> {
  return db.system(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `insert into events (owner_org_id, title, starts_at, ends_at, city)
       select $1, $2 || ' ' || n, now() + n * interval '1 hour', now() + n * interval '1 hour' + interval '5 hours',
              'Austin'
         from generate_series(1, $3::int) as n returning id`,
      [orgId, title, count],
    );
    return rows.map((row) => row.id);
  });
}

function impressionBatch(count: number): string {
  const now = Date.now();
  const records = Array.from({ length: count }, (_, i) => ({
    kind: 'impression',
    occurred_at: new Date(now - ((i * 7919) % 604_800) * 1000).toISOString(),
    session_id: `session-${i % 5000}`,
    source: 'feed',
    utm_source: ['instagram', 'tiktok', 'sponsor'][i % 3],
    placement: 'story',
    age_segment: ['18-24', '25-34', '35-44'][i % 3],
    city: ['Austin', 'Berlin', 'Lisbon'][i % 3],
  }));
  return JSON.stringify({ batch_id: '00000000-0000-4000-8000-000000000000', records });
}

/** Batches of 10,000 through `POST /v1/events/{id}/analytics:ingest`, `INGEST_IN_FLIGHT` at a time. */
async function benchIngest(origin: string, apiKey: string, eventId: string): Promise<Row> {
  const template = impressionBatch(BATCH);
  const bodies = Array.from({ length: INGEST_BATCHES }, () =>
    template.replace('00000000-0000-4000-8000-000000000000', randomUUID()),
  );
  const send = async (body: string) => {
    const started = performance.now();
    const response = await fetch(`${origin}/v1/events/${eventId}/analytics:ingest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body,
    });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`ingest answered ${response.status}: ${text.slice(0, 300)}`);
    return performance.now() - started;
  };
  await send(bodies.pop()!); // warm-up
  const latencies: number[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: INGEST_IN_FLIGHT }, async () => {
      while (next < bodies.length) latencies.push(await send(bodies[next++]!));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!);
  return {
    scenario: `ingest records/s (${bodies.length} × 10,000, ${INGEST_IN_FLIGHT} in flight; ms per batch)`,
    requestsPerSecond: (bodies.length * BATCH) / seconds,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}

async function benchRollup(db: Db, orgId: string): Promise<Row> {
  const eventIds = await createEvents(db, orgId, EVENTS, 'Rollup event');
  process.stderr.write(`rollup: seeding ${ROLLUP_RECORDS.toLocaleString('en-US')} raw records …\n`);
  await db.system((tx) => seedRaw(tx, { orgId, eventIds, records: ROLLUP_RECORDS }));
  for (const table of [
    'event_impressions_p',
    'post_views_p',
    'ticket_analytics_p',
    'analytics_daily',
    'analytics_people',
  ])
    await db.pool.query(`vacuum analyze ${table}`);
  process.stderr.write('rollup: measuring …\n');
  const started = performance.now();
  const result = await rollupStats(db, { now: new Date(), minSegment: 50 });
  const seconds = (performance.now() - started) / 1000;
  return {
    scenario: `rollup ${ROLLUP_RECORDS.toLocaleString('en-US')} records, ${result.events} events: ${seconds.toFixed(1)} s (records/s)`,
    requestsPerSecond: ROLLUP_RECORDS / seconds,
  };
}

async function benchRoi(db: Db, origin: string, database: BenchDatabase): Promise<Row> {
  const [eventId] = await createEvents(db, database.orgId, 1, 'ROI event');
  process.stderr.write(`roi: seeding ${ROI_RECORDS.toLocaleString('en-US')} raw records for one event …\n`);
  const orderId = await db.system(async (tx) => {
    await seedRaw(tx, { orgId: database.orgId, eventIds: [eventId!], records: ROI_RECORDS });
    const sponsor = await tx.query<{ id: string }>(
      `insert into sponsors (org_id, name, attribution_utm_sources) values ($1, 'Bench Brand', '{sponsor}')
       returning id`,
      [database.orgId],
    );
    const pkg = await tx.query<{ id: string }>(
      `insert into sponsorship_packages (org_id, event_id, title, tier, price_cents, currency, inventory)
       values ($1, $2, 'Gold', 'gold', 500000, 'USD', 1) returning id`,
      [database.orgId, eventId],
    );
    const order = await tx.query<{ id: string }>(
      `insert into sponsorship_orders (event_id, package_id, sponsor_id, organizer_org_id, sponsor_org_id,
         amount_cents, currency, created_by_side, attribution_promo_codes)
       values ($1, $2, $3, $4, $4, 500000, 'USD', 'sponsor', '{SPONSOR10}') returning id`,
      [eventId, pkg.rows[0]!.id, sponsor.rows[0]!.id, database.orgId],
    );
    return order.rows[0]!.id;
  });
  await rollupStats(db, { now: new Date(), minSegment: 50 });
  const today = new Date();
  const to = new Date(today.getTime() + 86_400_000).toISOString().slice(0, 10);
  const from = new Date(today.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
  process.stderr.write('GET /v1/reports/roi: measuring …\n');
  const measured = await measure(
    {
      url: `${origin}/v1/reports/roi?order_id=${orderId}&from=${from}&to=${to}`,
      headers: { authorization: `Bearer ${database.apiKey}` },
    },
    { durationSeconds: positive('BENCH_DURATION', 8), warmupSeconds: 2, connections: ROI_CONNECTIONS },
  );
  return {
    scenario: `GET /v1/reports/roi (${ROI_RECORDS.toLocaleString('en-US')} records, ${ROI_CONNECTIONS} connections)`,
    ...measured,
  };
}

/** Runs the three measurements against the bench database; rows for the results table. */
export async function runAnalyticsBench({ database }: { database: BenchDatabase }): Promise<Row[]> {
  const config = loadConfig(
    {
      DATABASE_URL: database.url,
      LOG_LEVEL: 'silent',
      YARDPASS_RATE_LIMIT_READ_PER_MINUTE: '10000000',
      YARDPASS_RATE_LIMIT_WRITE_PER_MINUTE: '10000000',
      YARDPASS_RATE_LIMIT_REPORT_PER_MINUTE: '10000000',
    },
    'dev',
  );
  const db = createDb({ databaseUrl: database.url, max: config.YARDPASS_DB_POOL_SIZE });
  const { app } = createApp({ config, db, log: createLogger(config.LOG_LEVEL) });
  const running = await serve(app.fetch);
  try {
    const [ingestEvent] = await createEvents(db, database.orgId, 1, 'Ingest event');
    process.stderr.write(`ingest: ${INGEST_BATCHES} batches of 10,000 …\n`);
    const rows = [await benchIngest(running.origin, database.apiKey, ingestEvent!)];
    rows.push(await benchRollup(db, database.orgId));
    rows.push(await benchRoi(db, running.origin, database));
    return rows;
  } finally {
    await running.close();
    await db.close();
  }
}
