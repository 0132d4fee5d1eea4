import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';
import { ensureAnalyticsPartitions } from '../domain/analytics';
import { rollupAll } from '../domain/stats';

let server: TestServer;
let organizer: ReturnType<typeof api>;

beforeAll(async () => {
  server = await startTestServer({ YARDPASS_AUDIENCE_MIN_SEGMENT: '3' });
  organizer = api(server, server.organizer);
});
afterAll(() => server.close());

async function createEvent(title = 'Analytics Fest'): Promise<string> {
  const { json } = await organizer('POST', '/v1/events', {
    body: { title, starts_at: '2026-06-01T18:00:00Z', ends_at: '2026-06-01T23:00:00Z' },
  });
  return json.data.id as string;
}

async function count(sql: string, params: unknown[]): Promise<number> {
  return server.db.system(async (tx) => {
    const { rows } = await tx.query<{ n: number }>(sql, params);
    return rows[0]!.n;
  });
}

const rawRows = (eventId: string) =>
  count(
    `select ((select count(*) from event_impressions_p where event_id = $1) +
             (select count(*) from post_views_p where event_id = $1) +
             (select count(*) from ticket_analytics_p where event_id = $1))::int as n`,
    [eventId],
  );

const ingest = (eventId: string, records: unknown[], batchId: string = randomUUID()) =>
  organizer('POST', `/v1/events/${eventId}/analytics:ingest`, { body: { batch_id: batchId, records } });

describe('analytics ingestion', () => {
  it('stores a mixed batch in the partitioned tables and the daily aggregate', async () => {
    const eventId = await createEvent();
    const now = new Date().toISOString();
    const res = await ingest(eventId, [
      {
        kind: 'impression',
        occurred_at: now,
        session_id: 's1',
        source: 'feed',
        utm_source: 'ig',
        placement: 'top',
      },
      { kind: 'post_view', occurred_at: now, post_id: 'p1', dwell_ms: 1200 },
      { kind: 'ticket_open', occurred_at: now, utm_source: 'ig' },
      { kind: 'ticket_purchase', occurred_at: now, value_cents: 2500, promo_code: 'FIZZ' },
    ]);
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({
      event_id: eventId,
      records: 4,
      impressions: 1,
      post_views: 1,
      ticket_events: 2,
      replayed: false,
    });
    expect(await rawRows(eventId)).toBe(4);
    expect(
      await count(
        `select sum(impressions + post_views + ticket_opens + ticket_purchases)::int as n from analytics_daily
          where event_id = $1`,
        [eventId],
      ),
    ).toBe(4);
  });

  it('stores a month that has no partition yet in the default partition, and the job moves it later', async () => {
    const eventId = await createEvent();
    const records = [
      { kind: 'impression', occurred_at: '2019-03-10T12:00:00Z', session_id: 'old' },
      { kind: 'ticket_purchase', occurred_at: '2019-03-11T12:00:00Z', value_cents: 100 },
    ];
    expect(
      await count(
        `select count(*)::int as n from pg_class where relname = 'event_impressions_p_2019_03'`,
        [],
      ),
    ).toBe(0);
    expect((await ingest(eventId, records)).status).toBe(201);
    expect(
      await count('select count(*)::int as n from event_impressions_p_default where event_id = $1', [
        eventId,
      ]),
    ).toBe(1);

    const created = await ensureAnalyticsPartitions(server.db, {
      now: new Date(),
      firstMonth: new Date('2019-03-05'),
      months: 1,
    });
    expect(created).toBe(3);
    expect(
      await count('select count(*)::int as n from event_impressions_p_default where event_id = $1', [
        eventId,
      ]),
    ).toBe(0);
    expect(
      await count('select count(*)::int as n from event_impressions_p_2019_03 where event_id = $1', [
        eventId,
      ]),
    ).toBe(1);
    expect(
      await count('select count(*)::int as n from ticket_analytics_p_2019_03 where event_id = $1', [eventId]),
    ).toBe(1);
    expect((await ingest(eventId, records)).status).toBe(201);
    expect(
      await count('select count(*)::int as n from event_impressions_p where event_id = $1', [eventId]),
    ).toBe(2);
  });

  it('keeps the next three months of partitions created', async () => {
    const now = new Date();
    await ensureAnalyticsPartitions(server.db, { now });
    for (let offset = 0; offset < 4; offset++) {
      const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
      const name = `ticket_analytics_p_${month.toISOString().slice(0, 7).replace('-', '_')}`;
      expect(await count('select count(*)::int as n from pg_class where relname = $1', [name])).toBe(1);
    }
    expect(await ensureAnalyticsPartitions(server.db, { now })).toBe(0);
  });

  it('stores a replayed batch once, also when the copies arrive at the same time', async () => {
    const eventId = await createEvent();
    const batchId = randomUUID();
    const records = Array.from({ length: 50 }, (_, i) => ({
      kind: 'impression',
      occurred_at: new Date().toISOString(),
      session_id: `s${i}`,
    }));
    const answers = await Promise.all([1, 2, 3].map(() => ingest(eventId, records, batchId)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(answers.filter((a) => a.json.data.replayed).length).toBe(2);
    const again = await ingest(eventId, records, batchId);
    expect(again.status).toBe(200);
    expect(again.json.data).toMatchObject({ batch_id: batchId, records: 50, replayed: true });
    expect(await rawRows(eventId)).toBe(50);
    expect(
      await count('select sum(impressions)::int as n from analytics_daily where event_id = $1', [eventId]),
    ).toBe(50);
  });

  it.each([
    [{ kind: 'post_view', occurred_at: '2026-01-01T00:00:00Z', post_id: 'p' }, '/records/2/dwell_ms'],
    [{ kind: 'teleport', occurred_at: '2026-01-01T00:00:00Z' }, '/records/2/kind'],
    [{ kind: 'impression', occurred_at: 'yesterday' }, '/records/2/occurred_at'],
    [{ kind: 'impression', occurred_at: '2026-01-01T00:00:00Z', dwell_ms: 5 }, '/records/2/dwell_ms'],
    [
      { kind: 'ticket_purchase', occurred_at: '2026-01-01T00:00:00Z', value_cents: -1 },
      '/records/2/value_cents',
    ],
    [{ kind: 'impression', occurred_at: '2999-01-01T00:00:00Z' }, '/records/2/occurred_at'],
  ])('stores nothing of a batch with one invalid record (%o) and names it', async (bad, path) => {
    const eventId = await createEvent();
    const good = { kind: 'impression', occurred_at: '2026-01-01T00:00:00Z' };
    const res = await ingest(eventId, [good, good, bad, good]);
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await rawRows(eventId)).toBe(0);
    expect(
      await count('select count(*)::int as n from analytics_batches where event_id = $1', [eventId]),
    ).toBe(0);
  });

  it('rejects an empty batch and more than 10,000 records', async () => {
    const eventId = await createEvent();
    expect((await ingest(eventId, [])).status).toBe(400);
    const many = Array.from({ length: 10_001 }, () => ({
      kind: 'impression',
      occurred_at: '2026-01-01T00:00:00Z',
    }));
    const res = await ingest(eventId, many);
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain('/records');
  });

  it('accepts 10,000 records over 1 MiB in one request', async () => {
    const eventId = await createEvent();
    const records = Array.from({ length: 10_000 }, (_, i) => ({
      kind: 'impression',
      occurred_at: new Date().toISOString(),
      session_id: `session-${i}-${'x'.repeat(40)}`,
      source: 'feed',
      utm_source: 'instagram',
      placement: 'story',
    }));
    const res = await ingest(eventId, records);
    expect(res.status).toBe(201);
    expect(res.json.data.records).toBe(10_000);
  });

  it('answers 404 for another organization’s event, 401 without credentials, and replays by Idempotency-Key', async () => {
    const eventId = await createEvent();
    const body = {
      batch_id: randomUUID(),
      records: [{ kind: 'impression', occurred_at: new Date().toISOString() }],
    };
    const path = `/v1/events/${eventId}/analytics:ingest`;
    expect((await api(server, server.sponsor)('POST', path, { body })).status).toBe(404);
    expect((await api(server, undefined)('POST', path, { body })).status).toBe(401);
    const headers = { 'idempotency-key': 'ingest-1' };
    const first = await organizer('POST', path, { body, headers });
    const again = await organizer('POST', path, { body, headers });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
    expect(await rawRows(eventId)).toBe(1);
  });
});

describe('stats and audience consents', () => {
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

  /** 14 people in four age segments and four cities; k is 3 in this server. */
  async function seedAudience(eventId: string) {
    const people: [string, string][] = [
      ...Array.from({ length: 5 }, (): [string, string] => ['18-24', 'Austin']),
      ...Array.from({ length: 4 }, (): [string, string] => ['25-34', 'Dallas']),
      ...Array.from({ length: 3 }, (): [string, string] => ['35-44', 'Boston']),
      ...Array.from({ length: 2 }, (): [string, string] => ['45-54', 'Houston']),
    ];
    const records = [
      ...people.map(([age, city], i) => ({
        kind: 'impression',
        occurred_at: hoursAgo(2),
        session_id: `person-${i}`,
        age_segment: age,
        city,
      })),
      // Austin gets a sixth person without an age segment.
      { kind: 'impression', occurred_at: hoursAgo(3), session_id: 'person-x', city: 'Austin' },
      { kind: 'impression', occurred_at: hoursAgo(72), session_id: 'person-0' },
      { kind: 'post_view', occurred_at: hoursAgo(24), post_id: 'p1', dwell_ms: 1000 },
      { kind: 'post_view', occurred_at: hoursAgo(30), post_id: 'p1', dwell_ms: 3000 },
      { kind: 'post_view', occurred_at: hoursAgo(240), post_id: 'p1', dwell_ms: 9000 },
      ...Array.from({ length: 4 }, () => ({ kind: 'ticket_open', occurred_at: hoursAgo(5) })),
      { kind: 'ticket_purchase', occurred_at: hoursAgo(5), value_cents: 2500, utm_source: 'ig' },
    ];
    expect((await ingest(eventId, records)).status).toBe(201);
  }

  it('rolls up the metrics and shares only consented, unexpired segments of at least k people', async () => {
    const eventId = await createEvent('Audience Fest');
    await seedAudience(eventId);
    const consents = `/v1/events/${eventId}/audience-consents`;
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const past = new Date(Date.now() - 60_000).toISOString();
    for (const [segment_key, expires_at] of [
      ['age:18-24', future],
      ['age:25-34', past],
      ['age:45-54', null],
      ['city:Austin', null],
      ['city:Dallas', past],
      ['city:Houston', future],
    ] as const) {
      const res = await organizer('PUT', consents, {
        body: { segment_key, scope: 'aggregated', expires_at },
      });
      expect(res.status).toBe(200);
    }

    const refreshed = await organizer('POST', `/v1/events/${eventId}/stats:refresh`);
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.data.metrics).toEqual({
      impressions_24h: 15,
      impressions_total: 16,
      video_avg_dwell_ms_7d: 2000,
      post_views_7d: 2,
      ticket_opens_30d: 4,
      ticket_purchases_30d: 1,
      ticket_conv_rate_30d: 0.25,
      ticket_revenue_cents_30d: 2500,
      reach_estimate_30d: 15,
    });
    expect(Object.keys(refreshed.json.data.snapshot_ids)).toHaveLength(9);
    expect(refreshed.json.data.audience).toEqual({
      captured_at: refreshed.json.data.captured_at,
      estimated_reach: 15,
      age_segments: { '18-24': 0.3571 },
      geo_top3: ['Austin'],
      metrics: refreshed.json.data.metrics,
    });

    // Under-k segments are not even stored.
    const stored = await server.db.system(async (tx) => {
      const { rows } = await tx.query<{ age_segments: object; cities: { city: string }[] }>(
        'select age_segments, cities from event_audience_insights where event_id = $1',
        [eventId],
      );
      return rows[0]!;
    });
    expect(Object.keys(stored.age_segments).sort()).toEqual(['18-24', '25-34', '35-44']);
    expect(stored.cities.map((c) => c.city)).toEqual(['Austin', 'Dallas', 'Boston']);

    const stats = await organizer('GET', `/v1/events/${eventId}/stats`);
    expect(stats.status).toBe(200);
    expect(stats.json.data.snapshot_ids).toEqual(refreshed.json.data.snapshot_ids);
    expect(stats.json.data.series).toEqual([
      { captured_at: refreshed.json.data.captured_at, metrics: refreshed.json.data.metrics },
    ]);

    // Withdrawing the Austin consent hides the city at once.
    const list = await organizer('GET', consents);
    expect(list.json.data).toHaveLength(6);
    const austin = list.json.data.find((c: { segment_key: string }) => c.segment_key === 'city:Austin');
    expect((await organizer('DELETE', `${consents}/${austin.id as string}`)).json.data).toEqual({
      id: austin.id,
      deleted: true,
    });
    expect((await organizer('GET', `/v1/events/${eventId}/stats`)).json.data.audience.geo_top3).toEqual([]);
  });

  it('counts a person once across batches, under the segment and city reported later', async () => {
    const eventId = await createEvent('Returning Fest');
    const visit = (attributes: object) =>
      ['a', 'b', 'c'].map((session) => ({
        kind: 'impression',
        occurred_at: hoursAgo(1),
        session_id: session,
        ...attributes,
      }));
    await ingest(eventId, visit({}));
    await ingest(eventId, visit({ age_segment: '25-34', city: 'Austin' }));
    await ingest(eventId, visit({}));
    for (const segment_key of ['age:25-34', 'city:Austin'])
      await organizer('PUT', `/v1/events/${eventId}/audience-consents`, {
        body: { segment_key, scope: 'aggregated' },
      });
    const { json } = await organizer('POST', `/v1/events/${eventId}/stats:refresh`);
    expect(json.data.metrics).toMatchObject({ impressions_24h: 9, reach_estimate_30d: 3 });
    expect(json.data.audience).toMatchObject({
      estimated_reach: 3,
      age_segments: { '25-34': 1 },
      geo_top3: ['Austin'],
    });
  });

  it('rolls up every event with activity in one job run, with an honest empty answer before any', async () => {
    const quiet = await createEvent('Quiet Fest');
    const before = await organizer('GET', `/v1/events/${quiet}/stats`);
    expect(before.json.data).toMatchObject({
      captured_at: null,
      metrics: {},
      series: [],
      audience: { captured_at: null, estimated_reach: null, age_segments: {}, geo_top3: [], metrics: {} },
    });
    const busy = await createEvent('Busy Fest');
    await ingest(busy, [{ kind: 'impression', occurred_at: hoursAgo(1), session_id: 'a' }]);
    const result = await rollupAll(server.db, { now: new Date(), minSegment: 3 });
    expect(result.events).toBeGreaterThanOrEqual(1);
    expect((await organizer('GET', `/v1/events/${busy}/stats`)).json.data.metrics.impressions_24h).toBe(1);
    expect((await organizer('GET', `/v1/events/${quiet}/stats`)).json.data.captured_at).toBeNull();
  });

  it('validates consents and stats queries, hides other tenants, answers 401, and replays', async () => {
    const eventId = await createEvent();
    const consents = `/v1/events/${eventId}/audience-consents`;
    const bad = await organizer('PUT', consents, { body: { segment_key: 'age:18-24', scope: 'everyone' } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toContain('/scope');
    expect((await organizer('GET', consents)).json.data).toEqual([]);
    const inverted = await organizer(
      'GET',
      `/v1/events/${eventId}/stats?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
    );
    expect(inverted.status).toBe(400);

    const other = api(server, server.sponsor);
    expect((await other('GET', consents)).status).toBe(404);
    expect((await other('PUT', consents, { body: { segment_key: 'x', scope: 'cohort' } })).status).toBe(404);
    expect((await other('GET', `/v1/events/${eventId}/stats`)).status).toBe(404);
    expect((await other('POST', `/v1/events/${eventId}/stats:refresh`)).status).toBe(404);
    expect((await api(server, undefined)('GET', consents)).status).toBe(401);
    expect((await api(server, undefined)('POST', `/v1/events/${eventId}/stats:refresh`)).status).toBe(401);
    expect((await organizer('DELETE', `${consents}/${randomUUID()}`)).status).toBe(404);

    const headers = { 'idempotency-key': 'consent-1' };
    const first = await organizer('PUT', consents, {
      body: { segment_key: 'age:18-24', scope: 'cohort' },
      headers,
    });
    const again = await organizer('PUT', consents, {
      body: { segment_key: 'age:18-24', scope: 'cohort' },
      headers,
    });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
    const del = { 'idempotency-key': 'consent-del-1' };
    const path = `${consents}/${first.json.data.id as string}`;
    expect((await organizer('DELETE', path, { headers: del })).status).toBe(200);
    const delAgain = await organizer('DELETE', path, { headers: del });
    expect(delAgain.status).toBe(200);
    expect(delAgain.headers.get('idempotent-replayed')).toBe('true');
    const refreshKey = { 'idempotency-key': 'refresh-1' };
    const r1 = await organizer('POST', `/v1/events/${eventId}/stats:refresh`, { headers: refreshKey });
    const r2 = await organizer('POST', `/v1/events/${eventId}/stats:refresh`, { headers: refreshKey });
    expect(r2.headers.get('idempotent-replayed')).toBe('true');
    expect(r2.json).toEqual(r1.json);
  });
});
