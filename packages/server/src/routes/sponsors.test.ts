import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';

let server: TestServer;
let sponsor: ReturnType<typeof api>;

beforeAll(async () => {
  server = await startTestServer();
  sponsor = api(server, server.sponsor);
});
afterAll(() => server.close());

describe('sponsors', () => {
  it('creates a sponsor, gives it a profile, and lists it by industry', async () => {
    const created = await sponsor('POST', '/v1/sponsors', {
      body: {
        name: 'Fizzy Cola',
        industry: 'Beverage',
        logo_url: 'https://cdn.example.com/fizzy.png',
        visibility: 'public',
      },
    });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({
      name: 'Fizzy Cola',
      org_id: server.sponsor.orgId,
      visibility: 'public',
    });
    const id = created.json.data.id as string;

    expect((await sponsor('GET', `/v1/sponsors/${id}/profile`)).status).toBe(404);
    const profile = await sponsor('PUT', `/v1/sponsors/${id}/profile`, {
      body: {
        categories: ['Beverage'],
        budget_min_cents: 100_000,
        budget_max_cents: 900_000,
        activation_preferences: { avoid_tags: ['gambling'] },
      },
    });
    expect(profile.status).toBe(200);
    expect(profile.json.data).toMatchObject({
      sponsor_id: id,
      currency: 'USD',
      categories: ['Beverage'],
      activation_preferences: { avoid_tags: ['gambling'] },
    });
    const replaced = await sponsor('PUT', `/v1/sponsors/${id}/profile`, { body: { regions: ['Texas'] } });
    expect(replaced.json.data).toMatchObject({ regions: ['Texas'], categories: [], budget_min_cents: null });

    const list = await sponsor('GET', '/v1/sponsors?industry=Beverage');
    expect(list.json.data.map((s: { id: string }) => s.id)).toContain(id);
    expect((await sponsor('GET', '/v1/sponsors?industry=Banking')).json.data).toEqual([]);

    expect(
      (await sponsor('PATCH', `/v1/sponsors/${id}`, { body: { name: 'Fizzy Cola Zero' } })).json.data.name,
    ).toBe('Fizzy Cola Zero');
    expect((await sponsor('DELETE', `/v1/sponsors/${id}`)).json.data).toEqual({ id, deleted: true });
  });

  it.each([
    ['/v1/sponsors', 'POST', { name: 'X', logo_url: 'not a url' }, '/logo_url'],
    ['/v1/sponsors', 'POST', { name: 'X', visibility: 'everyone' }, '/visibility'],
    ['/v1/sponsors', 'POST', {}, '/name'],
  ])('rejects invalid input to %s with a 400 naming the field', async (path, method, body, field) => {
    const res = await sponsor(method, path, { body });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it('keeps the codes that attribute ticket sales to the sponsor in ROI reports', async () => {
    const created = await sponsor('POST', '/v1/sponsors', {
      body: { name: 'Codes Co', attribution_utm_sources: ['codes-ig'], attribution_promo_codes: ['CODES10'] },
    });
    expect(created.json.data).toMatchObject({
      attribution_utm_sources: ['codes-ig'],
      attribution_promo_codes: ['CODES10'],
    });
    const id = created.json.data.id as string;
    const updated = await sponsor('PATCH', `/v1/sponsors/${id}`, {
      body: { attribution_promo_codes: ['CODES10', 'CODES20'] },
    });
    expect(updated.json.data).toMatchObject({
      attribution_utm_sources: ['codes-ig'],
      attribution_promo_codes: ['CODES10', 'CODES20'],
    });
    const empty = await sponsor('PATCH', `/v1/sponsors/${id}`, { body: { attribution_utm_sources: [''] } });
    expect(empty.status).toBe(400);
    expect(empty.json.errors[0].path).toBe('/attribution_utm_sources/0');
  });

  it('rejects an upside-down budget range and an empty update', async () => {
    const { json } = await sponsor('POST', '/v1/sponsors', { body: { name: 'Budget Brand' } });
    const id = json.data.id as string;
    const budget = await sponsor('PUT', `/v1/sponsors/${id}/profile`, {
      body: { budget_min_cents: 10, budget_max_cents: 5 },
    });
    expect(budget.status).toBe(400);
    expect(budget.json.errors).toEqual([{ path: '/budget_max_cents', message: expect.any(String) }]);
    expect((await sponsor('GET', `/v1/sponsors/${id}/profile`)).status).toBe(404);
    expect((await sponsor('PATCH', `/v1/sponsors/${id}`, { body: {} })).status).toBe(400);
  });

  it('answers 401 without credentials and 404 to another organization', async () => {
    const { json } = await sponsor('POST', '/v1/sponsors', { body: { name: 'Mine' } });
    expect((await api(server, undefined)('GET', `/v1/sponsors/${json.data.id as string}`)).status).toBe(401);
    expect(
      (await api(server, server.organizer)('GET', `/v1/sponsors/${json.data.id as string}`)).status,
    ).toBe(404);
  });

  it('replays a profile update sent again with the same Idempotency-Key', async () => {
    const { json } = await sponsor('POST', '/v1/sponsors', { body: { name: 'Replay Brand' } });
    const path = `/v1/sponsors/${json.data.id as string}/profile`;
    const headers = { 'idempotency-key': 'profile-1' };
    const first = await sponsor('PUT', path, { body: { regions: ['Ohio'] }, headers });
    const again = await sponsor('PUT', path, { body: { regions: ['Ohio'] }, headers });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
  });
});
