import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startSecondServer, startTestServer, type TestServer } from '../../../../test/server';

let server: TestServer;
let second: Awaited<ReturnType<typeof startSecondServer>>;

beforeAll(async () => {
  server = await startTestServer();
  second = await startSecondServer(server.databaseUrl);
});
afterAll(async () => {
  await second.close();
  await server.close();
});

const event = { title: 'Launch party', starts_at: '2030-03-01T19:00:00Z', ends_at: '2030-03-01T23:00:00Z' };
const countEvents = async () =>
  (
    await server.db.tenant(server.organizer.orgId, (tx) =>
      tx.query<{ n: number }>('select count(*)::int as n from events'),
    )
  ).rows[0]!.n;

describe('Idempotency-Key', () => {
  it('executes 50 parallel requests with one key exactly once across two servers', async () => {
    const before = await countEvents();
    const headers = { 'idempotency-key': 'parallel-launch' };
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api(i % 2 ? second : server, server.organizer)('POST', '/v1/events', { body: event, headers }),
      ),
    );
    expect(await countEvents()).toBe(before + 1);
    const statuses = results.map((r) => r.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const created = results.filter((r) => r.status === 201);
    expect(new Set(created.map((r) => r.json.data.id)).size).toBe(1);
    expect(created.filter((r) => r.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1);
    for (const conflict of results.filter((r) => r.status === 409)) {
      expect(conflict.json.type).toBe('https://yardpass.dev/problems/idempotency-in-progress');
    }
    // Once the first finished, every later retry replays it.
    const late = await api(second, server.organizer)('POST', '/v1/events', { body: event, headers });
    expect(late.headers.get('idempotent-replayed')).toBe('true');
    expect(late.json.data.id).toBe(created[0]!.json.data.id);
  });

  it('answers 422 when the key comes back with a different request, and changes nothing', async () => {
    const headers = { 'idempotency-key': 'one-key-two-bodies' };
    await api(server, server.organizer)('POST', '/v1/events', { body: event, headers });
    const before = await countEvents();
    const res = await api(server, server.organizer)('POST', '/v1/events', {
      body: { ...event, title: 'Different' },
      headers,
    });
    expect(res.status).toBe(422);
    expect(res.json.type).toBe('https://yardpass.dev/problems/idempotency-key-reused');
    expect(await countEvents()).toBe(before);
  });

  it('keeps keys per organization: the same key in another org is a new request', async () => {
    const headers = { 'idempotency-key': 'shared-name' };
    const mine = await api(server, server.organizer)('POST', '/v1/sponsors', {
      body: { name: 'A' },
      headers,
    });
    const theirs = await api(server, server.sponsor)('POST', '/v1/sponsors', {
      body: { name: 'A' },
      headers,
    });
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.json.data.id).not.toBe(mine.json.data.id);
  });

  it('replays validation failures too, so a retry gets the same answer', async () => {
    const headers = { 'idempotency-key': 'bad-body' };
    const first = await api(server, server.organizer)('POST', '/v1/events', { body: { title: '' }, headers });
    const again = await api(server, server.organizer)('POST', '/v1/events', { body: { title: '' }, headers });
    expect(first.status).toBe(400);
    expect(again.status).toBe(400);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('lets a key expire after its time to live', async () => {
    const headers = { 'idempotency-key': 'expiring' };
    const first = await api(server, server.organizer)('POST', '/v1/sponsors', {
      body: { name: 'Old' },
      headers,
    });
    await server.db.system((tx) =>
      tx.query(`update idempotency_keys set expires_at = now() - interval '1 second' where key = 'expiring'`),
    );
    const again = await api(server, server.organizer)('POST', '/v1/sponsors', {
      body: { name: 'New' },
      headers,
    });
    expect(again.status).toBe(201);
    expect(again.json.data.id).not.toBe(first.json.data.id);
  });
});
