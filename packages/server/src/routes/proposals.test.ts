import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';
import { expireProposals } from '../domain/proposals';

let server: TestServer;
let organizer: ReturnType<typeof api>;
let sponsor: ReturnType<typeof api>;
let eventId: string;
let sponsorId: string;

async function publishedPackage(overrides: Record<string, unknown> = {}) {
  const { json } = await organizer('POST', '/v1/sponsorship-packages', {
    body: {
      event_id: eventId,
      title: 'Gold Stage Sponsor',
      tier: 'gold',
      price_cents: 150_000,
      currency: 'USD',
      inventory: 3,
      benefits: { logo_stage: true, booth: '10x10' },
      availability: { max_per_sponsor: 1 },
      constraints: { category_allow: ['Beverage', 'Technology'], sponsor_conflicts: ['Competitor Brand X'] },
      expected_reach: 24_000,
      ...overrides,
    },
  });
  const published = await organizer('POST', `/v1/sponsorship-packages/${json.data.id}:publish`);
  expect(published.status).toBe(200);
  return json.data.id as string;
}

async function sentProposal(packageId: string, price = 140_000) {
  const created = await sponsor('POST', '/v1/proposals', {
    body: {
      event_id: eventId,
      sponsor_id: sponsorId,
      package_id: packageId,
      initial_message: {
        body: "We'd love to sponsor your event!",
        offer: { price_cents: price, requested_benefits: ['booth', 'logo'] },
      },
    },
  });
  expect(created.status).toBe(201);
  const id = created.json.data.id as string;
  expect((await sponsor('POST', `/v1/proposals/${id}:send`)).status).toBe(200);
  return id;
}

const webhookTypes = async (proposalId: string) => {
  const { rows } = await server.db.system((tx) =>
    tx.query<{ org_id: string; type: string }>(
      `select org_id, type from webhook_events where type like 'proposal.%' and data->>'id' = $1 order by created_at, type, org_id`,
      [proposalId],
    ),
  );
  return rows;
};

beforeAll(async () => {
  server = await startTestServer();
  organizer = api(server, server.organizer);
  sponsor = api(server, server.sponsor);
  const event = await organizer('POST', '/v1/events', {
    body: { title: 'Austin Music Fest', starts_at: '2099-04-01T18:00:00Z', ends_at: '2099-04-03T23:00:00Z' },
  });
  eventId = event.json.data.id;
  const brand = await sponsor('POST', '/v1/sponsors', {
    body: {
      name: 'Fizzy Cola',
      industry: 'Beverage',
      logo_url: 'https://cdn.example.com/fizzy.png',
      visibility: 'public',
    },
  });
  sponsorId = brand.json.data.id;
});
afterAll(() => server.close());

describe('proposals', () => {
  it('negotiates end to end: start, send, counter, counter back, accept → one order from the latest offer', async () => {
    const packageId = await publishedPackage();
    const created = await sponsor('POST', '/v1/proposals', {
      body: {
        event_id: eventId,
        sponsor_id: sponsorId,
        package_id: packageId,
        initial_message: {
          body: "We'd love to sponsor!",
          offer: { price_cents: 140_000, requested_benefits: ['booth'] },
        },
      },
    });
    expect(created.status).toBe(201);
    const id = created.json.data.id as string;
    expect(created.json.data).toMatchObject({
      status: 'draft',
      created_by_side: 'sponsor',
      your_side: 'sponsor',
      sponsor_name: 'Fizzy Cola',
      event_title: 'Austin Music Fest',
      message_count: 1,
      latest_offer: { price_cents: 140_000, currency: 'USD', side: 'sponsor' },
      turn: null,
    });
    // A draft is the sponsor's own business until sent.
    expect((await organizer('GET', `/v1/proposals/${id}`)).status).toBe(404);
    expect(
      (await organizer('GET', '/v1/proposals')).json.data.map((p: { id: string }) => p.id),
    ).not.toContain(id);

    const sent = await sponsor('POST', `/v1/proposals/${id}:send`);
    expect(sent.json.data).toMatchObject({ status: 'sent', turn: 'organizer' });
    // The sponsor cannot accept its own offer.
    const own = await sponsor('POST', `/v1/proposals/${id}:accept`);
    expect(own.status).toBe(409);
    expect(own.json.current_status).toBe('sent');

    const counter = await organizer('POST', `/v1/proposals/${id}/messages`, {
      body: {
        body: 'Adding 3 story posts to sweeten the deal',
        offer: { price_cents: 175_000, benefits_delta: { story_posts: 3 } },
      },
    });
    expect(counter.status).toBe(201);
    expect(counter.json.data).toMatchObject({ side: 'organizer', offer: { price_cents: 175_000 } });
    const countered = await organizer('GET', `/v1/proposals/${id}`);
    expect(countered.json.data).toMatchObject({
      status: 'countered',
      your_side: 'organizer',
      turn: 'sponsor',
      message_count: 2,
      latest_offer: { price_cents: 175_000, side: 'organizer' },
    });
    expect(countered.json.data.messages.map((m: { side: string }) => m.side)).toEqual([
      'sponsor',
      'organizer',
    ]);

    await sponsor('POST', `/v1/proposals/${id}/messages`, {
      body: { body: 'Meet in the middle?', offer: { price_cents: 160_000 } },
    });
    const inbox = await organizer('GET', `/v1/proposals?event_id=${eventId}`);
    expect(inbox.json.data[0]).toMatchObject({
      id,
      status: 'sent',
      sponsor_name: 'Fizzy Cola',
      sponsor_logo_url: 'https://cdn.example.com/fizzy.png',
      message_count: 3,
      latest_offer: { price_cents: 160_000, side: 'sponsor' },
      turn: 'organizer',
    });

    const accepted = await organizer('POST', `/v1/proposals/${id}:accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.json.data).toMatchObject({
      status: 'accepted',
      turn: null,
      order_id: expect.any(String),
    });
    const { rows: orders } = await server.db.system((tx) =>
      tx.query(
        'select amount_cents, currency, package_id, sponsor_id, event_id, proposal_id from sponsorship_orders where proposal_id = $1',
        [id],
      ),
    );
    expect(orders).toEqual([
      {
        amount_cents: 160_000,
        currency: 'USD',
        package_id: packageId,
        sponsor_id: sponsorId,
        event_id: eventId,
        proposal_id: id,
      },
    ]);
    expect((await sponsor('GET', `/v1/proposals/${id}`)).json.data).toMatchObject({
      status: 'accepted',
      order_id: accepted.json.data.order_id,
    });
    const late = await sponsor('POST', `/v1/proposals/${id}/messages`, { body: { body: 'one more thing' } });
    expect(late.status).toBe(409);
    expect(late.json.current_status).toBe('accepted');

    const types = await webhookTypes(id);
    const both = (type: string) => [
      { org_id: server.organizer.orgId, type },
      { org_id: server.sponsor.orgId, type },
    ];
    for (const type of ['proposal.sent', 'proposal.countered', 'proposal.accepted'])
      expect(types.filter((t) => t.type === type)).toEqual(expect.arrayContaining(both(type)));
    expect(types.filter((t) => t.type === 'proposal.countered')).toHaveLength(4);
  });

  it('creates exactly one order when 20 accepts from both sides race', async () => {
    const packageId = await publishedPackage({ inventory: 5 });
    const id = await sentProposal(packageId);
    const calls = Array.from({ length: 20 }, (_, i) =>
      (i % 2 === 0 ? organizer : sponsor)('POST', `/v1/proposals/${id}:accept`),
    );
    const results = await Promise.all(calls);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const { rows } = await server.db.system((tx) =>
      tx.query<{ n: number; sold: number }>(
        `select (select count(*)::int from sponsorship_orders where proposal_id = $1) as n,
                (select sold from sponsorship_packages where id = $2) as sold`,
        [id, packageId],
      ),
    );
    expect(rows[0]).toEqual({ n: 1, sold: 1 });
  });

  it('refuses a proposal from a sponsor in a conflicting or disallowed category, naming the rule', async () => {
    const packageId = await publishedPackage();
    const rival = await sponsor('POST', '/v1/sponsors', {
      body: { name: 'Competitor Brand X', industry: 'Beverage' },
    });
    const conflict = await sponsor('POST', '/v1/proposals', {
      body: { event_id: eventId, sponsor_id: rival.json.data.id, package_id: packageId },
    });
    expect(conflict.status).toBe(422);
    expect(conflict.json).toMatchObject({
      type: 'https://yardpass.dev/problems/package-rule-violated',
      rule: 'sponsor_conflicts',
    });
    expect(conflict.json.detail).toContain('Competitor Brand X');

    const bank = await sponsor('POST', '/v1/sponsors', { body: { name: 'Big Bank', industry: 'Banking' } });
    const category = await sponsor('POST', '/v1/proposals', {
      body: { event_id: eventId, sponsor_id: bank.json.data.id, package_id: packageId },
    });
    expect(category.status).toBe(422);
    expect(category.json.rule).toBe('category_allow');
    // Preferred categories count too.
    await sponsor('PUT', `/v1/sponsors/${bank.json.data.id}/profile`, {
      body: { categories: ['technology'] },
    });
    const allowed = await sponsor('POST', '/v1/proposals', {
      body: { event_id: eventId, sponsor_id: bank.json.data.id, package_id: packageId },
    });
    expect(allowed.status).toBe(201);

    const closed = await publishedPackage({ availability: { end: '2001-01-01T00:00:00Z' } });
    const late = await sponsor('POST', '/v1/proposals', {
      body: { event_id: eventId, sponsor_id: sponsorId, package_id: closed },
    });
    expect(late.status).toBe(422);
    expect(late.json.rule).toBe('availability_window');
    const { rows } = await server.db.system((tx) =>
      tx.query<{ n: number }>('select count(*)::int as n from proposal_threads where sponsor_id = $1', [
        rival.json.data.id,
      ]),
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('enforces max_per_sponsor and the side rules of reject and withdraw', async () => {
    const packageId = await publishedPackage({ availability: { max_per_sponsor: 1 } });
    const first = await sentProposal(packageId);
    expect((await organizer('POST', `/v1/proposals/${first}:accept`)).status).toBe(200);
    const second = await sponsor('POST', '/v1/proposals', {
      body: { event_id: eventId, sponsor_id: sponsorId, package_id: packageId },
    });
    expect(second.status).toBe(409);
    expect(second.json.rule).toBe('max_per_sponsor');

    const other = await publishedPackage();
    const id = await sentProposal(other);
    const wrongReject = await sponsor('POST', `/v1/proposals/${id}:reject`, { body: { reason: 'nah' } });
    expect(wrongReject.status).toBe(409);
    const wrongWithdraw = await organizer('POST', `/v1/proposals/${id}:withdraw`);
    expect(wrongWithdraw.status).toBe(409);
    const rejected = await organizer('POST', `/v1/proposals/${id}:reject`, {
      body: { reason: 'Budget too low' },
    });
    expect(rejected.json.data).toMatchObject({ status: 'rejected', closed_reason: 'Budget too low' });
    expect((await webhookTypes(id)).filter((t) => t.type === 'proposal.rejected')).toHaveLength(2);
    const again = await organizer('POST', `/v1/proposals/${id}:send`);
    expect(again.status).toBe(409);
    expect(again.json.current_status).toBe('rejected');

    const third = await sentProposal(other);
    const withdrawn = await sponsor('POST', `/v1/proposals/${third}:withdraw`);
    expect(withdrawn.json.data.status).toBe('withdrawn');
  });

  it('lets the organizer start a thread with a public sponsor, and hides private sponsors', async () => {
    const packageId = await publishedPackage();
    const started = await organizer('POST', '/v1/proposals', {
      body: {
        event_id: eventId,
        sponsor_id: sponsorId,
        package_id: packageId,
        initial_message: { offer: { price_cents: 120_000 } },
      },
    });
    expect(started.status).toBe(201);
    expect(started.json.data).toMatchObject({ created_by_side: 'organizer', your_side: 'organizer' });
    const hidden = await sponsor('POST', '/v1/sponsors', {
      body: { name: 'Stealth Brand', industry: 'Beverage' },
    });
    const refused = await organizer('POST', '/v1/proposals', {
      body: { event_id: eventId, sponsor_id: hidden.json.data.id },
    });
    expect(refused.status).toBe(404);
    await organizer('POST', `/v1/proposals/${started.json.data.id}:send`);
    const inbox = await sponsor('GET', '/v1/proposals?side=sponsor&status=sent');
    expect(inbox.json.data.map((p: { id: string }) => p.id)).toContain(started.json.data.id);
    expect((await sponsor('GET', '/v1/proposals?side=organizer')).json.data).toEqual([]);
  });

  it('rejects bad input, missing auth and outsiders, and replays with an Idempotency-Key', async () => {
    const packageId = await publishedPackage();
    const bad = await sponsor('POST', '/v1/proposals', {
      body: { event_id: eventId, sponsor_id: sponsorId, initial_message: { offer: { price_cents: 0 } } },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toContain(
      '/initial_message/offer/price_cents',
    );
    const currency = await sponsor('POST', '/v1/proposals', {
      body: {
        event_id: eventId,
        sponsor_id: sponsorId,
        package_id: packageId,
        initial_message: { offer: { price_cents: 5, currency: 'EUR' } },
      },
    });
    expect(currency.status).toBe(422);
    expect((await api(server, undefined)('GET', '/v1/proposals')).status).toBe(401);
    expect((await api(server, undefined)('POST', '/v1/proposals', { body: {} })).status).toBe(401);

    const id = await sentProposal(packageId);
    const outsider = api(server, await server.createOrg('Nosy Org'));
    for (const [method, path] of [
      ['GET', `/v1/proposals/${id}`],
      ['POST', `/v1/proposals/${id}:accept`],
      ['POST', `/v1/proposals/${id}:reject`],
      ['POST', `/v1/proposals/${id}/messages`],
    ] as const) {
      expect((await outsider(method, path, method === 'POST' ? { body: {} } : {})).status).toBe(404);
    }
    expect((await outsider('GET', '/v1/proposals')).json.data).toEqual([]);

    const headers = { 'idempotency-key': `msg-${id}` };
    const body = { body: 'Counter', offer: { price_cents: 149_000 } };
    const first = await organizer('POST', `/v1/proposals/${id}/messages`, { body, headers });
    const second = await organizer('POST', `/v1/proposals/${id}/messages`, { body, headers });
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.json.data.id).toBe(first.json.data.id);
    expect((await organizer('GET', `/v1/proposals/${id}`)).json.data.message_count).toBe(2);
  });

  it('expires threads idle longer than the configured time', async () => {
    const packageId = await publishedPackage();
    const id = await sentProposal(packageId);
    await server.db.system((tx) =>
      tx.query(`update proposal_threads set updated_at = now() - interval '15 days' where id = $1`, [id]),
    );
    expect(await expireProposals(server.db, { days: 14, now: new Date() })).toBeGreaterThanOrEqual(1);
    const expired = await sponsor('GET', `/v1/proposals/${id}`);
    expect(expired.json.data).toMatchObject({ status: 'expired', turn: null });
    expect((await organizer('POST', `/v1/proposals/${id}:accept`)).json.current_status).toBe('expired');
  });
});
