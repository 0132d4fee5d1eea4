import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { type CommandCenterEvent, Yardpass } from '@yardpass/sdk';
import { api, startTestServer, type TestServer } from '../../../test/server';
import { orderPackage, seedCommerce } from '../../server/test/commerce-fixtures';
import { captureCommandCenterFeed } from '../../server/src/domain/command-center';

let server: TestServer;
let organizer: Yardpass;
beforeAll(async () => {
  server = await startTestServer();
  organizer = new Yardpass({ apiKey: server.organizer.apiKey, baseUrl: server.baseUrl });
});
afterAll(() => server.close());

describe('yardpass.commandCenter against a real server', () => {
  it('enables, lists the feed, and streams changes as an async iterator that resumes after the last one', async () => {
    const commerce = await seedCommerce(server);
    const call = api(server, server.organizer);
    const workspace = await call('POST', '/v1/sponsorship-workspaces', {
      body: { name: 'SDK', slug: `sdk-${randomUUID().slice(0, 8)}`, settings: { goal_gmv_cents: 300_000 } },
    });
    const id = workspace.json.data.id as string;
    await call('POST', `/v1/sponsorship-workspaces/${id}:link`, { body: { event_ids: [commerce.eventId] } });

    const center = await organizer.commandCenter.enable(id, { thresholds: { gmv_goal_percent: [50] } });
    expect(center).toMatchObject({ workspace_id: id, enabled: true, thresholds: { gmv_goal_percent: [50] } });
    await captureCommandCenterFeed(server.db, new Date('2030-05-05T05:05:05Z'));
    const [row] = await organizer.commandCenter.feed(id).toArray();
    expect(row).toMatchObject({
      slot: '2030-05-05T05:05:00.000Z',
      kpis: { goal_gmv_cents: 300_000, orders_total: 0 },
    });

    const controller = new AbortController();
    const received: CommandCenterEvent[] = [];
    let connected!: () => void;
    const ready = new Promise<void>((resolve) => (connected = resolve));
    const reading = (async () => {
      for await (const event of organizer.commandCenter.stream(id, {
        signal: controller.signal,
        onConnect: () => connected(),
      })) {
        expectTypeOf(event.type).toEqualTypeOf<
          'feed.row' | 'order.changed' | 'deliverable.changed' | 'proposal.changed'
        >();
        received.push(event);
        if (received.length === 3) controller.abort();
      }
    })();
    await ready;
    const first = await orderPackage(server, commerce);
    const second = await orderPackage(server, commerce);
    await reading;
    // The stream opens with the latest feed row, then each change in commit order.
    expect(received.map((event) => [event.type, event.data.order_id])).toEqual([
      ['feed.row', undefined],
      ['order.changed', first],
      ['order.changed', second],
    ]);

    const resumed: CommandCenterEvent[] = [];
    const again = new AbortController();
    for await (const event of organizer.commandCenter.stream(id, {
      lastEventId: received[1]!.id,
      signal: again.signal,
    })) {
      resumed.push(event);
      again.abort();
    }
    expect(resumed.map((event) => event.id)).toEqual([received[2]!.id]);
    expect(await organizer.commandCenter.disable(id)).toMatchObject({ enabled: false });
  });
});
