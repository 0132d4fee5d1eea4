import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';

let server: TestServer;
let organizer: ReturnType<typeof api>;
const event = {
  title: 'Summer Jazz Night',
  starts_at: '2030-07-01T18:00:00Z',
  ends_at: '2030-07-01T23:30:00Z',
  city: 'Austin',
  category: 'Music',
  target_audience: { age_range: '25-44' },
  brand_safety_tags: ['family-friendly'],
};

beforeAll(async () => {
  server = await startTestServer();
  organizer = api(server, server.organizer);
});
afterAll(() => server.close());

describe('events', () => {
  it('creates, reads, lists, updates and deletes an event of the caller', async () => {
    const created = await organizer('POST', '/v1/events', { body: event });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({
      ...event,
      owner_org_id: server.organizer.orgId,
      starts_at: '2030-07-01T18:00:00.000Z',
      ends_at: '2030-07-01T23:30:00.000Z',
    });
    const id = created.json.data.id as string;

    expect((await organizer('GET', `/v1/events/${id}`)).json.data.title).toBe('Summer Jazz Night');
    const updated = await organizer('PATCH', `/v1/events/${id}`, {
      body: { title: 'Summer Jazz Nights', venue: 'Zilker Park' },
    });
    expect(updated.json.data).toMatchObject({
      title: 'Summer Jazz Nights',
      venue: 'Zilker Park',
      city: 'Austin',
    });
    expect(Date.parse(updated.json.data.updated_at)).toBeGreaterThanOrEqual(
      Date.parse(created.json.data.updated_at),
    );

    const deleted = await organizer('DELETE', `/v1/events/${id}`);
    expect(deleted.json.data).toEqual({ id, deleted: true });
    expect((await organizer('GET', `/v1/events/${id}`)).status).toBe(404);
  });

  it('pages through events in start order with a cursor, filtered by city', async () => {
    const org = await server.createOrg('Pager');
    const call = api(server, org);
    for (let day = 1; day <= 5; day++) {
      await call('POST', '/v1/events', {
        body: {
          title: `Day ${day}`,
          city: day % 2 ? 'Austin' : 'Dallas',
          starts_at: `2031-01-0${day}T10:00:00Z`,
          ends_at: `2031-01-0${day}T12:00:00Z`,
        },
      });
    }
    const first = await call('GET', '/v1/events?limit=2&city=Austin');
    expect(first.json.data.map((e: { title: string }) => e.title)).toEqual(['Day 1', 'Day 3']);
    expect(first.json.has_more).toBe(true);
    const second = await call(
      'GET',
      `/v1/events?limit=2&city=Austin&starting_after=${first.json.next_cursor as string}`,
    );
    expect(second.json).toMatchObject({ data: [{ title: 'Day 5' }], has_more: false, next_cursor: null });
  });

  it.each([
    [{ ...event, title: '' }, '/title'],
    [{ ...event, starts_at: 'next tuesday' }, '/starts_at'],
    [{ ...event, ends_at: '2030-06-01T00:00:00Z' }, '/ends_at'],
    [{ ...event, country: 'USA' }, '/country'],
    [{ ...event, brand_safety_tags: 'alcohol' }, '/brand_safety_tags'],
    [{ ...event, owner_org_id: server?.organizer.orgId ?? 'x' }, '/'],
    [{ title: 'No dates' }, '/starts_at'],
  ])('rejects an invalid event with a 400 naming the field (%#)', async (body, path) => {
    const before = (await organizer('GET', '/v1/events?limit=100')).json.data.length as number;
    const res = await organizer('POST', '/v1/events', { body });
    expect(res.status).toBe(400);
    expect(res.json.type).toBe('https://yardpass.dev/problems/validation');
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await organizer('GET', '/v1/events?limit=100')).json.data.length).toBe(before);
  });

  it('rejects an update that makes the event end before it starts', async () => {
    const { json } = await organizer('POST', '/v1/events', { body: event });
    const res = await organizer('PATCH', `/v1/events/${json.data.id as string}`, {
      body: { ends_at: '2020-01-01T00:00:00Z' },
    });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ path: '/ends_at', message: expect.any(String) }]);
  });

  it('answers 404 for a malformed or unknown id', async () => {
    expect((await organizer('GET', '/v1/events/not-a-uuid')).status).toBe(404);
    expect((await organizer('GET', '/v1/events/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('answers 401 without credentials', async () => {
    const res = await api(server, undefined)('POST', '/v1/events', { body: event });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.json.detail).toMatch(/Authorization header/);
  });

  it('replays a create sent twice with one Idempotency-Key, creating one event', async () => {
    const headers = { 'idempotency-key': 'create-jazz-night' };
    const first = await organizer('POST', '/v1/events', { body: event, headers });
    const second = await organizer('POST', '/v1/events', { body: event, headers });
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.json.data.id).toBe(first.json.data.id);
  });

  it('records each write in the audit log', async () => {
    const { json } = await organizer('POST', '/v1/events', {
      body: event,
      headers: { 'x-request-id': 'audit-me' },
    });
    const log = await organizer('GET', '/v1/audit-log?resource_type=event&action=event.create');
    expect(log.json.data).toContainEqual(
      expect.objectContaining({
        action: 'event.create',
        resource_id: json.data.id,
        request_id: 'audit-me',
        actor_type: 'api_key',
      }),
    );
  });
});
