import { createDb, listEvents, toPage } from '@yardpass/server';
import { Hono } from 'hono';
import { serve } from '../lib/server';
import type { Scenario } from '../lib/scenario';

// `GET /v1/events?limit=20` runs the server's own statement (`db/events.ts` `listEvents`, every filter null,
// `limit + 1` rows: the extra row only says whether there is another page; like the API, no `owner_org_id`
// condition: row-level security adds it) and builds the page with the server's `toPage`.
const LIMIT = 20;
const eventsPage = async (q: Parameters<typeof listEvents>[0]) =>
  toPage(await listEvents(q, { limit: LIMIT }), LIMIT, (row) => row.starts_at);

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
 * strings), one round trip per request: the API's list statement outside a transaction. The organization is set
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
      return c.json(await eventsPage(db.pool));
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
      return c.json(await db.tenant(database.orgId, eventsPage));
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
