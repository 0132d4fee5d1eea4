import { createDb } from '@yardpass/server';
import { Hono } from 'hono';
import { serve } from '../lib/server';
import type { Scenario } from '../lib/scenario';

/**
 * The statement the API runs for `GET /v1/events?limit=20` (server `db/events.ts` `listEvents`), with
 * every filter null and `limit + 1` rows: the extra row only says whether there is another page. Like
 * the API, it has no `owner_org_id` condition; row-level security adds it.
 */
const LIST_EVENTS = `select id, owner_org_id, title, description, starts_at, ends_at, venue, city, country, category,
  target_audience, brand_safety_tags, created_at, updated_at from events
  where ($1::text is null or category = $1) and ($2::text is null or city = $2)
    and ($3::timestamptz is null or starts_at >= $3) and ($4::timestamptz is null or starts_at < $4)
    and ($5::timestamptz is null or (starts_at, id) > ($5, $6::uuid))
  order by starts_at, id limit $7`;
const LIMIT = 20;
const PARAMS = [null, null, null, null, null, null, LIMIT + 1];

interface EventRow {
  id: string;
  starts_at: string;
}

/** The API's list envelope, built the way the server's `toPage` builds it. */
function toPage(rows: EventRow[]) {
  const data = rows.slice(0, LIMIT);
  const last = data.at(-1);
  const hasMore = rows.length > LIMIT;
  return {
    data,
    has_more: hasMore,
    next_cursor:
      hasMore && last ? Buffer.from(JSON.stringify([last.starts_at, last.id])).toString('base64url') : null,
  };
}

/** Bare Hono answering `ok`: the floor for anything served over HTTP from this process. */
export const hello: Scenario = {
  name: 'hello',
  async start() {
    const running = await serve(new Hono().get('/', (c) => c.text('ok')).fetch);
    return { target: { url: `${running.origin}/` }, close: running.close };
  },
};

/**
 * Bare Hono + a pg pool built like the app's (`createDb`: 20 connections, timestamps parsed to ISO
 * strings), one round trip per request: `LIST_EVENTS` outside a transaction. The organization is set
 * once per connection (`options=-c yardpass.org_id=…`), so row-level security filters exactly as it
 * does for the API; the page is serialised into the API's envelope.
 */
export const pgBaseline: Scenario = {
  name: 'pg-baseline',
  baseline: 'hello',
  async start({ database }) {
    const url = new URL(database.url);
    url.searchParams.set('options', `-c yardpass.org_id=${database.orgId}`);
    const db = createDb({ databaseUrl: url.toString() });
    const app = new Hono().get('/events', async (c) => {
      const { rows } = await db.pool.query<EventRow>(LIST_EVENTS, PARAMS);
      return c.json(toPage(rows));
    });
    return serveWithDb(app, db);
  },
};

/**
 * `pg-baseline` inside the API's tenancy transaction (`db.tenant`: begin, `set_config('yardpass.org_id')`,
 * the statement, commit — four round trips instead of one). The gap to `pg-baseline` is what the
 * transaction costs; the gap from here to the API is authentication, rate limiting and the router.
 */
export const pgTenantTx: Scenario = {
  name: 'pg-tenant-tx',
  baseline: 'pg-baseline',
  async start({ database }) {
    const db = createDb({ databaseUrl: database.url });
    const app = new Hono().get('/events', async (c) => {
      const { rows } = await db.tenant(database.orgId, (tx) => tx.query<EventRow>(LIST_EVENTS, PARAMS));
      return c.json(toPage(rows));
    });
    return serveWithDb(app, db);
  },
};

async function serveWithDb(app: Hono, db: { close(): Promise<void> }) {
  const running = await serve(app.fetch);
  return {
    target: { url: `${running.origin}/events` },
    close: async () => {
      await running.close();
      await db.close();
    },
  };
}
