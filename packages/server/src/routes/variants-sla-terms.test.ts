import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';
import { seedCommerce } from '../../test/commerce-fixtures';
import { refundIssuer } from '../domain/orders';
import { evaluateDueSlas } from '../domain/slas';
import { createSandboxProvider } from '../payments/sandbox';

let server: TestServer;
let organizer: ReturnType<typeof api>;
let sponsor: ReturnType<typeof api>;

beforeAll(async () => {
  server = await startTestServer();
  organizer = api(server, server.organizer);
  sponsor = api(server, server.sponsor);
});
afterAll(() => server.close());

const query = async (sql: string, params: unknown[]) =>
  (await server.db.system((tx) => tx.query(sql, params))).rows;

const DAY = 86_400_000;

/** The problem's code: the last segment of its `type` URL. */
const problemCode = (res: { json: { type: string } }) => res.json.type.split('/').pop();

/** An event 60 days ahead with a brand of the sponsor, and a draft package of the organizer made through the API. */
async function draftPackage(body: Record<string, unknown> = {}) {
  const startsAt = new Date(Date.now() + 60 * DAY).toISOString();
  const endsAt = new Date(Date.parse(startsAt) + DAY).toISOString();
  const event = await organizer('POST', '/v1/events', {
    body: { title: 'Harbor Lights Festival', starts_at: startsAt, ends_at: endsAt },
  });
  const brand = await sponsor('POST', '/v1/sponsors', {
    body: { name: 'Fizzy Cola', industry: 'Beverage', visibility: 'public' },
  });
  const pkg = await organizer('POST', '/v1/sponsorship-packages', {
    body: {
      event_id: event.json.data.id,
      title: 'Main stage',
      tier: 'gold',
      price_cents: 100_000,
      currency: 'USD',
      inventory: 5,
      benefits: { logo_stage: true },
      ...body,
    },
  });
  expect(pkg.status, JSON.stringify(pkg.json)).toBe(201);
  return {
    eventId: event.json.data.id as string,
    endsAt,
    sponsorId: brand.json.data.id as string,
    packageId: pkg.json.data.id as string,
  };
}

async function fund(orderId: string) {
  const funded = await sponsor('POST', `/v1/sponsorship-orders/${orderId}:fund`, {
    body: { payment_method_id: 'pm_card_visa' },
  });
  expect(funded.status, JSON.stringify(funded.json)).toBe(200);
}

const issueRefund = refundIssuer({
  payments: createSandboxProvider(),
  config: { YARDPASS_PLATFORM_FEE_BPS: 1000 },
});

// Parallel requests and whole sales per test: a loaded machine needs more than the default 5 s.
describe('package variants on sale', { timeout: 30_000 }, () => {
  it('sells exactly 2 and 3 units of two variants to 30 parallel orders, and the package total holds', async () => {
    const { packageId, sponsorId } = await seedCommerce(server, { inventory: 5 });
    const variant = async (title: string, inventory: number) =>
      (
        await organizer('POST', `/v1/sponsorship-packages/${packageId}/variants`, {
          body: { title, tier: title.toLowerCase(), price_cents: 80_000, inventory },
        })
      ).json.data.id as string;
    const silver = await variant('Silver', 2);
    const bronze = await variant('Bronze', 3);

    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        sponsor('POST', '/v1/sponsorship-orders', {
          body: { package_id: packageId, sponsor_id: sponsorId, variant_id: i % 2 === 0 ? silver : bronze },
        }),
      ),
    );
    const created = results.filter((res) => res.status === 201);
    expect(results.filter((res) => res.status !== 201).every((res) => res.status === 409)).toBe(true);
    const byVariant = (id: string) => created.filter((res) => res.json.data.variant_id === id).length;
    expect([byVariant(silver), byVariant(bronze)]).toEqual([2, 3]);
    expect(created.every((res) => res.json.data.amount_cents === 80_000)).toBe(true);

    const counts = await query(
      `select (select sold from sponsorship_packages where id = $1) as package_sold,
              (select array_agg(sold order by title desc) from package_variants where package_id = $1) as variant_sold`,
      [packageId],
    );
    expect(counts).toEqual([{ package_sold: 5, variant_sold: [2, 3] }]);
    // The package's total is the outer bound: with the variants' units gone it is sold out too.
    const more = await sponsor('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId },
    });
    expect(more.status).toBe(409);

    // A cancelled order gives its unit back to its variant and to the package.
    const silverOrder = created.find((res) => res.json.data.variant_id === silver)!.json.data.id as string;
    expect((await sponsor('POST', `/v1/sponsorship-orders/${silverOrder}:cancel`)).status).toBe(200);
    const after = await query(
      `select (select sold from sponsorship_packages where id = $1) as package_sold,
              (select sold from package_variants where id = $2) as silver_sold`,
      [packageId, silver],
    );
    expect(after).toEqual([{ package_sold: 4, silver_sold: 1 }]);
  });

  it("keeps the package's total when the variants together offer more units than the package has", async () => {
    const { packageId, sponsorId } = await seedCommerce(server, { inventory: 3 });
    const ids = await Promise.all(
      ['A', 'B'].map(
        async (title) =>
          (
            await organizer('POST', `/v1/sponsorship-packages/${packageId}/variants`, {
              body: { title, tier: title, price_cents: 50_000, inventory: 3 },
            })
          ).json.data.id as string,
      ),
    );
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        sponsor('POST', '/v1/sponsorship-orders', {
          body: { package_id: packageId, sponsor_id: sponsorId, variant_id: ids[i % 2] },
        }),
      ),
    );
    expect(results.filter((res) => res.status === 201)).toHaveLength(3);
    const [row] = await query(
      `select p.sold as package_sold, (select sum(sold)::int from package_variants where package_id = p.id) as variant_sold
         from sponsorship_packages p where p.id = $1`,
      [packageId],
    );
    expect(row).toEqual({ package_sold: 3, variant_sold: 3 });
  });

  it('takes price, currency and benefits from the variant; the order, deliverables, report and marketplace name it', async () => {
    const { packageId, sponsorId, eventId } = await seedCommerce(server, { inventory: 4 });
    const created = await organizer('POST', `/v1/sponsorship-packages/${packageId}/variants`, {
      body: {
        title: 'Euro Silver',
        tier: 'silver',
        price_cents: 70_000,
        currency: 'EUR',
        inventory: 1,
        benefits: { banner: true, social_posts: 2 },
      },
    });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({ currency: 'EUR', inventory: 1, sold: 0, sla_terms: null });
    const variantId = created.json.data.id as string;

    const cards = await sponsor('GET', '/v1/marketplace/packages?limit=100');
    const card = cards.json.data.find((c: { id: string }) => c.id === packageId);
    expect(card.variants).toEqual([
      expect.objectContaining({
        id: variantId,
        price_cents: 70_000,
        currency: 'EUR',
        available: 1,
        sla_terms: [],
      }),
    ]);

    const wrongCurrency = await sponsor('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId, variant_id: variantId, currency: 'USD' },
    });
    expect(wrongCurrency.status).toBe(422);
    expect(problemCode(wrongCurrency)).toBe('currency-mismatch');
    const below = await sponsor('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId, variant_id: variantId, amount_cents: 60_000 },
    });
    expect(problemCode(below)).toBe('below-price');

    const order = await sponsor('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId, variant_id: variantId },
    });
    expect(order.status).toBe(201);
    expect(order.json.data).toMatchObject({
      variant_id: variantId,
      amount_cents: 70_000,
      currency: 'EUR',
      sla_terms: null,
    });
    const orderId = order.json.data.id as string;
    const soldOut = await sponsor('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId, variant_id: variantId },
    });
    expect(soldOut.status).toBe(409);
    expect(soldOut.json.rule).toBe('variant_inventory');
    const after = (await sponsor('GET', '/v1/marketplace/packages?limit=100')).json.data.find(
      (c: { id: string }) => c.id === packageId,
    );
    expect(after.variants[0]).toMatchObject({ sold: 1, available: 0 });

    await fund(orderId);
    const deliverables = await sponsor('GET', `/v1/deliverables?order_id=${orderId}`);
    expect(deliverables.json.data.map((d: { type: string }) => d.type).sort()).toEqual([
      'banner',
      'social_posts',
    ]);
    expect(deliverables.json.data.every((d: { variant_id: string }) => d.variant_id === variantId)).toBe(
      true,
    );

    const report = await sponsor('GET', `/v1/reports/roi?order_id=${orderId}`);
    expect(report.status).toBe(200);
    expect(report.json.data.variant).toEqual({ id: variantId, title: 'Euro Silver', tier: 'silver' });
    expect(report.json.data.event_id).toBe(eventId);

    // A sold variant stays (its orders name it): it can be switched off, not deleted.
    const deleted = await organizer('DELETE', `/v1/package-variants/${variantId}`);
    expect(deleted.status).toBe(409);
    expect(problemCode(deleted)).toBe('variant-sold');
  });

  it('answers 404 for a variant of another package or of nobody, and 422 for inventory below sold', async () => {
    const first = await seedCommerce(server);
    const second = await seedCommerce(server);
    const other = await organizer('POST', `/v1/sponsorship-packages/${second.packageId}/variants`, {
      body: { title: 'Other', tier: 'other', price_cents: 1_000, inventory: 2 },
    });
    const otherId = other.json.data.id as string;
    for (const variantId of [otherId, '00000000-0000-4000-8000-000000000000']) {
      const res = await sponsor('POST', '/v1/sponsorship-orders', {
        body: { package_id: first.packageId, sponsor_id: first.sponsorId, variant_id: variantId },
      });
      expect(res.status).toBe(404);
    }
    expect(
      (
        await sponsor('POST', '/v1/sponsorship-orders', {
          body: { package_id: first.packageId, sponsor_id: first.sponsorId, variant_id: 'nope' },
        })
      ).status,
    ).toBe(400);
    await sponsor('POST', '/v1/sponsorship-orders', {
      body: { package_id: second.packageId, sponsor_id: second.sponsorId, variant_id: otherId },
    });
    // Buyers list the variants on sale; the organizer lists all of them.
    const hidden = await organizer('POST', `/v1/sponsorship-packages/${second.packageId}/variants`, {
      body: { title: 'Hidden', tier: 'hidden', price_cents: 500, is_active: false },
    });
    const listed = async (party: typeof sponsor) =>
      (await party('GET', `/v1/sponsorship-packages/${second.packageId}/variants`)).json.data.map(
        (v: { id: string }) => v.id,
      );
    expect(await listed(sponsor)).toEqual([otherId]);
    expect(await listed(organizer)).toEqual([otherId, hidden.json.data.id]);
    const outsider = api(server, await server.createOrg('Private Eye'));
    const privatePackage = await seedCommerce(server, { visibility: 'private' });
    expect(
      (await outsider('GET', `/v1/sponsorship-packages/${privatePackage.packageId}/variants`)).status,
    ).toBe(404);
    const below = await organizer('PATCH', `/v1/package-variants/${otherId}`, { body: { inventory: 0 } });
    expect(below.status).toBe(422);
    expect(problemCode(below)).toBe('inventory-below-sold');
  });
});

describe('SLA terms', { timeout: 30_000 }, () => {
  const terms = [
    {
      metric: 'impressions',
      target: 10_000,
      grace_days: 2,
      breach_policy: { action: 'penalty_pct', penalty_pct: 0.2, make_good: false },
    },
    {
      metric: 'proof:story_views',
      target: 500,
      window_days: 7,
      breach_policy: { action: 'notify', make_good: false },
    },
  ];

  it('edits terms on a draft, publishes, sells; the sold order keeps its terms after a new version, and its evaluation and breach use them', async () => {
    const { packageId, sponsorId, eventId, endsAt } = await draftPackage();
    const edited = await organizer('PATCH', `/v1/sponsorship-packages/${packageId}`, {
      body: { sla_terms: terms },
    });
    expect(edited.status).toBe(200);
    expect(edited.json.data.sla_terms).toEqual([
      {
        ...terms[0],
        window_days: 0,
        source: 'event_stats',
        summary:
          'At least 10000 impressions from event stats by the end of the event (2 days of grace); if missed, 20% of the order is refunded.',
      },
      {
        ...terms[1],
        source: 'proof_metrics',
        grace_days: 0,
        summary:
          'At least 500 "story_views" from approved proofs by 7 days after the event ends; if missed, both parties are notified.',
      },
    ]);
    const published = await organizer('POST', `/v1/sponsorship-packages/${packageId}:publish`);
    // Written terms are kept at publish: the defaults are only for packages without any.
    expect(published.json.data.sla_terms).toEqual(edited.json.data.sla_terms);
    const frozen = await organizer('PATCH', `/v1/sponsorship-packages/${packageId}`, {
      body: { sla_terms: [] },
    });
    expect(frozen.status).toBe(409);
    expect(problemCode(frozen)).toBe('sla-terms-frozen');
    // The guarantees are on show to buyers.
    expect((await sponsor('GET', `/v1/sponsorship-packages/${packageId}`)).json.data.sla_terms).toHaveLength(
      2,
    );
    const card = (await sponsor('GET', '/v1/marketplace/packages?limit=100')).json.data.find(
      (c: { id: string }) => c.id === packageId,
    );
    expect(card.sla_terms.map((t: { metric: string }) => t.metric)).toEqual([
      'impressions',
      'proof:story_views',
    ]);

    const order = await sponsor('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId },
    });
    const orderId = order.json.data.id as string;
    await fund(orderId);

    // A new version: unpublished, given laxer terms, published again.
    await organizer('POST', `/v1/sponsorship-packages/${packageId}:unpublish`);
    const laxer = await organizer('PATCH', `/v1/sponsorship-packages/${packageId}`, {
      body: { sla_terms: [{ metric: 'impressions', target: 100, breach_policy: { action: 'notify' } }] },
    });
    expect(laxer.json.data.sla_terms[0].target).toBe(100);
    await organizer('POST', `/v1/sponsorship-packages/${packageId}:publish`);

    const sold = await sponsor('GET', `/v1/sponsorship-orders/${orderId}`);
    expect(sold.json.data.sla_terms).toEqual(edited.json.data.sla_terms);
    const slas = (await sponsor('GET', `/v1/slas?order_id=${orderId}`)).json.data as {
      id: string;
      metric: string;
      target: number;
      due_at: string;
      evaluate_after: string;
      terms: { summary: string };
    }[];
    expect(slas.map((s) => [s.metric, s.target])).toEqual([
      ['impressions', 10_000],
      ['proof:story_views', 500],
    ]);
    const impressions = slas.find((s) => s.metric === 'impressions')!;
    expect(impressions.due_at).toBe(endsAt);
    expect(impressions.evaluate_after).toBe(new Date(Date.parse(endsAt) + 2 * DAY).toISOString());
    expect(slas.find((s) => s.metric === 'proof:story_views')!.due_at).toBe(
      new Date(Date.parse(endsAt) + 7 * DAY).toISOString(),
    );

    // 5,000 impressions: under the order's 10,000 (the new version's 100 would be met); 20 % is refunded.
    await query(
      `insert into event_stat_snapshots (org_id, event_id, metric_key, metric_value, captured_at)
       values ($1, $2, 'impressions_total', 5000, $3)`,
      [server.organizer.orgId, eventId, endsAt],
    );
    const outcome = await evaluateDueSlas(server.db, {
      now: new Date(Date.parse(endsAt) + 30 * DAY),
      issueRefund,
    });
    expect(outcome.failures).toEqual([]);
    const after = (await sponsor('GET', `/v1/slas?order_id=${orderId}`)).json.data as {
      metric: string;
      status: string;
      actual: number;
      penalty_cents: number | null;
    }[];
    expect(after.map((s) => [s.metric, s.status, s.actual, s.penalty_cents])).toEqual([
      ['impressions', 'breached', 5_000, 20_000],
      ['proof:story_views', 'breached', 0, 0],
    ]);
    const refunds = await query('select amount_cents, status from order_refunds where order_id = $1', [
      orderId,
    ]);
    expect(refunds).toEqual([{ amount_cents: 20_000, status: 'succeeded' }]);

    // The ROI report puts each SLA's terms next to its outcome.
    const report = await organizer('GET', `/v1/reports/roi?order_id=${orderId}`);
    expect(report.json.data.slas).toEqual([
      expect.objectContaining({
        metric: 'impressions',
        status: 'breached',
        terms: edited.json.data.sla_terms[0],
      }),
      expect.objectContaining({ metric: 'proof:story_views', terms: edited.json.data.sla_terms[1] }),
    ]);
    const csv = await organizer('GET', `/v1/reports/roi?order_id=${orderId}&format=csv`);
    expect(csv.text).toContain(`impressions,10000,5000,breached,"${edited.json.data.sla_terms[0].summary}"`);
    const pdf = await fetch(`${server.baseUrl}/v1/reports/roi?order_id=${orderId}&format=pdf`, {
      headers: { authorization: `Bearer ${server.organizer.apiKey}` },
    });
    const parser = new PDFParse({ data: new Uint8Array(await pdf.arrayBuffer()) });
    const { text } = await parser.getText();
    await parser.destroy();
    // The PDF wraps lines where it likes: compare the words.
    const words = (value: string) => value.replace(/\s+/g, ' ');
    expect(words(text)).toContain(words(edited.json.data.sla_terms[0].summary as string));
  });

  it('carries the SLA term countered in a negotiation and accepted into the order', async () => {
    const { packageId, sponsorId, eventId } = await draftPackage({ expected_reach: 20_000 });
    const variant = await organizer('POST', `/v1/sponsorship-packages/${packageId}/variants`, {
      body: {
        title: 'Silver',
        tier: 'silver',
        price_cents: 60_000,
        inventory: 2,
        sla_terms: [{ metric: 'impressions', target: 8_000, breach_policy: { action: 'make_good' } }],
      },
    });
    expect(variant.status).toBe(201);
    const variantId = variant.json.data.id as string;
    await organizer('POST', `/v1/sponsorship-packages/${packageId}:publish`);

    const started = await sponsor('POST', '/v1/proposals', {
      body: {
        event_id: eventId,
        sponsor_id: sponsorId,
        package_id: packageId,
        initial_message: { body: 'Silver, please', offer: { price_cents: 55_000, variant_id: variantId } },
      },
    });
    expect(started.status, JSON.stringify(started.json)).toBe(201);
    const id = started.json.data.id as string;
    await sponsor('POST', `/v1/proposals/${id}:send`);
    const counteredTerm = {
      metric: 'impressions',
      target: 6_000,
      grace_days: 3,
      breach_policy: { action: 'penalty_fixed', penalty_cents: 5_000, make_good: false },
    };
    const counter = await organizer('POST', `/v1/proposals/${id}/messages`, {
      body: {
        body: 'Only 6,000 impressions guaranteed, with 50 back if missed',
        offer: { price_cents: 58_000, variant_id: variantId, sla_terms_delta: [counteredTerm] },
      },
    });
    expect(counter.status, JSON.stringify(counter.json)).toBe(201);
    expect(counter.json.data.offer).toMatchObject({ currency: 'USD', sla_terms_delta: [counteredTerm] });
    const accepted = await sponsor('POST', `/v1/proposals/${id}:accept`);
    expect(accepted.status, JSON.stringify(accepted.json)).toBe(200);
    const orderId = accepted.json.data.order_id as string;

    const order = await sponsor('GET', `/v1/sponsorship-orders/${orderId}`);
    expect(order.json.data).toMatchObject({ variant_id: variantId, amount_cents: 58_000 });
    expect(order.json.data.sla_terms).toEqual([
      {
        ...counteredTerm,
        window_days: 0,
        source: 'event_stats',
        summary:
          'At least 6000 impressions from event stats by the end of the event (3 days of grace); if missed, 50.00 USD is refunded.',
      },
    ]);
    await fund(orderId);
    const [sla] = (await sponsor('GET', `/v1/slas?order_id=${orderId}`)).json.data;
    expect(sla).toMatchObject({ metric: 'impressions', target: 6_000, terms: order.json.data.sla_terms[0] });
  });

  it('rejects terms that contradict themselves, and a variant offer on a proposal without a package', async () => {
    const { packageId } = await draftPackage();
    const cases: [unknown, string][] = [
      [[{ metric: 'clicks', target: 10, source: 'event_stats' }], '/sla_terms/0/source'],
      [
        [{ metric: 'leads', target: 1, breach_policy: { action: 'penalty_pct' } }],
        '/sla_terms/0/breach_policy/penalty_pct',
      ],
      [
        [
          { metric: 'leads', target: 1 },
          { metric: 'leads', target: 2 },
        ],
        '/sla_terms/1/metric',
      ],
    ];
    for (const [sla_terms, path] of cases) {
      const res = await organizer('PATCH', `/v1/sponsorship-packages/${packageId}`, { body: { sla_terms } });
      expect(res.status).toBe(400);
      expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    for (const sla_terms of [[{ metric: 'sales', target: 1 }], [{ metric: 'leads', target: -1 }]]) {
      expect(
        (await organizer('PATCH', `/v1/sponsorship-packages/${packageId}`, { body: { sla_terms } })).status,
      ).toBe(400);
    }
    expect((await organizer('GET', `/v1/sponsorship-packages/${packageId}`)).json.data.sla_terms).toBeNull();

    // Offers: a variant or countered terms need the proposal's package; a variant must be one of it.
    const listed = await seedCommerce(server);
    const other = await seedCommerce(server);
    const foreign = await organizer('POST', `/v1/sponsorship-packages/${other.packageId}/variants`, {
      body: { title: 'Other', tier: 'other', price_cents: 1_000 },
    });
    const propose = (body: Record<string, unknown>, offer: Record<string, unknown>) =>
      sponsor('POST', '/v1/proposals', {
        body: { event_id: listed.eventId, sponsor_id: listed.sponsorId, ...body, initial_message: { offer } },
      });
    const noPackage = await propose({}, { price_cents: 1_000, variant_id: foreign.json.data.id });
    expect(noPackage.status).toBe(422);
    expect(problemCode(noPackage)).toBe('no-package');
    const wrongVariant = await propose(
      { package_id: listed.packageId },
      { price_cents: 1_000, variant_id: foreign.json.data.id },
    );
    expect(wrongVariant.status).toBe(404);
    const badDelta = await propose(
      { package_id: listed.packageId },
      { price_cents: 1_000, sla_terms_delta: [{ metric: 'clicks', target: 1, source: 'event_stats' }] },
    );
    expect(badDelta.status).toBe(400);
    expect(badDelta.json.errors[0].path).toBe('/initial_message/offer/sla_terms_delta/0/source');
  });

  it('rewrites the summaries, not the terms, when the currency of the package changes', async () => {
    const { packageId } = await draftPackage();
    const fixed = {
      metric: 'leads',
      target: 5,
      breach_policy: { action: 'penalty_fixed', penalty_cents: 2_500 },
    };
    await organizer('PATCH', `/v1/sponsorship-packages/${packageId}`, { body: { sla_terms: [fixed] } });
    const euro = await organizer('PATCH', `/v1/sponsorship-packages/${packageId}`, {
      body: { currency: 'EUR' },
    });
    expect(euro.json.data.sla_terms).toEqual([
      expect.objectContaining({
        ...fixed,
        breach_policy: { ...fixed.breach_policy, make_good: false },
        summary:
          'At least 5 leads from approved proofs by the end of the event; if missed, 25.00 EUR is refunded.',
      }),
    ]);
  });

  it('answers 401 without credentials, 404 to another organization, and replays a change of terms', async () => {
    const { packageId } = await draftPackage();
    const body = { sla_terms: [{ metric: 'leads', target: 40 }] };
    expect(
      (await api(server, undefined)('PATCH', `/v1/sponsorship-packages/${packageId}`, { body })).status,
    ).toBe(401);
    expect((await sponsor('PATCH', `/v1/sponsorship-packages/${packageId}`, { body })).status).toBe(404);
    const outsider = api(server, await server.createOrg('Nosy Org'));
    expect((await outsider('GET', `/v1/sponsorship-packages/${packageId}`)).status).toBe(404);

    const headers = { 'idempotency-key': `terms-${packageId}` };
    const first = await organizer('PATCH', `/v1/sponsorship-packages/${packageId}`, { body, headers });
    const again = await organizer('PATCH', `/v1/sponsorship-packages/${packageId}`, { body, headers });
    expect(first.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
    expect(first.json.data.sla_terms[0]).toMatchObject({
      source: 'proof_metrics',
      breach_policy: { action: 'notify', make_good: false },
    });
  });
});
