import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startSecondServer, startTestServer, type TestServer } from '../../../../test/server';
import { seedCommerce } from '../../test/commerce-fixtures';
import { WIDGET_CACHE_TTL_MS } from '../domain/widget-cache';

// Changes are made through process A (`server`) and read through process B (`second`, same database), which
// answers only public widget reads: the one connection LISTENing on the widget channel is B's.
let server: TestServer;
let second: Awaited<ReturnType<typeof startSecondServer>>;
let organizer: ReturnType<typeof api>;
let read: ReturnType<typeof api>;

beforeAll(async () => {
  server = await startTestServer();
  second = await startSecondServer(server.databaseUrl);
  organizer = api(server, server.organizer);
  read = api(second, undefined);
});
afterAll(async () => {
  await second?.close();
  await server?.close();
});

/** What the tests allow a change to take to reach B: well under the TTL, so only a notification can do it. */
const BOUND_MS = 1_500;
expect(BOUND_MS).toBeLessThan(WIDGET_CACHE_TTL_MS / 2);

const listenerPids = async () =>
  (
    await server.db.system((tx) =>
      tx.query<{ pid: number }>(
        `select pid from pg_stat_activity where datname = current_database() and query = 'listen yardpass_widget_inputs'`,
      ),
    )
  ).rows.map((row) => row.pid);

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = BOUND_MS): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** B's answer for the widget once it satisfies `ok`; fails when that takes longer than the bound. */
const readUntil = (publicId: string, what: string, ok: (res: Awaited<ReturnType<typeof read>>) => boolean) =>
  until(what, async () => {
    const res = await read('GET', `/v1/public/widgets/${publicId}`);
    return ok(res) ? res : undefined;
  });

async function workspace(): Promise<string> {
  const res = await organizer('POST', '/v1/sponsorship-workspaces', {
    body: { name: 'Cache', slug: `cache-${Math.random().toString(36).slice(2, 10)}` },
  });
  expect(res.status).toBe(201);
  return res.json.data.id as string;
}

async function putWidget(workspaceId: string, widgetId: string, body: Record<string, unknown>) {
  const res = await organizer('PUT', `/v1/sponsorship-workspaces/${workspaceId}/widgets/${widgetId}`, {
    body,
  });
  expect(res.status).toBe(200);
  return res.json.data.public_id as string;
}

/** Overwrites the database's cached body without notifying: B answering the old body shows it read memory. */
const tamper = (publicId: string) =>
  server.db.system((tx) =>
    tx.query(
      `update sponsorship_workspace_widget_cache set body = body || '{"tampered": true}', etag = 'tampered'
        where public_id = $1`,
      [publicId],
    ),
  );

/** Reads through B until B listens and keeps the answer in memory (proved by tampering the database's copy). */
async function warm(publicId: string) {
  expect((await read('GET', `/v1/public/widgets/${publicId}`)).status).toBe(200);
  await until('B listening', async () => ((await listenerPids()).length === 1 ? true : undefined), 10_000);
  const kept = await read('GET', `/v1/public/widgets/${publicId}`);
  expect(kept.status).toBe(200);
  await tamper(publicId);
  const hit = await read('GET', `/v1/public/widgets/${publicId}`);
  expect(hit.json.data.tampered).toBeUndefined();
  expect(hit.headers.get('etag')).toBe(kept.headers.get('etag'));
  return hit;
}

describe('public widget cache across processes', () => {
  it('serves hits from memory, and a change through A through B within the bound, with a new ETag', async () => {
    const ws = await workspace();
    const { packageId, sponsorId } = await seedCommerce(server, { inventory: 3 });
    const publicId = await putWidget(ws, 'card', {
      widget_type: 'marketplace_card',
      package_id: packageId,
      published: true,
    });
    const before = await warm(publicId);
    expect(before.json.data.package.available).toBe(3);
    const etag = before.headers.get('etag')!;
    expect(
      (await read('GET', `/v1/public/widgets/${publicId}`, { headers: { 'if-none-match': etag } })).status,
    ).toBe(304);

    // A sale through A: the package's availability is an input of the card.
    const sponsor = api(server, server.sponsor);
    const order = await sponsor('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId, amount_cents: 150_000, currency: 'USD' },
    });
    expect(order.status).toBe(201);
    const after = await readUntil(publicId, 'the sale', (res) => res.json?.data.package.available === 2);
    expect(after.json.data.tampered).toBeUndefined(); // rebuilt from the inputs, not the tampered copy
    const changed = await read('GET', `/v1/public/widgets/${publicId}`, {
      headers: { 'if-none-match': etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);

    // A change of the widget itself through A.
    await putWidget(ws, 'card', {
      widget_type: 'marketplace_card',
      package_id: packageId,
      config: { highlight: 'Last one' },
      published: true,
    });
    await readUntil(publicId, 'the new highlight', (res) => res.json?.data.highlight === 'Last one');
  });

  it('serves nothing stale after a widget is unpublished or deleted, its workspace archived or its links change', async () => {
    const ws = await workspace();
    const { eventId, packageId } = await seedCommerce(server);
    const card = await putWidget(ws, 'card', {
      widget_type: 'marketplace_card',
      package_id: packageId,
      published: true,
    });
    const list = await putWidget(ws, 'list', { widget_type: 'package_list', published: true });

    // The list covers what the workspace links: linking the event through A adds its package.
    expect((await warm(list)).json.data.packages).toEqual([]);
    expect(
      (await organizer('POST', `/v1/sponsorship-workspaces/${ws}:link`, { body: { event_ids: [eventId] } }))
        .status,
    ).toBe(200);
    await readUntil(list, 'the linked event', (res) => res.json?.data.packages.length === 1);
    await warm(list);
    expect(
      (await organizer('POST', `/v1/sponsorship-workspaces/${ws}:unlink`, { body: { event_ids: [eventId] } }))
        .status,
    ).toBe(200);
    await readUntil(list, 'the unlinked event', (res) => res.json?.data.packages.length === 0);

    // Unpublishing the card (the list is still published: a version bump) and deleting the list (the last
    // published widget: no bump, only its cached body deleted).
    await warm(card);
    await putWidget(ws, 'card', { widget_type: 'marketplace_card', package_id: packageId, published: false });
    await readUntil(card, 'the unpublished card', (res) => res.status === 404);
    await warm(list);
    expect((await organizer('DELETE', `/v1/sponsorship-workspaces/${ws}/widgets/list`)).status).toBe(200);
    await readUntil(list, 'the deleted list', (res) => res.status === 404);

    // Archiving the workspace.
    await putWidget(ws, 'card', { widget_type: 'marketplace_card', package_id: packageId, published: true });
    await warm(card);
    expect((await organizer('POST', `/v1/sponsorship-workspaces/${ws}:archive`)).status).toBe(200);
    await readUntil(card, 'the archived workspace', (res) => res.status === 404);
  });

  it('stops serving from memory when its LISTEN connection drops, and caches again once it listens anew', async () => {
    const ws = await workspace();
    const publicId = await putWidget(ws, 'orders', {
      widget_type: 'kpi_tile',
      config: { metric: 'orders' },
      published: true,
    });
    await warm(publicId);
    const [pid] = await listenerPids();
    await server.db.system((tx) => tx.query('select pg_terminate_backend($1)', [pid]));
    await until('the listener gone', async () => ((await listenerPids()).includes(pid!) ? undefined : true));
    // No notification can reach B now; the tampered copy in the database is what it must read.
    const dropped = await read('GET', `/v1/public/widgets/${publicId}`);
    expect(dropped.json.data.tampered).toBe(true);

    // The read above listened again: B caches once more, and a change through A still reaches it.
    await until('B listening again', async () => ((await listenerPids()).length === 1 ? true : undefined));
    await server.db.system((tx) =>
      tx.query('update sponsorship_workspace_widget_cache set body = body - $2 where public_id = $1', [
        publicId,
        'tampered',
      ]),
    );
    await warm(publicId);
    await putWidget(ws, 'orders', {
      widget_type: 'kpi_tile',
      config: { metric: 'orders', label: 'Deals' },
      published: true,
    });
    await readUntil(publicId, 'the new label', (res) => res.json?.data.label === 'Deals');
  });

  it('answers a hit from memory with what a miss gets: request id, CORS, ETag and cache headers, 304', async () => {
    const ws = await workspace();
    const publicId = await putWidget(ws, 'tile', {
      widget_type: 'kpi_tile',
      // Not ASCII: the hit's Content-Length counts bytes, not characters.
      config: { metric: 'orders', label: 'Café – 🎟 deals' },
      published: true,
    });
    const path = `/v1/public/widgets/${publicId}`;
    const miss = await read('GET', path, { headers: { 'x-request-id': 'embed-1' } });
    await warm(publicId);
    const hit = await read('GET', `${path}?v=2`, { headers: { 'x-request-id': 'embed-2' } });
    expect(hit.status).toBe(200);
    expect(hit.json).toEqual(miss.json);
    expect(hit.json.data.label).toBe('Café – 🎟 deals');
    const shared = ['content-type', 'etag', 'cache-control', 'access-control-allow-origin'];
    const expose = 'access-control-expose-headers';
    for (const name of [...shared, expose])
      expect([name, hit.headers.get(name)]).toEqual([name, miss.headers.get(name)]);
    expect([miss.headers.get('x-request-id'), hit.headers.get('x-request-id')]).toEqual([
      'embed-1',
      'embed-2',
    ]);
    expect((await read('GET', path)).headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);

    const held = await read('GET', path, { headers: { 'if-none-match': `W/${miss.headers.get('etag')!}` } });
    expect(held.status).toBe(304);
    expect(held.headers.get('access-control-allow-origin')).toBe('*');
    expect(held.headers.get('x-request-id')).toMatch(/^req_/);
    // Anything else under the path is the router's: a problem an embedding page can read, and the preflight.
    const wrong = await read('GET', `${path}/`);
    expect([wrong.status, wrong.headers.get('access-control-allow-origin')]).toEqual([404, '*']);
    const preflight = await fetch(`${second.baseUrl}${path}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,POST');
  });

  it('counts every request served from memory in the metrics, and still records widget events', async () => {
    const ws = await workspace();
    const publicId = await putWidget(ws, 'orders', {
      widget_type: 'kpi_tile',
      config: { metric: 'orders' },
      published: true,
    });
    await warm(publicId);
    const served = async () => {
      const text = await (await fetch(`${second.baseUrl}/metrics`)).text();
      const line = text
        .split('\n')
        .find((l) =>
          /^http_requests_total\{method="GET",route="\/v1\/public\/widgets\/:publicId[^"]*",status="200"\}/.test(
            l,
          ),
        );
      return Number(line?.split(' ').at(-1) ?? 0);
    };
    const start = await served();
    for (let i = 0; i < 5; i++)
      expect((await read('GET', `/v1/public/widgets/${publicId}`)).status).toBe(200);
    expect(await served()).toBe(start + 5);

    for (const type of ['view', 'view', 'lead'])
      expect((await read('POST', `/v1/public/widgets/${publicId}/events`, { body: { type } })).status).toBe(
        202,
      );
    const widget = await organizer('GET', `/v1/sponsorship-workspaces/${ws}/widgets/orders`);
    expect(widget.json.data.metrics).toEqual({ views: 2, leads: 1, conversion_rate: 0.5 });
    expect(await (await fetch(`${second.baseUrl}/metrics`)).text()).toMatch(
      /yardpass_widget_events_total\{type="view"\} 2/,
    );
  });
});
