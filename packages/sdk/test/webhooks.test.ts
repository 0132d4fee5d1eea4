import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { type WebhookEvent, Yardpass } from '@yardpass/sdk';
import { startTestServer, type TestServer } from '../../../test/server';

let server: TestServer;
let organizer: Yardpass;
beforeAll(async () => {
  server = await startTestServer({ YARDPASS_ALLOW_PRIVATE_WEBHOOK_URLS: 'true' }, { worker: true });
  organizer = new Yardpass({ apiKey: server.organizer.apiKey, baseUrl: server.baseUrl });
});
afterAll(() => server.close());

describe('yardpass.webhooks against a real server', () => {
  it('manages endpoints, triggers events and reads their deliveries', async () => {
    const endpoint = await organizer.webhooks.endpoints.create({
      url: 'https://hooks.example.com/sdk',
      event_types: ['order.funded'],
      enabled: false,
    });
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect((await organizer.webhooks.endpoints.retrieve(endpoint.id)).url).toBe(
      'https://hooks.example.com/sdk',
    );
    const rotated = await organizer.webhooks.endpoints.rotateSecret(endpoint.id, { overlap_seconds: 60 });
    expect(rotated.secret).not.toBe(endpoint.secret);
    const ids = (await organizer.webhooks.endpoints.list().toArray()).map((e) => e.id);
    expect(ids).toContain(endpoint.id);

    const event = await organizer.webhooks.events.trigger({ type: 'order.funded' });
    const detail = await organizer.webhooks.events.retrieve(event.id);
    expect(detail.type).toBe('order.funded');
    const types = await organizer.webhooks.eventTypes.list().toArray();
    expect(types.map((t) => t.type)).toContain('payout.completed');
    expect(await organizer.webhooks.deliveries.list({ status: 'dead' }).toArray()).toEqual([]);
    await organizer.webhooks.endpoints.del(endpoint.id);
  });

  it('streams events as they happen and resumes after the last one', async () => {
    const controller = new AbortController();
    const received: WebhookEvent[] = [];
    let connected!: () => void;
    const ready = new Promise<void>((resolve) => (connected = resolve));
    const reading = (async () => {
      for await (const event of organizer.webhooks.events.stream({
        types: ['payout.completed'],
        signal: controller.signal,
        onConnect: () => connected(),
      })) {
        received.push(event);
        if (event.type === 'payout.completed') expectTypeOf(event.data.amount_cents).toEqualTypeOf<number>();
        if (received.length === 2) controller.abort();
      }
    })();
    await ready;
    const first = await organizer.webhooks.events.trigger({ type: 'payout.completed' });
    await organizer.webhooks.events.trigger({ type: 'order.funded' });
    const second = await organizer.webhooks.events.trigger({ type: 'payout.completed' });
    await reading;
    expect(received.map((e) => e.id)).toEqual([first.id, second.id]);

    const resumed: string[] = [];
    const again = new AbortController();
    for await (const event of organizer.webhooks.events.stream({
      lastEventId: first.id,
      signal: again.signal,
    })) {
      resumed.push(event.type);
      if (resumed.length === 2) again.abort();
    }
    expect(resumed).toEqual(['order.funded', 'payout.completed']);
  });
});
