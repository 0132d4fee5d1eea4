import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startSecondServer, startTestServer, type TestServer } from '../../../../test/server';
// The race below is between the drain's own steps, which only db/ exposes.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { claimQueue, lockForScoring, refreshFeatures, scorePairs } from '../db/matching';
import { createMatchListCache, MATCH_LIST_CACHE_TTL_MS } from '../domain/match-list-cache';
import { drainMatchQueue } from '../domain/matching';

let server: TestServer;
let organizer: ReturnType<typeof api>;
let sponsorOrg: ReturnType<typeof api>;
const day = 86_400_000;

/** An event of the organizer; `packages` are published straight to the database (prices in USD cents). */
async function createEvent(body: Record<string, unknown>, packages: number[] = []) {
  const startsAt = new Date(Date.now() + 30 * day).toISOString();
  const event = await organizer('POST', '/v1/events', {
    body: { starts_at: startsAt, ends_at: new Date(Date.parse(startsAt) + day).toISOString(), ...body },
  });
  expect(event.status).toBe(201);
  const eventId = event.json.data.id as string;
  const packageIds: string[] = [];
  for (const price of packages) {
    const { rows } = await server.db.system((tx) =>
      tx.query<{ id: string }>(
        `insert into sponsorship_packages (org_id, event_id, title, tier, price_cents, currency, inventory, is_active,
           visibility, published_at)
         values ($1, $2, $3, 'gold', $4, 'USD', 5, true, 'public', now()) returning id`,
        [server.organizer.orgId, eventId, `Package ${price}`, price],
      ),
    );
    packageIds.push(rows[0]!.id);
  }
  return { eventId, packageIds };
}

/** Audience insights (k = 10) with consent for `consented` segments, and the latest engagement stats. */
async function giveAudience(
  eventId: string,
  options: { consented: string[]; dwellMs?: number; conversion?: number },
) {
  await server.db.system(async (tx) => {
    await tx.query(
      `insert into event_audience_insights (org_id, event_id, captured_at, reach_estimate, age_segments, min_segment)
       values ($1, $2, now(), 200, $3, 10)`,
      [
        server.organizer.orgId,
        eventId,
        {
          '18-24': { people: 50, share: 0.25 },
          '25-34': { people: 142, share: 0.71 },
          '35-44': { people: 8, share: 0.04 },
        },
      ],
    );
    for (const segment of options.consented)
      await tx.query(
        `insert into audience_consents (org_id, event_id, segment_key, scope) values ($1, $2, $3, 'aggregated')`,
        [server.organizer.orgId, eventId, `age:${segment}`],
      );
    if (options.dwellMs !== undefined)
      await tx.query(
        `insert into event_stat_snapshots (org_id, event_id, metric_key, metric_value)
         values ($1, $2, 'video_avg_dwell_ms_7d', $3), ($1, $2, 'ticket_conv_rate_30d', $4)`,
        [server.organizer.orgId, eventId, options.dwellMs, options.conversion ?? 0],
      );
  });
}

async function createSponsor(body: Record<string, unknown>, profile: Record<string, unknown>) {
  const sponsor = await sponsorOrg('POST', '/v1/sponsors', { body: { visibility: 'public', ...body } });
  expect(sponsor.status).toBe(201);
  const id = sponsor.json.data.id as string;
  expect((await sponsorOrg('PUT', `/v1/sponsors/${id}/profile`, { body: profile })).status).toBe(200);
  return id;
}

const fizzyProfile = {
  categories: ['Beverage'],
  budget_min_cents: 100_000,
  budget_max_cents: 600_000,
  target_audience: { age_segments: ['25-34'] },
  regions: ['Austin'],
  objectives: 'Reach young music fans at festivals',
};

async function matchesOf(eventId: string, query = '') {
  const page = await organizer('GET', `/v1/events/${eventId}/matches${query}`);
  expect(page.status).toBe(200);
  return page.json.data as { id: string; sponsor_id: string; score: number; status: string }[];
}

async function matchRows() {
  const { rows } = await server.db.system((tx) =>
    tx.query<{ event_id: string; sponsor_id: string; updated_at: string; exclusion: unknown }>(
      'select event_id, sponsor_id, updated_at, exclusion from sponsorship_matches',
    ),
  );
  return rows;
}

let festival: { eventId: string; packageIds: string[] };
let fizzy: string;
let sober: string;

beforeAll(async () => {
  server = await startTestServer();
  organizer = api(server, server.organizer);
  sponsorOrg = api(server, server.sponsor);
  festival = await createEvent(
    {
      title: 'Austin Live Fest',
      description: 'Live music festival for young adults',
      category: 'Music',
      city: 'Austin',
      country: 'US',
      brand_safety_tags: ['Alcohol'],
    },
    [500_000, 2_000_000, 100_000],
  );
  await giveAudience(festival.eventId, {
    consented: ['18-24', '25-34', '35-44'],
    dwellMs: 30_000,
    conversion: 0.05,
  });
  fizzy = await createSponsor({ name: 'Fizzy Cola', industry: 'Beverage' }, fizzyProfile);
  sober = await createSponsor(
    { name: 'Sober Sports', industry: 'Sportswear' },
    { ...fizzyProfile, activation_preferences: { avoid_tags: [' alcohol '] } },
  );
  await drainMatchQueue(server.db);
});
afterAll(() => server.close());

describe('matching', () => {
  it('scores each component as documented and sums them with the default weights', async () => {
    const [match] = await matchesOf(festival.eventId);
    expect(match).toMatchObject({ sponsor_id: fizzy, status: 'suggested', your_side: 'organizer' });
    const detail = await organizer('GET', `/v1/matches/${match!.id}`);
    expect(detail.status).toBe(200);
    const { components, weights, score, best_package, explanation, missing } = detail.json.data;
    // 2 of 3 packages (500k and 100k) in the 100k–600k budget; 25-34 is 0.71 of the consented audience;
    // the city is a region; dwell 30 s → 1 and conversion 5 % → 0.5; 3 of the 6 objective terms
    // (young, music, festiv of reach, young, music, fan, festiv, beverag) are in the event's text.
    expect(components.budget_fit).toBeCloseTo(2 / 3, 10);
    expect(components.audience_overlap).toBeCloseTo(0.71, 10);
    expect(components.geo_overlap).toBe(1);
    expect(components.engagement_quality).toBeCloseTo(0.75, 10);
    expect(components.objectives_similarity).toBeCloseTo(0.5, 10);
    expect(weights).toEqual({
      budget_fit: 0.25,
      audience_overlap: 0.35,
      geo_overlap: 0.15,
      engagement_quality: 0.15,
      objectives_similarity: 0.1,
    });
    expect(score).toBeCloseTo(0.25 * (2 / 3) + 0.35 * 0.71 + 0.15 * 1 + 0.15 * 0.75 + 0.1 * 0.5, 10);
    expect(missing).toEqual([]);
    expect(best_package).toMatchObject({ id: festival.packageIds[0], price_cents: 500_000 });
    expect(explanation).toContain('Budget fits 2 of 3 packages (0.67).');
    expect(explanation).toContain('Audience 25-34 overlaps 0.71.');
    expect(explanation.at(-1)).toMatch(/^Score 0\.73 = 0\.25×0\.67 \+ 0\.35×0\.71/);
  });

  it('counts a missing input as 0 and names it, without an error', async () => {
    const bare = await createEvent({ title: 'Quiet Evening', city: 'Paris' });
    const unconsented = await createEvent({ title: 'Closed Doors', city: 'Austin' }, [50_000]);
    await giveAudience(unconsented.eventId, { consented: [] });
    const empty = await createSponsor({ name: 'Blank Brand' }, {});
    await drainMatchQueue(server.db);

    const byPair = async (eventId: string, sponsorId: string) => {
      const match = (await matchesOf(eventId)).find((m) => m.sponsor_id === sponsorId)!;
      return (await organizer('GET', `/v1/matches/${match.id}`)).json.data;
    };
    const noPackages = await byPair(bare.eventId, fizzy);
    expect(noPackages.missing).toEqual(['event_packages', 'audience_insights', 'engagement_stats']);
    expect(noPackages.components).toMatchObject({
      budget_fit: 0,
      audience_overlap: 0,
      engagement_quality: 0,
    });
    expect(noPackages.best_package).toBeNull();

    expect((await byPair(unconsented.eventId, fizzy)).missing).toEqual([
      'audience_consent',
      'engagement_stats',
    ]);

    const blank = await byPair(festival.eventId, empty);
    expect(blank.missing).toEqual([
      'sponsor_budget',
      'sponsor_target_audience',
      'sponsor_regions',
      'sponsor_objectives',
    ]);
    expect(blank.components).toMatchObject({
      budget_fit: 0,
      audience_overlap: 0,
      geo_overlap: 0,
      objectives_similarity: 0,
    });
    expect(blank.score).toBeCloseTo(0.15 * 0.75, 10);
    expect(blank.explanation).toContain('The sponsor has no budget range (budget fit 0).');
  });

  it('forgets the pairs of a deleted sponsor or event', async () => {
    const gone = await createSponsor({ name: 'Short Lived' }, { regions: ['Austin'] });
    const brief = await createEvent({ title: 'Brief Event', city: 'Austin' });
    await drainMatchQueue(server.db);
    const pairsOf = async () =>
      (await matchRows()).filter((row) => row.sponsor_id === gone || row.event_id === brief.eventId).length;
    expect(await pairsOf()).toBeGreaterThan(0);
    expect((await sponsorOrg('DELETE', `/v1/sponsors/${gone}`)).status).toBe(200);
    expect((await organizer('DELETE', `/v1/events/${brief.eventId}`)).status).toBe(200);
    expect(await pairsOf()).toBe(0);
  });

  it('uses the cosine of embeddings when both sides have one', async () => {
    const vectorEvent = await createEvent({ title: 'Vector Night', embedding: [1, 0, 1] });
    const vectorBrand = await createSponsor({ name: 'Vector Brand' }, { embedding: [1, 1, 0] });
    await drainMatchQueue(server.db);
    const match = (await matchesOf(vectorEvent.eventId)).find((m) => m.sponsor_id === vectorBrand)!;
    const detail = (await organizer('GET', `/v1/matches/${match.id}`)).json.data;
    expect(detail.components.objectives_similarity).toBeCloseTo(0.5, 10);
    expect(detail.details.objectives_method).toBe('embedding');
  });

  it('never scores or lists a brand-safety conflict, refuses deals on it, and lets it in once the tag goes', async () => {
    const [row] = (await matchRows()).filter(
      (r) => r.event_id === festival.eventId && r.sponsor_id === sober,
    );
    expect(row!.exclusion).toEqual({ rule: 'brand_safety', tag: 'alcohol' });
    expect((await matchesOf(festival.eventId)).map((m) => m.sponsor_id)).not.toContain(sober);
    const sponsorView = await sponsorOrg('GET', `/v1/sponsors/${sober}/matches`);
    expect(sponsorView.json.data.map((m: { event_id: string }) => m.event_id)).not.toContain(
      festival.eventId,
    );

    const proposal = await sponsorOrg('POST', '/v1/proposals', {
      body: { event_id: festival.eventId, sponsor_id: sober, package_id: festival.packageIds[0] },
    });
    expect(proposal.status).toBe(422);
    expect(proposal.json).toMatchObject({ rule: 'brand_safety', tag: 'alcohol' });
    expect(proposal.json.detail).toContain('"alcohol"');
    const order = await sponsorOrg('POST', '/v1/sponsorship-orders', {
      body: { package_id: festival.packageIds[0], sponsor_id: sober },
    });
    expect(order.status).toBe(422);
    expect(order.json).toMatchObject({ rule: 'brand_safety', tag: 'alcohol' });

    const market = async (query: string) =>
      (await sponsorOrg('GET', `/v1/marketplace/packages${query}`)).json.data.map(
        (p: { event_id: string }) => p.event_id,
      );
    expect(await market('')).toContain(festival.eventId);
    expect(await market(`?sponsor_id=${sober}`)).not.toContain(festival.eventId);
    expect(await market(`?sponsor_id=${fizzy}`)).toContain(festival.eventId);
    expect((await organizer('GET', `/v1/marketplace/packages?sponsor_id=${sober}`)).status).toBe(404);

    await sponsorOrg('PUT', `/v1/sponsors/${sober}/profile`, { body: fizzyProfile });
    expect((await matchesOf(festival.eventId)).map((m) => m.sponsor_id)).not.toContain(sober);
    await drainMatchQueue(server.db);
    expect((await matchesOf(festival.eventId)).map((m) => m.sponsor_id)).toContain(sober);
  });

  it('re-scores only the pairs of a changed profile', async () => {
    const before = await matchRows();
    await sponsorOrg('PUT', `/v1/sponsors/${fizzy}/profile`, { body: { ...fizzyProfile, regions: ['US'] } });
    const outcome = await drainMatchQueue(server.db);
    const after = await matchRows();
    const changed = after.filter(
      (row) =>
        row.updated_at !==
        before.find((b) => b.event_id === row.event_id && b.sponsor_id === row.sponsor_id)?.updated_at,
    );
    expect(changed.length).toBeGreaterThan(1);
    expect(changed.every((row) => row.sponsor_id === fizzy)).toBe(true);
    expect(outcome.scored).toBe(changed.length);
    const match = (await matchesOf(festival.eventId)).find((m) => m.sponsor_id === fizzy);
    const detail = (await organizer('GET', `/v1/matches/${match!.id}`)).json.data;
    expect(detail.components.geo_overlap).toBe(0.5);
  });

  it('gives one row per pair when two workers drain at once', async () => {
    await server.db.system(async (tx) => {
      await tx.query('delete from sponsorship_matches');
      await tx.query(`insert into fit_recalc_queue (event_id, sponsor_id, reason)
                      select id, null, 'test' from events union all select null, id, 'test' from sponsors`);
    });
    await Promise.all([
      drainMatchQueue(server.db, { batchSize: 1 }),
      drainMatchQueue(server.db, { batchSize: 1 }),
    ]);
    const rows = await matchRows();
    const keys = new Set(rows.map((row) => `${row.event_id}:${row.sponsor_id}`));
    expect(keys.size).toBe(rows.length);
    const { rows: expected } = await server.db.system((tx) =>
      tx.query<{ n: number }>(
        `select count(*)::int as n from match_features e, match_features s
          where e.event_id is not null and e.ends_at > now() and s.sponsor_id is not null`,
      ),
    );
    expect(rows.length).toBe(expected[0]!.n);
  });

  it('retries a first fill that a concurrent batch stored first, as an upsert: one row per pair', async () => {
    await server.db.system(async (tx) => {
      await tx.query('delete from fit_recalc_queue where processed_at is null');
      await tx.query('delete from sponsorship_matches where event_id = $1', [festival.eventId]);
      // The same event twice (entries of two organizations): two batches that both find none of its pairs stored.
      await tx.query(
        `insert into fit_recalc_queue (org_id, event_id, sponsor_id, reason, queued_at)
         values (null, $1, null, 'test', now() - interval '1 second'), ($2, $1, null, 'test', now())`,
        [festival.eventId, server.organizer.orgId],
      );
    });
    // The features are refreshed beforehand, so that the batch below holds no lock the drain's refresh waits on.
    const subject = [{ event_id: festival.eventId, sponsor_id: null }];
    await server.db.system((tx) => refreshFeatures(tx, subject));
    let drain: ReturnType<typeof drainMatchQueue> | undefined;
    await server.db.system(async (tx) => {
      const subjects = await claimQueue(tx, 1);
      await lockForScoring(tx, subjects);
      await scorePairs(tx, subjects);
      // The drain claims the other entry, finds no pair stored (this insert is not committed) and inserts too:
      // it waits on this transaction's rows, and fails with a unique violation once they commit.
      drain = drainMatchQueue(server.db, { batchSize: 1, parallel: 1 });
      for (const deadline = Date.now() + 5000; Date.now() < deadline;) {
        const { rows } = await server.db.pool.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock' and query like 'with queued as%'`,
        );
        if (rows[0]!.n > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    });
    const outcome = await drain!;
    const pairs = (await matchRows()).filter((row) => row.event_id === festival.eventId);
    expect(outcome.batches).toBe(1);
    expect(outcome.scored).toBe(pairs.length);
    expect(new Set(pairs.map((row) => row.sponsor_id)).size).toBe(pairs.length);
    expect(pairs.length).toBeGreaterThanOrEqual(2);
  });

  it('scores the pair of a new event and a new sponsor whose features two drains refresh at the same moment', async () => {
    const { eventId } = await createEvent({ title: 'Race Fest', city: 'Austin', country: 'US' }, [100_000]);
    const sponsorId = await createSponsor({ name: 'Race Cola', industry: 'Beverage' }, fizzyProfile);
    await server.db.system(async (tx) => {
      await tx.query('delete from fit_recalc_queue where processed_at is null');
      await tx.query(
        `insert into fit_recalc_queue (event_id, sponsor_id, reason, queued_at)
         values ($1, null, 'test', now() - interval '2 seconds'), (null, $2, 'test', now() - interval '1 second')`,
        [eventId, sponsorId],
      );
    });
    // Two batches, each holding its transaction open until the other has scored (or a second has passed): without
    // an order between them, each scores from features without the other's uncommitted ones.
    const done = { eventScored: false, sponsorScored: false, eventClaimed: false };
    const waitFor = async (flag: keyof typeof done) => {
      for (const deadline = Date.now() + 1000; !done[flag] && Date.now() < deadline;)
        await new Promise((resolve) => setTimeout(resolve, 10));
    };
    const batch = (flag: 'eventScored' | 'sponsorScored', other: 'eventScored' | 'sponsorScored') =>
      server.db.system(async (tx) => {
        const subjects = await claimQueue(tx, 1);
        if (flag === 'eventScored') done.eventClaimed = true;
        await lockForScoring(tx, subjects);
        await refreshFeatures(tx, subjects);
        if (flag === 'eventScored') await waitFor(other);
        await scorePairs(tx, subjects);
        done[flag] = true;
        await waitFor(other);
      });
    const events = batch('eventScored', 'sponsorScored');
    await waitFor('eventClaimed');
    await Promise.all([events, batch('sponsorScored', 'eventScored')]);
    const pair = (await matchRows()).filter(
      (row) => row.event_id === eventId && row.sponsor_id === sponsorId,
    );
    expect(pair).toHaveLength(1);
  });

  it('keeps each side to its own view: statuses, feedback, and nothing for a third organization', async () => {
    const [match] = await matchesOf(festival.eventId);
    const dismissed = await organizer('POST', `/v1/matches/${match!.id}/feedback`, {
      body: {
        action: 'dismiss',
        reason: 'competitor_of_partner',
        note: 'We already work with a cola brand.',
      },
      headers: { 'idempotency-key': 'dismiss-1' },
    });
    expect(dismissed.status).toBe(201);
    expect(dismissed.json.data).toMatchObject({ action: 'dismiss', side: 'organizer' });
    const replay = await organizer('POST', `/v1/matches/${match!.id}/feedback`, {
      body: {
        action: 'dismiss',
        reason: 'competitor_of_partner',
        note: 'We already work with a cola brand.',
      },
      headers: { 'idempotency-key': 'dismiss-1' },
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.json.data.id).toBe(dismissed.json.data.id);

    expect((await matchesOf(festival.eventId)).map((m) => m.id)).not.toContain(match!.id);
    expect((await matchesOf(festival.eventId, '?status=dismissed')).map((m) => m.id)).toEqual([match!.id]);

    const theirs = await sponsorOrg('GET', `/v1/matches/${match!.id}`);
    expect(theirs.status).toBe(200);
    expect(theirs.json.data).toMatchObject({ your_side: 'sponsor', feedback: [] });
    expect(theirs.json.data.status).not.toBe('dismissed');
    const ours = await organizer('GET', `/v1/matches/${match!.id}`);
    expect(ours.json.data.feedback).toHaveLength(1);

    const stranger = api(server, await server.createOrg('Stranger Events'));
    expect((await stranger('GET', `/v1/matches/${match!.id}`)).status).toBe(404);
    expect((await stranger('GET', `/v1/events/${festival.eventId}/matches`)).status).toBe(404);
    expect((await stranger('GET', `/v1/sponsors/${fizzy}/matches`)).status).toBe(404);
    expect(
      (await stranger('POST', `/v1/matches/${match!.id}/feedback`, { body: { action: 'accept' } })).status,
    ).toBe(404);
    expect(
      (await stranger('POST', '/v1/matches/recompute', { body: { event_id: festival.eventId } })).status,
    ).toBe(404);
    expect((await api(server, undefined)('GET', `/v1/matches/${match!.id}`)).status).toBe(401);
  });

  it('keeps a dismissed pair dismissed until its inputs change', async () => {
    const [dismissed] = await matchesOf(festival.eventId, '?status=dismissed');
    await sponsorOrg('POST', '/v1/matches/recompute', { body: { sponsor_id: dismissed!.sponsor_id } });
    await drainMatchQueue(server.db);
    expect((await matchesOf(festival.eventId, '?status=dismissed')).map((m) => m.id)).toEqual([
      dismissed!.id,
    ]);

    await organizer('PATCH', `/v1/events/${festival.eventId}`, {
      body: { description: 'Live music festival for young adults and families' },
    });
    await drainMatchQueue(server.db);
    expect(await matchesOf(festival.eventId, '?status=dismissed')).toEqual([]);
    expect((await matchesOf(festival.eventId)).map((m) => m.id)).toContain(dismissed!.id);
  });

  it('lists a sponsor its events with their best package, and opens a proposal from a match in one call', async () => {
    const page = await sponsorOrg('GET', `/v1/sponsors/${fizzy}/matches?limit=1&category=music&city=austin`);
    expect(page.status).toBe(200);
    const [match] = page.json.data;
    expect(match).toMatchObject({ event_id: festival.eventId, best_package: { id: festival.packageIds[0] } });
    const proposal = await sponsorOrg('POST', `/v1/matches/${match.id}:propose`, {
      body: { initial_message: { body: 'We would love the main stage.' } },
    });
    expect(proposal.status).toBe(201);
    expect(proposal.json.data).toMatchObject({
      event_id: festival.eventId,
      sponsor_id: fizzy,
      package_id: festival.packageIds[0],
      status: 'draft',
    });
    const after = await sponsorOrg('GET', `/v1/matches/${match.id}`);
    expect(after.json.data.status).toBe('accepted');
    expect(after.json.data.feedback[0]).toMatchObject({ action: 'accept', side: 'sponsor' });
    expect((await organizer('GET', `/v1/matches/${match.id}`)).json.data.feedback).toEqual([]);
  });

  it('pages through a ranked list with a cursor and filters it', async () => {
    const all = await matchesOf(festival.eventId);
    expect(all.length).toBeGreaterThan(2);
    const scores = all.map((m) => m.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const first = await organizer('GET', `/v1/events/${festival.eventId}/matches?limit=2`);
    expect(first.json.has_more).toBe(true);
    const second = await organizer(
      'GET',
      `/v1/events/${festival.eventId}/matches?limit=2&starting_after=${first.json.next_cursor}`,
    );
    expect([...first.json.data, ...second.json.data].map((m: { id: string }) => m.id)).toEqual(
      all.slice(0, 4).map((m) => m.id),
    );
    expect((await matchesOf(festival.eventId, '?category=beverage')).map((m) => m.sponsor_id)).toEqual(
      expect.arrayContaining([fizzy]),
    );
    expect(await matchesOf(festival.eventId, '?min_score=0.99')).toEqual([]);
    const bad = await organizer('GET', `/v1/events/${festival.eventId}/matches?min_score=2`);
    expect(bad.status).toBe(400);
  });

  it('queues a recompute (202) and refuses one that names nothing', async () => {
    const queued = await organizer('POST', '/v1/matches/recompute', {
      body: { event_id: festival.eventId, reason: 'profile_update' },
    });
    expect(queued.status).toBe(202);
    expect(queued.json.data).toMatchObject({
      event_id: festival.eventId,
      sponsor_id: null,
      processed_at: null,
    });
    const again = await organizer('POST', '/v1/matches/recompute', { body: { event_id: festival.eventId } });
    expect(again.json.data.id).toBe(queued.json.data.id);
    expect((await organizer('POST', '/v1/matches/recompute', { body: {} })).status).toBe(400);
    await drainMatchQueue(server.db);
  });

  it('sends match.suggested once, when a side first crosses its threshold', async () => {
    const suggestions = async () => {
      const { rows } = await server.db.system((tx) =>
        tx.query<{ org_id: string; data: { id: string; your_side: string } }>(
          `select org_id, data from webhook_events where type = 'match.suggested'`,
        ),
      );
      return rows;
    };
    const sent = await suggestions();
    const organizerSide = sent.filter((row) => row.org_id === server.organizer.orgId);
    expect(organizerSide.length).toBeGreaterThan(0);
    expect(organizerSide.every((row) => row.data.your_side === 'organizer')).toBe(true);
    const ids = organizerSide.map((row) => row.data.id);
    expect(new Set(ids).size).toBe(ids.length);

    await organizer('POST', '/v1/matches/recompute', { body: { event_id: festival.eventId } });
    await drainMatchQueue(server.db);
    expect((await suggestions()).length).toBe(sent.length);
  });

  it('weights per organization: validated, and new weights re-score its events', async () => {
    expect((await organizer('GET', '/v1/matching-settings')).json.data).toMatchObject({
      threshold: 0.7,
      updated_at: null,
    });
    const weights = {
      budget_fit: 1,
      audience_overlap: 0,
      geo_overlap: 0,
      engagement_quality: 0,
      objectives_similarity: 0,
    };
    const bad = await organizer('PUT', '/v1/matching-settings', {
      body: { weights: { ...weights, geo_overlap: 0.5 } },
    });
    expect(bad.status).toBe(400);
    const put = await organizer('PUT', '/v1/matching-settings', { body: { weights, threshold: 0.9 } });
    expect(put.status).toBe(200);
    expect(put.json.data).toMatchObject({ weights, threshold: 0.9 });
    await drainMatchQueue(server.db);
    for (const match of await matchesOf(festival.eventId)) {
      const detail = (await organizer('GET', `/v1/matches/${match.id}`)).json.data;
      expect(detail.score).toBeCloseTo(detail.components.budget_fit, 10);
    }
  });

  it('counts packages in budget and picks the best the same way with one currency and with several', async () => {
    // One currency: counted by binary search on the sorted prices. Two: package by package.
    const single = await createEvent({ title: 'Budget Hall' }, [100_000, 300_000, 300_000, 900_000]);
    const mixed = await createEvent({ title: 'Budget Mixed' }, [200_000]);
    await server.db.system((tx) =>
      tx.query(
        `insert into sponsorship_packages (org_id, event_id, title, tier, price_cents, currency, inventory, is_active,
           visibility, published_at)
         values ($1, $2, 'Euro package', 'gold', 200000, 'EUR', 5, true, 'public', now())`,
        [server.organizer.orgId, mixed.eventId],
      ),
    );
    const cases = [
      // budget, then the packages in budget and the best one of Budget Hall and of Budget Mixed
      { budget: { budget_min_cents: 300_000 }, hall: [3, 900_000], mixed: [0, 200_000] },
      { budget: { budget_max_cents: 300_000 }, hall: [3, 300_000], mixed: [1, 200_000] },
      {
        budget: { budget_min_cents: 500_000, budget_max_cents: 800_000 },
        hall: [0, 100_000],
        mixed: [0, 200_000],
      },
      {
        budget: { budget_min_cents: 100_000, budget_max_cents: 200_000, currency: 'EUR' },
        hall: [0, 100_000],
        mixed: [1, 200_000],
      },
    ];
    const sponsors: string[] = [];
    for (const [index, { budget }] of cases.entries())
      sponsors.push(await createSponsor({ name: `Budget Brand ${index}` }, { currency: 'USD', ...budget }));
    await drainMatchQueue(server.db);
    for (const [event, key] of [
      [single, 'hall'],
      [mixed, 'mixed'],
    ] as const) {
      const listed = await matchesOf(event.eventId);
      for (const [index, expected] of cases.entries()) {
        const match = listed.find((m) => m.sponsor_id === sponsors[index]);
        const detail = (await organizer('GET', `/v1/matches/${match!.id}`)).json.data;
        const [inBudget, bestPrice] = expected[key];
        expect([detail.details.packages_in_budget, detail.best_package.price_cents]).toEqual([
          inBudget,
          bestPrice,
        ]);
        expect(detail.components.budget_fit).toBeCloseTo(inBudget! / (key === 'hall' ? 4 : 2), 10);
      }
    }
  });
});

describe('matching in the background', () => {
  it('queues one drain job per forced re-score, and the worker scores the pairs', async () => {
    const jobs = async () => {
      const { rows } = await server.db.system((tx) =>
        tx.query<{ n: number }>(
          `select count(*)::int as n from graphile_worker.jobs where task_identifier = 'matching.drain'`,
        ),
      );
      return rows[0]!.n;
    };
    await organizer('POST', '/v1/matches/recompute', { body: { event_id: festival.eventId } });
    await sponsorOrg('POST', '/v1/matches/recompute', { body: { sponsor_id: fizzy } });
    expect(await jobs()).toBe(1);
    await drainMatchQueue(server.db);

    const background = await startTestServer({}, { worker: true });
    try {
      const org = api(background, background.organizer);
      const brands = api(background, background.sponsor);
      const event = await org('POST', '/v1/events', {
        body: {
          title: 'Worker Fest',
          city: 'Austin',
          starts_at: new Date(Date.now() + 30 * day).toISOString(),
          ends_at: new Date(Date.now() + 31 * day).toISOString(),
        },
      });
      const brand = await brands('POST', '/v1/sponsors', {
        body: { name: 'Worker Cola', visibility: 'public' },
      });
      await brands('PUT', `/v1/sponsors/${brand.json.data.id}/profile`, { body: { regions: ['Austin'] } });
      expect(
        (await org('POST', '/v1/matches/recompute', { body: { event_id: event.json.data.id } })).status,
      ).toBe(202);
      let listed: { sponsor_id: string }[] = [];
      for (let attempt = 0; attempt < 100 && listed.length === 0; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        listed = (await org('GET', `/v1/events/${event.json.data.id}/matches`)).json.data;
      }
      expect(listed.map((m) => m.sponsor_id)).toEqual([brand.json.data.id]);
    } finally {
      await background.close();
    }
  }, 60_000);

  it('wakes the drain when a change commits: a profile update is listed re-scored in seconds, not at the cron minute', async () => {
    const background = await startTestServer({}, { worker: true });
    /** Polls `read` until it answers something, for up to 15 s. */
    const until = async <T>(what: string, read: () => Promise<T | undefined>): Promise<T> => {
      for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
        const value = await read();
        if (value !== undefined) return value;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`${what}: not within 15 s`);
    };
    try {
      const org = api(background, background.organizer);
      const brands = api(background, background.sponsor);
      // Nothing here asks for a drain: the minutely cron is the only other way in, so keep it out of the window.
      const second = new Date().getSeconds();
      if (second > 45) await new Promise((resolve) => setTimeout(resolve, (62 - second) * 1000));
      const event = await org('POST', '/v1/events', {
        body: {
          title: 'Wake Fest',
          city: 'Austin',
          country: 'US',
          starts_at: new Date(Date.now() + 30 * day).toISOString(),
          ends_at: new Date(Date.now() + 31 * day).toISOString(),
        },
      });
      const brand = await brands('POST', '/v1/sponsors', {
        body: { name: 'Wake Cola', visibility: 'public' },
      });
      const sponsorId = brand.json.data.id as string;
      await brands('PUT', `/v1/sponsors/${sponsorId}/profile`, { body: { regions: ['Berlin'] } });
      const listed = (minGeo: number) => async () =>
        (
          (await org('GET', `/v1/events/${event.json.data.id}/matches`)).json.data as {
            sponsor_id: string;
            components: { geo_overlap: number };
          }[]
        ).find((m) => m.sponsor_id === sponsorId && m.components.geo_overlap >= minGeo);
      expect((await until('the new pair listed', listed(0))).components.geo_overlap).toBe(0);

      const started = Date.now();
      expect(
        (await brands('PUT', `/v1/sponsors/${sponsorId}/profile`, { body: { regions: ['Austin'] } })).status,
      ).toBe(200);
      expect((await until('the changed profile re-scored', listed(1))).components.geo_overlap).toBe(1);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await background.close();
    }
  }, 60_000);
});

describe('match list pages kept in memory', () => {
  /** A change to the sponsor's name that notifies nothing: what a page served from memory does not show. */
  const renameSilently = (name: string) =>
    server.db.system(async (tx) => {
      await tx.query('alter table sponsors disable trigger sponsors_match_list_notify');
      await tx.query('update sponsors set name = $2 where id = $1', [fizzy, name]);
      await tx.query('alter table sponsors enable trigger sponsors_match_list_notify');
    });
  const fizzyName = async (read: ReturnType<typeof api>, query = '') => {
    const page = await read('GET', `/v1/events/${festival.eventId}/matches${query}`);
    expect(page.status).toBe(200);
    return (page.json.data as { sponsor_id: string; sponsor: { name: string } }[]).find(
      (m) => m.sponsor_id === fizzy,
    )?.sponsor.name;
  };
  /** Reads the page through `read` until it is kept: a silent rename no longer shows. */
  const keep = async (read: ReturnType<typeof api>, query = '') => {
    await expect
      .poll(
        async () => {
          const before = await fizzyName(read, query);
          await renameSilently(`Fizzy ${Math.random().toString(36).slice(2, 8)}`);
          return (await fizzyName(read, query)) === before;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    return fizzyName(read, query);
  };

  it('serves a page again from memory, and drops it when a change commits through another process', async () => {
    const second = await startSecondServer(server.databaseUrl);
    try {
      const throughB = api(second, server.organizer);
      const kept = await keep(throughB);
      // Each organization and each query is a page of its own, read through its own row-level security.
      expect(await fizzyName(throughB, '?limit=5')).not.toBe(kept);
      const stranger = api(second, await server.createOrg('Cache Stranger'));
      expect((await stranger('GET', `/v1/events/${festival.eventId}/matches`)).status).toBe(404);

      // A change through the other process (A) reaches B by its notification, well within the TTL.
      const started = Date.now();
      expect(
        (await sponsorOrg('PATCH', `/v1/sponsors/${fizzy}`, { body: { name: 'Fizzy Cola' } })).status,
      ).toBe(200);
      await expect
        .poll(() => fizzyName(throughB), { timeout: MATCH_LIST_CACHE_TTL_MS / 2 })
        .toBe('Fizzy Cola');
      expect(Date.now() - started).toBeLessThan(MATCH_LIST_CACHE_TTL_MS / 2);
    } finally {
      await second.close();
    }
  });

  it('shows its own process a write at once, with no notification: a write request, or a drain', async () => {
    // With the matches' trigger off, only this process's own drop can show it what changed them.
    const matchesNotify = (action: 'disable' | 'enable') =>
      server.db.system((tx) =>
        tx.query(`alter table sponsorship_matches ${action} trigger sponsorship_matches_list_notify`),
      );
    await matchesNotify('disable');
    try {
      await keep(organizer);
      const [first] = await matchesOf(festival.eventId);
      const dismissed = await organizer('POST', `/v1/matches/${first!.id}/feedback`, {
        body: { action: 'dismiss' },
      });
      expect(dismissed.status).toBe(201);
      expect((await matchesOf(festival.eventId)).map((m) => m.id)).not.toContain(first!.id);

      await sponsorOrg('POST', '/v1/matches/recompute', { body: { sponsor_id: fizzy } });
      const kept = await keep(organizer);
      await drainMatchQueue(server.db);
      expect(await fizzyName(organizer)).not.toBe(kept);
    } finally {
      await matchesNotify('enable');
    }
  });

  it('keeps its pages through a write that cannot change a list: a view counted by a public widget', async () => {
    const workspace = await organizer('POST', '/v1/sponsorship-workspaces', {
      body: { name: 'Views', slug: `views-${Math.random().toString(36).slice(2, 10)}` },
    });
    const widget = await organizer(
      'PUT',
      `/v1/sponsorship-workspaces/${workspace.json.data.id}/widgets/views`,
      {
        body: { widget_type: 'kpi_tile', config: { metric: 'orders' }, published: true },
      },
    );
    const kept = await keep(organizer);
    const view = await api(server, undefined)(
      'POST',
      `/v1/public/widgets/${widget.json.data.public_id}/events`,
      {
        body: { type: 'view' },
      },
    );
    expect(view.status).toBe(202);
    expect(await fizzyName(organizer)).toBe(kept);
  });

  it('keeps a page for the TTL at most, and none read across a change', async () => {
    let clock = Date.now();
    const cache = createMatchListCache(server.db, () => clock);
    let reads = 0;
    const read = () => Promise.resolve(++reads);
    // Kept once the cache listens.
    await expect
      .poll(async () => (await cache.get('page', read)) === (await cache.get('page', read)))
      .toBe(true);
    const kept = reads;
    expect(await cache.get('page', read)).toBe(kept);
    clock += MATCH_LIST_CACHE_TTL_MS + 1;
    expect(await cache.get('page', read)).toBe(kept + 1);
    expect(await cache.get('page', read)).toBe(kept + 1);

    // A read under way when a change is made is answered but not kept.
    let finish!: (value: number) => void;
    cache.changed();
    const pending = cache.get('page', () => new Promise<number>((resolve) => (finish = resolve)));
    cache.changed();
    finish(-1);
    expect(await pending).toBe(-1);
    expect(await cache.get('page', read)).toBe(kept + 2);
    expect(await cache.get('page', read)).toBe(kept + 2);
  });
});
