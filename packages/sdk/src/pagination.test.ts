import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { BASE_URL, createClient, useServer } from '../test/msw.js';
import { Page, YardpassError } from './index.js';

const server = useServer();

const event = (n: number) => ({ id: `e${n}`, title: `Event ${n}` });
/** Seven events in pages of `limit` (default 3): cursor `c3` starts after the third. */
function serveEvents() {
  const requests: URL[] = [];
  server.use(
    http.get(`${BASE_URL}/v1/events`, ({ request }) => {
      const url = new URL(request.url);
      requests.push(url);
      const start = Number(url.searchParams.get('starting_after')?.slice(1) ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 3);
      const data = Array.from({ length: Math.max(0, Math.min(limit, 7 - start)) }, (_, i) =>
        event(start + i + 1),
      );
      const end = start + data.length;
      return HttpResponse.json({ data, has_more: end < 7, next_cursor: end < 7 ? `c${end}` : null });
    }),
  );
  return requests;
}

const titles = (items: { title: string }[]) => items.map((item) => item.title);

describe('list methods', () => {
  it('resolve to the first page', async () => {
    serveEvents();
    const page = await createClient().events.list();
    expect(page).toBeInstanceOf(Page);
    expect(titles(page.data)).toEqual(['Event 1', 'Event 2', 'Event 3']);
    expect([page.has_more, page.next_cursor, page.hasNextPage()]).toEqual([true, 'c3', true]);
  });

  it('get the next page with the same filters, starting after the cursor', async () => {
    const requests = serveEvents();
    const first = await createClient().events.list(
      { city: 'Austin', limit: 2 },
      { headers: { 'x-trace': 't' } },
    );
    const second = await first.getNextPage();
    expect(titles(second.data)).toEqual(['Event 3', 'Event 4']);
    expect(requests.map((url) => url.search)).toEqual([
      '?city=Austin&limit=2',
      '?city=Austin&limit=2&starting_after=c2',
    ]);
  });

  it('iterate every item of every page with for await', async () => {
    const requests = serveEvents();
    const seen: string[] = [];
    for await (const item of createClient().events.list()) seen.push(item.title);
    expect(seen).toEqual(['Event 1', 'Event 2', 'Event 3', 'Event 4', 'Event 5', 'Event 6', 'Event 7']);
    expect(requests).toHaveLength(3);
  });

  it('fetch no further page once the loop stops', async () => {
    const requests = serveEvents();
    for await (const item of createClient().events.list()) if (item.id === 'e2') break;
    expect(requests).toHaveLength(1);
  });

  it('iterate from a page onwards', async () => {
    serveEvents();
    const second = await (await createClient().events.list()).getNextPage();
    const seen: string[] = [];
    for await (const item of second) seen.push(item.id);
    expect(seen).toEqual(['e4', 'e5', 'e6', 'e7']);
  });

  it.each([
    [undefined, 7, 3],
    [4, 4, 2],
    [3, 3, 1],
  ])('collect toArray({ limit: %s }): %i items from %i pages', async (limit, count, pages) => {
    const requests = serveEvents();
    const items = await createClient().events.list().toArray({ limit });
    expect(items).toHaveLength(count);
    expect(requests).toHaveLength(pages);
  });

  it('collect nothing for toArray({ limit: 0 })', async () => {
    serveEvents();
    await expect(createClient().events.list().toArray({ limit: 0 })).resolves.toEqual([]);
  });

  it('reject getNextPage() on the last page', async () => {
    serveEvents();
    const last = await createClient().events.list({ limit: 10 });
    expect(last.hasNextPage()).toBe(false);
    const error: unknown = await last.getNextPage().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(YardpassError);
    expect(error).toMatchObject({ code: 'no-next-page' });
  });

  it('give the first page with its answer', async () => {
    serveEvents();
    const { data, response } = await createClient().events.list().withResponse();
    expect(titles(data.data)).toHaveLength(3);
    expect(response.status).toBe(200);
  });

  it('reject the loop when a page fails', async () => {
    server.use(
      http.get(`${BASE_URL}/v1/events`, () =>
        HttpResponse.json({ type: 'about:blank', title: 'Forbidden', status: 403 }, { status: 403 }),
      ),
    );
    const loop = async () => {
      for await (const item of createClient().events.list()) expect(item).toBeUndefined();
    };
    await expect(loop()).rejects.toMatchObject({ status: 403 });
  });
});
