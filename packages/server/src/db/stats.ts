import type { Queryable, Tx } from './pool';

/** The metrics every rollup writes for every event with activity (SLAs name these keys). */
export const METRIC_KEYS = [
  'impressions_24h',
  'impressions_total',
  'video_avg_dwell_ms_7d',
  'post_views_7d',
  'ticket_opens_30d',
  'ticket_purchases_30d',
  'ticket_conv_rate_30d',
  'ticket_revenue_cents_30d',
  'reach_estimate_30d',
] as const;

export interface SnapshotRow {
  id: string;
  metric_key: string;
  metric_value: number;
  captured_at: string;
}

export interface InsightsRow {
  captured_at: string;
  reach_estimate: number;
  age_segments: Record<string, { people: number; share: number }>;
  cities: { city: string; people: number }[];
  min_segment: number;
}

/**
 * The hourly rollup in two set-based statements (insights, then snapshots) for every event with activity in
 * the last 30 days (or only `eventId`): raw windows for the rolling metrics, the daily aggregate for the
 * all-time total, the people kept at ingestion for the audience. A person is a session seen in the last 30
 * days, counted once, under the latest age segment and city it reported; segments and cities below
 * `minSegment` people are not stored.
 */
export async function rollup(
  tx: Tx,
  options: { now: Date; minSegment: number; eventId?: string },
): Promise<{ events: number; snapshots: number }> {
  const params = [options.now.toISOString(), options.eventId ?? null, options.minSegment];
  await tx.query(
    `create temporary table rollup_active on commit drop as
       select event_id, min(org_id::text)::uuid as org_id from analytics_daily
        where day >= ($1::timestamptz - interval '30 days')::date and ($2::uuid is null or event_id = $2)
        group by event_id`,
    params.slice(0, 2),
  );
  // Temporary tables are never analysed automatically; without statistics the planner guesses their size.
  await tx.query('analyze rollup_active');
  await tx.query(
    `with people as (
       select event_id, age_segment, city from analytics_people
        where last_seen_at > $1::timestamptz - interval '30 days' and event_id in (select event_id from rollup_active)),
     reach as (select event_id, count(*) as n from people group by event_id),
     ages as (
       select event_id, age_segment, count(*) as n from people
        where age_segment is not null group by event_id, age_segment),
     age_totals as (select event_id, sum(n) as total from ages group by event_id),
     age_json as (
       select a.event_id, jsonb_object_agg(a.age_segment, jsonb_build_object(
                'people', a.n, 'share', round(a.n::numeric / t.total, 4))) as segments
         from ages a join age_totals t using (event_id) where a.n >= $2 group by a.event_id),
     city_counts as (
       select event_id, city, count(*) as n from people
        where city is not null group by event_id, city having count(*) >= $2),
     city_json as (
       select event_id, jsonb_agg(jsonb_build_object('city', city, 'people', n) order by n desc, city) as cities
         from (select *, row_number() over (partition by event_id order by n desc, city) as rank
                 from city_counts) c
        where rank <= 20 group by event_id)
     insert into event_audience_insights (org_id, event_id, captured_at, reach_estimate, age_segments, cities,
       min_segment)
     select a.org_id, a.event_id, $1, coalesce(r.n, 0), coalesce(ag.segments, '{}'), coalesce(c.cities, '[]'), $2
       from rollup_active a
       left join reach r on r.event_id = a.event_id
       left join age_json ag on ag.event_id = a.event_id
       left join city_json c on c.event_id = a.event_id
     on conflict (event_id) do update set captured_at = excluded.captured_at,
       reach_estimate = excluded.reach_estimate, age_segments = excluded.age_segments,
       cities = excluded.cities, min_segment = excluded.min_segment`,
    [params[0], options.minSegment],
  );
  const snapshots = await tx.query(
    `with imp24 as (
       select event_id, count(*) as n from event_impressions_p
        where occurred_at > $1::timestamptz - interval '24 hours' and occurred_at <= $1
          and event_id in (select event_id from rollup_active) group by event_id),
     total as (
       select event_id, sum(impressions) as n from analytics_daily
        where event_id in (select event_id from rollup_active) group by event_id),
     dwell as (
       select event_id, avg(dwell_ms) as avg_ms, count(*) as n from post_views_p
        where occurred_at > $1::timestamptz - interval '7 days' and occurred_at <= $1
          and event_id in (select event_id from rollup_active) group by event_id),
     tix as (
       select event_id, count(*) filter (where kind = 'ticket_open') as opens,
              count(*) filter (where kind = 'ticket_purchase') as purchases,
              coalesce(sum(value_cents) filter (where kind = 'ticket_purchase'), 0) as revenue
         from ticket_analytics_p
        where occurred_at > $1::timestamptz - interval '30 days' and occurred_at <= $1
          and event_id in (select event_id from rollup_active) group by event_id),
     reach as (
       select event_id, reach_estimate as n from event_audience_insights
        where event_id in (select event_id from rollup_active))
     insert into event_stat_snapshots (org_id, event_id, metric_key, metric_value, captured_at)
     select a.org_id, a.event_id, m.key, m.value, $1::timestamptz
       from rollup_active a
       left join imp24 on imp24.event_id = a.event_id
       left join total on total.event_id = a.event_id
       left join dwell on dwell.event_id = a.event_id
       left join tix on tix.event_id = a.event_id
       left join reach on reach.event_id = a.event_id
       cross join lateral (values
         ('impressions_24h', coalesce(imp24.n, 0)::numeric),
         ('impressions_total', coalesce(total.n, 0)::numeric),
         ('video_avg_dwell_ms_7d', round(coalesce(dwell.avg_ms, 0), 2)),
         ('post_views_7d', coalesce(dwell.n, 0)::numeric),
         ('ticket_opens_30d', coalesce(tix.opens, 0)::numeric),
         ('ticket_purchases_30d', coalesce(tix.purchases, 0)::numeric),
         ('ticket_conv_rate_30d', case when coalesce(tix.opens, 0) = 0 then 0
                                       else round(tix.purchases::numeric / tix.opens, 6) end),
         ('ticket_revenue_cents_30d', coalesce(tix.revenue, 0)::numeric),
         ('reach_estimate_30d', coalesce(reach.n, 0)::numeric)
       ) as m(key, value)`,
    params.slice(0, 1),
  );
  const { rows } = await tx.query<{ n: number }>('select count(*)::int as n from rollup_active');
  await tx.query('drop table rollup_active');
  return { events: rows[0]!.n, snapshots: snapshots.rowCount ?? 0 };
}

/** The newest snapshot of each metric of the event captured at or before `until`. */
export async function latestSnapshot(tx: Queryable, eventId: string, until?: string): Promise<SnapshotRow[]> {
  const { rows } = await tx.query<SnapshotRow>(
    `select id, metric_key, metric_value::float8 as metric_value, captured_at from event_stat_snapshots
      where event_id = $1 and captured_at = (
        select max(captured_at) from event_stat_snapshots
         where event_id = $1 and ($2::timestamptz is null or captured_at <= $2))
      order by metric_key`,
    [eventId, until ?? null],
  );
  return rows;
}

/** Snapshots of the event between `from` and `to`, oldest first. */
export async function snapshotSeries(
  tx: Queryable,
  eventId: string,
  window: { from: string; to: string; limit: number },
): Promise<SnapshotRow[]> {
  const { rows } = await tx.query<SnapshotRow>(
    `select id, metric_key, metric_value::float8 as metric_value, captured_at from event_stat_snapshots
      where event_id = $1 and captured_at >= $2 and captured_at <= $3
        and captured_at in (
          select distinct captured_at from event_stat_snapshots
           where event_id = $1 and captured_at >= $2 and captured_at <= $3
           order by captured_at desc limit $4)
      order by captured_at, metric_key`,
    [eventId, window.from, window.to, window.limit],
  );
  return rows;
}

export async function findInsights(tx: Queryable, eventId: string): Promise<InsightsRow | undefined> {
  const { rows } = await tx.query<InsightsRow>(
    `select captured_at, reach_estimate, age_segments, cities, min_segment
       from event_audience_insights where event_id = $1`,
    [eventId],
  );
  return rows[0];
}
