import type { components } from '../generated/openapi';
import { given, whereOf } from './packages';
import type { Cursor } from './pagination';
import type { Queryable, Tx } from './pool';

export type MatchView = components['schemas']['Match'];
export type MatchFeedbackRow = components['schemas']['MatchFeedback'];
export type QueueEntry = components['schemas']['MatchRecomputeEntry'];
export type MatchingSettings = components['schemas']['MatchingSettings'];
export type MatchSide = 'organizer' | 'sponsor';
export type MatchStatus = 'pending' | 'suggested' | 'accepted' | 'dismissed';

/** A queued subject: an event (all sponsors), a sponsor (all live events), one pair, or both null (all). */
export interface QueuedSubject {
  event_id: string | null;
  sponsor_id: string | null;
}

/** Notified once by each transaction that queues a new entry (migration 0017); the worker listens. */
export const MATCH_QUEUE_CHANNEL = 'yardpass_match_queue';

const queueColumns = 'id, event_id, sponsor_id, reason, queued_at, processed_at';

/** Queues a recalculation; a pending entry for the same subject and organization is answered instead. */
export async function enqueueRecalc(
  tx: Tx,
  entry: { orgId: string; eventId: string | null; sponsorId: string | null; reason: string },
): Promise<QueueEntry> {
  const { rows } = await tx.query<QueueEntry>(
    `with inserted as (
       insert into fit_recalc_queue (org_id, event_id, sponsor_id, reason) values ($1, $2, $3, $4)
       on conflict do nothing returning ${queueColumns}
     )
     select * from inserted
     union all
     select ${queueColumns} from fit_recalc_queue
      where processed_at is null and org_id = $1 and event_id is not distinct from $2::uuid
        and sponsor_id is not distinct from $3::uuid and not exists (select from inserted)`,
    [entry.orgId, entry.eventId, entry.sponsorId, entry.reason],
  );
  return rows[0]!;
}

/**
 * Claims up to `limit` pending entries, oldest first, for this transaction: concurrent drains skip each
 * other's rows, and a drain that rolls back leaves its rows pending. Processed rows older than a day go.
 */
export async function claimQueue(tx: Tx, limit: number): Promise<QueuedSubject[]> {
  const { rows } = await tx.query<QueuedSubject>(
    `with claimed as (
       update fit_recalc_queue set processed_at = now()
        where id in (select id from fit_recalc_queue where processed_at is null
                      order by queued_at limit $1 for update skip locked)
        returning event_id, sponsor_id
     ), purged as (
       delete from fit_recalc_queue where processed_at < now() - interval '1 day'
     )
     select event_id, sponsor_id from claimed`,
    [limit],
  );
  return rows;
}

/**
 * Orders this batch's scoring against the other drains' (held until commit). A pair is scored from both sides'
 * features as of the scoring statement, so a batch refreshing event features and one refreshing sponsor features
 * at the same time would each miss the other's uncommitted rows, and the pair between them would be scored by
 * neither. Batches of events only share the lock (each pairs its own events with sponsor features already
 * committed, as the "everything" expansion refreshes every sponsor first); any batch with a sponsor takes it
 * alone, so its scoring sees the event batches before it and they see its features.
 */
export async function lockForScoring(tx: Tx, subjects: QueuedSubject[]): Promise<void> {
  const eventsOnly = subjects.every((s) => s.event_id !== null && s.sponsor_id === null);
  await tx.query(
    `select ${eventsOnly ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock'}(hashtext('yardpass.match-scoring'))`,
  );
}

/**
 * Claims the pending "everything" entries and, when there was one, refreshes every sponsor's features and
 * queues each live event against every sponsor instead: concurrent drains then share the work by event.
 */
export async function expandEverything(tx: Tx): Promise<boolean> {
  const { rows } = await tx.query<{ claimed: number }>(
    `with claimed as (
       update fit_recalc_queue set processed_at = now()
        where id in (select id from fit_recalc_queue
                      where processed_at is null and event_id is null and sponsor_id is null
                      for update skip locked)
        returning id
     )
     select count(*)::int as claimed from claimed`,
  );
  if (rows[0]!.claimed === 0) return false;
  await refreshSponsorFeatures(tx, [{ event_id: null, sponsor_id: null }]);
  await tx.query(
    `insert into fit_recalc_queue (org_id, event_id, sponsor_id, reason)
     select owner_org_id, id, null, 'everything' from events where ends_at > now()
     on conflict do nothing`,
  );
  return true;
}

/** Fresh planner statistics for the matches, after a drain that may have filled the table from nothing. */
export async function analyzeMatches(tx: Tx): Promise<void> {
  await tx.query('analyze sponsorship_matches');
}

/** The queued subjects as two parallel id arrays (null standing for "all"). */
function subjectArrays(subjects: QueuedSubject[]): [(string | null)[], (string | null)[]] {
  return [subjects.map((s) => s.event_id), subjects.map((s) => s.sponsor_id)];
}

/**
 * Recomputes the inputs of the queued events and sponsors (every live event and every sponsor when a subject
 * is "all") into
 * `match_features`: events with their published packages, consented k-anonymous age segments and latest
 * engagement metrics; sponsors with their profile. Two set-based statements.
 */
export async function refreshFeatures(tx: Tx, subjects: QueuedSubject[]): Promise<void> {
  await refreshEventFeatures(tx, subjects);
  await refreshSponsorFeatures(tx, subjects);
}

async function refreshEventFeatures(tx: Tx, subjects: QueuedSubject[]): Promise<void> {
  const [eventIds, sponsorIds] = subjectArrays(subjects);
  await tx.query(
    `with wanted as (
       select e.* from events e
        where exists (select from unnest($1::uuid[], $2::uuid[]) q(event_id, sponsor_id)
                       where q.event_id = e.id or (q.event_id is null and q.sponsor_id is null and e.ends_at > now()))
     ), computed as (
       select e.id as event_id, e.owner_org_id as org_id,
              tsvector_to_array(to_tsvector('english', concat_ws(' ', e.title, e.description, e.category,
                array_to_string(e.brand_safety_tags, ' ')))) as terms,
              array_remove(array[lower(btrim(e.category))], null) as categories,
              e.embedding, e.ends_at, lower(btrim(e.city)) as city, lower(btrim(e.country)) as country,
              yardpass_normalized_tags(e.brand_safety_tags) as brand_safety_tags,
              coalesce(pk.ids, '{}') as package_ids, coalesce(pk.prices, '{}') as package_prices,
              coalesce(pk.currencies, '{}') as package_currencies, pk.rules as package_rules,
              i.event_id is not null as has_insights,
              coalesce(aud.segments, '{}') as age_segments, coalesce(aud.shares, '{}') as age_shares,
              st.dwell as avg_dwell_ms, st.conversion as conversion_rate
         from wanted e
         left join lateral (
           select array_agg(p.id order by p.price_cents desc, p.id) as ids,
                  array_agg(p.price_cents order by p.price_cents desc, p.id) as prices,
                  array_agg(p.currency order by p.price_cents desc, p.id) as currencies,
                  jsonb_agg(p.constraints order by p.price_cents desc, p.id) as rules
             from sponsorship_packages p
            where p.event_id = e.id and p.is_active and p.visibility <> 'private') pk on true
         left join event_audience_insights i on i.event_id = e.id
         left join lateral (
           select array_agg(s.key order by s.key) as segments,
                  array_agg((s.value ->> 'share')::float8 order by s.key) as shares
             from jsonb_each(i.age_segments) s
            where (s.value ->> 'people')::int >= i.min_segment
              and exists (select from audience_consents c
                           where c.event_id = e.id and c.segment_key = 'age:' || s.key
                             and (c.expires_at is null or c.expires_at > now()))) aud on true
         left join lateral (
           select max(s.metric_value) filter (where s.metric_key = 'video_avg_dwell_ms_7d')::float8 as dwell,
                  max(s.metric_value) filter (where s.metric_key = 'ticket_conv_rate_30d')::float8 as conversion
             from event_stat_snapshots s
            where s.event_id = e.id
              and s.captured_at = (select max(captured_at) from event_stat_snapshots where event_id = e.id)) st on true
     )
     insert into match_features as f (event_id, org_id, inputs, terms, categories, embedding, ends_at, city, country,
       brand_safety_tags, package_ids, package_prices, package_currencies, has_insights, age_segments, age_shares,
       avg_dwell_ms, conversion_rate, computed_at)
     select event_id, org_id,
            md5(row(terms, categories, embedding, city, country, brand_safety_tags, package_ids, package_prices,
                    package_currencies, package_rules, has_insights, age_segments, age_shares, avg_dwell_ms,
                    conversion_rate)::text)::uuid,
            terms, categories, embedding, ends_at, city, country, brand_safety_tags, package_ids, package_prices,
            package_currencies, has_insights, age_segments, age_shares, avg_dwell_ms, conversion_rate, now()
       from computed
     on conflict (event_id) do update set org_id = excluded.org_id, inputs = excluded.inputs, terms = excluded.terms,
       categories = excluded.categories, embedding = excluded.embedding, ends_at = excluded.ends_at,
       city = excluded.city, country = excluded.country, brand_safety_tags = excluded.brand_safety_tags,
       package_ids = excluded.package_ids, package_prices = excluded.package_prices,
       package_currencies = excluded.package_currencies, has_insights = excluded.has_insights,
       age_segments = excluded.age_segments, age_shares = excluded.age_shares, avg_dwell_ms = excluded.avg_dwell_ms,
       conversion_rate = excluded.conversion_rate, computed_at = excluded.computed_at`,
    [eventIds, sponsorIds],
  );
}

async function refreshSponsorFeatures(tx: Tx, subjects: QueuedSubject[]): Promise<void> {
  const [eventIds, sponsorIds] = subjectArrays(subjects);
  await tx.query(
    `with computed as (
       select s.id as sponsor_id, s.org_id,
              tsvector_to_array(to_tsvector('english', concat_ws(' ', sp.objectives,
                array_to_string(sp.preferred_categories, ' '), coalesce(s.industry, sp.industry)))) as terms,
              yardpass_normalized_tags(sp.preferred_categories || coalesce(s.industry, sp.industry)) as categories,
              sp.embedding, s.visibility = 'public' as visible, lower(btrim(s.name)) as name,
              lower(btrim(coalesce(s.industry, sp.industry))) as industry, sp.budget_min_cents, sp.budget_max_cents,
              sp.currency, yardpass_normalized_tags(sp.regions) as regions,
              array(select jsonb_array_elements_text(
                      case when jsonb_typeof(sp.target_audience -> 'age_segments') = 'array'
                           then sp.target_audience -> 'age_segments' else '[]' end)) as target_age_segments,
              yardpass_avoid_tags(sp.activation_preferences) as avoid_tags
         from sponsors s join sponsor_profiles sp on sp.sponsor_id = s.id
        where exists (select from unnest($1::uuid[], $2::uuid[]) q(event_id, sponsor_id)
                       where q.sponsor_id = s.id or (q.event_id is null and q.sponsor_id is null))
     )
     insert into match_features as f (sponsor_id, org_id, inputs, terms, categories, embedding, visible, name,
       industry, budget_min_cents, budget_max_cents, currency, regions, target_age_segments, avoid_tags, computed_at)
     select sponsor_id, org_id,
            md5(row(terms, categories, embedding, visible, name, industry, budget_min_cents, budget_max_cents,
                    currency, regions, target_age_segments, avoid_tags)::text)::uuid,
            terms, categories, embedding, visible, name, industry, budget_min_cents, budget_max_cents, currency,
            regions, target_age_segments, avoid_tags, now()
       from computed
     on conflict (sponsor_id) do update set org_id = excluded.org_id, inputs = excluded.inputs,
       terms = excluded.terms, categories = excluded.categories, embedding = excluded.embedding,
       visible = excluded.visible, name = excluded.name, industry = excluded.industry,
       budget_min_cents = excluded.budget_min_cents, budget_max_cents = excluded.budget_max_cents,
       currency = excluded.currency, regions = excluded.regions, target_age_segments = excluded.target_age_segments,
       avoid_tags = excluded.avoid_tags, computed_at = excluded.computed_at`,
    [eventIds, sponsorIds],
  );
}

/**
 * The status and first-suggestion time of one side on re-scoring: kept when that side accepted the pair, or
 * dismissed it and neither side's inputs changed since; else what the new score says.
 */
function sideUpdate(side: MatchSide): string {
  const kept = `m.${side}_status = 'accepted' or m.${side}_status = 'dismissed'
    and (m.event_inputs, m.sponsor_inputs) = (excluded.event_inputs, excluded.sponsor_inputs)`;
  return `${side}_status = case when ${kept} then m.${side}_status else excluded.${side}_status end,
    ${side}_suggested_at = case when ${kept} then m.${side}_suggested_at
      else coalesce(m.${side}_suggested_at, excluded.${side}_suggested_at) end`;
}

const COMPONENT_COLUMNS = [
  'budget_fit',
  'audience_overlap',
  'geo_overlap',
  'engagement_quality',
  'objectives_similarity',
];

/**
 * What each component saw, in typed columns (migration 0021): a jsonb object built for each of a million pairs
 * was a fifth of the drain's CPU. The API's `details` is built from them when a match is read (`viewSelect`).
 */
const DIAGNOSTICS = [
  'packages',
  'packages_in_budget',
  'age_segments',
  'avg_dwell_ms',
  'conversion_rate',
  'objectives_method',
  'terms_matched',
  'terms',
];

/** A re-scored pair's new score, components and inputs; each side's status as `sideUpdate` says. */
const upsert = `on conflict (event_id, sponsor_id) do update set
  score = excluded.score, ${COMPONENT_COLUMNS.map((column) => `${column} = excluded.${column}`).join(', ')},
  weights = excluded.weights, missing = excluded.missing,
  ${DIAGNOSTICS.map((column) => `${column} = excluded.${column}`).join(', ')}, exclusion = excluded.exclusion,
  best_package_id = excluded.best_package_id, event_inputs = excluded.event_inputs,
  sponsor_inputs = excluded.sponsor_inputs, updated_at = now(), ${sideUpdate('organizer')}, ${sideUpdate('sponsor')}`;

// A budget without a maximum: the largest bigint but one, so that its negation minus one still is one.
const MAX_CENTS = '9223372036854775806';

export interface ScoreOutcome {
  scored: number;
  excluded: number;
  /** Matches whose organizer side first crossed its organization's threshold in this statement. */
  organizer_crossed: string[];
  /** Matches whose sponsor side first crossed its organization's threshold in this statement. */
  sponsor_crossed: string[];
}

/**
 * Scores every pair the queued subjects expand to (only events that have not ended), in one statement (DESIGN §5 "Matching"; the components are
 * defined in docs/matching.md): hard gates first (same organization, a sponsor that is not public, brand
 * safety, packages whose `category_allow` / `sponsor_conflicts` exclude the sponsor), then the five
 * components and their sum weighted by the organizer's weights, upserted into `sponsorship_matches` with
 * each side's status. Pairs are written in key order, so concurrent drains do not deadlock on each other.
 */
export async function scorePairs(tx: Tx, subjects: QueuedSubject[]): Promise<ScoreOutcome> {
  const [eventIds, sponsorIds] = subjectArrays(subjects);
  // The planner cannot know how many pairs the queued subjects expand to (from one to millions) and picks
  // nested loops over them; hash joins are right at every size, with the memory to keep them in one pass.
  // The commit need not wait for its WAL flush: a crash that loses it loses the batch's claim with it, and
  // the entries are drained again.
  await tx.query(
    `set local enable_nestloop = off; set local work_mem = '128MB'; set local synchronous_commit = off`,
  );
  // Events none of whose pairs are stored yet (a first fill) are inserted without `on conflict`, whose
  // speculative insertion was 8 % of the statement's CPU. Should a concurrent batch store one of these pairs
  // first, this insert fails with a unique violation and the drain retries the batch, as an upsert then.
  const fresh =
    subjects.every((s) => s.event_id !== null && s.sponsor_id === null) &&
    (
      await tx.query<{ fresh: boolean }>(
        'select not exists (select from sponsorship_matches where event_id = any($1::uuid[])) as fresh',
        [eventIds],
      )
    ).rows[0]!.fresh;
  const { rows } = await tx.query<ScoreOutcome>(
    `with queued as (
       select * from unnest($1::uuid[], $2::uuid[]) as q(event_id, sponsor_id)
     ), live_events as (
       select event_id from match_features where event_id is not null and ends_at > now()
     ), all_sponsors as (
       select sponsor_id from match_features where sponsor_id is not null
     ), pairs as (
       select q.event_id, q.sponsor_id from queued q join live_events e using (event_id) where q.sponsor_id is not null
       union
       select q.event_id, s.sponsor_id from queued q join live_events e using (event_id) cross join all_sponsors s
        where q.sponsor_id is null
       union
       select e.event_id, q.sponsor_id from queued q cross join live_events e
        where q.event_id is null and q.sponsor_id is not null
       union
       select e.event_id, s.sponsor_id from live_events e cross join all_sponsors s
        where exists (select from queued where event_id is null and sponsor_id is null)
     ), event_features as materialized (
       -- per event, not per pair: the single currency of its packages (null when none or several) and
       -- their prices negated, so that they ascend
       select f.*, case when f.package_currencies <@ f.package_currencies[1:1] then f.package_currencies[1] end
                     as package_currency,
              array(select -u.price from unnest(f.package_prices) with ordinality u(price, position)
                      order by u.position) as negated_prices
         from match_features f where f.event_id in (select event_id from pairs)
     ), restricted as materialized (
       select p.id, p.event_id,
              yardpass_normalized_tags(array(select jsonb_array_elements_text(
                case when jsonb_typeof(p.constraints -> 'category_allow') = 'array'
                     then p.constraints -> 'category_allow' else '[]' end))) as allow,
              yardpass_normalized_tags(array(select jsonb_array_elements_text(
                case when jsonb_typeof(p.constraints -> 'sponsor_conflicts') = 'array'
                     then p.constraints -> 'sponsor_conflicts' else '[]' end))) as conflicts
         from sponsorship_packages p
        where p.is_active and p.visibility <> 'private'
          and p.event_id in (select distinct event_id from pairs)
          and (jsonb_array_length(case when jsonb_typeof(p.constraints -> 'category_allow') = 'array'
                                       then p.constraints -> 'category_allow' else '[]' end) > 0
               or jsonb_array_length(case when jsonb_typeof(p.constraints -> 'sponsor_conflicts') = 'array'
                                          then p.constraints -> 'sponsor_conflicts' else '[]' end) > 0)
     ), blocked as (
       -- by package and sponsor, not by pair: restricted packages are few, pairs many
       select r.event_id, sf.sponsor_id, array_agg(r.id) as ids,
              min(case when sf.name = any(r.conflicts) or sf.industry = any(r.conflicts) then 'sponsor_conflicts'
                       else 'category_allow' end) as rule
         from restricted r, match_features sf
        where sf.sponsor_id in (select sponsor_id from pairs)
          and ((cardinality(r.allow) > 0 and not (r.allow && sf.categories))
               or sf.name = any(r.conflicts) or sf.industry = any(r.conflicts))
        group by r.event_id, sf.sponsor_id
     ), components as (
       select pr.event_id, pr.sponsor_id, ef.org_id as organizer_org_id, sf.org_id as sponsor_org_id,
              ef.inputs as event_inputs, sf.inputs as sponsor_inputs,
              case
                when ef.org_id = sf.org_id then jsonb_build_object('rule', 'same_organization')
                when not sf.visible then jsonb_build_object('rule', 'sponsor_not_visible')
                when ef.brand_safety_tags && sf.avoid_tags then jsonb_build_object('rule', 'brand_safety', 'tag',
                  (select min(t) from unnest(ef.brand_safety_tags) t where t = any(sf.avoid_tags)))
                when pk.packages = 0 and b.ids is not null then jsonb_build_object('rule', b.rule)
              end as exclusion,
              ef.package_ids[pk.best] as best_package_id,
              case when sf.budget_min_cents is null and sf.budget_max_cents is null or pk.packages = 0 then 0
                   else pk.in_budget::float8 / pk.packages end as budget_fit,
              least(1, coalesce(au.overlap, 0)) as audience_overlap,
              case when ef.city = any(sf.regions) then 1 when ef.country = any(sf.regions) then 0.5 else 0 end
                as geo_overlap,
              case when ef.avg_dwell_ms is null then 0
                   else 0.5 * least(1, ef.avg_dwell_ms / 30000) + 0.5 * least(1, coalesce(ef.conversion_rate, 0) / 0.1)
              end as engagement_quality,
              coalesce(em.cosine,
                       greatest(case when ef.categories && sf.categories then 1 else 0 end,
                                ob.matched::float8 / nullif(cardinality(sf.terms), 0)), 0) as objectives_similarity,
              pk.packages, pk.in_budget as packages_in_budget, coalesce(au.segments, '{}') as age_segments,
              case when em.cosine is not null then 'embedding' when ef.categories && sf.categories then 'category'
                   else 'text' end as objectives_method,
              ob.matched as terms_matched, cardinality(sf.terms) as terms, ef.avg_dwell_ms, ef.conversion_rate,
              array_remove(array[
                case when sf.budget_min_cents is null and sf.budget_max_cents is null then 'sponsor_budget' end,
                case when pk.packages = 0 then 'event_packages' end,
                case when cardinality(sf.target_age_segments) = 0 then 'sponsor_target_audience' end,
                case when not ef.has_insights then 'audience_insights'
                     when cardinality(ef.age_segments) = 0 then 'audience_consent' end,
                case when cardinality(sf.regions) = 0 then 'sponsor_regions' end,
                case when ef.city is null and ef.country is null then 'event_location' end,
                case when ef.avg_dwell_ms is null then 'engagement_stats' end,
                case when cardinality(sf.terms) = 0 and cardinality(sf.categories) = 0
                      and em.cosine is null then 'sponsor_objectives' end
              ], null) as missing,
              coalesce(ms.budget_fit, 0.25) as w_budget, coalesce(ms.audience_overlap, 0.35) as w_audience,
              coalesce(ms.geo_overlap, 0.15) as w_geo, coalesce(ms.engagement_quality, 0.15) as w_engagement,
              coalesce(ms.objectives_similarity, 0.10) as w_objectives,
              coalesce(ms.threshold, 0.7) as organizer_threshold, coalesce(ss.threshold, 0.7) as sponsor_threshold
         from pairs pr
         join event_features ef on ef.event_id = pr.event_id
         join match_features sf on sf.sponsor_id = pr.sponsor_id
         left join blocked b on b.event_id = pr.event_id and b.sponsor_id = pr.sponsor_id
         left join matching_settings ms on ms.org_id = ef.org_id
         left join matching_settings ss on ss.org_id = sf.org_id
         -- The packages are stored dearest first: the best is the first that fits, else the last (cheapest).
         -- An event selling in one currency, with no package blocked for the sponsor, is counted by binary
         -- search on its negated prices (ascending): width_bucket(x, a) is the number of elements of a <= x,
         -- so "dearer" is the number of packages above the budget. Otherwise each package is looked at.
         cross join lateral (
           select cardinality(ef.package_ids) as packages, f.in_budget,
                  case when f.in_budget > 0 then f.dearer + 1 else nullif(cardinality(ef.package_ids), 0) end as best
             from (select d.dearer,
                          case when ef.package_currency = sf.currency
                               then greatest(0, width_bucket(-coalesce(sf.budget_min_cents, 0), ef.negated_prices)
                                                - d.dearer)
                               else 0 end as in_budget
                     from (select width_bucket(-coalesce(sf.budget_max_cents, ${MAX_CENTS}) - 1, ef.negated_prices)
                                    as dearer) d) f
            where ef.package_currency is not null and b.ids is null
           union all
           select count(*)::int, count(*) filter (where x.fits)::int,
                  coalesce(min(x.position) filter (where x.fits), max(x.position))
             from (select u.position,
                          u.currency = sf.currency and u.price >= coalesce(sf.budget_min_cents, 0)
                            and u.price <= coalesce(sf.budget_max_cents, u.price) as fits
                     from unnest(ef.package_ids, ef.package_prices, ef.package_currencies)
                            with ordinality u(id, price, currency, position)
                    where b.ids is null or u.id <> all(b.ids)) x
           having ef.package_currency is null or b.ids is not null) pk
         cross join lateral (
           -- segments are stored sorted
           select sum(a.share) as overlap, array_agg(a.segment) as segments
             from unnest(ef.age_segments, ef.age_shares) a(segment, share)
            where a.segment = any(sf.target_age_segments)) au
         cross join lateral (select count(*)::int as matched from unnest(sf.terms) t where t = any(ef.terms)) ob
         cross join lateral (
           select case when ef.embedding is not null and sf.embedding is not null
                       then yardpass_cosine(ef.embedding, sf.embedding) end as cosine) em
       -- offset 0 keeps the planner from inlining this query's columns into each place that reads them: the
       -- exclusion, the components and the score would be computed again for every reference (a quarter of
       -- the statement's CPU, measured on 100k pairs)
       offset 0
     ), scored as (
       select c.*,
              case when c.exclusion is null then
                c.w_budget * c.budget_fit + c.w_audience * c.audience_overlap + c.w_geo * c.geo_overlap
                + c.w_engagement * c.engagement_quality + c.w_objectives * c.objectives_similarity
              end as score
         from components c
       offset 0
     ), upserted as (
       insert into sponsorship_matches as m (event_id, sponsor_id, organizer_org_id, sponsor_org_id, score,
         budget_fit, audience_overlap, geo_overlap, engagement_quality, objectives_similarity, weights, missing,
         ${DIAGNOSTICS.join(', ')}, exclusion, best_package_id, event_inputs, sponsor_inputs, organizer_status,
         sponsor_status, organizer_suggested_at, sponsor_suggested_at)
       -- least/greatest skip nulls: an excluded pair's null score stays null.
       select s.event_id, s.sponsor_id, s.organizer_org_id, s.sponsor_org_id,
              case when s.score is not null then least(1, greatest(0, s.score)) end,
              ${COMPONENT_COLUMNS.map((column) => `case when s.exclusion is null then s.${column} end`).join(', ')},
              array[s.w_budget, s.w_audience, s.w_geo, s.w_engagement, s.w_objectives], s.missing,
              ${DIAGNOSTICS.map((column) => `case when s.exclusion is null then s.${column} end`).join(', ')},
              s.exclusion, s.best_package_id, s.event_inputs, s.sponsor_inputs,
              case when s.score >= s.organizer_threshold then 'suggested' else 'pending' end,
              case when s.score >= s.sponsor_threshold and s.best_package_id is not null then 'suggested'
                   else 'pending' end,
              case when s.score >= s.organizer_threshold then now() end,
              case when s.score >= s.sponsor_threshold and s.best_package_id is not null then now() end
         from scored s
        order by s.event_id, s.sponsor_id
       ${fresh ? '' : upsert}
       returning id, exclusion, organizer_suggested_at, sponsor_suggested_at
     )
     select count(*)::int as scored, count(*) filter (where exclusion is not null)::int as excluded,
            coalesce(array_agg(id) filter (where organizer_suggested_at = now()), '{}') as organizer_crossed,
            coalesce(array_agg(id) filter (where sponsor_suggested_at = now()), '{}') as sponsor_crossed
       from upserted`,
    [eventIds, sponsorIds],
  );
  return rows[0]!;
}

/** A match as one side's list and detail read it, before the domain shapes it. */
export interface MatchRow {
  id: string;
  event_id: string;
  sponsor_id: string;
  /** The organization of the side the row was read for. */
  viewer_org_id: string;
  status: MatchStatus;
  score: number;
  budget_fit: number;
  audience_overlap: number;
  geo_overlap: number;
  engagement_quality: number;
  objectives_similarity: number;
  /** The weights of the components, in the order of the columns above. */
  weights: number[];
  missing: string[];
  /** What each component saw: packages in budget, shared segments, the matching place, terms matched. */
  overlap_metrics: Record<string, unknown>;
  suggested_at: string | null;
  updated_at: string;
  event_title: string;
  event_city: string | null;
  event_category: string | null;
  event_starts_at: string;
  sponsor_name: string;
  sponsor_industry: string | null;
  sponsor_logo_url: string | null;
  package_id: string | null;
  package_title: string | null;
  package_tier: string | null;
  package_price_cents: number | null;
  package_currency: string | null;
}

export interface MatchFilter {
  status?: MatchStatus;
  minScore?: number;
  category?: string;
  city?: string;
  limit: number;
  after?: Cursor;
}

/**
 * The columns of a match as `side` sees it. The organizer reads the matched sponsor through the `matched`
 * policies; the sponsor reads the event and its best package because that package is listed.
 */
const viewSelect = (side: MatchSide) => `
  select m.id, m.event_id, m.sponsor_id, m.${side}_org_id as viewer_org_id, m.${side}_status as status, m.score,
         m.budget_fit, m.audience_overlap, m.geo_overlap, m.engagement_quality, m.objectives_similarity, m.weights,
         m.missing,
         jsonb_build_object('packages', m.packages, 'packages_in_budget', m.packages_in_budget,
           'age_segments', to_jsonb(m.age_segments),
           'geo', case m.geo_overlap when 1 then 'city' when 0.5 then 'country' end,
           'avg_dwell_ms', m.avg_dwell_ms, 'conversion_rate', m.conversion_rate,
           'objectives_method', m.objectives_method, 'terms_matched', m.terms_matched, 'terms', m.terms)
           as overlap_metrics,
         m.${side}_suggested_at as suggested_at, m.updated_at,
         e.title as event_title, e.city as event_city, e.category as event_category, e.starts_at as event_starts_at,
         s.name as sponsor_name, s.industry as sponsor_industry, s.logo_url as sponsor_logo_url,
         p.id as package_id, p.title as package_title, p.tier as package_tier, p.price_cents as package_price_cents,
         p.currency as package_currency
    from sponsorship_matches m
    join events e on e.id = m.event_id
    join sponsors s on s.id = m.sponsor_id
    left join sponsor_profiles sp on sp.sponsor_id = m.sponsor_id
    left join sponsorship_packages p on p.id = m.best_package_id
   where m.exclusion is null${side === 'sponsor' ? ' and p.id is not null' : ''}`;

/**
 * The filters of both lists, only those given (`whereOf`: each combination is its own named statement, prepared
 * once per connection, its plan walking the ranked index): the caller's status (dismissed only when asked for),
 * score, the counterpart's category and city, and the cursor.
 */
function filterWhere(side: MatchSide, filter: MatchFilter) {
  return whereOf(
    [
      { name: 'status', values: given(filter.status), sql: (status) => `m.${side}_status = ${status}::text` },
      {
        name: 'undismissed',
        values: filter.status ? undefined : [],
        sql: () => `m.${side}_status <> 'dismissed'`,
      },
      { name: 'min', values: given(filter.minScore), sql: (min) => `m.score >= ${min}::float8` },
      {
        name: 'category',
        values: given(filter.category),
        sql: (category) =>
          side === 'organizer'
            ? `lower(btrim(${category}::text)) = any(yardpass_normalized_tags(coalesce(sp.preferred_categories, '{}') || s.industry))`
            : `lower(btrim(e.category)) = lower(btrim(${category}::text))`,
      },
      {
        name: 'city',
        values: given(filter.city),
        sql: (city) =>
          side === 'organizer'
            ? `lower(btrim(${city}::text)) = any(yardpass_normalized_tags(coalesce(sp.regions, '{}')))`
            : `lower(btrim(e.city)) = lower(btrim(${city}::text))`,
      },
      {
        name: 'after',
        values: filter.after && [Number(filter.after.value), filter.after.id],
        sql: (score, id) => `(m.score, m.id) < (${score}::float8, ${id}::uuid)`,
      },
    ],
    2,
  );
}

/**
 * One side's ranked list, best first: an event's matches as its organizer sees them, or a sponsor's (events with
 * a package on sale to it) as the sponsor's organization sees them.
 */
export async function listMatches(
  tx: Queryable,
  side: MatchSide,
  subjectId: string,
  filter: MatchFilter,
): Promise<MatchRow[]> {
  const subject = side === 'organizer' ? 'event_id' : 'sponsor_id';
  const where = filterWhere(side, filter);
  const { rows } = await tx.query<MatchRow>({
    name: `matches.${side}:${where.key}`,
    text: `${viewSelect(side)} and m.${subject} = $1 and ${where.sql}
      order by m.score desc, m.id desc limit $${where.values.length + 2}`,
    values: [subjectId, ...where.values, filter.limit + 1],
  });
  return rows;
}

/** The organizer's list of an event (what the benchmark's bare route runs). */
export const listEventMatches = (tx: Queryable, eventId: string, filter: MatchFilter) =>
  listMatches(tx, 'organizer', eventId, filter);

/** Which side of a match `orgId` is on, when it is a party to a listed pair. */
export async function findMatchSide(
  tx: Queryable,
  id: string,
  orgId: string,
): Promise<
  { side: MatchSide; event_id: string; sponsor_id: string; best_package_id: string | null } | undefined
> {
  const { rows } = await tx.query<{
    side: MatchSide;
    event_id: string;
    sponsor_id: string;
    best_package_id: string | null;
  }>(
    `select case when organizer_org_id = $2 then 'organizer' else 'sponsor' end as side, event_id, sponsor_id,
            best_package_id
       from sponsorship_matches where id = $1 and exclusion is null`,
    [id, orgId],
  );
  return rows[0];
}

/** One match as `side` sees it (the sponsor side only while the event has a package on sale for it). */
export async function findMatchView(
  tx: Queryable,
  id: string,
  side: MatchSide,
): Promise<MatchRow | undefined> {
  const { rows } = await tx.query<MatchRow>(`${viewSelect(side)} and m.id = $1`, [id]);
  return rows[0];
}

/** Matches by id as `side` sees them: the payloads of `match.suggested`. */
export async function findMatchViews(tx: Queryable, ids: string[], side: MatchSide): Promise<MatchRow[]> {
  const { rows } = await tx.query<MatchRow>(`${viewSelect(side)} and m.id = any($1::uuid[])`, [ids]);
  return rows;
}

const feedbackColumns = 'id, match_id, side, action, reason, note, created_at';

/** Records one side's feedback and moves that side's status: accept → accepted, dismiss / not relevant → dismissed. */
export async function insertFeedback(
  tx: Tx,
  feedback: {
    matchId: string;
    orgId: string;
    side: MatchSide;
    userId: string | null;
    apiKeyId: string | null;
    action: 'accept' | 'dismiss' | 'not_relevant';
    reason: string | null;
    note: string | null;
  },
): Promise<MatchFeedbackRow> {
  const status = feedback.action === 'accept' ? 'accepted' : 'dismissed';
  const { rows } = await tx.query<MatchFeedbackRow>(
    `with updated as (
       update sponsorship_matches set ${feedback.side}_status = $9, updated_at = now() where id = $1
     )
     insert into match_feedback (match_id, org_id, side, user_id, api_key_id, action, reason, note)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${feedbackColumns}`,
    [
      feedback.matchId,
      feedback.orgId,
      feedback.side,
      feedback.userId,
      feedback.apiKeyId,
      feedback.action,
      feedback.reason,
      feedback.note,
      status,
    ],
  );
  return rows[0]!;
}

/** The caller's own feedback on a match, newest first (row-level security keeps the other party's out). */
export async function listFeedback(tx: Queryable, matchId: string): Promise<MatchFeedbackRow[]> {
  const { rows } = await tx.query<MatchFeedbackRow>(
    `select ${feedbackColumns} from match_feedback where match_id = $1 order by created_at desc, id desc limit 20`,
    [matchId],
  );
  return rows;
}

const settingsColumns = `budget_fit, audience_overlap, geo_overlap, engagement_quality, objectives_similarity,
  threshold, updated_at`;

/** The organization's weights and threshold, or undefined while it uses the defaults. */
export async function findMatchingSettings(
  tx: Queryable,
): Promise<Record<string, number | string> | undefined> {
  const { rows } = await tx.query<Record<string, number | string>>(
    `select ${settingsColumns} from matching_settings where org_id = yardpass_current_org()`,
  );
  return rows[0];
}

export async function upsertMatchingSettings(
  tx: Tx,
  orgId: string,
  settings: { weights: Record<string, number>; threshold: number },
): Promise<Record<string, number | string>> {
  const w = settings.weights;
  const { rows } = await tx.query<Record<string, number | string>>(
    `insert into matching_settings (org_id, budget_fit, audience_overlap, geo_overlap, engagement_quality,
       objectives_similarity, threshold)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (org_id) do update set budget_fit = excluded.budget_fit, audience_overlap = excluded.audience_overlap,
       geo_overlap = excluded.geo_overlap, engagement_quality = excluded.engagement_quality,
       objectives_similarity = excluded.objectives_similarity, threshold = excluded.threshold, updated_at = now()
     returning ${settingsColumns}`,
    [
      orgId,
      w.budget_fit,
      w.audience_overlap,
      w.geo_overlap,
      w.engagement_quality,
      w.objectives_similarity,
      settings.threshold,
    ],
  );
  return rows[0]!;
}

/** The first avoid tag of the sponsor's profile among the event's brand-safety tags (the gate's answer). */
export async function findBrandSafetyConflict(
  tx: Queryable,
  pair: { eventId: string; sponsorId: string },
): Promise<string | null> {
  const { rows } = await tx.query<{ tag: string | null }>(
    `select (select min(t) from unnest(yardpass_normalized_tags(e.brand_safety_tags)) t
              where t = any(yardpass_avoid_tags(sp.activation_preferences))) as tag
       from events e, sponsor_profiles sp where e.id = $1 and sp.sponsor_id = $2`,
    [pair.eventId, pair.sponsorId],
  );
  return rows[0]?.tag ?? null;
}
