-- Up Migration

-- The event stats pipeline (guide §5, §9, §12, §17): raw analytics in monthly range partitions, a daily
-- aggregate kept at ingestion for reports, batch de-duplication, audience insights and attribution.

-- Raw tables. No foreign keys: a batch of 10,000 rows must not pay 10,000 lookups; the domain checks the
-- event once per batch. `batch_id` names the ingestion batch each row came in.
create table event_impressions_p (
  org_id uuid not null,
  event_id uuid not null,
  batch_id uuid not null,
  occurred_at timestamptz not null,
  session_id text,
  source text,
  utm_source text,
  placement text,
  age_segment text,
  city text
) partition by range (occurred_at);

create table post_views_p (
  org_id uuid not null,
  event_id uuid not null,
  batch_id uuid not null,
  occurred_at timestamptz not null,
  session_id text,
  post_id text not null,
  dwell_ms int not null check (dwell_ms >= 0),
  age_segment text,
  city text
) partition by range (occurred_at);

create table ticket_analytics_p (
  org_id uuid not null,
  event_id uuid not null,
  batch_id uuid not null,
  occurred_at timestamptz not null,
  kind text not null check (kind in ('ticket_open', 'ticket_purchase')),
  session_id text,
  value_cents bigint not null default 0 check (value_cents >= 0),
  utm_source text,
  promo_code text,
  age_segment text,
  city text
) partition by range (occurred_at);

-- A month that has no partition yet lands in the default partition, so ingestion never fails; the
-- partitions job moves such rows into their month when it creates it.
create table event_impressions_p_default partition of event_impressions_p default;
create table post_views_p_default partition of post_views_p default;
create table ticket_analytics_p_default partition of ticket_analytics_p default;

-- Guide §9 partition-local indexes (created on every partition, present and future), plus BRIN on time
-- for the rollup's recent windows across all events.
create index event_impressions_p_event_occurred_idx on event_impressions_p (event_id, occurred_at);
create index post_views_p_event_occurred_idx on post_views_p (event_id, occurred_at);
create index ticket_analytics_p_event_occurred_idx on ticket_analytics_p (event_id, occurred_at);
create index event_impressions_p_occurred_brin on event_impressions_p using brin (occurred_at);
create index post_views_p_occurred_brin on post_views_p using brin (occurred_at);
create index ticket_analytics_p_occurred_brin on ticket_analytics_p using brin (occurred_at);

-- Creates the monthly partitions of the three raw tables for `months` months from `first_month`, moving
-- any rows the default partition holds for those months. Safe to call repeatedly (guide §17).
create function yardpass_ensure_analytics_partitions(first_month date, months int) returns int
  language plpgsql volatile as $$
declare
  parent text;
  part text;
  lo date;
  hi date;
  created int := 0;
begin
  for i in 0 .. months - 1 loop
    lo := (date_trunc('month', first_month) + make_interval(months => i))::date;
    hi := (lo + interval '1 month')::date;
    foreach parent in array array['event_impressions_p', 'post_views_p', 'ticket_analytics_p'] loop
      part := parent || '_' || to_char(lo, 'YYYY_MM');
      continue when to_regclass(part) is not null;
      execute format('create table %I (like %I including defaults including constraints)', part, parent);
      execute format('with moved as (delete from %I where occurred_at >= %L and occurred_at < %L returning *) '
        'insert into %I select * from moved', parent || '_default', lo, hi, part);
      execute format('alter table %I attach partition %I for values from (%L) to (%L)', parent, part, lo, hi);
      execute format('alter table %I enable row level security', part);
      execute format('alter table %I force row level security', part);
      execute format('create policy tenant on %I using (org_id = yardpass_current_org() or yardpass_is_system())',
        part);
      created := created + 1;
    end loop;
  end loop;
  return created;
end $$;

select yardpass_ensure_analytics_partitions(date_trunc('month', now())::date, 4);

-- Per event, day and attribution key: what reports and totals read instead of the raw rows. Kept up to
-- date by the ingestion statement itself. Empty strings stand for "no utm_source / promo code".
create table analytics_daily (
  org_id uuid not null references organizations on delete cascade,
  event_id uuid not null references events on delete cascade,
  day date not null,
  utm_source text not null default '',
  promo_code text not null default '',
  impressions bigint not null default 0,
  post_views bigint not null default 0,
  dwell_ms_sum bigint not null default 0,
  ticket_opens bigint not null default 0,
  ticket_purchases bigint not null default 0,
  purchase_value_cents bigint not null default 0,
  primary key (event_id, day, utm_source, promo_code)
);
create index analytics_daily_day_idx on analytics_daily (day, event_id);

-- One row per person (session) of an event with impressions: when last seen, and the latest age segment and
-- city reported. Kept by the ingestion statement, so the rollup counts people without hashing every raw row.
create table analytics_people (
  org_id uuid not null references organizations on delete cascade,
  event_id uuid not null references events on delete cascade,
  session_id text not null,
  last_seen_at timestamptz not null,
  age_segment text,
  city text,
  primary key (event_id, session_id)
);

-- One row per accepted batch: a replay of the same batch_id for the event stores nothing again.
create table analytics_batches (
  org_id uuid not null references organizations on delete cascade,
  event_id uuid not null references events on delete cascade,
  batch_id uuid not null,
  records int not null,
  impressions int not null,
  post_views int not null,
  ticket_events int not null,
  received_at timestamptz not null default now(),
  primary key (event_id, batch_id)
);

-- Audience insights from the latest rollup, one row per event. Segments and cities under the k-anonymity
-- threshold are never stored; consent is applied when the insights are shared.
create table event_audience_insights (
  org_id uuid not null references organizations on delete cascade,
  event_id uuid primary key references events on delete cascade,
  captured_at timestamptz not null,
  reach_estimate bigint not null,
  -- { "18-24": { "people": 120, "share": 0.4 }, … }
  age_segments jsonb not null default '{}',
  -- [ { "city": "Austin", "people": 300 }, … ] most people first
  cities jsonb not null default '[]',
  min_segment int not null
);

-- Attribution: the utm_sources and promo codes whose ticket purchases count as a sponsor's conversions.
alter table sponsors
  add column attribution_utm_sources text[] not null default '{}',
  add column attribution_promo_codes text[] not null default '{}';
alter table sponsorship_orders
  add column attribution_utm_sources text[] not null default '{}',
  add column attribution_promo_codes text[] not null default '{}';

create index event_stat_snapshots_event_captured_idx on event_stat_snapshots (event_id, captured_at desc);

-- The analytics of an ROI report, for an order the caller can see (the orders' RLS decides; null when it
-- cannot): the event's rows belong to the organizer, so the sponsor reads them only through this function.
-- It opens the system wall for its own statements and restores the caller's setting before returning.
-- Attributed purchases: utm_source = `utm_filter` when given, else a utm_source or promo code of the order's
-- or the sponsor's attribution codes. Days are UTC, `day_from` inclusive, `day_to` exclusive.
create function yardpass_roi_analytics(order_id uuid, day_from date, day_to date, utm_filter text)
  returns jsonb language plpgsql volatile as $$
declare
  found_order record;
  previous text := coalesce(current_setting('yardpass.system', true), '');
  result jsonb;
begin
  select o.event_id,
         array(select distinct u from unnest(o.attribution_utm_sources || s.attribution_utm_sources) u order by u)
           as utm_sources,
         array(select distinct c from unnest(o.attribution_promo_codes || s.attribution_promo_codes) c order by c)
           as promo_codes
    into found_order
    from sponsorship_orders o join sponsors s on s.id = o.sponsor_id
   where o.id = order_id;
  if not found then
    return null;
  end if;
  perform set_config('yardpass.system', 'on', true);
  select jsonb_build_object(
    'utm_sources', to_jsonb(found_order.utm_sources),
    'promo_codes', to_jsonb(found_order.promo_codes),
    'days', (
      select jsonb_agg(jsonb_build_object('date', to_char(g.day, 'YYYY-MM-DD'), 'impressions', d.impressions,
               'conversions', d.conversions, 'conversion_value_cents', d.value) order by g.day)
        from generate_series(day_from, day_to - 1, interval '1 day') as g(day)
        cross join lateral (
          select coalesce(sum(a.impressions), 0) as impressions,
                 coalesce(sum(a.ticket_purchases) filter (where a.attributed), 0) as conversions,
                 coalesce(sum(a.purchase_value_cents) filter (where a.attributed), 0) as value
            from (select impressions, ticket_purchases, purchase_value_cents,
                         case when utm_filter is not null then utm_source = utm_filter
                              else utm_source = any(found_order.utm_sources)
                                or promo_code = any(found_order.promo_codes) end as attributed
                    from analytics_daily where event_id = found_order.event_id and day = g.day::date) a) d),
    'snapshot_ids', (
      select coalesce(jsonb_agg(id order by metric_key), '[]') from event_stat_snapshots
       where event_id = found_order.event_id and captured_at = (
         select max(captured_at) from event_stat_snapshots
          where event_id = found_order.event_id and captured_at <= (day_to::timestamp at time zone 'UTC'))))
    into result;
  perform set_config('yardpass.system', previous, true);
  return result;
end $$;

do $$
declare t text;
begin
  foreach t in array array['event_impressions_p', 'post_views_p', 'ticket_analytics_p',
      'event_impressions_p_default', 'post_views_p_default', 'ticket_analytics_p_default',
      'analytics_daily', 'analytics_people', 'analytics_batches', 'event_audience_insights'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant on %I using (org_id = yardpass_current_org() or yardpass_is_system())', t);
  end loop;
end $$;

-- Down Migration

drop index if exists event_stat_snapshots_event_captured_idx;
alter table sponsorship_orders drop column if exists attribution_utm_sources,
  drop column if exists attribution_promo_codes;
alter table sponsors drop column if exists attribution_utm_sources, drop column if exists attribution_promo_codes;
drop table if exists event_audience_insights, analytics_batches, analytics_people, analytics_daily;
drop function if exists yardpass_roi_analytics;
drop function if exists yardpass_ensure_analytics_partitions;
drop table if exists event_impressions_p, post_views_p, ticket_analytics_p;
