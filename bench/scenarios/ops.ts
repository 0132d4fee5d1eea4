import {
  activityMetrics,
  createDb,
  createOperator,
  createOrganization,
  type Db,
  INBOX_KINDS,
  listOpsInbox,
  moneyMetrics,
  summarizeOpsInbox,
} from '@yardpass/server';
import { Hono } from 'hono';
import pg, { type QueryConfig } from 'pg';
import type { BenchDatabase } from '../lib/database';
import { measureInRounds, type RoundScenario } from '../lib/rounds';
import { serve, serveYardpass } from '../lib/server';
import type { Row } from '../lib/table';

/**
 * Issue 20's reads at scale: `GET /v1/metrics/business` over 1,000,000 orders and 3,000,000 ledger entries, and
 * `GET /v1/ops/inbox` with 100,000 open items (orders awaiting funding), both with a platform operator key (every
 * organization: the largest read), each next to a bare Hono + pg route running the API's own statements.
 * Sizes: BENCH_ORDERS (a tenth of them stay unfunded, the inbox's items). Target: p99 < 250 ms and < 50 ms at
 * 2 connections. The seed takes minutes, so the routes are measured BENCH_ROUNDS times (3) after it, in turns;
 * each row is the median of its rounds.
 */
const ORDERS = positive('BENCH_ORDERS', 1_000_000);
const CONNECTIONS = 2;
const ROUNDS = positive('BENCH_ROUNDS', 3);
const WINDOW = { from: '2026-10-01', to: '2026-11-01', interval: 'day' as const };

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
}

type Tx = Parameters<Parameters<Db['system']>[0]>[0];

/**
 * Orders over the year to 2026-12-01 (every tenth unfunded), and for the funded ones the ledger: a posted lock
 * (escrow → organizer payable + platform fee, 3 entries) each, and a funding (2 entries) for every sixth, so that
 * entries number 3 × ORDERS. The ledger's triggers check balance and currency row by row; the rows here balance,
 * so they are off while loading (the table owner may) and on again after, and the money's day totals are rebuilt.
 */
async function seed(tx: Tx, options: { orgId: string; sponsorOrgId: string }): Promise<void> {
  const { orgId, sponsorOrgId } = options;
  await tx.query(
    `insert into sponsors (org_id, name, visibility) select $1, 'Bench brand ' || n, 'public'
       from generate_series(1, 100) n`,
    [sponsorOrgId],
  );
  await tx.query(
    `insert into sponsorship_packages (org_id, event_id, title, tier, price_cents, currency, inventory, is_active,
       published_at, created_at)
     select $1, e.id, 'Package ' || n, 'gold', 100000, 'USD', 100000, true, now(),
            timestamptz '2025-12-01' + (n % 365) * interval '1 day'
       from (select id, row_number() over () as r from events where owner_org_id = $1) e,
            generate_series(1, 10) n`,
    [orgId],
  );
  await tx.query(
    `create temporary table bench_refs on commit drop as
       select row_number() over (order by p.id) - 1 as r, p.id as package_id, p.event_id,
              s.ids[1 + (row_number() over (order by p.id)) % cardinality(s.ids)] as sponsor_id
         from sponsorship_packages p, (select array_agg(id) as ids from sponsors where org_id = $1) s
        where p.org_id = $2`,
    [sponsorOrgId, orgId],
  );
  await tx.query(
    `insert into sponsorship_orders (event_id, package_id, sponsor_id, organizer_org_id, sponsor_org_id, amount_cents,
       currency, created_by_side, status, escrow_state, funded_at, locked_at, released_at, stripe_payment_intent_id,
       stripe_charge_id, application_fee_cents, created_at)
     select b.event_id, b.package_id, b.sponsor_id, $1, $2, 10000 + (n::bigint * 7919) % 990000,
            case when n % 7 = 0 then 'EUR' else 'USD' end, 'sponsor',
            case when n % 10 = 0 then 'pending' else 'completed' end,
            case when n % 10 = 0 then 'pending' else 'released' end,
            case when n % 10 <> 0 then at + interval '1 hour' end,
            case when n % 10 <> 0 then at + interval '2 days' end,
            case when n % 10 <> 0 then at + interval '3 days' end,
            case when n % 10 <> 0 then 'pi_bench_' || n end,
            case when n % 10 <> 0 then 'ch_bench_' || n end,
            case when n % 10 <> 0 then (10000 + (n::bigint * 7919) % 990000) / 10 end,
            at
       from generate_series(1, $3::int) n
       cross join lateral (select timestamptz '2025-12-01' + (n % 365) * interval '1 day'
                                  + (n % 86400) * interval '1 second' as at) t
       join bench_refs b on b.r = n % (select count(*) from bench_refs)`,
    [orgId, sponsorOrgId, ORDERS],
  );
  await tx.query(`alter table ledger_entries disable trigger user`);
  await tx.query(
    `insert into ledger_accounts (code, kind, currency, org_id, order_id)
     select 'platform_fees:' || c, 'platform_fees', c, null::uuid, null::uuid from unnest(array['USD', 'EUR']) c
     union all select 'stripe_clearing:' || c, 'stripe_clearing', c, null::uuid, null::uuid from unnest(array['USD', 'EUR']) c
     union all select 'organizer_payable:' || $1 || ':' || c, 'organizer_payable', c, $1::uuid, null::uuid
       from unnest(array['USD', 'EUR']) c
     union all select 'escrow:' || o.id, 'escrow', o.currency, null::uuid, o.id from sponsorship_orders o
       where o.funded_at is not null`,
    [orgId],
  );
  await tx.query(
    `with locks as (
       insert into ledger_transactions (reference, kind, status, order_id, organizer_org_id, sponsor_org_id,
         description, created_at, posted_at)
       select 'order:' || o.id || ':lock', 'lock', 'posted', o.id, o.organizer_org_id, o.sponsor_org_id, 'bench',
              o.locked_at, o.released_at
         from sponsorship_orders o where o.funded_at is not null
       returning id, order_id
     )
     insert into ledger_entries (transaction_id, account_id, amount_cents, currency)
     select l.id, a.id, leg.amount, o.currency
       from locks l join sponsorship_orders o on o.id = l.order_id
       cross join lateral (values ('escrow:' || o.id, -o.amount_cents),
                                  ('organizer_payable:' || o.organizer_org_id || ':' || o.currency,
                                   o.amount_cents - o.application_fee_cents),
                                  ('platform_fees:' || o.currency, o.application_fee_cents)) leg(code, amount)
       join ledger_accounts a on a.code = leg.code`,
  );
  // Fundings for as many orders as it takes to reach three entries per order.
  const { rows } = await tx.query<{ n: number }>('select count(*)::int as n from ledger_entries');
  const fundings = Math.max(0, Math.floor((3 * ORDERS - rows[0]!.n) / 2));
  await tx.query(
    `with funds as (
       insert into ledger_transactions (reference, kind, status, order_id, organizer_org_id, sponsor_org_id,
         description, created_at, posted_at)
       select 'order:' || o.id || ':fund', 'fund', 'posted', o.id, o.organizer_org_id, o.sponsor_org_id, 'bench',
              o.funded_at, o.funded_at
         from sponsorship_orders o where o.funded_at is not null limit $1
       returning id, order_id
     )
     insert into ledger_entries (transaction_id, account_id, amount_cents, currency)
     select f.id, a.id, leg.amount, o.currency
       from funds f join sponsorship_orders o on o.id = f.order_id
       cross join lateral (values ('stripe_clearing:' || o.currency, -o.amount_cents),
                                  ('escrow:' || o.id, o.amount_cents)) leg(code, amount)
       join ledger_accounts a on a.code = leg.code`,
    [fundings],
  );
  await tx.query(`alter table ledger_entries enable trigger user`);
  // The fees went in around the triggers that keep the money's day totals: compute those from the bookings.
  await tx.query('select yardpass_money_rebuild()');
}

/** A bare Hono + pg route: the API's own statements over every organization (a system read). */
async function bareRoute(database: BenchDatabase, read: (tx: Tx) => Promise<unknown>) {
  const db = createDb({ databaseUrl: database.url });
  const app = new Hono().get('/', async (c) => c.json({ data: await db.system(read) }));
  const running = await serve(app.fetch);
  return {
    url: `${running.origin}/`,
    method: 'GET' as const,
    close: async () => {
      await running.close();
      await db.close();
    },
  };
}

type Plan = { 'QUERY PLAN': string };

/**
 * `BENCH_EXPLAIN=1`: the plans of the inbox page and the money metrics, as the API runs them (a system read). A
 * named statement is run once (which prepares it) and its plan explained as the connection keeps it
 * (`explain execute`: the generic plan the inbox forces).
 */
async function explain(db: Db): Promise<void> {
  const print = (rows: Plan[]) =>
    process.stderr.write(`${rows.map((row) => row['QUERY PLAN']).join('\n')}\n\n`);
  const explaining = (tx: Tx) => ({
    query: async (query: string | QueryConfig, values?: unknown[]) => {
      if (typeof query !== 'string') {
        await tx.query(query);
        const args = (query.values ?? []).map((value) => pg.escapeLiteral(String(value))).join(', ');
        const { rows } = await tx.query<Plan>(`explain (analyze, buffers) execute "${query.name}"(${args})`);
        print(rows);
        return { rows: [] };
      }
      // The planner settings a statement runs with are set as they are, not explained.
      if (query.startsWith('set ')) return tx.query(query, values);
      print((await tx.query<Plan>(`explain (analyze, buffers) ${query}`, values)).rows);
      return { rows: [] };
    },
  });
  await db.system(async (tx) => {
    await listOpsInbox(explaining(tx) as unknown as Tx, { kinds: INBOX_KINDS, limit: 50, after: undefined });
    await moneyMetrics(explaining(tx) as unknown as Tx, { ...WINDOW, eventId: null, orgId: null });
  });
}

export async function runOpsBench(options: {
  database: BenchDatabase;
  durationSeconds: number;
}): Promise<Row[]> {
  const { database, durationSeconds } = options;
  const admin = createDb({ databaseUrl: database.url, max: 1 });
  let operatorKey: string;
  try {
    process.stderr.write(`ops: seeding ${ORDERS} orders and ${3 * ORDERS} ledger entries …\n`);
    const started = Date.now();
    const { organization: sponsorOrg } = await createOrganization(admin, { name: 'Bench Ops Sponsor' });
    await admin.system((tx) => seed(tx, { orgId: database.orgId, sponsorOrgId: sponsorOrg.id }));
    await admin.pool.query('vacuum analyze');
    process.stderr.write(`ops: seeded in ${Math.round((Date.now() - started) / 1000)} s\n`);
    operatorKey = (await createOperator(admin, 'Bench operator')).key;
    if (process.env.BENCH_EXPLAIN) await explain(admin);
  } finally {
    await admin.close();
  }

  const window = { ...WINDOW, eventId: null, orgId: null };
  const query = `from=${WINDOW.from}&to=${WINDOW.to}&interval=${WINDOW.interval}`;
  const auth = { authorization: `Bearer ${operatorKey}` };
  const scenarios: RoundScenario[] = [
    {
      name: 'pg-ops-inbox',
      start: () =>
        bareRoute(database, (tx) => listOpsInbox(tx, { kinds: INBOX_KINDS, limit: 50, after: undefined })),
    },
    {
      name: 'GET /v1/ops/inbox',
      baseline: 'pg-ops-inbox',
      async start() {
        const running = await serveYardpass({ databaseUrl: database.url });
        return {
          url: `${running.origin}/v1/ops/inbox?limit=50`,
          method: 'GET',
          headers: auth,
          close: running.close,
        };
      },
    },
    {
      name: 'pg-ops-inbox-summary',
      start: () => bareRoute(database, (tx) => summarizeOpsInbox(tx, INBOX_KINDS)),
    },
    {
      name: 'GET /v1/ops/inbox/summary',
      baseline: 'pg-ops-inbox-summary',
      async start() {
        const running = await serveYardpass({ databaseUrl: database.url });
        return {
          url: `${running.origin}/v1/ops/inbox/summary`,
          method: 'GET',
          headers: auth,
          close: running.close,
        };
      },
    },
    {
      name: 'pg-business-metrics',
      start: () =>
        bareRoute(database, async (tx) => ({
          activity: await activityMetrics(tx, window),
          money: await moneyMetrics(tx, window),
        })),
    },
    {
      name: 'GET /v1/metrics/business',
      baseline: 'pg-business-metrics',
      async start() {
        const running = await serveYardpass({ databaseUrl: database.url });
        return {
          url: `${running.origin}/v1/metrics/business?${query}`,
          method: 'GET',
          headers: auth,
          close: running.close,
        };
      },
    },
  ];
  // One seed, several rounds: each route is measured ROUNDS times, alternating with the others.
  return measureInRounds(scenarios, { rounds: ROUNDS, durationSeconds, connections: CONNECTIONS });
}
