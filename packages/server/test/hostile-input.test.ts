import { type IncomingMessage, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../test/server';
import { loadSpec } from '../src/spec';
import { seedCommerce } from './commerce-fixtures';

const spec = loadSpec();

let server: TestServer;
let deal: { eventId: string; sponsorId: string; packageId: string };
beforeAll(async () => {
  server = await startTestServer();
  deal = await seedCommerce(server);
});
afterAll(() => server.close());

const auditRows = async (orgId: string) => {
  const { rows } = await server.db.system((tx) =>
    tx.query<{ n: number }>('select count(*)::int as n from audit_log where org_id = $1', [orgId]),
  );
  return rows[0]!.n;
};

const event = { title: 'Dock Days', starts_at: '2027-05-01T10:00:00Z', ends_at: '2027-05-02T10:00:00Z' };

describe('strings with U+0000', () => {
  it.each([
    ['POST', '/v1/events', { ...event, title: 'a\u0000b' }, '/title'],
    ['POST', '/v1/sponsors', { name: 'Fizzy\u0000', industry: 'Beverage' }, '/name'],
    ['POST', '/v1/events', { ...event, target_audience: { 'k\u0000': 1 } }, '/target_audience'],
    ['POST', '/v1/events', { ...event, brand_safety_tags: ['ok', '\u0000'] }, '/brand_safety_tags/1'],
  ])('%s %s answers 400 naming the field', async (method, path, body, pointer) => {
    const res = await api(server, server.organizer)(method, path, { body });
    expect(res.status).toBe(400);
    expect(res.json.detail).toMatch(/U\+0000/);
    expect(res.json.errors.map((error: { path: string }) => error.path)).toContain(pointer);
  });

  it('answers 400 for a query string with U+0000', async () => {
    const res = await api(server, server.organizer)('GET', '/v1/events?city=a%00b');
    expect(res.status).toBe(400);
    expect(res.json.errors[0].path).toBe('/query/city');
  });
});

describe('date-times PostgreSQL cannot store', () => {
  it.each(['2027-01-01T00:00:00+18:00', '2027-01-01T00:00:00-16:00', '0000-01-01T00:00:00Z'])(
    'refuses %s in a query and in a body with 400',
    async (value) => {
      const organizer = api(server, server.organizer);
      const query = await organizer('GET', `/v1/events?starts_after=${encodeURIComponent(value)}`);
      expect(query.status).toBe(400);
      expect(query.json.errors[0].path).toBe('/query/starts_after');
      const body = await organizer('POST', '/v1/events', { body: { ...event, starts_at: value } });
      expect(body.status).toBe(400);
      expect(body.json.errors.map((error: { path: string }) => error.path)).toContain('/starts_at');
    },
  );

  it('accepts the largest offsets PostgreSQL takes', async () => {
    const res = await api(server, server.organizer)(
      'GET',
      '/v1/events?starts_after=2027-01-01T00:00:00%2B15:59',
    );
    expect(res.status).toBe(200);
  });
});

describe('deleting what is still in use', () => {
  it('answers 409 for an event with a draft package and a sponsor with an event sponsorship', async () => {
    const organizer = api(server, server.organizer);
    const created = await organizer('POST', '/v1/events', { body: event });
    const eventId = created.json.data.id as string;
    await server.db.system((tx) =>
      tx.query(
        `insert into sponsorship_packages (org_id, event_id, title, tier, price_cents, currency, inventory)
         values ($1, $2, 'Draft', 'gold', 1000, 'USD', 1)`,
        [server.organizer.orgId, eventId],
      ),
    );
    const res = await organizer('DELETE', `/v1/events/${eventId}`);
    expect(res.status).toBe(409);
    expect(res.json.detail).toMatch(/archive|remove|delete/i);

    const brand = await api(server, server.sponsor)('POST', '/v1/sponsors', { body: { name: 'Tied Brand' } });
    await server.db.system((tx) =>
      tx.query(
        `insert into event_sponsorships (organizer_org_id, sponsor_org_id, event_id, sponsor_id, tier)
         values ($1, $2, $3, $4, 'gold')`,
        [server.organizer.orgId, server.sponsor.orgId, eventId, brand.json.data.id],
      ),
    );
    const sponsorDelete = await api(server, server.sponsor)('DELETE', `/v1/sponsors/${brand.json.data.id}`);
    expect(sponsorDelete.status).toBe(409);
  });
});

describe('writes to what the caller can see but does not own', () => {
  it("answers 404 to PATCH of another organization's marketplace event and audits nothing", async () => {
    const sponsor = api(server, server.sponsor);
    expect((await sponsor('GET', `/v1/events/${deal.eventId}`)).status).toBe(200);
    const before = await auditRows(server.sponsor.orgId);
    const res = await sponsor('PATCH', `/v1/events/${deal.eventId}`, { body: { title: 'Mine now' } });
    expect(res.status).toBe(404);
    expect(await auditRows(server.sponsor.orgId)).toBe(before);
  });

  it("answers 404 to PUT of the counterparty's sponsor profile", async () => {
    const organizer = api(server, server.organizer);
    const order = await api(server, server.sponsor)('POST', '/v1/sponsorship-orders', {
      body: { package_id: deal.packageId, sponsor_id: deal.sponsorId },
    });
    expect(order.status).toBe(201);
    expect((await organizer('GET', `/v1/sponsors/${deal.sponsorId}`)).status).toBe(200);
    const res = await organizer('PUT', `/v1/sponsors/${deal.sponsorId}/profile`, {
      body: { industry: 'Beverage' },
    });
    expect(res.status).toBe(404);
  });
});

describe('the contract and the server agree', () => {
  it('answers 405 with Allow for a method the path does not serve (TRACE included)', async () => {
    // fetch refuses to send TRACE, so node:http does.
    const send = (method: string) =>
      new Promise<IncomingMessage>((resolve, reject) =>
        request(`${server.baseUrl}/v1/events`, { method }, (res) => (res.resume(), resolve(res)))
          .on('error', reject)
          .end(),
      );
    for (const method of ['TRACE', 'PUT']) {
      const res = await send(method);
      expect(res.statusCode).toBe(405);
      expect(res.headers.allow).toBe('GET, POST');
    }
    expect((await api(server, server.organizer)('GET', '/v1/nothing-here')).status).toBe(404);
  });

  it('refuses an empty Idempotency-Key and a malformed X-Org-Id with 400', async () => {
    const organizer = api(server, server.organizer);
    const empty = await organizer('POST', '/v1/sponsors', {
      body: { name: 'Keyless' },
      headers: { 'idempotency-key': '' },
    });
    expect(empty.status).toBe(400);
    expect(empty.json.errors[0].path).toBe('/headers/idempotency-key');
    const orgId = await organizer('GET', '/v1/events', { headers: { 'x-org-id': 'acme' } });
    expect(orgId.status).toBe(400);
    expect(orgId.json.errors[0].path).toBe('/headers/x-org-id');
  });

  it('answers 400, which the contract lists, for a Last-Event-ID that is not an event id', async () => {
    const res = await api(server, server.organizer)('GET', '/v1/webhook-events/stream', {
      headers: { 'last-event-id': 'xyz' },
    });
    expect(res.status).toBe(400);
  });

  it('lists 400 for every operation that takes an Idempotency-Key (a key over 255 characters is refused)', () => {
    const missing = Object.values(spec.document.paths).flatMap((item) =>
      Object.values(item).flatMap((op) => {
        const operation = op as {
          operationId?: string;
          parameters?: { $ref?: string }[];
          responses?: object;
        };
        const keyed = operation.parameters?.some((p) => p.$ref?.endsWith('/IdempotencyKey'));
        return keyed && !('400' in (operation.responses ?? {})) ? [operation.operationId] : [];
      }),
    );
    expect(missing).toEqual([]);
  });

  it('describes a proposal offer on the table with a schema it can meet', () => {
    const offer = { price_cents: 90_000, currency: 'USD', side: 'sponsor', message_id: deal.eventId };
    expect(spec.validator(spec.document.components.schemas.LatestOffer!).safeParse(offer).success).toBe(true);
  });

  it("lists only the organization's own events with owner=me, marketplace events too without it", async () => {
    const sponsor = api(server, server.sponsor);
    const all = await sponsor('GET', '/v1/events?limit=100');
    expect(all.json.data.map((e: { id: string }) => e.id)).toContain(deal.eventId);
    const mine = await sponsor('GET', '/v1/events?owner=me&limit=100');
    expect(mine.status).toBe(200);
    expect(
      mine.json.data.every((e: { owner_org_id: string }) => e.owner_org_id === server.sponsor.orgId),
    ).toBe(true);
  });
});
