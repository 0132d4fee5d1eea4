-- Up Migration

-- The commercial core shared by packages, proposals, orders, fulfilment, stats and webhooks. Later
-- migrations of each area add their own tables and columns on top of these.

-- An organizer's reusable starting point for packages.
create table package_templates (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations on delete cascade,
  title text not null check (length(title) between 1 and 200),
  tier text not null check (length(tier) between 1 and 50),
  price_cents bigint not null check (price_cents >= 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  benefits jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index package_templates_org_created_idx on package_templates (org_id, created_at desc, id desc);

-- What an organizer sells at an event. `org_id` is the event's organizer organization. A package is a
-- draft until published (`is_active`); `sold < inventory` is enforced here as well as in the domain.
create table sponsorship_packages (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations on delete cascade,
  event_id uuid not null references events on delete restrict,
  template_id uuid references package_templates on delete set null,
  title text not null check (length(title) between 1 and 200),
  tier text not null check (length(tier) between 1 and 50),
  price_cents bigint not null check (price_cents >= 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  inventory int not null check (inventory >= 0),
  sold int not null default 0,
  benefits jsonb not null default '{}',
  -- { start, end, max_per_sponsor, exclusivity }
  availability jsonb not null default '{}',
  -- { category_allow: [], sponsor_conflicts: [] }
  constraints jsonb not null default '{}',
  visibility text not null default 'public' check (visibility in ('public', 'unlisted', 'private')),
  is_active boolean not null default false,
  expected_reach int check (expected_reach >= 0),
  audience_snapshot jsonb not null default '{}',
  quality_score numeric(5, 2),
  version int not null default 1,
  published_at timestamptz,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (sold >= 0 and sold <= inventory),
  check (not (is_active and archived_at is not null))
);
-- Guide §9 (gallery); the organizer's own list; marketplace text search.
create index idx_sponsorship_packages_event_active_vis
  on sponsorship_packages (event_id, is_active, visibility) where is_active = true;
create index sponsorship_packages_org_event_price_idx
  on sponsorship_packages (org_id, event_id, price_cents desc, id desc);
create index sponsorship_packages_marketplace_idx
  on sponsorship_packages (price_cents desc, id desc) where is_active and visibility = 'public';
create index sponsorship_packages_title_trgm on sponsorship_packages using gin (title gin_trgm_ops);
create index events_title_trgm on events using gin (title gin_trgm_ops);

-- A cheaper or different tier of the same package.
create table package_variants (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations on delete cascade,
  package_id uuid not null references sponsorship_packages on delete cascade,
  title text not null check (length(title) between 1 and 200),
  tier text not null check (length(tier) between 1 and 50),
  price_cents bigint not null check (price_cents >= 0),
  benefits jsonb not null default '{}',
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index idx_package_variants_package_active on package_variants (package_id, is_active);

-- SLA templates generated from a package at publish (guide §11); instantiated per order at funding.
create table package_sla_templates (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations on delete cascade,
  package_id uuid not null references sponsorship_packages on delete cascade,
  event_id uuid not null references events on delete cascade,
  metric text not null,
  target numeric not null check (target >= 0),
  -- { penalty_pct | penalty_cents, remedy: makegood | partial_refund, grace_days }
  breach_policy jsonb not null default '{}',
  created_at timestamptz not null default now(),
  unique (package_id, metric)
);

-- A negotiation between the event's organizer and a sponsor. Both organizations are parties.
create table proposal_threads (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events on delete restrict,
  package_id uuid references sponsorship_packages on delete restrict,
  sponsor_id uuid not null references sponsors on delete restrict,
  organizer_org_id uuid not null references organizations on delete cascade,
  sponsor_org_id uuid not null references organizations on delete cascade,
  status text not null default 'draft'
    check (status in ('draft', 'sent', 'countered', 'accepted', 'rejected', 'withdrawn', 'expired')),
  created_by_side text not null check (created_by_side in ('organizer', 'sponsor')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index idx_proposal_threads_event_status_updated on proposal_threads (event_id, status, updated_at desc);
create index proposal_threads_organizer_updated_idx on proposal_threads (organizer_org_id, updated_at desc, id desc);
create index proposal_threads_sponsor_updated_idx on proposal_threads (sponsor_org_id, updated_at desc, id desc);

create table proposal_messages (
  id uuid primary key default gen_random_uuid(),
  thread_id uuid not null references proposal_threads on delete cascade,
  organizer_org_id uuid not null references organizations on delete cascade,
  sponsor_org_id uuid not null references organizations on delete cascade,
  side text not null check (side in ('organizer', 'sponsor')),
  sender_user_id uuid references users on delete set null,
  body text not null default '',
  -- { price_cents, requested_benefits, benefits_delta }; null when the message carries no offer
  offer jsonb,
  created_at timestamptz not null default now()
);
create index idx_proposal_messages_thread_created on proposal_messages (thread_id, created_at desc);

-- An order for one unit of a package. The Stripe and escrow columns are added by the orders migration.
create table sponsorship_orders (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events on delete restrict,
  package_id uuid not null references sponsorship_packages on delete restrict,
  sponsor_id uuid not null references sponsors on delete restrict,
  proposal_id uuid unique references proposal_threads on delete restrict,
  organizer_org_id uuid not null references organizations on delete cascade,
  sponsor_org_id uuid not null references organizations on delete cascade,
  amount_cents bigint not null check (amount_cents > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  -- { window_days, penalty_pct }
  cancellation_policy jsonb not null default '{}',
  status text not null default 'pending',
  escrow_state text not null default 'pending',
  created_by_side text not null check (created_by_side in ('organizer', 'sponsor')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index idx_sponsorship_orders_event_status_created on sponsorship_orders (event_id, status, created_at desc);
create index sponsorship_orders_organizer_created_idx on sponsorship_orders (organizer_org_id, created_at desc, id desc);
create index sponsorship_orders_sponsor_created_idx on sponsorship_orders (sponsor_org_id, created_at desc, id desc);
create index sponsorship_orders_package_sponsor_idx on sponsorship_orders (package_id, sponsor_id);

-- Rolled-up event metrics (guide §5): one row per metric per rollup, kept as SLA evidence.
create table event_stat_snapshots (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations on delete cascade,
  event_id uuid not null references events on delete cascade,
  metric_key text not null,
  metric_value numeric not null,
  captured_at timestamptz not null default now()
);
create index event_stat_snapshots_event_metric_captured_idx
  on event_stat_snapshots (event_id, metric_key, captured_at desc);

-- Which audience segments of an event may be shared, in which scope, until when (guide §12).
create table audience_consents (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations on delete cascade,
  event_id uuid not null references events on delete cascade,
  segment_key text not null check (length(segment_key) between 1 and 100),
  scope text not null check (scope in ('aggregated', 'cohort', 'pseudonymous')),
  expires_at timestamptz,
  created_at timestamptz not null default now(),
  unique (event_id, segment_key, scope)
);

-- The outbox of events for webhooks: written in the transaction of the change that caused it.
create table webhook_events (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations on delete cascade,
  type text not null,
  data jsonb not null,
  created_at timestamptz not null default now()
);
create index webhook_events_org_created_idx on webhook_events (org_id, created_at desc, id desc);

do $$
declare t text;
begin
  foreach t in array array['package_templates', 'sponsorship_packages', 'package_variants',
      'package_sla_templates', 'event_stat_snapshots', 'audience_consents', 'webhook_events'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant on %I using (org_id = yardpass_current_org() or yardpass_is_system())', t);
  end loop;
  foreach t in array array['proposal_threads', 'proposal_messages', 'sponsorship_orders'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy parties on %I using (yardpass_current_org() in (organizer_org_id, sponsor_org_id) '
      'or yardpass_is_system())', t);
  end loop;
end $$;

-- A change seen by both parties emits an event to each organization from one transaction.
create policy emit on webhook_events for insert with check (true);

-- Any organization may read published packages that are not private (marketplace, proposals).
create policy published on sponsorship_packages for select
  using (is_active and visibility <> 'private');

-- Events, sponsors and sponsor profiles are readable beyond their owner where a counterparty needs them:
-- the events of listed packages, and the events and sponsors of the threads and orders one is party to.
create policy listed on events for select using (
  exists (select from sponsorship_packages p where p.event_id = events.id and p.is_active and p.visibility <> 'private')
  or exists (select from proposal_threads t where t.event_id = events.id)
  or exists (select from sponsorship_orders o where o.event_id = events.id)
);
create policy counterparty on sponsors for select using (
  exists (select from proposal_threads t where t.sponsor_id = sponsors.id)
  or exists (select from sponsorship_orders o where o.sponsor_id = sponsors.id)
);
create policy counterparty on sponsor_profiles for select using (
  exists (select from proposal_threads t where t.sponsor_id = sponsor_profiles.sponsor_id)
  or exists (select from sponsorship_orders o where o.sponsor_id = sponsor_profiles.sponsor_id)
);

-- Down Migration

drop table if exists webhook_events, audience_consents, event_stat_snapshots, sponsorship_orders,
  proposal_messages, proposal_threads, package_sla_templates, package_variants, sponsorship_packages,
  package_templates;
drop policy if exists listed on events;
drop policy if exists counterparty on sponsors;
drop policy if exists counterparty on sponsor_profiles;
drop index if exists events_title_trgm;
