import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../test/server';
import { onOrderFunded } from '../src/domain/fulfilment';
import { createDeal } from './fulfilment';
import { seedCommerce } from './commerce-fixtures';
import { probe, type TenancyArea } from './tenancy';

/** Add an area here when a new resource lands; its requests join the matrix. */
const areas: Record<string, TenancyArea> = {
  events: async (server, owner) => {
    const { json } = await api(server, owner)('POST', '/v1/events', {
      body: { title: 'Private gala', starts_at: '2030-01-01T18:00:00Z', ends_at: '2030-01-01T23:00:00Z' },
    });
    const id = json.data.id as string;
    return [
      { name: 'read event', method: 'GET', path: `/v1/events/${id}` },
      { name: 'update event', method: 'PATCH', path: `/v1/events/${id}`, body: { title: 'Hijacked' } },
      { name: 'delete event', method: 'DELETE', path: `/v1/events/${id}` },
    ];
  },
  sponsors: async (server, owner) => {
    const { json } = await api(server, owner)('POST', '/v1/sponsors', { body: { name: 'Secret Brand' } });
    const id = json.data.id as string;
    await api(server, owner)('PUT', `/v1/sponsors/${id}/profile`, { body: { categories: ['Tech'] } });
    return [
      { name: 'read sponsor', method: 'GET', path: `/v1/sponsors/${id}` },
      { name: 'update sponsor', method: 'PATCH', path: `/v1/sponsors/${id}`, body: { name: 'Hijacked' } },
      { name: 'delete sponsor', method: 'DELETE', path: `/v1/sponsors/${id}` },
      { name: 'read sponsor profile', method: 'GET', path: `/v1/sponsors/${id}/profile` },
      {
        name: 'replace sponsor profile',
        method: 'PUT',
        path: `/v1/sponsors/${id}/profile`,
        body: { categories: ['Hijacked'] },
      },
    ];
  },
  analytics: async (server, owner) => {
    const { json } = await api(server, owner)('POST', '/v1/events', {
      body: { title: 'Measured gala', starts_at: '2030-01-01T18:00:00Z', ends_at: '2030-01-01T23:00:00Z' },
    });
    const id = json.data.id as string;
    const consent = await api(server, owner)('PUT', `/v1/events/${id}/audience-consents`, {
      body: { segment_key: 'age:18-24', scope: 'aggregated' },
    });
    const batch = {
      batch_id: '00000000-0000-4000-8000-000000000010',
      records: [{ kind: 'impression', occurred_at: '2025-01-01T19:00:00Z' }],
    };
    return [
      { name: 'ingest analytics', method: 'POST', path: `/v1/events/${id}/analytics:ingest`, body: batch },
      { name: 'read stats', method: 'GET', path: `/v1/events/${id}/stats` },
      { name: 'refresh stats', method: 'POST', path: `/v1/events/${id}/stats:refresh` },
      { name: 'list audience consents', method: 'GET', path: `/v1/events/${id}/audience-consents` },
      {
        name: 'put audience consent',
        method: 'PUT',
        path: `/v1/events/${id}/audience-consents`,
        body: { segment_key: 'city:Austin', scope: 'cohort' },
      },
      {
        name: 'delete audience consent',
        method: 'DELETE',
        path: `/v1/events/${id}/audience-consents/${consent.json.data.id as string}`,
      },
    ];
  },
  webhooks: async (server, owner) => {
    const call = api(server, owner);
    const endpoint = await call('POST', '/v1/webhook-endpoints', {
      body: { url: 'https://hooks.example.com/private', enabled: false },
    });
    const id = endpoint.json.data.id as string;
    const event = await call('POST', '/v1/webhook-events:trigger', { body: { type: 'order.funded' } });
    const eventId = event.json.data.id as string;
    const { rows } = await server.db.system((tx) =>
      tx.query<{ id: string }>(
        `insert into webhook_deliveries (org_id, event_id, endpoint_id, status, next_attempt_at)
         values ($1, $2, $3, 'dead', null) returning id`,
        [owner.orgId, eventId, id],
      ),
    );
    const deliveryId = rows[0]!.id;
    return [
      { name: 'read webhook endpoint', method: 'GET', path: `/v1/webhook-endpoints/${id}` },
      {
        name: 'update webhook endpoint',
        method: 'PATCH',
        path: `/v1/webhook-endpoints/${id}`,
        body: { url: 'https://attacker.example.com' },
      },
      { name: 'delete webhook endpoint', method: 'DELETE', path: `/v1/webhook-endpoints/${id}` },
      { name: 'rotate webhook secret', method: 'POST', path: `/v1/webhook-endpoints/${id}:rotate-secret` },
      { name: 'test webhook endpoint', method: 'POST', path: `/v1/webhook-endpoints/${id}:test` },
      {
        name: 'replay failed webhook deliveries',
        method: 'POST',
        path: `/v1/webhook-endpoints/${id}:replay-failed?since=2020-01-01T00:00:00Z`,
      },
      { name: 'read webhook event', method: 'GET', path: `/v1/webhook-events/${eventId}` },
      { name: 'read webhook delivery', method: 'GET', path: `/v1/webhook-deliveries/${deliveryId}` },
      {
        name: 'replay webhook delivery',
        method: 'POST',
        path: `/v1/webhook-deliveries/${deliveryId}:replay`,
      },
    ];
  },
  packages: async (server, owner) => {
    const call = api(server, owner);
    const event = await call('POST', '/v1/events', {
      body: { title: 'Package gala', starts_at: '2030-01-01T18:00:00Z', ends_at: '2030-01-01T23:00:00Z' },
    });
    const pkg = (body: Record<string, unknown>) =>
      call('POST', '/v1/sponsorship-packages', {
        body: {
          event_id: event.json.data.id,
          tier: 'gold',
          price_cents: 1000,
          currency: 'USD',
          inventory: 2,
          ...body,
        },
      });
    const draft = (await pkg({ title: 'Draft package' })).json.data.id as string;
    const hidden = (await pkg({ title: 'Private package', visibility: 'private' })).json.data.id as string;
    await call('POST', `/v1/sponsorship-packages/${hidden}:publish`);
    const template = await call('POST', '/v1/package-templates', {
      body: { title: 'Template', tier: 'gold', price_cents: 1000, currency: 'USD' },
    });
    const variant = await call('POST', `/v1/sponsorship-packages/${draft}/variants`, {
      body: { title: 'Cheaper', tier: 'silver', price_cents: 500 },
    });
    // A negotiation between the owner and a third organization: the outsider is no party to it.
    const brand = api(server, await server.createOrg('Third Brand'));
    const sponsor = await brand('POST', '/v1/sponsors', {
      body: { name: 'Third Brand', visibility: 'public' },
    });
    const proposal = await call('POST', '/v1/proposals', {
      body: {
        event_id: event.json.data.id,
        sponsor_id: sponsor.json.data.id,
        initial_message: { body: 'Interested?', offer: { price_cents: 900 } },
      },
    });
    const thread = proposal.json.data.id as string;
    await call('POST', `/v1/proposals/${thread}:send`);
    const templateId = template.json.data.id as string;
    const variantId = variant.json.data.id as string;
    return [
      { name: 'read draft package', method: 'GET', path: `/v1/sponsorship-packages/${draft}` },
      { name: 'read private package', method: 'GET', path: `/v1/sponsorship-packages/${hidden}` },
      {
        name: 'update package',
        method: 'PATCH',
        path: `/v1/sponsorship-packages/${draft}`,
        body: { title: 'Hijacked' },
      },
      { name: 'publish package', method: 'POST', path: `/v1/sponsorship-packages/${draft}:publish` },
      { name: 'unpublish package', method: 'POST', path: `/v1/sponsorship-packages/${hidden}:unpublish` },
      { name: 'archive package', method: 'POST', path: `/v1/sponsorship-packages/${draft}:archive` },
      { name: 'list variants', method: 'GET', path: `/v1/sponsorship-packages/${draft}/variants` },
      {
        name: 'add variant',
        method: 'POST',
        path: `/v1/sponsorship-packages/${draft}/variants`,
        body: { title: 'x', tier: 'x', price_cents: 1 },
      },
      {
        name: 'update variant',
        method: 'PATCH',
        path: `/v1/package-variants/${variantId}`,
        body: { price_cents: 1 },
      },
      { name: 'delete variant', method: 'DELETE', path: `/v1/package-variants/${variantId}` },
      { name: 'read template', method: 'GET', path: `/v1/package-templates/${templateId}` },
      {
        name: 'update template',
        method: 'PATCH',
        path: `/v1/package-templates/${templateId}`,
        body: { price_cents: 1 },
      },
      { name: 'delete template', method: 'DELETE', path: `/v1/package-templates/${templateId}` },
      { name: 'read proposal', method: 'GET', path: `/v1/proposals/${thread}` },
      {
        name: 'message proposal',
        method: 'POST',
        path: `/v1/proposals/${thread}/messages`,
        body: { body: 'hi' },
      },
      { name: 'accept proposal', method: 'POST', path: `/v1/proposals/${thread}:accept` },
      { name: 'reject proposal', method: 'POST', path: `/v1/proposals/${thread}:reject` },
      { name: 'withdraw proposal', method: 'POST', path: `/v1/proposals/${thread}:withdraw` },
      { name: 'send proposal', method: 'POST', path: `/v1/proposals/${thread}:send` },
    ];
  },
  fulfilment: async (server, owner) => {
    // A deal between the owner and a partner: the outsider is party to neither.
    const partner = await server.createOrg('Partner Brand');
    const deal = await createDeal(server.db, {
      organizer: owner,
      sponsor: partner,
      benefits: { booth: true },
      slaTerms: [
        { metric: 'impressions', target: 100, breach_policy: { action: 'penalty_pct', penalty_pct: 0.1 } },
      ],
    });
    await server.db.system((tx) => onOrderFunded(tx, deal.order));
    const own = api(server, owner);
    const [deliverable] = (await own('GET', `/v1/deliverables?order_id=${deal.order.id}`)).json.data as {
      id: string;
    }[];
    const [sla] = (await own('GET', `/v1/slas?order_id=${deal.order.id}`)).json.data as { id: string }[];
    const id = deliverable!.id;
    return [
      { name: 'read deliverable', method: 'GET', path: `/v1/deliverables/${id}` },
      { name: 'update deliverable', method: 'PATCH', path: `/v1/deliverables/${id}`, body: { spec: {} } },
      {
        name: 'submit proof',
        method: 'POST',
        path: `/v1/deliverables/${id}/proofs`,
        body: { asset_url: 'https://evil.example/x.png' },
      },
      { name: 'approve deliverable', method: 'POST', path: `/v1/deliverables/${id}:approve` },
      {
        name: 'request changes',
        method: 'POST',
        path: `/v1/deliverables/${id}:needs_changes`,
        body: { reason: 'x' },
      },
      {
        name: 'waive deliverable',
        method: 'POST',
        path: `/v1/deliverables/${id}:waive`,
        body: { reason: 'x' },
      },
      {
        name: 'add deliverable to order',
        method: 'POST',
        path: '/v1/deliverables',
        body: { order_id: deal.order.id, type: 'x' },
      },
      {
        name: 'add deliverable to event and sponsor',
        method: 'POST',
        path: '/v1/deliverables',
        body: { event_id: deal.eventId, sponsor_id: deal.sponsorId, type: 'x' },
      },
      { name: 'evaluate SLA', method: 'POST', path: `/v1/slas/${sla!.id}:evaluate` },
      {
        name: 'upsert event sponsorship',
        method: 'POST',
        path: '/v1/event-sponsorships',
        body: {
          event_id: deal.eventId,
          sponsor_id: deal.sponsorId,
          tier: 'gold',
          activation_status: 'complete',
        },
      },
    ];
  },
  orders: async (server, owner) => {
    // An order between the owner and a third organization: the outsider is not a party to it.
    const brand = await server.createOrg('Third Brand');
    const { packageId, sponsorId } = await seedCommerce(server, { organizer: owner, sponsorOrg: brand });
    const { json } = await api(server, brand)('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId },
    });
    const id = json.data.id as string;
    // Off the marketplace again, so that its event is not listed to everyone.
    await server.db.system((tx) =>
      tx.query(`update sponsorship_packages set visibility = 'private' where id = $1`, [packageId]),
    );
    await api(server, brand)('POST', `/v1/sponsorship-orders/${id}:fund`, {
      body: { payment_method_id: 'pm_card_visa' },
    });
    await api(server, owner)('POST', `/v1/sponsorship-orders/${id}:lock`);
    await server.db.system((tx) =>
      tx.query(`update deliverables set status = 'approved' where order_id = $1`, [id]),
    );
    const released = await api(server, owner)('POST', `/v1/sponsorship-orders/${id}:release`);
    const payoutId = released.json.data.payout.id as string;
    return [
      { name: 'read order', method: 'GET', path: `/v1/sponsorship-orders/${id}` },
      {
        name: 'fund order',
        method: 'POST',
        path: `/v1/sponsorship-orders/${id}:fund`,
        body: { payment_method_id: 'pm_card_visa' },
      },
      { name: 'lock order', method: 'POST', path: `/v1/sponsorship-orders/${id}:lock` },
      { name: 'release order', method: 'POST', path: `/v1/sponsorship-orders/${id}:release` },
      { name: 'cancel order', method: 'POST', path: `/v1/sponsorship-orders/${id}:cancel`, body: {} },
      { name: 'refund order', method: 'POST', path: `/v1/sponsorship-orders/${id}:refund`, body: {} },
      { name: 'read payout', method: 'GET', path: `/v1/payouts/${payoutId}` },
    ];
  },
  keys: async (server, owner) => {
    const { json } = await api(server, owner)('POST', '/v1/api-keys', { body: { name: 'CI key' } });
    return [{ name: 'revoke key', method: 'POST', path: `/v1/api-keys/${json.data.id as string}:revoke` }];
  },
  members: async (server, owner) => {
    const { json } = await api(server, owner)('POST', '/v1/members', {
      body: { email: 'alex@organizer.example' },
    });
    const id = json.data.id as string;
    return [
      { name: 'change member role', method: 'PATCH', path: `/v1/members/${id}`, body: { role: 'owner' } },
      { name: 'remove member', method: 'DELETE', path: `/v1/members/${id}` },
    ];
  },
  workspaces: async (server, owner) => {
    const call = api(server, owner);
    const { json } = await call('POST', '/v1/sponsorship-workspaces', {
      body: { name: 'Team', slug: 'team' },
    });
    const id = json.data.id as string;
    const member = await call('POST', `/v1/sponsorship-workspaces/${id}/members`, {
      body: { email: 'sam@organizer.example' },
    });
    await call('PUT', `/v1/sponsorship-workspaces/${id}/widgets/orders`, {
      body: { widget_type: 'kpi_tile', config: { metric: 'orders' } },
    });
    const at = `/v1/sponsorship-workspaces/${id}`;
    return [
      { name: 'read workspace', method: 'GET', path: at },
      { name: 'update workspace', method: 'PATCH', path: at, body: { name: 'Hijacked' } },
      { name: 'archive workspace', method: 'POST', path: `${at}:archive` },
      { name: 'list workspace members', method: 'GET', path: `${at}/members` },
      {
        name: 'add workspace member',
        method: 'POST',
        path: `${at}/members`,
        body: { email: 'x@sponsor.example' },
      },
      {
        name: 'remove workspace member',
        method: 'DELETE',
        path: `${at}/members/${member.json.data.id as string}`,
      },
      { name: 'read workspace links', method: 'GET', path: `${at}/links` },
      { name: 'unlink from workspace', method: 'POST', path: `${at}:unlink`, body: { event_ids: [id] } },
      { name: 'read workspace audit', method: 'GET', path: `${at}/audit` },
      { name: 'list widgets', method: 'GET', path: `${at}/widgets` },
      { name: 'read widget', method: 'GET', path: `${at}/widgets/orders` },
      {
        name: 'replace widget',
        method: 'PUT',
        path: `${at}/widgets/orders`,
        body: { widget_type: 'kpi_tile', config: { metric: 'sponsors' } },
      },
      { name: 'delete widget', method: 'DELETE', path: `${at}/widgets/orders` },
    ];
  },
};

/** Everything the owner can list, to prove the outsider changed nothing and sees nothing. */
const listings = [
  '/v1/events',
  '/v1/sponsors',
  '/v1/api-keys',
  '/v1/members',
  '/v1/audit-log',
  '/v1/webhook-endpoints',
  '/v1/webhook-events',
  '/v1/webhook-deliveries',
  '/v1/sponsorship-packages',
  '/v1/package-templates',
  '/v1/proposals',
  '/v1/deliverables',
  '/v1/slas',
  '/v1/event-sponsorships',
  '/v1/sponsorship-orders',
  '/v1/payouts',
  '/v1/ledger/accounts',
  '/v1/ledger/transactions',
  '/v1/sponsorship-workspaces',
];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('tenancy matrix', () => {
  it('answers 404 to another organization for every read and write, and changes nothing', async () => {
    const owner = server.organizer;
    const cases = (await Promise.all(Object.values(areas).map((area) => area(server, owner)))).flat();
    const snapshot = async () =>
      Promise.all(
        listings.map(
          async (path) => (await api(server, owner)('GET', `${path}?limit=100`)).json.data as unknown[],
        ),
      );
    const before = await snapshot();

    const results = await probe(server, server.sponsor, cases);
    expect(results.filter((result) => result.status !== 404)).toEqual([]);
    expect(new Set(results.map((result) => result.type))).toEqual(
      new Set(['https://yardpass.dev/problems/not-found']),
    );
    expect(await snapshot()).toEqual(before);
  });

  it.each(listings)('shows another organization none of the owner rows in %s', async (path) => {
    const outsider = await server.createOrg('Nosy Org');
    const res = await api(server, outsider)('GET', `${path}?limit=100`);
    expect(res.status).toBe(200);
    // A fresh org sees only what it made itself: its own owner key, and nothing else.
    const ids = (res.json.data as { id: string }[]).map((row) => row.id);
    const owners = await api(server, server.organizer)('GET', `${path}?limit=100`);
    const ownerIds = new Set((owners.json.data as { id: string }[]).map((row) => row.id));
    expect(ids.filter((id) => ownerIds.has(id))).toEqual([]);
  });

  it('keeps rows invisible even to a query that forgets its tenant filter (row-level security)', async () => {
    const outsider = await server.createOrg('Forgetful');
    const seen = await server.db.tenant(outsider.orgId, async (tx) => {
      const count = async (sql: string) => (await tx.query<{ n: number }>(sql)).rows[0]!.n;
      return {
        sponsors: await count('select count(*)::int as n from sponsors'),
        apiKeys: await count('select count(*)::int as n from api_keys'),
        draftPackages: await count('select count(*)::int as n from sponsorship_packages where not is_active'),
        proposals: await count('select count(*)::int as n from proposal_threads'),
        orders: await count('select count(*)::int as n from sponsorship_orders'),
        // Events are visible beyond their owner only while they have a listed package (the marketplace).
        unlistedEvents: await count(`select count(*)::int as n from events e where not exists (
          select from sponsorship_packages p where p.event_id = e.id and p.is_active and p.visibility <> 'private')`),
      };
    });
    expect(seen).toEqual({
      sponsors: 0,
      apiKeys: 1,
      draftPackages: 0,
      proposals: 0,
      orders: 0,
      unlistedEvents: 0,
    });
    const all = await server.db.pool.query('select count(*)::int as n from events');
    expect(all.rows[0]).toEqual({ n: 0 });
  });
});
