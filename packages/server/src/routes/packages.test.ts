import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';

let server: TestServer;
let organizer: ReturnType<typeof api>;
let sponsor: ReturnType<typeof api>;
let eventId: string;

const packageBody = (overrides: Record<string, unknown> = {}) => ({
  event_id: eventId,
  title: 'Gold Stage Sponsor',
  tier: 'gold',
  price_cents: 150_000,
  currency: 'USD',
  inventory: 3,
  benefits: { logo_stage: true, booth: '10x10', speaking_slot: '15min', social_posts: 5 },
  availability: {
    start: '2025-02-01T00:00:00Z',
    end: '2099-03-01T00:00:00Z',
    max_per_sponsor: 1,
    exclusivity: false,
  },
  constraints: { category_allow: ['Beverage', 'Technology'], sponsor_conflicts: ['Competitor Brand X'] },
  expected_reach: 24_000,
  ...overrides,
});

beforeAll(async () => {
  server = await startTestServer();
  organizer = api(server, server.organizer);
  sponsor = api(server, server.sponsor);
  const event = await organizer('POST', '/v1/events', {
    body: {
      title: 'Austin Music Fest',
      starts_at: '2099-04-01T18:00:00Z',
      ends_at: '2099-04-03T23:00:00Z',
      city: 'Austin',
      category: 'Music',
    },
  });
  eventId = event.json.data.id;
});
afterAll(() => server.close());

describe('sponsorship packages', () => {
  it('creates a draft, publishes it with SLA templates and an honest snapshot, and emits package.published', async () => {
    const created = await organizer('POST', '/v1/sponsorship-packages', { body: packageBody() });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({
      event_id: eventId,
      org_id: server.organizer.orgId,
      status: 'draft',
      is_active: false,
      version: 1,
      sold: 0,
      visibility: 'public',
    });
    const id = created.json.data.id as string;

    // A draft appears in the organizer's gallery but not in the marketplace.
    const gallery = await organizer('GET', `/v1/sponsorship-packages?event_id=${eventId}`);
    expect(gallery.json.data.map((p: { id: string }) => p.id)).toContain(id);
    expect((await sponsor('GET', `/v1/sponsorship-packages/${id}`)).status).toBe(404);
    expect((await sponsor('GET', '/v1/marketplace/packages?q=Gold')).json.data).toEqual([]);

    const published = await organizer('POST', `/v1/sponsorship-packages/${id}:publish`);
    expect(published.status).toBe(200);
    expect(published.json.data).toMatchObject({ status: 'published', is_active: true, version: 2 });
    expect(published.json.data.published_at).toEqual(expect.any(String));
    // No stats yet: an honest, empty snapshot rather than the numbers typed in at creation.
    expect(published.json.data.audience_snapshot).toMatchObject({ estimated_reach: null, age_segments: {} });
    expect(published.json.data.quality_score).toEqual(expect.any(Number));

    // Published without terms: the generated defaults (guide §11), each with its summary.
    expect(published.json.data.sla_terms).toEqual([
      {
        metric: 'impressions',
        target: 24_000,
        window_days: 0,
        source: 'event_stats',
        grace_days: 7,
        breach_policy: { action: 'penalty_pct', penalty_pct: 0.1, make_good: true },
        summary:
          'At least 24000 impressions from event stats by the end of the event (7 days of grace); if missed, 10% of the order is refunded and a make-good deliverable is owed.',
      },
      expect.objectContaining({
        metric: 'booth_hours',
        target: 48,
        source: 'proof_metrics',
        breach_policy: { action: 'penalty_fixed', penalty_cents: 5000, make_good: false },
      }),
    ]);
    const { rows: events } = await server.db.system((tx) =>
      tx.query(
        `select org_id, data from webhook_events where type = 'package.published' and data->>'id' = $1`,
        [id],
      ),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ org_id: server.organizer.orgId, data: { id, status: 'published' } });

    // Published and public: everyone may read it and find it in the marketplace.
    expect((await sponsor('GET', `/v1/sponsorship-packages/${id}`)).json.data.id).toBe(id);
    const again = await organizer('POST', `/v1/sponsorship-packages/${id}:publish`);
    expect(again.status).toBe(409);
    expect(again.json.current_status).toBe('published');

    const unpublished = await organizer('POST', `/v1/sponsorship-packages/${id}:unpublish`);
    expect(unpublished.json.data).toMatchObject({ status: 'draft', is_active: false, version: 3 });
    const archived = await organizer('POST', `/v1/sponsorship-packages/${id}:archive`);
    expect(archived.json.data).toMatchObject({ status: 'archived', is_active: false });
    expect((await organizer('POST', `/v1/sponsorship-packages/${id}:publish`)).json.current_status).toBe(
      'archived',
    );
  });

  it('updates with optimistic concurrency: version or If-Match, 412 when stale, each change bumps version', async () => {
    const { json } = await organizer('POST', '/v1/sponsorship-packages', {
      body: packageBody({ title: 'Silver' }),
    });
    const id = json.data.id as string;
    const first = await organizer('PATCH', `/v1/sponsorship-packages/${id}`, {
      body: { version: 1, price_cents: 120_000 },
    });
    expect(first.status).toBe(200);
    expect(first.json.data).toMatchObject({ version: 2, price_cents: 120_000 });

    const stale = await organizer('PATCH', `/v1/sponsorship-packages/${id}`, {
      body: { version: 1, price_cents: 1 },
    });
    expect(stale.status).toBe(412);
    expect(stale.json).toMatchObject({
      type: 'https://yardpass.dev/problems/precondition-failed',
      current_version: 2,
    });
    const staleHeader = await organizer('PATCH', `/v1/sponsorship-packages/${id}`, {
      body: { price_cents: 1 },
      headers: { 'if-match': '"1"' },
    });
    expect(staleHeader.status).toBe(412);

    const viaHeader = await organizer('PATCH', `/v1/sponsorship-packages/${id}`, {
      body: { tier: 'silver' },
      headers: { 'if-match': 'W/"2"' },
    });
    expect(viaHeader.json.data).toMatchObject({ version: 3, tier: 'silver', price_cents: 120_000 });
    // Without a version the change applies to whatever is current (last writer wins), still bumping it.
    const blind = await organizer('PATCH', `/v1/sponsorship-packages/${id}`, { body: { inventory: 5 } });
    expect(blind.json.data).toMatchObject({ version: 4, inventory: 5 });
  });

  it('rejects bad input with a problem and changes nothing', async () => {
    const before = (await organizer('GET', '/v1/sponsorship-packages?limit=100')).json.data;
    const cases: [Record<string, unknown>, string][] = [
      [packageBody({ price_cents: -1 }), '/price_cents'],
      [packageBody({ currency: 'usd' }), '/currency'],
      [packageBody({ visibility: 'secret' }), '/visibility'],
      [
        packageBody({ availability: { start: '2099-02-01T00:00:00Z', end: '2099-01-01T00:00:00Z' } }),
        '/availability/end',
      ],
      [{ event_id: eventId, inventory: 1 }, '/title'],
    ];
    for (const [body, field] of cases) {
      const res = await organizer('POST', '/v1/sponsorship-packages', { body });
      expect(res.status, field).toBe(400);
      expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(field);
    }
    const { json } = await organizer('POST', '/v1/sponsorship-packages', { body: packageBody() });
    const badVersion = await organizer('PATCH', `/v1/sponsorship-packages/${json.data.id}`, {
      body: { title: 'x' },
      headers: { 'if-match': 'banana' },
    });
    expect(badVersion.status).toBe(400);
    const onlyVersion = await organizer('PATCH', `/v1/sponsorship-packages/${json.data.id}`, {
      body: { version: 1 },
    });
    expect(onlyVersion.status).toBe(400);
    await organizer('DELETE', `/v1/events/${eventId}`); // refused: the event has packages
    const after = (await organizer('GET', '/v1/sponsorship-packages?limit=100')).json.data;
    expect(after.length).toBe(before.length + 1);
  });

  it('lets only the event organizer create packages for an event', async () => {
    const res = await sponsor('POST', '/v1/sponsorship-packages', { body: packageBody() });
    expect(res.status).toBe(404);
    expect(
      (await api(server, undefined)('POST', '/v1/sponsorship-packages', { body: packageBody() })).status,
    ).toBe(401);
  });

  it('filters the gallery and pages it by price', async () => {
    const { json } = await organizer('POST', '/v1/events', {
      body: { title: 'Gallery Fest', starts_at: '2099-05-01T18:00:00Z', ends_at: '2099-05-01T23:00:00Z' },
    });
    const galleryEvent = json.data.id as string;
    for (const [price, tier] of [
      [100, 'bronze'],
      [300, 'gold'],
      [200, 'silver'],
    ] as const) {
      await organizer('POST', '/v1/sponsorship-packages', {
        body: packageBody({ event_id: galleryEvent, price_cents: price, tier }),
      });
    }
    const first = await organizer('GET', `/v1/sponsorship-packages?event_id=${galleryEvent}&limit=2`);
    expect(first.json.data.map((p: { price_cents: number }) => p.price_cents)).toEqual([300, 200]);
    expect(first.json.has_more).toBe(true);
    const second = await organizer(
      'GET',
      `/v1/sponsorship-packages?event_id=${galleryEvent}&limit=2&starting_after=${first.json.next_cursor}`,
    );
    expect(second.json.data.map((p: { price_cents: number }) => p.price_cents)).toEqual([100]);
    const filtered = await organizer(
      'GET',
      `/v1/sponsorship-packages?event_id=${galleryEvent}&tier=silver&min_price_cents=150&is_active=false`,
    );
    expect(filtered.json.data.map((p: { tier: string }) => p.tier)).toEqual(['silver']);
  });

  it('replays a create with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'pkg-create-1' };
    const first = await organizer('POST', '/v1/sponsorship-packages', { body: packageBody(), headers });
    const second = await organizer('POST', '/v1/sponsorship-packages', { body: packageBody(), headers });
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.json.data.id).toBe(first.json.data.id);
    const publish = { 'idempotency-key': 'pkg-publish-1' };
    const p1 = await organizer('POST', `/v1/sponsorship-packages/${first.json.data.id}:publish`, {
      headers: publish,
    });
    const p2 = await organizer('POST', `/v1/sponsorship-packages/${first.json.data.id}:publish`, {
      headers: publish,
    });
    expect([p1.status, p2.status]).toEqual([200, 200]);
    expect(p2.headers.get('idempotent-replayed')).toBe('true');
  });
});

describe('package templates and variants', () => {
  it('creates a package from a template and gives it a cheaper variant', async () => {
    const template = await organizer('POST', '/v1/package-templates', {
      body: {
        title: 'Festival Gold',
        tier: 'gold',
        price_cents: 500_000,
        currency: 'EUR',
        benefits: { booth: '3x3' },
      },
    });
    expect(template.status).toBe(201);
    const templateId = template.json.data.id as string;
    expect((await organizer('GET', `/v1/package-templates/${templateId}`)).json.data.title).toBe(
      'Festival Gold',
    );
    expect((await sponsor('GET', `/v1/package-templates/${templateId}`)).status).toBe(404);
    expect(
      (await organizer('GET', '/v1/package-templates')).json.data.map((t: { id: string }) => t.id),
    ).toContain(templateId);

    const pkg = await organizer('POST', '/v1/sponsorship-packages', {
      body: { event_id: eventId, template_id: templateId, inventory: 2, price_cents: 450_000 },
    });
    expect(pkg.status).toBe(201);
    expect(pkg.json.data).toMatchObject({
      template_id: templateId,
      title: 'Festival Gold',
      tier: 'gold',
      currency: 'EUR',
      price_cents: 450_000,
      benefits: { booth: '3x3' },
    });
    const packageId = pkg.json.data.id as string;

    const variant = await organizer('POST', `/v1/sponsorship-packages/${packageId}/variants`, {
      body: { title: 'Festival Silver', tier: 'silver', price_cents: 200_000 },
    });
    expect(variant.status).toBe(201);
    expect(variant.json.data).toMatchObject({ package_id: packageId, is_active: true });
    const variantId = variant.json.data.id as string;
    expect(
      (
        await sponsor('POST', `/v1/sponsorship-packages/${packageId}/variants`, {
          body: { title: 'x', tier: 'x', price_cents: 1 },
        })
      ).status,
    ).toBe(404);
    const updated = await organizer('PATCH', `/v1/package-variants/${variantId}`, {
      body: { is_active: false },
    });
    expect(updated.json.data.is_active).toBe(false);
    expect(
      (await sponsor('PATCH', `/v1/package-variants/${variantId}`, { body: { is_active: true } })).status,
    ).toBe(404);
    const list = await organizer('GET', `/v1/sponsorship-packages/${packageId}/variants`);
    expect(list.json.data).toEqual([expect.objectContaining({ id: variantId, is_active: false })]);
    expect((await organizer('DELETE', `/v1/package-variants/${variantId}`)).json.data).toEqual({
      id: variantId,
      deleted: true,
    });

    expect(
      (await organizer('PATCH', `/v1/package-templates/${templateId}`, { body: { price_cents: 1 } })).json
        .data.price_cents,
    ).toBe(1);
    expect((await organizer('DELETE', `/v1/package-templates/${templateId}`)).status).toBe(200);
    expect((await organizer('GET', `/v1/sponsorship-packages/${packageId}`)).json.data).toMatchObject({
      template_id: null,
      title: 'Festival Gold',
    });
    const missingTemplate = await organizer('POST', '/v1/sponsorship-packages', {
      body: { event_id: eventId, template_id: templateId, inventory: 1 },
    });
    expect(missingTemplate.status).toBe(404);
  });

  it('rejects an invalid template', async () => {
    const res = await organizer('POST', '/v1/package-templates', {
      body: { title: 'x', tier: 'x', price_cents: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain('/currency');
  });
});

describe('marketplace', () => {
  it('lists published public packages across organizers with card fields and filters', async () => {
    const other = await server.createOrg('Other Organizer');
    const otherApi = api(server, other);
    const otherEvent = await otherApi('POST', '/v1/events', {
      body: {
        title: 'Denver Tech Summit',
        starts_at: '2099-06-01T09:00:00Z',
        ends_at: '2099-06-02T18:00:00Z',
        city: 'Denver',
        category: 'Technology',
      },
    });
    const make = async (who: ReturnType<typeof api>, body: Record<string, unknown>, publish = true) => {
      const { json } = await who('POST', '/v1/sponsorship-packages', { body });
      if (publish) await who('POST', `/v1/sponsorship-packages/${json.data.id}:publish`);
      return json.data.id as string;
    };
    const summitPublic = await make(
      otherApi,
      packageBody({ event_id: otherEvent.json.data.id, title: 'Summit Keynote', price_cents: 900_000 }),
    );
    const summitPrivate = await make(
      otherApi,
      packageBody({ event_id: otherEvent.json.data.id, title: 'Summit Secret', visibility: 'private' }),
    );
    const summitUnlisted = await make(
      otherApi,
      packageBody({ event_id: otherEvent.json.data.id, title: 'Summit Hidden', visibility: 'unlisted' }),
    );
    const summitDraft = await make(
      otherApi,
      packageBody({ event_id: otherEvent.json.data.id, title: 'Summit Draft' }),
      false,
    );
    const festPublic = await make(organizer, packageBody({ title: 'Fest Main Stage', price_cents: 300_000 }));

    const all = await sponsor('GET', '/v1/marketplace/packages?limit=100');
    const ids = all.json.data.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining([summitPublic, festPublic]));
    for (const hidden of [summitPrivate, summitUnlisted, summitDraft]) expect(ids).not.toContain(hidden);
    const card = all.json.data.find((p: { id: string }) => p.id === summitPublic);
    expect(card).toMatchObject({
      event_title: 'Denver Tech Summit',
      event_city: 'Denver',
      event_category: 'Technology',
      sold: 0,
      inventory: 3,
      reach: 24_000,
      quality_score: expect.any(Number),
    });

    const search = async (query: string) =>
      (await sponsor('GET', `/v1/marketplace/packages?${query}`)).json.data.map((p: { id: string }) => p.id);
    expect(await search('q=keynot')).toEqual([summitPublic]);
    expect(await search('q=Denver%20Tech')).toEqual([summitPublic]);
    expect(await search('category=technology')).toEqual([summitPublic]);
    expect(await search('city=Austin&q=main%20stage')).toEqual([festPublic]);
    expect(await search('min_price_cents=500000')).toEqual([summitPublic]);
    expect(await search('from=2099-05-15T00:00:00Z&to=2099-07-01T00:00:00Z')).toEqual([summitPublic]);
    expect(await search('tier=platinum')).toEqual([]);

    const bad = await sponsor('GET', '/v1/marketplace/packages?min_price_cents=5&max_price_cents=1');
    expect(bad.status).toBe(400);
    expect((await api(server, undefined)('GET', '/v1/marketplace/packages')).status).toBe(401);
    // The other organizer's private package is its own business.
    expect((await sponsor('GET', `/v1/sponsorship-packages/${summitPrivate}`)).status).toBe(404);
    expect((await sponsor('GET', `/v1/sponsorship-packages/${summitUnlisted}`)).status).toBe(200);
  });
});
