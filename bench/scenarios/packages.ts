import { createDb, createOrganization, type Db, listInbox, listPackages, toPage } from '@yardpass/server';
import { Hono } from 'hono';
import type { BenchDatabase } from '../lib/database';
import { measureInRounds, type RoundScenario } from '../lib/rounds';
import { serve, serveYardpass } from '../lib/server';
import type { Row } from '../lib/table';

/**
 * Issue 4's reads at scale: the package gallery (one event's published packages by price, 50 a page) and the
 * proposal inbox (the organizer's threads by activity, 50 a page) with 100k packages and 100k threads (200k
 * messages) in the database, each next to a bare Hono + pg route running the API's own statement for the same
 * rows. `BENCH_EXPLAIN=1` prints both plans. Sizes: BENCH_PACKAGES, BENCH_THREADS.
 */
const PACKAGES = positive('BENCH_PACKAGES', 100_000);
const THREADS = positive('BENCH_THREADS', 100_000);
const SPONSORS = 1_000;
const LIMIT = 50;

/** A statement's parameter written as a SQL literal, for EXPLAIN EXECUTE. */
const literal = (value: unknown): string =>
  value === null
    ? 'null'
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : `'${(typeof value === 'string' ? value : JSON.stringify(value)).replaceAll("'", "''")}'`;
/** Rounds per route, alternating with its baseline; each row is the median of its rounds. */
const ROUNDS = positive('BENCH_ROUNDS', 3);

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
}

type Tx = Parameters<Parameters<Db['system']>[0]>[0];

type Queryable = Parameters<typeof listPackages>[0];
// The API's own statements (server `db/packages.ts` `listPackages`, `db/proposals.ts` `listInbox`), named
// statements on generic plans as the API runs them, and its `toPage`.
const gallery = (orgId: string, eventId: string) => async (q: Queryable) =>
  toPage(await listPackages(q, { orgId, eventId, isActive: true, limit: LIMIT }), LIMIT, (row) =>
    String(row.price_cents),
  );
const inbox = (orgId: string) => async (q: Queryable) =>
  toPage(await listInbox(q, { orgId, limit: LIMIT }), LIMIT, (row) => row.updated_at);

/** The statement `list` sends (name, text, values), caught instead of run. */
async function statementOf(list: (q: Queryable) => Promise<unknown>) {
  let sent: { name: string; text: string; values: unknown[] } | undefined;
  const catcher = {
    query: (config: { name: string; text: string; values: unknown[] }) => {
      sent = config;
      return Promise.resolve({ rows: [] });
    },
  };
  await list(catcher as unknown as Queryable);
  return sent!;
}

/** Packages spread over the organization's events (80 % published), a sponsor org with 1,000 sponsors, and
 *  threads between them with two messages each, their activity spread over the last 90 days. */
async function seed(tx: Tx, options: { orgId: string; sponsorOrgId: string }): Promise<string> {
  const { orgId, sponsorOrgId } = options;
  await tx.query(
    `insert into sponsorship_packages (org_id, event_id, title, tier, price_cents, currency, inventory, sold, benefits,
       availability, constraints, visibility, is_active, expected_reach, audience_snapshot, quality_score, published_at)
     select $1, ev.id, (array['Gold', 'Silver', 'Bronze', 'Stage', 'Booth'])[1 + n % 5] || ' package ' || n,
            (array['gold', 'silver', 'bronze'])[1 + n % 3], 10000 + (n * 7919) % 990000, 'USD', 1 + n % 5, 0,
            '{"logo_stage": true, "booth": "10x10", "social_posts": 5}', '{"max_per_sponsor": 1}',
            '{"category_allow": ["Beverage"]}', (array['public', 'public', 'unlisted', 'private'])[1 + n % 4],
            (n / 200) % 5 <> 0, 20000 + n % 5000,
            '{"estimated_reach": 24000, "age_segments": {"18-24": 0.31}, "geo_top3": ["Austin"]}', 50 + n % 50,
            case when (n / 200) % 5 <> 0 then now() end
       from generate_series(1, $2::int) as n
       join lateral (select id from events where owner_org_id = $1 order by starts_at offset (n % 200) limit 1) ev on true`,
    [orgId, PACKAGES],
  );
  await tx.query(
    `insert into sponsors (org_id, name, logo_url, industry, visibility)
     select $1, 'Bench sponsor ' || n, 'https://cdn.example.com/logo-' || n || '.png', 'Beverage', 'public'
       from generate_series(1, $2::int) as n`,
    [sponsorOrgId, SPONSORS],
  );
  await tx.query(
    `with ev as (select array_agg(id order by starts_at) as ids from events where owner_org_id = $1),
          sp as (select array_agg(id order by name) as ids from sponsors where org_id = $2)
     insert into proposal_threads (event_id, sponsor_id, organizer_org_id, sponsor_org_id, status, created_by_side,
       message_count, last_offer, last_offer_side, created_at, updated_at)
     select ev.ids[1 + n % cardinality(ev.ids)], sp.ids[1 + n % cardinality(sp.ids)], $1, $2,
            (array['sent', 'countered', 'sent', 'rejected', 'draft'])[1 + n % 5],
            case when n % 5 = 4 then 'organizer' else 'sponsor' end, 2,
            jsonb_build_object('price_cents', 100000 + n % 50000, 'currency', 'USD'),
            case when n % 5 = 1 then 'organizer' else 'sponsor' end,
            now() - interval '90 days', now() - ((n * 7919) % 7776000) * interval '1 second'
       from generate_series(1, $3::int) as n, ev, sp`,
    [orgId, sponsorOrgId, THREADS],
  );
  await tx.query(
    `insert into proposal_messages (thread_id, organizer_org_id, sponsor_org_id, side, body, offer, created_at)
     select t.id, t.organizer_org_id, t.sponsor_org_id, m.side, 'We would love to sponsor this event.',
            jsonb_build_object('price_cents', 100000, 'currency', 'USD'), t.created_at + m.k * interval '1 hour'
       from proposal_threads t,
            (values (0, 'sponsor'), (1, 'organizer')) as m(k, side)
      where t.organizer_org_id = $1`,
    [orgId],
  );
  const { rows } = await tx.query<{ id: string }>(
    'select id from events where owner_org_id = $1 order by starts_at limit 1',
    [orgId],
  );
  return rows[0]!.id;
}

async function explain(db: Db, orgId: string, eventId: string): Promise<void> {
  await db.tenant(orgId, async (tx) => {
    for (const [name, list] of [
      ['gallery', gallery(orgId, eventId)],
      ['inbox', inbox(orgId)],
    ] as const) {
      const { text, values } = await statementOf(list);
      // A named statement runs on a generic plan after five executions: that is the plan to read.
      await tx.query('set local plan_cache_mode = force_generic_plan');
      await tx.query({ name: `explain-${name}`, text, values });
      const { rows } = await tx.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers, costs off, timing off) execute "explain-${name}"(${values.map(literal).join(', ')})`,
      );
      process.stderr.write(`\n-- ${name}\n${rows.map((row) => row['QUERY PLAN']).join('\n')}\n`);
    }
  });
}

/** A bare Hono + pg route (the organization set once per connection, as `pg-baseline` does). */
async function bareRoute(
  database: BenchDatabase,
  handler: (db: Db) => (c: { json(body: unknown): Response }) => Promise<Response>,
) {
  const url = new URL(database.url);
  // The API runs these as named statements on generic plans (see server `db/proposals.ts`); so does the baseline.
  url.searchParams.set(
    'options',
    `-c yardpass.org_id=${database.orgId} -c plan_cache_mode=force_generic_plan`,
  );
  const db = createDb({ databaseUrl: url.toString() });
  const app = new Hono().get('/', handler(db));
  const running = await serve(app.fetch);
  return {
    origin: running.origin,
    close: async () => {
      await running.close();
      await db.close();
    },
  };
}

export async function runPackagesBench(options: {
  database: BenchDatabase;
  durationSeconds: number;
  connections: number;
}): Promise<Row[]> {
  const { database, durationSeconds, connections } = options;
  const admin = createDb({ databaseUrl: database.url, max: 1 });
  let eventId: string;
  try {
    process.stderr.write(`packages: seeding ${PACKAGES} packages and ${THREADS} threads …\n`);
    const { organization: sponsorOrg } = await createOrganization(admin, { name: 'Bench Sponsor Org' });
    eventId = await admin.system((tx) => seed(tx, { orgId: database.orgId, sponsorOrgId: sponsorOrg.id }));
    // Freshly loaded rows: vacuum sets their hint bits and visibility map now, not during the first round.
    await admin.pool.query('vacuum analyze');
    if (process.env.BENCH_EXPLAIN) await explain(admin, database.orgId, eventId);
  } finally {
    await admin.close();
  }

  const auth = { authorization: `Bearer ${database.apiKey}` };
  const scenarios: RoundScenario[] = [
    {
      name: 'pg-gallery',
      async start() {
        const page = gallery(database.orgId, eventId);
        const running = await bareRoute(database, (db) => async (c) => c.json(await page(db.pool)));
        return { url: `${running.origin}/`, close: running.close };
      },
    },
    {
      name: 'GET /v1/sponsorship-packages',
      baseline: 'pg-gallery',
      async start() {
        const running = await serveYardpass({ databaseUrl: database.url });
        return {
          url: `${running.origin}/v1/sponsorship-packages?event_id=${eventId}&is_active=true&limit=${LIMIT}`,
          headers: auth,
          close: running.close,
        };
      },
    },
    {
      name: 'pg-inbox',
      async start() {
        const page = inbox(database.orgId);
        const running = await bareRoute(database, (db) => async (c) => c.json(await page(db.pool)));
        return { url: `${running.origin}/`, close: running.close };
      },
    },
    {
      name: 'GET /v1/proposals',
      baseline: 'pg-inbox',
      async start() {
        const running = await serveYardpass({ databaseUrl: database.url });
        return { url: `${running.origin}/v1/proposals?limit=${LIMIT}`, headers: auth, close: running.close };
      },
    },
  ];

  return measureInRounds(scenarios, { rounds: ROUNDS, durationSeconds, connections });
}
