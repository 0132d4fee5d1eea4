import { describe, expect, it } from 'vitest';
import { AuthenticationError, Yardpass } from '../index.js';

const event = (id: string) => ({
  id,
  type: 'ping',
  created_at: '2026-01-01T00:00:00Z',
  data: { message: 'hi' },
});

/** An answer that streams `events` as server-sent events and then ends, as a restarting server does. */
function sse(events: ReturnType<typeof event>[]): Response {
  const text = [
    ': connected\n\n',
    ...events.map((e) => `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`),
  ];
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of text) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

describe('webhooks.events.stream', () => {
  it('resumes after the last event when the stream drops, waiting while the server is away', async () => {
    const requests: { lastEventId: string | null; types: string | null }[] = [];
    const answers: (() => Response)[] = [
      () => sse([event('e1'), event('e2')]),
      () => {
        throw new TypeError('fetch failed');
      },
      () => sse([event('e3')]),
    ];
    const client = new Yardpass({
      apiKey: 'yp_test_x',
      baseUrl: 'http://yardpass.test',
      fetch: (url, init) => {
        const headers = new Headers(init.headers);
        requests.push({
          lastEventId: headers.get('last-event-id'),
          types: new URL(url).searchParams.get('types'),
        });
        return Promise.resolve().then(() => answers[requests.length - 1]!());
      },
    });
    const controller = new AbortController();
    const ids: string[] = [];
    let connects = 0;
    for await (const received of client.webhooks.events.stream({
      types: ['ping'],
      signal: controller.signal,
      reconnectDelayMs: 1,
      onConnect: () => connects++,
    })) {
      ids.push(received.id);
      if (ids.length === 3) controller.abort();
    }
    expect(ids).toEqual(['e1', 'e2', 'e3']);
    expect(requests).toEqual([
      { lastEventId: null, types: 'ping' },
      { lastEventId: 'e2', types: 'ping' },
      { lastEventId: 'e2', types: 'ping' },
    ]);
    expect(connects).toBe(2);
  });

  it('throws an error answer instead of retrying it', async () => {
    const client = new Yardpass({
      apiKey: 'yp_test_x',
      baseUrl: 'http://yardpass.test',
      fetch: () =>
        Promise.resolve(
          Response.json(
            { type: 'about:blank', title: 'Authentication required', status: 401 },
            { status: 401, headers: { 'content-type': 'application/problem+json' } },
          ),
        ),
    });
    const iterate = async () => {
      for await (const _ of client.webhooks.events.stream()) break;
    };
    await expect(iterate()).rejects.toBeInstanceOf(AuthenticationError);
  });
});
