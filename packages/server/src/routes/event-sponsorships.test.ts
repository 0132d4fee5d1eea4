import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';
import { createDeal } from '../../test/fulfilment';

let server: TestServer;
let organizer: ReturnType<typeof api>;
let sponsor: ReturnType<typeof api>;

beforeAll(async () => {
  server = await startTestServer();
  organizer = api(server, server.organizer);
  sponsor = api(server, server.sponsor);
});
afterAll(() => server.close());

const updates = async (id: string) =>
  (
    await server.db.system((tx) =>
      tx.query(
        `select org_id from webhook_events where type = 'event_sponsorship.updated' and data->>'id' = $1`,
        [id],
      ),
    )
  ).rows.length;

describe('event sponsorships', () => {
  it('upserts by (event, sponsor, tier), emits on status or money changes, and only moves forward', async () => {
    const deal = await createDeal(server.db, { organizer: server.organizer, sponsor: server.sponsor });
    const key = { event_id: deal.eventId, sponsor_id: deal.sponsorId, tier: 'intent' };
    const created = await organizer('POST', '/v1/event-sponsorships', {
      body: { ...key, amount_cents: 2_500_000, benefits: { logo_stage: true, lead_capture: true } },
    });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({
      ...key,
      amount_cents: 2_500_000,
      currency: 'USD',
      activation_status: 'draft',
      organizer_org_id: server.organizer.orgId,
      sponsor_org_id: server.sponsor.orgId,
    });
    const id = created.json.data.id as string;
    expect(await updates(id)).toBe(2);

    const same = await sponsor('POST', '/v1/event-sponsorships', {
      body: { ...key, benefits: { logo_stage: true } },
    });
    expect(same.status).toBe(200);
    expect(same.json.data).toMatchObject({ id, benefits: { logo_stage: true }, amount_cents: 2_500_000 });
    expect(await updates(id)).toBe(2);

    const moved = await sponsor('POST', '/v1/event-sponsorships', {
      body: { ...key, activation_status: 'in_progress', amount_cents: 3_000_000 },
    });
    expect(moved.json.data).toMatchObject({ id, activation_status: 'in_progress', amount_cents: 3_000_000 });
    expect(await updates(id)).toBe(4);

    const back = await organizer('POST', '/v1/event-sponsorships', {
      body: { ...key, activation_status: 'draft' },
    });
    expect(back.status).toBe(409);
    expect(back.json).toMatchObject({ current_status: 'in_progress' });

    const list = await organizer(
      'GET',
      `/v1/event-sponsorships?event_id=${deal.eventId}&activation_status=in_progress`,
    );
    expect(list.json.data.map((s: { id: string }) => s.id)).toEqual([id]);
    expect(
      (await sponsor('GET', `/v1/event-sponsorships?sponsor_id=${deal.sponsorId}`)).json.data,
    ).toHaveLength(1);
  });

  it.each([
    [{ tier: 'gold' }, '/event_id'],
    [
      {
        event_id: '00000000-0000-4000-8000-000000000000',
        sponsor_id: '00000000-0000-4000-8000-000000000000',
      },
      '/tier',
    ],
    [
      {
        event_id: '00000000-0000-4000-8000-000000000000',
        sponsor_id: '00000000-0000-4000-8000-000000000000',
        tier: 'gold',
        activation_status: 'live',
      },
      '/activation_status',
    ],
  ])('rejects %j with a 400 naming %s', async (body, field) => {
    const res = await organizer('POST', '/v1/event-sponsorships', { body });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it('answers 401 without credentials, 404 for an event or sponsor the caller cannot see, and replays', async () => {
    const deal = await createDeal(server.db, { organizer: server.organizer, sponsor: server.sponsor });
    const body = { event_id: deal.eventId, sponsor_id: deal.sponsorId, tier: 'gold' };
    expect((await api(server, undefined)('POST', '/v1/event-sponsorships', { body })).status).toBe(401);
    const outsider = api(server, await server.createOrg('Nosy Org'));
    expect((await outsider('POST', '/v1/event-sponsorships', { body })).status).toBe(404);
    expect((await outsider('GET', `/v1/event-sponsorships?event_id=${deal.eventId}`)).json.data).toEqual([]);

    const headers = { 'idempotency-key': `sponsorship-${deal.eventId}` };
    const first = await organizer('POST', '/v1/event-sponsorships', { body, headers });
    const again = await organizer('POST', '/v1/event-sponsorships', { body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
  });
});
