-- Up Migration

-- Matching (DESIGN §5 "Matching", guide §6 and §20.3; the formula and every component: docs/matching.md).
-- Changes that move a score queue their subject in `fit_recalc_queue` from triggers, in the transaction of
-- the change; a worker drains the queue set-based: the inputs of the queued events and sponsors are
-- refreshed into `match_features`, then one statement scores every pair of the batch into
-- `sponsorship_matches`.

-- Embeddings supplied by the caller, compared by cosine similarity (plain array math; pgvector when installed).
alter table events add column embedding float8[] check (cardinality(embedding) between 1 and 4096);
alter table sponsor_profiles add column embedding float8[] check (cardinality(embedding) between 1 and 4096);

-- Brand-safety tags and avoid tags compare trimmed and case-insensitively; the matching gate and the gate on
-- proposals and orders both read them through these two functions.
create function yardpass_normalized_tags(tags text[]) returns text[]
  language sql immutable parallel safe as $$
    select coalesce(array_agg(distinct lower(btrim(t)) order by lower(btrim(t))), '{}')
      from unnest(tags) t where btrim(t) <> ''
  $$;
create function yardpass_avoid_tags(preferences jsonb) returns text[]
  language sql immutable parallel safe as $$
    select yardpass_normalized_tags(array(
      select jsonb_array_elements_text(case when jsonb_typeof(preferences -> 'avoid_tags') = 'array'
                                            then preferences -> 'avoid_tags' else '[]' end)))
  $$;

-- Cosine similarity of two embeddings of the same length; null when either has no length.
do $$
begin
  if exists (select from pg_extension where extname = 'vector') then
    execute $f$create function yardpass_cosine(a float8[], b float8[]) returns float8
      language sql immutable parallel safe as
      'select case when cardinality(a) = cardinality(b) then 1 - ((a::real[])::vector <=> (b::real[])::vector) end'$f$;
  else
    execute $f$create function yardpass_cosine(a float8[], b float8[]) returns float8
      language sql immutable parallel safe as
      'select case when cardinality(a) = cardinality(b)
                   then (select sum(x * y) / nullif(sqrt(sum(x * x)) * sqrt(sum(y * y)), 0) from unnest(a, b) as v(x, y))
              end'$f$;
  end if;
end $$;

-- Per organization: the weights of the score (the guide's defaults) and the threshold of a suggestion. The
-- event's organizer's weights score a pair; each side's own threshold makes it `suggested` for that side.
create table matching_settings (
  org_id uuid primary key references organizations on delete cascade,
  budget_fit float8 not null default 0.25 check (budget_fit between 0 and 1),
  audience_overlap float8 not null default 0.35 check (audience_overlap between 0 and 1),
  geo_overlap float8 not null default 0.15 check (geo_overlap between 0 and 1),
  engagement_quality float8 not null default 0.15 check (engagement_quality between 0 and 1),
  objectives_similarity float8 not null default 0.10 check (objectives_similarity between 0 and 1),
  threshold float8 not null default 0.7 check (threshold between 0 and 1),
  updated_at timestamptz not null default now(),
  check (abs(budget_fit + audience_overlap + geo_overlap + engagement_quality + objectives_similarity - 1) < 1e-9)
);

-- What to re-score: an event against every sponsor (sponsor null), a sponsor against every live event
-- (event null), one pair, or everything (both null, system only). One pending row per subject and org.
create table fit_recalc_queue (
  id uuid primary key default gen_random_uuid(),
  org_id uuid references organizations on delete cascade,
  event_id uuid references events on delete cascade,
  sponsor_id uuid references sponsors on delete cascade,
  reason text not null check (length(reason) between 1 and 100),
  queued_at timestamptz not null default now(),
  processed_at timestamptz
);
create unique index fit_recalc_queue_pending_key on fit_recalc_queue (
  coalesce(org_id, '00000000-0000-0000-0000-000000000000'),
  coalesce(event_id, '00000000-0000-0000-0000-000000000000'),
  coalesce(sponsor_id, '00000000-0000-0000-0000-000000000000')) where processed_at is null;
create index fit_recalc_queue_pending_idx on fit_recalc_queue (queued_at) where processed_at is null;
create index fit_recalc_queue_processed_idx on fit_recalc_queue (processed_at) where processed_at is not null;

-- The inputs a score was computed from, one row per event or sponsor, written by the drain. `inputs` is a
-- digest of them: a pair dismissed on some inputs comes back only when one side's digest changes.
create table match_features (
  event_id uuid unique references events on delete cascade,
  sponsor_id uuid unique references sponsors on delete cascade,
  org_id uuid not null references organizations on delete cascade,
  inputs uuid not null,
  -- full-text lexemes (event: title, description, category, tags; sponsor: objectives, categories, industry)
  terms text[] not null default '{}',
  -- event: its category; sponsor: its industry and preferred categories (lower case)
  categories text[] not null default '{}',
  embedding float8[],
  -- event
  ends_at timestamptz,
  city text,
  country text,
  brand_safety_tags text[] not null default '{}',
  package_ids uuid[] not null default '{}',
  package_prices bigint[] not null default '{}',
  package_currencies text[] not null default '{}',
  has_insights boolean not null default false,
  age_segments text[] not null default '{}',
  age_shares float8[] not null default '{}',
  avg_dwell_ms float8,
  conversion_rate float8,
  -- sponsor
  visible boolean,
  name text,
  industry text,
  budget_min_cents bigint,
  budget_max_cents bigint,
  currency text,
  regions text[] not null default '{}',
  target_age_segments text[] not null default '{}',
  avoid_tags text[] not null default '{}',
  computed_at timestamptz not null default now(),
  check ((event_id is null) <> (sponsor_id is null))
);

-- One row per (event, sponsor) pair. `exclusion` names the hard gate that keeps a pair out (then there is no
-- score and the pair is never listed); each party has its own status (differs from the guide's single
-- `status`: one party's dismissal must not hide the pair from the other).
-- No foreign keys: the drain writes a million rows in one statement, and a key check is a query per row per
-- key (measured: 40 % of the statement). The pairs come from `match_features`, whose keys hold; deleting an
-- event or a sponsor deletes its pairs (triggers below), and a best package that is gone reads as none.
create table sponsorship_matches (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null,
  sponsor_id uuid not null,
  organizer_org_id uuid not null,
  sponsor_org_id uuid not null,
  score float8 check (score between 0 and 1),
  -- The five components (null when excluded) and the weights they were summed with, in the order budget,
  -- audience, geo, engagement, objectives: typed columns, since building numbers into jsonb cost a third of a
  -- million-row drain. `overlap_metrics` keeps what each component saw (packages in budget, shared segments,
  -- the matching place, terms), `missing` the inputs that were absent.
  budget_fit float8,
  audience_overlap float8,
  geo_overlap float8,
  engagement_quality float8,
  objectives_similarity float8,
  weights float8[],
  missing text[] not null default '{}',
  overlap_metrics jsonb not null default '{}',
  exclusion jsonb,
  best_package_id uuid,
  event_inputs uuid not null,
  sponsor_inputs uuid not null,
  organizer_status text not null default 'pending'
    check (organizer_status in ('pending', 'suggested', 'accepted', 'dismissed')),
  sponsor_status text not null default 'pending'
    check (sponsor_status in ('pending', 'suggested', 'accepted', 'dismissed')),
  organizer_suggested_at timestamptz,
  sponsor_suggested_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (event_id, sponsor_id),
  check ((score is null) = (exclusion is not null))
);
-- The organizer's ranked list of an event; the sponsor's list and the `matched` policy on sponsors.
create index sponsorship_matches_event_score_idx on sponsorship_matches (event_id, score desc, id desc)
  where exclusion is null;
create index sponsorship_matches_sponsor_organizer_idx on sponsorship_matches (sponsor_id, organizer_org_id);

create function yardpass_delete_matches_of_events() returns trigger language plpgsql as $$
begin
  delete from sponsorship_matches where event_id in (select id from old_rows);
  return null;
end $$;
create trigger events_delete_matches after delete on events
  referencing old table as old_rows for each statement execute function yardpass_delete_matches_of_events();
create function yardpass_delete_matches_of_sponsors() returns trigger language plpgsql as $$
begin
  delete from sponsorship_matches where sponsor_id in (select id from old_rows);
  return null;
end $$;
create trigger sponsors_delete_matches after delete on sponsors
  referencing old table as old_rows for each statement execute function yardpass_delete_matches_of_sponsors();

-- Feedback is the giving party's own: the other party never reads it.
create table match_feedback (
  id uuid primary key default gen_random_uuid(),
  match_id uuid not null references sponsorship_matches on delete cascade,
  org_id uuid not null references organizations on delete cascade,
  side text not null check (side in ('organizer', 'sponsor')),
  user_id uuid references users on delete set null,
  api_key_id uuid references api_keys on delete set null,
  action text not null check (action in ('accept', 'dismiss', 'not_relevant')),
  reason text check (length(reason) <= 200),
  note text check (length(note) <= 2000),
  created_at timestamptz not null default now()
);
create index match_feedback_match_org_idx on match_feedback (match_id, org_id, created_at desc);

-- Queueing, in the transaction of the change. Statement-level triggers: a batch of changed rows queues
-- each subject once, in one insert.
create function yardpass_queue_fit(org_ids uuid[], event_ids uuid[], sponsor_ids uuid[], why text)
  returns void language sql volatile as $$
    insert into fit_recalc_queue (org_id, event_id, sponsor_id, reason)
    select distinct q.org_id, q.event_id, q.sponsor_id, why from unnest(org_ids, event_ids, sponsor_ids) q(org_id, event_id, sponsor_id)
    on conflict do nothing
  $$;

create function yardpass_queue_events_changed() returns trigger language plpgsql as $$
begin
  perform yardpass_queue_fit(array_agg(owner_org_id), array_agg(id), array_agg(null::uuid), tg_argv[0])
     from new_rows;
  return null;
end $$;
create trigger events_queue_fit_insert after insert on events
  referencing new table as new_rows for each statement execute function yardpass_queue_events_changed('event_created');
create trigger events_queue_fit_update after update on events
  referencing new table as new_rows for each statement execute function yardpass_queue_events_changed('event_updated');

-- Rows of tables that belong to an event (insights, snapshots, consents, packages): queue their event.
create function yardpass_queue_event_of_rows() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform yardpass_queue_fit(array_agg(org_id), array_agg(event_id), array_agg(null::uuid), tg_argv[0])
       from (select distinct org_id, event_id from old_rows) r;
  else
    perform yardpass_queue_fit(array_agg(org_id), array_agg(event_id), array_agg(null::uuid), tg_argv[0])
       from (select distinct org_id, event_id from new_rows) r;
  end if;
  return null;
end $$;
create trigger event_audience_insights_queue_fit_insert after insert on event_audience_insights
  referencing new table as new_rows for each statement execute function yardpass_queue_event_of_rows('audience_insights');
create trigger event_audience_insights_queue_fit_update after update on event_audience_insights
  referencing new table as new_rows for each statement execute function yardpass_queue_event_of_rows('audience_insights');
create trigger event_stat_snapshots_queue_fit after insert on event_stat_snapshots
  referencing new table as new_rows for each statement execute function yardpass_queue_event_of_rows('event_stats');
create trigger audience_consents_queue_fit_insert after insert on audience_consents
  referencing new table as new_rows for each statement execute function yardpass_queue_event_of_rows('audience_consent');
create trigger audience_consents_queue_fit_update after update on audience_consents
  referencing new table as new_rows for each statement execute function yardpass_queue_event_of_rows('audience_consent');
create trigger audience_consents_queue_fit_delete after delete on audience_consents
  referencing old table as old_rows for each statement execute function yardpass_queue_event_of_rows('audience_consent');

-- Packages move the budget fit and the best package when what is on sale changes (publish, price, rules).
create function yardpass_queue_package_changed() returns trigger language plpgsql as $$
begin
  perform yardpass_queue_fit(array_agg(n.org_id), array_agg(n.event_id), array_agg(null::uuid), 'package_changed')
     from (select distinct n.org_id, n.event_id from new_rows n left join old_rows o on o.id = n.id
            where o.id is null and n.is_active
               or (n.is_active, n.visibility, n.price_cents, n.currency, n.constraints, n.archived_at)
                  is distinct from (o.is_active, o.visibility, o.price_cents, o.currency, o.constraints, o.archived_at)) n;
  return null;
end $$;
create function yardpass_queue_package_inserted() returns trigger language plpgsql as $$
begin
  perform yardpass_queue_fit(array_agg(n.org_id), array_agg(n.event_id), array_agg(null::uuid), 'package_changed')
     from (select distinct org_id, event_id from new_rows where is_active) n;
  return null;
end $$;
create trigger sponsorship_packages_queue_fit_insert after insert on sponsorship_packages
  referencing new table as new_rows for each statement execute function yardpass_queue_package_inserted();
create trigger sponsorship_packages_queue_fit_update after update on sponsorship_packages
  referencing new table as new_rows old table as old_rows
  for each statement execute function yardpass_queue_package_changed();

create function yardpass_queue_profiles_changed() returns trigger language plpgsql as $$
begin
  perform yardpass_queue_fit(array_agg(org_id), array_agg(null::uuid), array_agg(sponsor_id), 'profile_update')
     from new_rows;
  return null;
end $$;
create trigger sponsor_profiles_queue_fit_insert after insert on sponsor_profiles
  referencing new table as new_rows for each statement execute function yardpass_queue_profiles_changed();
create trigger sponsor_profiles_queue_fit_update after update on sponsor_profiles
  referencing new table as new_rows for each statement execute function yardpass_queue_profiles_changed();

-- A sponsor's name, industry and visibility are inputs too (conflicts, categories, the visibility gate).
create function yardpass_queue_sponsors_changed() returns trigger language plpgsql as $$
begin
  perform yardpass_queue_fit(array_agg(n.org_id), array_agg(null::uuid), array_agg(n.id), 'sponsor_update')
     from new_rows n join old_rows o on o.id = n.id
    where (n.name, n.industry, n.visibility) is distinct from (o.name, o.industry, o.visibility);
  return null;
end $$;
create trigger sponsors_queue_fit_update after update on sponsors
  referencing new table as new_rows old table as old_rows
  for each statement execute function yardpass_queue_sponsors_changed();

-- New weights re-score the organization's live events.
create function yardpass_queue_settings_changed() returns trigger language plpgsql as $$
begin
  perform yardpass_queue_fit(array_agg(e.owner_org_id), array_agg(e.id), array_agg(null::uuid), 'weights_changed')
     from new_rows n join events e on e.owner_org_id = n.org_id and e.ends_at > now();
  return null;
end $$;
create trigger matching_settings_queue_fit_insert after insert on matching_settings
  referencing new table as new_rows for each statement execute function yardpass_queue_settings_changed();
create trigger matching_settings_queue_fit_update after update on matching_settings
  referencing new table as new_rows for each statement execute function yardpass_queue_settings_changed();

do $$
declare t text;
begin
  foreach t in array array['matching_settings', 'fit_recalc_queue', 'match_features', 'match_feedback'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant on %I using (org_id = yardpass_current_org() or yardpass_is_system())', t);
  end loop;
end $$;
alter table sponsorship_matches enable row level security;
alter table sponsorship_matches force row level security;
create policy parties on sponsorship_matches using (
  yardpass_current_org() in (organizer_org_id, sponsor_org_id) or yardpass_is_system());

-- An organizer reads the sponsors matched to its events (name, industry, logo; the profile's categories and
-- regions for the list's filters), as it reads a counterparty's.
create policy matched on sponsors for select using (
  exists (select from sponsorship_matches m
           where m.sponsor_id = sponsors.id and m.organizer_org_id = yardpass_current_org() and m.exclusion is null));
create policy matched on sponsor_profiles for select using (
  exists (select from sponsorship_matches m
           where m.sponsor_id = sponsor_profiles.sponsor_id and m.organizer_org_id = yardpass_current_org()
             and m.exclusion is null));

-- Down Migration

drop policy if exists matched on sponsors;
drop policy if exists matched on sponsor_profiles;
drop trigger if exists matching_settings_queue_fit_insert on matching_settings;
drop trigger if exists events_delete_matches on events;
drop trigger if exists sponsors_delete_matches on sponsors;
drop trigger if exists sponsors_queue_fit_update on sponsors;
drop trigger if exists sponsor_profiles_queue_fit_insert on sponsor_profiles;
drop trigger if exists sponsor_profiles_queue_fit_update on sponsor_profiles;
drop trigger if exists sponsorship_packages_queue_fit_insert on sponsorship_packages;
drop trigger if exists sponsorship_packages_queue_fit_update on sponsorship_packages;
drop trigger if exists audience_consents_queue_fit_insert on audience_consents;
drop trigger if exists audience_consents_queue_fit_update on audience_consents;
drop trigger if exists audience_consents_queue_fit_delete on audience_consents;
drop trigger if exists event_stat_snapshots_queue_fit on event_stat_snapshots;
drop trigger if exists event_audience_insights_queue_fit_insert on event_audience_insights;
drop trigger if exists event_audience_insights_queue_fit_update on event_audience_insights;
drop trigger if exists events_queue_fit_insert on events;
drop trigger if exists events_queue_fit_update on events;
drop table if exists match_feedback, sponsorship_matches, match_features, fit_recalc_queue, matching_settings;
drop function if exists yardpass_delete_matches_of_events, yardpass_delete_matches_of_sponsors,
  yardpass_queue_settings_changed, yardpass_queue_sponsors_changed,
  yardpass_queue_profiles_changed, yardpass_queue_package_inserted, yardpass_queue_package_changed,
  yardpass_queue_event_of_rows, yardpass_queue_events_changed, yardpass_queue_fit, yardpass_cosine,
  yardpass_avoid_tags, yardpass_normalized_tags;
alter table sponsor_profiles drop column if exists embedding;
alter table events drop column if exists embedding;
