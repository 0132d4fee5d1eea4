import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';
import type { Db } from '../db/pool';
import { createPublicWidgetCache, WIDGET_CACHE_TTL_MS } from './widget-cache';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** `server.db` with the statements sent through its pool counted: what the cache reads the database with. */
function countingDb(): { db: Db; statements: () => number } {
  let count = 0;
  const pool = new Proxy(server.db.pool, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (property === 'query')
        return (...args: Parameters<typeof target.query>) => {
          count++;
          return (value as typeof target.query).apply(target, args);
        };
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db: { ...server.db, pool }, statements: () => count };
}

async function publishedWidget(): Promise<string> {
  const organizer = api(server, server.organizer);
  const workspace = await organizer('POST', '/v1/sponsorship-workspaces', {
    body: { name: 'Flight', slug: `flight-${Math.random().toString(36).slice(2, 10)}` },
  });
  const widget = await organizer(
    'PUT',
    `/v1/sponsorship-workspaces/${workspace.json.data.id}/widgets/orders`,
    {
      body: { widget_type: 'kpi_tile', config: { metric: 'orders' }, published: true },
    },
  );
  expect(widget.status).toBe(200);
  return widget.json.data.public_id as string;
}

describe('public widget cache', () => {
  it('shares one database read among the requests that miss at once, a 404 as well as an answer', async () => {
    const publicId = await publishedWidget();
    let clock = Date.now();
    const { db, statements } = countingDb();
    const cache = createPublicWidgetCache(db, () => clock);
    // Read until the cache listens and keeps the answer.
    await expect
      .poll(async () => (await cache.get(publicId), cache.hit(publicId)), { timeout: 10_000 })
      .toBeDefined();

    clock += WIDGET_CACHE_TTL_MS + 1;
    expect(cache.hit(publicId)).toBeUndefined();
    let before = statements();
    const answers = await Promise.all(Array.from({ length: 50 }, () => cache.get(publicId)));
    expect(statements() - before).toBe(1);
    expect(new Set(answers.map((answer) => answer.etag)).size).toBe(1);
    expect(cache.hit(publicId)).toMatchObject(answers[0]!);

    // Once that read is done, the next miss reads again.
    clock += WIDGET_CACHE_TTL_MS + 1;
    await cache.get(publicId);
    expect(statements() - before).toBe(2);

    // An unknown id: every waiter gets the 404, and nothing is kept.
    const unknown = '00000000-0000-4000-8000-000000000000';
    before = statements();
    const refused = await Promise.allSettled(Array.from({ length: 5 }, () => cache.get(unknown)));
    expect(statements() - before).toBe(1);
    expect(refused.map((result) => result.status === 'rejected' && result.reason.status)).toEqual([
      404, 404, 404, 404, 404,
    ]);
    await expect(cache.get(unknown)).rejects.toMatchObject({ status: 404 });
    expect(statements() - before).toBe(2);
  });
});
