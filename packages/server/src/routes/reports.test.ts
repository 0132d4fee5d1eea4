import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';
import { rollupAll } from '../domain/stats';

let server: TestServer;
let organizer: ReturnType<typeof api>;
let sponsor: ReturnType<typeof api>;
let fixture: { eventId: string; sponsorId: string; orderId: string; snapshotIds: string[] };

/**
 * A small fixed data set. Window 2025-01-01 … 2025-01-03 (to=2025-01-04 exclusive).
 * Impressions: 400 on the 1st, 600 on the 2nd, none on the 3rd; 9 outside the window.
 * Purchases attributed to the sponsor (utm `fizzy` on the sponsor, promo `FIZZ10` on the order):
 *   1st fizzy 2,500 · 2nd FIZZ10 4,000 · 3rd fizzy 1,500 → 3 conversions, 8,000 cents.
 * Not attributed: 2nd utm `other` 9,999; outside the window: 4th fizzy 7,777, Dec 31st fizzy 1,111.
 * Investment 50,000 cents → ROI 8,000 / 50,000 = 0.16; CPM 50,000 × 1,000 / 1,000 = 50,000 cents.
 * With utm_source=fizzy: 2 conversions, 4,000 cents, ROI 0.08.
 */
async function seed() {
  const event = await organizer('POST', '/v1/events', {
    body: {
      title: 'Winter Lights, "Downtown"',
      starts_at: '2025-01-01T18:00:00Z',
      ends_at: '2025-01-03T23:00:00Z',
    },
  });
  const eventId = event.json.data.id as string;
  const brand = await sponsor('POST', '/v1/sponsors', { body: { name: 'Fizzy Cola' } });
  const sponsorId = brand.json.data.id as string;

  const at = (day: string, i = 0) => `2025-01-${day}T${String(10 + (i % 10)).padStart(2, '0')}:00:00Z`;
  const impressions = (day: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({
      kind: 'impression',
      occurred_at: at(day, i),
      session_id: `${day}-${i}`,
    }));
  const records = [
    ...impressions('01', 400),
    ...impressions('02', 600),
    ...impressions('04', 5),
    { kind: 'impression', occurred_at: '2024-12-31T12:00:00Z' },
    { kind: 'impression', occurred_at: '2024-12-31T13:00:00Z' },
    { kind: 'impression', occurred_at: '2024-12-31T14:00:00Z' },
    { kind: 'impression', occurred_at: '2024-12-31T15:00:00Z' },
    { kind: 'ticket_open', occurred_at: at('01'), utm_source: 'fizzy' },
    { kind: 'ticket_purchase', occurred_at: at('01'), utm_source: 'fizzy', value_cents: 2500 },
    {
      kind: 'ticket_purchase',
      occurred_at: at('02'),
      utm_source: 'other',
      promo_code: 'FIZZ10',
      value_cents: 4000,
    },
    { kind: 'ticket_purchase', occurred_at: at('02'), utm_source: 'other', value_cents: 9999 },
    { kind: 'ticket_purchase', occurred_at: at('03'), utm_source: 'fizzy', value_cents: 1500 },
    { kind: 'ticket_purchase', occurred_at: at('04'), utm_source: 'fizzy', value_cents: 7777 },
    { kind: 'ticket_purchase', occurred_at: '2024-12-31T20:00:00Z', utm_source: 'fizzy', value_cents: 1111 },
  ];
  const ingested = await organizer('POST', `/v1/events/${eventId}/analytics:ingest`, {
    body: { batch_id: randomUUID(), records },
  });
  expect(ingested.status).toBe(201);

  const orderId = await server.db.system(async (tx) => {
    await tx.query(`update sponsors set attribution_utm_sources = '{fizzy}' where id = $1`, [sponsorId]);
    const pkg = await tx.query<{ id: string }>(
      `insert into sponsorship_packages (org_id, event_id, title, tier, price_cents, currency, inventory, is_active)
       values ($1, $2, 'Gold', 'gold', 50000, 'USD', 5, true) returning id`,
      [server.organizer.orgId, eventId],
    );
    const order = await tx.query<{ id: string }>(
      `insert into sponsorship_orders (event_id, package_id, sponsor_id, organizer_org_id, sponsor_org_id,
         amount_cents, currency, created_by_side, attribution_promo_codes)
       values ($1, $2, $3, $4, $5, 50000, 'USD', 'sponsor', '{FIZZ10}') returning id`,
      [eventId, pkg.rows[0]!.id, sponsorId, server.organizer.orgId, server.sponsor.orgId],
    );
    const id = order.rows[0]!.id;
    const deliverable = await tx.query<{ id: string }>(
      `insert into deliverables (organizer_org_id, sponsor_org_id, event_id, sponsor_id, order_id, package_id, type,
         due_at, status)
       values ($1, $2, $3, $4, $5, $6, 'logo_on_stage', '2025-01-02T00:00:00Z', 'approved') returning id`,
      [server.organizer.orgId, server.sponsor.orgId, eventId, sponsorId, id, pkg.rows[0]!.id],
    );
    await tx.query(
      `insert into deliverable_proofs (deliverable_id, organizer_org_id, sponsor_org_id, asset_url, metrics, side)
       values ($1, $2, $3, 'https://cdn.example.com/stage.jpg', '{"photos": 12}', 'organizer')`,
      [deliverable.rows[0]!.id, server.organizer.orgId, server.sponsor.orgId],
    );
    await tx.query(
      `insert into sponsorship_slas (organizer_org_id, sponsor_org_id, order_id, event_id, sponsor_id, package_id,
         metric, target, status, actual, due_at)
       values ($1, $2, $3, $4, $5, $6, 'impressions_total', 900, 'met', 1009, '2025-01-05T00:00:00Z')`,
      [server.organizer.orgId, server.sponsor.orgId, id, eventId, sponsorId, pkg.rows[0]!.id],
    );
    return id;
  });
  await rollupAll(server.db, { now: new Date('2025-01-03T23:00:00Z'), minSegment: 50 });
  const snapshotIds = await server.db.system(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      'select id from event_stat_snapshots where event_id = $1 order by metric_key',
      [eventId],
    );
    return rows.map((row) => row.id);
  });
  return { eventId, sponsorId, orderId, snapshotIds };
}

beforeAll(async () => {
  server = await startTestServer();
  organizer = api(server, server.organizer);
  sponsor = api(server, server.sponsor);
  fixture = await seed();
});
afterAll(() => server.close());

const roi = (query: string) =>
  `/v1/reports/roi?order_id=${fixture.orderId}&from=2025-01-01&to=2025-01-04${query}`;

describe('ROI report', () => {
  it('returns non-zero metrics for the window, as hand-computed, to both parties (guide §16)', async () => {
    for (const party of [organizer, sponsor]) {
      const res = await party('GET', roi(''));
      expect(res.status).toBe(200);
      expect(res.json.data).toMatchObject({
        order_id: fixture.orderId,
        event_id: fixture.eventId,
        sponsor_id: fixture.sponsorId,
        sponsor_name: 'Fizzy Cola',
        organizer_name: 'Organizer Co',
        currency: 'USD',
        period: { from: '2025-01-01', to: '2025-01-04' },
        attribution: {
          utm_sources: ['fizzy'],
          promo_codes: ['FIZZ10'],
          utm_source_filter: null,
          configured: true,
          note: null,
        },
        proof_metrics: { photos: 12 },
        investment_cents: 50_000,
        impressions: 1000,
        conversions: 3,
        conversion_value_cents: 8000,
        roi_multiplier: 0.16,
        cpm_cents: 50_000,
        daily: [
          { date: '2025-01-01', impressions: 400, conversions: 1, conversion_value_cents: 2500 },
          { date: '2025-01-02', impressions: 600, conversions: 1, conversion_value_cents: 4000 },
          { date: '2025-01-03', impressions: 0, conversions: 1, conversion_value_cents: 1500 },
        ],
        deliverables: [
          {
            type: 'logo_on_stage',
            status: 'approved',
            due_at: '2025-01-02T00:00:00.000Z',
            proven_metrics: { photos: 12 },
          },
        ],
        slas: [{ metric: 'impressions_total', target: 900, status: 'met', actual: 1009, snapshot_ids: [] }],
      });
      expect([...res.json.data.snapshot_ids].sort()).toEqual([...fixture.snapshotIds].sort());
      expect(res.json.data.snapshot_ids).toHaveLength(9);
    }
  });

  it('counts only purchases with the given utm_source when filtered', async () => {
    const res = await sponsor('GET', roi('&utm_source=fizzy'));
    expect(res.json.data).toMatchObject({
      conversions: 2,
      conversion_value_cents: 4000,
      roi_multiplier: 0.08,
      impressions: 1000,
      attribution: { utm_source_filter: 'fizzy' },
    });
  });

  it('answers CSV (RFC 4180) by format or Accept, with a summary block and the daily series', async () => {
    const byFormat = await sponsor('GET', roi('&format=csv'));
    const byAccept = await sponsor('GET', roi(''), { headers: { accept: 'text/csv' } });
    expect(byFormat.status).toBe(200);
    expect(byFormat.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(byAccept.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(byFormat.text).toContain('\r\n');
    const [summaryBlock, dailyBlock, deliverablesBlock, slaBlock] = byFormat.text.split('\r\n\r\n') as [
      string,
      string,
      string,
      string,
    ];
    const rows = parse<{ metric: string; value: string }>(summaryBlock, { columns: true });
    const summary = Object.fromEntries(rows.map((row) => [row.metric, row.value]));
    expect(summary).toMatchObject({
      event: 'Winter Lights, "Downtown"',
      investment_cents: '50000',
      impressions: '1000',
      conversions: '3',
      conversion_value_cents: '8000',
      roi_multiplier: '0.16',
      cpm_cents: '50000',
    });
    expect(parse(dailyBlock, { columns: true })).toEqual([
      { date: '2025-01-01', impressions: '400', conversions: '1', conversion_value_cents: '2500' },
      { date: '2025-01-02', impressions: '600', conversions: '1', conversion_value_cents: '4000' },
      { date: '2025-01-03', impressions: '0', conversions: '1', conversion_value_cents: '1500' },
    ]);
    expect(parse(deliverablesBlock, { columns: true })).toEqual([
      {
        id: expect.any(String),
        type: 'logo_on_stage',
        status: 'approved',
        due_at: '2025-01-02T00:00:00.000Z',
        metric: 'photos',
        value: '12',
      },
    ]);
    // SLAs made before terms existed have no terms to show.
    expect(parse(slaBlock, { columns: true })).toEqual([
      { sla_metric: 'impressions_total', target: '900', actual: '1009', status: 'met', terms: '' },
    ]);
    // The whole file parses as CSV too (records of differing lengths between the blocks).
    expect(parse(byFormat.text, { relax_column_count: true, skip_empty_lines: true }).length).toBe(
      rows.length + 1 + 4 + 2 + 2,
    );
    expect(summary).toMatchObject({
      organizer: 'Organizer Co',
      attribution_configured: 'true',
      proven_photos: '12',
    });
  });

  it.each([
    ['summary', ['metric', 'value']],
    ['daily', ['date', 'impressions', 'conversions', 'conversion_value_cents']],
    ['deliverables', ['id', 'type', 'status', 'due_at', 'metric', 'value']],
    ['slas', ['sla_metric', 'target', 'actual', 'status', 'terms']],
  ])('answers one table with section=%s', async (section, header) => {
    const res = await sponsor('GET', roi(`&format=csv&section=${section}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`-${section}.csv`);
    expect(res.text).not.toContain('\r\n\r\n');
    const records: string[][] = parse(res.text, {});
    expect(records[0]).toEqual(header);
    // Every record has the header's width: a spreadsheet opens it as one table.
    expect(records.every((record) => record.length === header.length)).toBe(true);
    expect((await sponsor('GET', roi(`&format=csv&section=chart`))).status).toBe(400);
  });

  it('writes money as integer cents in the CSV (the CPM rounded to a whole cent)', async () => {
    const res = await sponsor(
      'GET',
      `/v1/reports/roi?order_id=${fixture.orderId}&from=2025-01-02&to=2025-01-03&format=csv&section=summary`,
    );
    const summary = Object.fromEntries(
      parse<{ metric: string; value: string }>(res.text, { columns: true }).map((row) => [
        row.metric,
        row.value,
      ]),
    );
    // 50,000 × 1,000 / 600 impressions = 83,333.33… cents per thousand.
    expect(summary.cpm_cents).toBe('83333');
    for (const key of ['investment_cents', 'conversion_value_cents', 'cpm_cents'])
      expect(summary[key], key).toMatch(/^\d+$/);
  });

  it('answers a PDF whose text carries the figures and the deliverables', async () => {
    const response = await fetch(`${server.baseUrl}${roi('')}`, {
      headers: { authorization: `Bearer ${server.organizer.apiKey}`, accept: 'application/pdf' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const parser = new PDFParse({ data: bytes });
    const { text, total } = await parser.getText();
    await parser.destroy();
    expect(total).toBeLessThanOrEqual(2);
    for (const figure of [
      'Organizer Co × Fizzy Cola',
      'ROI report',
      'Period: Jan 1, 2025 – Jan 3, 2025 (3 days, UTC)',
      'a conversion is a ticket purchase with utm_source "fizzy" or promo code "FIZZ10"',
      '$500.00',
      '1,000',
      '$80.00',
      '0.16×',
      'Daily impressions and attributed conversions',
      'Measured and proven',
      'logo_on_stage',
      'photos: 12',
      'impressions_total',
      'Jan 1',
      'Jan 3',
    ]) {
      expect(text).toContain(figure);
    }
  });

  it('rejects bad windows and unknown formats, hides the order from others, and answers 401', async () => {
    const inverted = await sponsor(
      'GET',
      `/v1/reports/roi?order_id=${fixture.orderId}&from=2025-02-01&to=2025-01-01`,
    );
    expect(inverted.status).toBe(400);
    expect(inverted.json.errors[0].path).toBe('/query/from');
    expect((await sponsor('GET', `/v1/reports/roi?order_id=${fixture.orderId}&format=xls`)).status).toBe(400);
    expect((await sponsor('GET', '/v1/reports/roi')).status).toBe(400);
    expect(
      (await sponsor('GET', `/v1/reports/roi?order_id=${fixture.orderId}&from=2020-01-01&to=2025-01-01`))
        .status,
    ).toBe(400);
    const stranger = await server.createOrg('Stranger Ltd');
    expect((await api(server, stranger)('GET', roi(''))).status).toBe(404);
    expect((await sponsor('GET', `/v1/reports/roi?order_id=${randomUUID()}`)).status).toBe(404);
    expect((await api(server, undefined)('GET', roi(''))).status).toBe(401);
  });

  it('opens the analytics to parties of the order only, and closes the system wall again', async () => {
    const stranger = await server.createOrg('Prying Ltd');
    const call = (orgId: string) =>
      server.db.tenant(orgId, async (tx) => {
        const { rows } = await tx.query<{ analytics: { days: unknown[] } | null; system: boolean }>(
          `select yardpass_roi_analytics($1, '2025-01-01', '2025-01-04', null) as analytics,
                  yardpass_is_system() as system`,
          [fixture.orderId],
        );
        const after = await tx.query<{ n: number }>('select count(*)::int as n from analytics_daily');
        return { ...rows[0]!, visibleDaily: after.rows[0]!.n };
      });
    expect(await call(stranger.orgId)).toEqual({ analytics: null, system: false, visibleDaily: 0 });
    const party = await call(server.sponsor.orgId);
    expect(party.analytics?.days).toHaveLength(3);
    expect(party).toMatchObject({ system: false, visibleDaily: 0 });
  });

  it('answers an honest zero report for a window without activity', async () => {
    const res = await organizer(
      'GET',
      `/v1/reports/roi?order_id=${fixture.orderId}&from=2024-06-01&to=2024-06-03`,
    );
    expect(res.json.data).toMatchObject({
      impressions: 0,
      conversions: 0,
      roi_multiplier: 0,
      cpm_cents: null,
    });
    expect(res.json.data.daily).toHaveLength(2);
  });

  it('says that attribution is missing, and how to set it, instead of a bare 0x', async () => {
    const setAttribution = (utm: string[], promo: string[]) =>
      server.db.system(async (tx) => {
        await tx.query('update sponsors set attribution_utm_sources = $2 where id = $1', [
          fixture.sponsorId,
          utm,
        ]);
        await tx.query('update sponsorship_orders set attribution_promo_codes = $2 where id = $1', [
          fixture.orderId,
          promo,
        ]);
      });
    await setAttribution([], []);
    try {
      const json = await sponsor('GET', roi(''));
      expect(json.json.data).toMatchObject({
        conversions: 0,
        attribution: { configured: false, utm_sources: [], promo_codes: [] },
      });
      const note = json.json.data.attribution.note as string;
      expect(note).toContain(`PATCH /v1/sponsors/${fixture.sponsorId}`);
      expect(note).toContain('--attribution-utm-sources');
      const csv = await sponsor('GET', roi('&format=csv&section=summary'));
      expect(csv.text).toContain('attribution_configured,false');
      expect(csv.text).toContain('No attribution is set');
      const response = await fetch(`${server.baseUrl}${roi('&format=pdf')}`, {
        headers: { authorization: `Bearer ${server.sponsor.apiKey}` },
      });
      const parser = new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) });
      const { text } = await parser.getText();
      await parser.destroy();
      expect(text).toContain('No attribution is set');
      expect(text).toContain('— (no attribution)');
      expect(text).not.toContain('0×');
      // A utm_source filter is an attribution rule of its own.
      const filtered = await sponsor('GET', roi('&utm_source=fizzy'));
      expect(filtered.json.data.attribution).toMatchObject({ configured: true, note: null });
    } finally {
      await setAttribution(['fizzy'], ['FIZZ10']);
    }
  });
});
