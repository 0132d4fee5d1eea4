import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../../../../test/server';
import { WEBHOOK_EVENTS_CHANNEL } from './db/events';
import { emitEvent } from './emit';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('emitEvent', () => {
  it('emits no event for a change that rolls back, and one for a change that commits', async () => {
    const count = async () =>
      (
        await server.db.system((tx) =>
          tx.query<{ n: number }>(
            "select count(*)::int as n from webhook_events where type = 'order.refunded' and data->>'marker' = 'rollback-test'",
          ),
        )
      ).rows[0]!.n;
    // The worker fans out on the event's notification, sent at commit: a rolled-back change must send none.
    // Notifications arrive in commit order, so once the committed event's has arrived, the other's never will.
    const listener = new pg.Client({ connectionString: server.databaseUrl });
    await listener.connect();
    try {
      const notified: string[] = [];
      listener.on('notification', (message) => notified.push(message.payload ?? ''));
      await listener.query(`listen ${WEBHOOK_EVENTS_CHANNEL}`);
      let rolledBack = '';
      await expect(
        server.db.tenant(server.organizer.orgId, async (tx) => {
          rolledBack = (
            await emitEvent(tx, server.organizer.orgId, 'order.refunded', { marker: 'rollback-test' })
          ).id;
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await count()).toBe(0);
      const committed = await server.db.tenant(server.organizer.orgId, (tx) =>
        emitEvent(tx, server.organizer.orgId, 'order.refunded', { marker: 'rollback-test' }),
      );
      expect(await count()).toBe(1);
      await vi.waitFor(() => expect(notified).toContain(`${server.organizer.orgId}:${committed.id}`), {
        timeout: 5000,
      });
      expect(notified.filter((payload) => payload.endsWith(rolledBack))).toEqual([]);
    } finally {
      await listener.end();
    }
  });
});
