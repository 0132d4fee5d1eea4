import { randomUUID } from 'node:crypto';
import {
  claimKeySql,
  claimOutcome,
  createDb,
  type Db,
  insertAuditEntry,
  insertEvent,
  insertPackage,
  storeAnswer,
} from '@yardpass/server';
import { Hono } from 'hono';
import type { BenchDatabase } from '../lib/database';
import { measureInRounds, type RoundScenario } from '../lib/rounds';
import { serve, serveYardpass } from '../lib/server';
import type { Row } from '../lib/table';

/**
 * Issue 21's writes: `POST /v1/events` with and without an `Idempotency-Key` and `POST /v1/sponsorship-packages`
 * with one, each next to a bare Hono + pg route that inserts the same row with the server's own statement in one
 * round trip (autocommit; the organization is a session setting of the connection, so row-level security checks
 * the row as it does for the API). Two more bare routes split the API's cost into steps: the same insert in the
 * tenancy transaction with its audit row (`pg-event-tx`), and that transaction with the idempotency claim and the
 * stored answer (`pg-event-keyed`, what `withIdempotency` adds), both with the server's own functions (so the
 * claim travels with `begin`, the audit row and the answer with `commit`). Every keyed request sends a fresh key.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const EVENT = {
  title: 'Bench launch party',
  description: 'A benchmark event with a description of ordinary length.',
  starts_at: '2031-05-01T18:00:00Z',
  ends_at: '2031-05-01T23:00:00Z',
  city: 'Lisbon',
  category: 'music',
};
type EventInput = Parameters<typeof insertEvent>[2];

function bareWrite(
  database: BenchDatabase,
  body: unknown,
  handler: (db: Db, body: Record<string, unknown>) => Promise<unknown>,
): RoundScenario['start'] {
  return async () => {
    const url = new URL(database.url);
    url.searchParams.set('options', `-c yardpass.org_id=${database.orgId}`);
    const db = createDb({ databaseUrl: url.toString() });
    const app = new Hono().post('/', async (c) => {
      const data = await handler(db, await c.req.json<Record<string, unknown>>());
      return c.json({ data }, 201);
    });
    const running = await serve(app.fetch);
    return {
      url: `${running.origin}/`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      close: async () => {
        await running.close();
        await db.close();
      },
    };
  };
}

const audit = (orgId: string, resourceId: string) => ({
  org_id: orgId,
  actor_type: 'api_key' as const,
  actor_id: null,
  action: 'event.create',
  resource_type: 'event',
  resource_id: resourceId,
  request_id: null,
});

export async function runWritesBench(options: {
  database: BenchDatabase;
  durationSeconds: number;
  connections: number;
}): Promise<Row[]> {
  const { database } = options;
  const { orgId } = database;
  const setup = createDb({ databaseUrl: database.url, max: 1 });
  const eventId = await setup
    .tenant(orgId, (tx) => insertEvent(tx, orgId, EVENT as EventInput))
    .then((event) => event.id)
    .finally(() => setup.close());
  const pkg = {
    event_id: eventId,
    title: 'Gold',
    tier: 'gold',
    price_cents: 500_000,
    currency: 'USD',
    inventory: 3,
  };
  const api =
    (path: string, body: unknown, keyed: boolean): RoundScenario['start'] =>
    async () => {
      const running = await serveYardpass({ databaseUrl: database.url });
      return {
        url: `${running.origin}${path}`,
        method: 'POST',
        headers: {
          authorization: `Bearer ${database.apiKey}`,
          'content-type': 'application/json',
          ...(keyed ? { 'idempotency-key': 'bench-[<id>]' } : {}),
        },
        body: JSON.stringify(body),
        close: running.close,
      };
    };

  const scenarios: RoundScenario[] = [
    {
      name: 'pg-insert-event',
      start: bareWrite(database, EVENT, (db, body) => insertEvent(db.pool, orgId, body as EventInput)),
    },
    {
      name: 'pg-event-tx',
      baseline: 'pg-insert-event',
      start: bareWrite(database, EVENT, (db, body) =>
        db.tenant(orgId, async (tx) => {
          const event = await insertEvent(tx, orgId, body as EventInput);
          insertAuditEntry(tx, audit(orgId, event.id));
          return event;
        }),
      ),
    },
    {
      name: 'pg-event-keyed',
      baseline: 'pg-insert-event',
      start: bareWrite(database, EVENT, (db, body) => {
        const key = { orgId, key: `bare-${randomUUID()}`, fingerprint: 'f', ttlSeconds: 86_400 };
        return db.unit(
          orgId,
          async (tx, opened) => {
            const outcome = claimOutcome(opened);
            if (outcome === 'busy' || outcome.stored) throw new Error('the key was not claimed');
            const event = await insertEvent(tx, orgId, body as EventInput);
            insertAuditEntry(tx, audit(orgId, event.id));
            const answer = JSON.stringify({ data: event });
            storeAnswer(tx, { ...key, status: 201, body: answer, contentType: 'application/json' });
            return event;
          },
          claimKeySql(key),
        );
      }),
    },
    { name: 'POST /v1/events', baseline: 'pg-insert-event', start: api('/v1/events', EVENT, false) },
    { name: 'POST /v1/events + key', baseline: 'pg-insert-event', start: api('/v1/events', EVENT, true) },
    {
      name: 'pg-insert-package',
      start: bareWrite(database, pkg, (db, body) =>
        insertPackage(db.pool, {
          orgId,
          eventId: body.event_id as string,
          templateId: null,
          title: body.title as string,
          tier: body.tier as string,
          priceCents: body.price_cents as number,
          currency: body.currency as string,
          inventory: body.inventory as number,
          benefits: {},
          availability: {},
          constraints: {},
          cancellationPolicy: null,
          visibility: 'public',
          expectedReach: null,
          audienceSnapshot: {},
          slaTerms: null,
        }),
      ),
    },
    {
      name: 'POST /v1/sponsorship-packages + key',
      baseline: 'pg-insert-package',
      start: api('/v1/sponsorship-packages', pkg, true),
    },
  ];
  return measureInRounds(scenarios, { ...options, rounds: ROUNDS });
}
