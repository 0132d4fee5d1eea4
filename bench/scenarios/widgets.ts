import { createDb, findCachedWidget } from '@yardpass/server';
import { Hono } from 'hono';
import type { BenchDatabase } from '../lib/database';
import { measureInRounds } from '../lib/rounds';
import { serve, serveYardpass } from '../lib/server';
import type { Row } from '../lib/table';

/**
 * Issue 23: `GET /v1/public/widgets/{publicId}` (no credentials; a published marketplace card, its cache current,
 * so each read after the first is served from the process's memory) beside two bare Hono routes serving the same
 * JSON: one reading it with the API's own statement (`db/widgets.ts` `findCachedWidget`) on every request, one
 * from memory, the baseline of the goal: ≥ 0.9 of it. 50 connections.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 50;

/** A workspace with a package and a published card; the first read through the API builds the cache. */
async function seedWidget(database: BenchDatabase): Promise<string> {
  const admin = createDb({ databaseUrl: database.url, max: 1 });
  try {
    return await admin.system(async (tx) => {
      const { rows } = await tx.query<{ public_id: string }>(
        `with package as (
           insert into sponsorship_packages (org_id, event_id, title, tier, price_cents, currency, inventory, is_active,
             visibility, published_at)
           select $1, id, 'Main stage naming', 'gold', 150000, 'USD', 10, true, 'public', now()
             from events where owner_org_id = $1 order by starts_at limit 1
           returning id
         ),
         workspace as (
           insert into sponsorship_workspaces (org_id, name, slug) values ($1, 'Bench', 'bench') returning id
         )
         insert into sponsorship_workspace_widgets (workspace_id, org_id, widget_id, package_id, widget_type, config,
           published)
         select workspace.id, $1, 'hero-card', package.id, 'marketplace_card', '{"highlight": "Platinum"}', true
           from workspace, package
         returning public_id`,
        [database.orgId],
      );
      return rows[0]!.public_id;
    });
  } finally {
    await admin.close();
  }
}

export async function runWidgetsBench(options: {
  database: BenchDatabase;
  durationSeconds: number;
}): Promise<Row[]> {
  const { database, durationSeconds } = options;
  const publicId = await seedWidget(database);
  const path = `/v1/public/widgets/${publicId}`;
  return measureInRounds(
    [
      {
        name: 'pg-widget-cache',
        async start() {
          const db = createDb({ databaseUrl: database.url });
          const app = new Hono().get('/', async () => {
            const cached = (await findCachedWidget(db.pool, publicId))!;
            return new Response(`{"data":${cached.body}}`, {
              headers: { 'content-type': 'application/json', etag: `"${cached.etag}"` },
            });
          });
          const running = await serve(app.fetch);
          return {
            url: `${running.origin}/`,
            close: async () => {
              await running.close();
              await db.close();
            },
          };
        },
      },
      {
        name: 'memory-widget',
        baseline: 'pg-widget-cache',
        async start() {
          // The API's own answer (body and ETag), read once through a server of its own and then held in memory.
          const api = await serveYardpass({ databaseUrl: database.url });
          const first = await fetch(`${api.origin}${path}`);
          const body = await first.text();
          const etag = first.headers.get('etag')!;
          await api.close();
          if (first.status !== 200) throw new Error(`${path} answered ${first.status}`);
          const app = new Hono().get(
            '/',
            () => new Response(body, { headers: { 'content-type': 'application/json', etag } }),
          );
          const running = await serve(app.fetch);
          return { url: `${running.origin}/`, close: running.close };
        },
      },
      {
        name: 'GET /v1/public/widgets/{publicId}',
        baseline: 'memory-widget',
        async start() {
          const running = await serveYardpass({ databaseUrl: database.url });
          // The first read builds the cache; the bare route serves what it wrote.
          const first = await fetch(`${running.origin}${path}`);
          if (first.status !== 200) throw new Error(`${path} answered ${first.status}`);
          return { url: `${running.origin}${path}`, close: running.close };
        },
      },
    ],
    { rounds: ROUNDS, durationSeconds, connections: CONNECTIONS },
  );
}
