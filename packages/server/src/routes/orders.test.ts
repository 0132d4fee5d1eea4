import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';
import { seedCommerce } from '../../test/commerce-fixtures';

let server: TestServer;
let organizer: ReturnType<typeof api>;
let sponsor: ReturnType<typeof api>;

beforeAll(async () => {
  server = await startTestServer();
  organizer = api(server, server.organizer);
  sponsor = api(server, server.sponsor);
});
afterAll(() => server.close());

async function soldOf(packageId: string): Promise<number> {
  const { rows } = await server.db.system((tx) =>
    tx.query<{ sold: number }>('select sold from sponsorship_packages where id = $1', [packageId]),
  );
  return rows[0]!.sold;
}

describe('orders: create, list, retrieve', () => {
  it('creates an order from the sponsor side, reserves a unit, and both parties see it', async () => {
    const { packageId, sponsorId, eventId } = await seedCommerce(server);
    const res = await sponsor('POST', '/v1/sponsorship-orders', {
      body: {
        package_id: packageId,
        sponsor_id: sponsorId,
        event_id: eventId,
        amount_cents: 150_000,
        currency: 'USD',
        cancellation_policy: { window_days: 14, penalty_pct: 0.1 },
      },
    });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({
      package_id: packageId,
      event_id: eventId,
      organizer_org_id: server.organizer.orgId,
      sponsor_org_id: server.sponsor.orgId,
      status: 'pending',
      escrow_state: 'pending',
      created_by_side: 'sponsor',
      cancellation_policy: { window_days: 14, penalty_pct: 0.1 },
    });
    const id = res.json.data.id as string;
    expect(await soldOf(packageId)).toBe(1);

    const seen = await organizer('GET', `/v1/sponsorship-orders/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.json.data).toMatchObject({ id, refunds: [] });
    const listed = await organizer('GET', `/v1/sponsorship-orders?event_id=${eventId}&status=pending`);
    expect(listed.json.data.map((o: { id: string }) => o.id)).toEqual([id]);
    expect((await sponsor('GET', '/v1/sponsorship-orders?escrow_state=funded')).json.data).toEqual([]);

    const events = await server.db.system((tx) =>
      tx.query<{ org_id: string }>(
        `select org_id from webhook_events where type = 'order.created' and data->>'id' = $1`,
        [id],
      ),
    );
    expect(events.rows.map((row) => row.org_id).sort()).toEqual(
      [server.organizer.orgId, server.sponsor.orgId].sort(),
    );
  });

  it('lets the organizer order its own package for a public sponsor, at any amount', async () => {
    const { packageId, sponsorId } = await seedCommerce(server);
    const res = await organizer('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId, amount_cents: 90_000 },
    });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({
      created_by_side: 'organizer',
      amount_cents: 90_000,
      currency: 'USD',
    });
  });

  it.each([
    [{ sponsor_id: '00000000-0000-4000-8000-000000000000' }, '/package_id'],
    [{ package_id: 'nope', sponsor_id: '00000000-0000-4000-8000-000000000000' }, '/package_id'],
    [
      {
        package_id: '00000000-0000-4000-8000-000000000000',
        sponsor_id: '00000000-0000-4000-8000-000000000000',
        cancellation_policy: { window_days: 3, penalty_pct: 2 },
      },
      '/cancellation_policy/penalty_pct',
    ],
  ])('rejects invalid input %j with a 400 naming the field', async (body, field) => {
    const res = await sponsor('POST', '/v1/sponsorship-orders', { body });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it('refuses a sponsor-side order below the price, in another currency, or for another event, and reserves nothing', async () => {
    const { packageId, sponsorId, eventId } = await seedCommerce(server);
    const cheap = await sponsor('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId, amount_cents: 100 },
    });
    expect(cheap.status).toBe(422);
    expect(cheap.json.type).toContain('below-price');
    const euros = await sponsor('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId, currency: 'EUR' },
    });
    expect(euros.status).toBe(422);
    const other = await seedCommerce(server);
    const mismatch = await sponsor('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId, event_id: other.eventId },
    });
    expect(mismatch.status).toBe(422);
    expect(await soldOf(packageId)).toBe(0);
    expect((await sponsor('GET', `/v1/sponsorship-orders?event_id=${eventId}`)).json.data).toEqual([]);
  });

  it('answers 404 for a private package or another org’s sponsor, and 401 without a key', async () => {
    const hidden = await seedCommerce(server, { visibility: 'private' });
    expect(
      (
        await sponsor('POST', '/v1/sponsorship-orders', {
          body: { package_id: hidden.packageId, sponsor_id: hidden.sponsorId },
        })
      ).status,
    ).toBe(404);
    const stranger = await server.createOrg('Stranger');
    const { packageId, sponsorId } = await seedCommerce(server);
    const res = await api(server, stranger)('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId },
    });
    // The stranger is not the package's organizer, and the sponsor is not its own: it acts as organizer.
    expect(res.status).toBe(404);
    expect((await api(server, undefined)('GET', '/v1/sponsorship-orders')).status).toBe(401);
    expect(
      (await api(server, undefined)('POST', '/v1/sponsorship-orders', { body: { package_id: packageId } }))
        .status,
    ).toBe(401);
  });

  it('hides orders from organizations that are not a party', async () => {
    const { packageId, sponsorId } = await seedCommerce(server);
    const { json } = await sponsor('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId },
    });
    const stranger = api(server, await server.createOrg('Nosy'));
    expect((await stranger('GET', `/v1/sponsorship-orders/${json.data.id as string}`)).status).toBe(404);
    expect((await stranger('GET', '/v1/sponsorship-orders')).json.data).toEqual([]);
  });

  it('replays an idempotent create with the same answer and reserves once', async () => {
    const { packageId, sponsorId } = await seedCommerce(server);
    const headers = { 'idempotency-key': `order-${packageId}` };
    const body = { package_id: packageId, sponsor_id: sponsorId };
    const first = await sponsor('POST', '/v1/sponsorship-orders', { body, headers });
    const again = await sponsor('POST', '/v1/sponsorship-orders', { body, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json.data.id).toBe(first.json.data.id);
    expect(await soldOf(packageId)).toBe(1);
  });

  it('sells exactly 3 units when 50 orders race for a package with inventory 3', async () => {
    const { packageId, sponsorId } = await seedCommerce(server, { inventory: 3 });
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        sponsor('POST', '/v1/sponsorship-orders', { body: { package_id: packageId, sponsor_id: sponsorId } }),
      ),
    );
    const statuses = results.map((res) => res.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(statuses.filter((status) => status !== 201).every((status) => status === 409)).toBe(true);
    expect(await soldOf(packageId)).toBe(3);
  });
});
