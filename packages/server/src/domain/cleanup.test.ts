import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';
import { cleanup } from './cleanup';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('cleanup job', () => {
  it('removes audit entries past retention and expired idempotency keys, and keeps the rest', async () => {
    await api(server, server.organizer)('POST', '/v1/sponsors', {
      body: { name: 'Old' },
      headers: { 'idempotency-key': 'old' },
    });
    await api(server, server.organizer)('POST', '/v1/sponsors', {
      body: { name: 'New' },
      headers: { 'idempotency-key': 'new' },
    });
    await server.db.system(async (tx) => {
      await tx.query(
        `update audit_log set created_at = now() - interval '31 days' where action = 'sponsor.create' and resource_id in (select id::text from sponsors where name = 'Old')`,
      );
      await tx.query(
        `update idempotency_keys set expires_at = now() - interval '1 minute' where key = 'old'`,
      );
    });
    const removed = await cleanup(server.db, { auditRetentionDays: 30, now: new Date() });
    expect(removed).toMatchObject({ audit_entries: 1, idempotency_keys: 1 });
    const left = await server.db.system(async (tx) => ({
      audit: (await tx.query('select count(*)::int as n from audit_log')).rows[0].n as number,
      keys: (await tx.query('select key from idempotency_keys')).rows.map((row: { key: string }) => row.key),
    }));
    expect(left).toEqual({ audit: 1, keys: ['new'] });
  });
});
