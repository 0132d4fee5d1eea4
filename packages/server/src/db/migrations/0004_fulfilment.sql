-- Up Migration

-- Fulfilment (guide §4.4, §11, §20.1–20.2; DESIGN §5): deliverables with their proofs and review history,
-- the SLAs of each order, and event sponsorships. Every row is shared by the two parties of a deal: the
-- event's organizer organization and the sponsor's organization.

-- Something one side owes the other. `owner_side` fulfils it (usually the organizer); the other side reviews.
-- Deliverables made from a package benefit at funding carry `benefit_key`, so funding twice makes them once.
create table deliverables (
  id uuid primary key default gen_random_uuid(),
  organizer_org_id uuid not null references organizations on delete cascade,
  sponsor_org_id uuid not null references organizations on delete cascade,
  event_id uuid not null references events on delete restrict,
  sponsor_id uuid not null references sponsors on delete restrict,
  order_id uuid references sponsorship_orders on delete restrict,
  package_id uuid references sponsorship_packages on delete restrict,
  benefit_key text,
  -- The SLA whose breach this make-good answers (foreign key added below, the table comes later).
  sla_id uuid,
  type text not null check (length(type) between 1 and 100),
  spec jsonb not null default '{}',
  due_at timestamptz,
  evidence_required boolean not null default true,
  owner_side text not null default 'organizer' check (owner_side in ('organizer', 'sponsor')),
  status text not null default 'pending'
    check (status in ('pending', 'submitted', 'approved', 'needs_changes', 'waived')),
  -- The reason of the latest needs_changes or waive.
  status_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (order_id, benefit_key),
  check (order_id is not null or benefit_key is null)
);
-- Guide §9 (fulfilment queue by event and sponsor); each party's queue by due date; an order's deliverables.
create index idx_deliverables_event_sponsor_status_due
  on deliverables (event_id, sponsor_id, status, due_at) where status in ('pending', 'submitted');
create index deliverables_organizer_due_idx on deliverables (organizer_org_id, due_at, id);
create index deliverables_sponsor_due_idx on deliverables (sponsor_org_id, due_at, id);
create index deliverables_order_idx on deliverables (order_id) where order_id is not null;

-- Evidence that a deliverable was fulfilled: an asset and the metrics it proves.
create table deliverable_proofs (
  id uuid primary key default gen_random_uuid(),
  deliverable_id uuid not null references deliverables on delete cascade,
  organizer_org_id uuid not null references organizations on delete cascade,
  sponsor_org_id uuid not null references organizations on delete cascade,
  asset_url text not null check (length(asset_url) between 1 and 2000),
  metrics jsonb not null default '{}',
  note text,
  side text not null check (side in ('organizer', 'sponsor')),
  submitted_by_user_id uuid references users on delete set null,
  created_at timestamptz not null default now()
);
create index deliverable_proofs_deliverable_created_idx on deliverable_proofs (deliverable_id, created_at, id);

-- Every transition of a deliverable, who made it and why: the review history.
create table deliverable_reviews (
  id uuid primary key default gen_random_uuid(),
  deliverable_id uuid not null references deliverables on delete cascade,
  organizer_org_id uuid not null references organizations on delete cascade,
  sponsor_org_id uuid not null references organizations on delete cascade,
  action text not null check (action in ('submitted', 'approved', 'needs_changes', 'waived')),
  side text not null check (side in ('organizer', 'sponsor')),
  from_status text not null,
  to_status text not null,
  reason text,
  proof_id uuid references deliverable_proofs on delete set null,
  actor_user_id uuid references users on delete set null,
  created_at timestamptz not null default now()
);
create index deliverable_reviews_deliverable_created_idx on deliverable_reviews (deliverable_id, created_at, id);

-- An order's service levels, instantiated from its package's SLA templates at funding. Evaluation stores the
-- actual value and the snapshot and proof ids it used, so a dispute can be recomputed (guide §17).
create table sponsorship_slas (
  id uuid primary key default gen_random_uuid(),
  organizer_org_id uuid not null references organizations on delete cascade,
  sponsor_org_id uuid not null references organizations on delete cascade,
  order_id uuid not null references sponsorship_orders on delete restrict,
  template_id uuid references package_sla_templates on delete set null,
  event_id uuid not null references events on delete restrict,
  sponsor_id uuid not null references sponsors on delete restrict,
  package_id uuid not null references sponsorship_packages on delete restrict,
  metric text not null check (length(metric) between 1 and 100),
  target numeric not null check (target >= 0),
  -- { penalty_pct | penalty_cents, remedy: makegood | partial_refund, grace_days }
  breach_policy jsonb not null default '{}',
  status text not null default 'pending' check (status in ('pending', 'met', 'breached')),
  actual numeric,
  evidence_snapshot_ids uuid[] not null default '{}',
  evidence_proof_ids uuid[] not null default '{}',
  due_at timestamptz not null,
  evaluated_at timestamptz,
  breached_at timestamptz,
  penalty_cents bigint check (penalty_cents >= 0),
  -- What the breach policy did: the refund reference and the make-good deliverable.
  refund_reference text,
  makegood_deliverable_id uuid references deliverables on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (order_id, metric),
  check ((status = 'breached') = (breached_at is not null))
);
create index sponsorship_slas_due_idx on sponsorship_slas (due_at, id) where status = 'pending';
create index sponsorship_slas_organizer_due_idx on sponsorship_slas (organizer_org_id, due_at, id);
create index sponsorship_slas_sponsor_due_idx on sponsorship_slas (sponsor_org_id, due_at, id);

alter table deliverables add foreign key (sla_id) references sponsorship_slas on delete set null;
-- One make-good per breached SLA, even when two evaluations race.
create unique index deliverables_makegood_sla_idx on deliverables (sla_id) where sla_id is not null;

-- Who sponsors what at an event (guide §20.1), upserted by (event, sponsor, tier).
create table event_sponsorships (
  id uuid primary key default gen_random_uuid(),
  organizer_org_id uuid not null references organizations on delete cascade,
  sponsor_org_id uuid not null references organizations on delete cascade,
  event_id uuid not null references events on delete restrict,
  sponsor_id uuid not null references sponsors on delete restrict,
  tier text not null check (length(tier) between 1 and 50),
  amount_cents bigint not null default 0 check (amount_cents >= 0),
  currency text not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  benefits jsonb not null default '{}',
  activation_status text not null default 'draft' check (activation_status in ('draft', 'in_progress', 'complete')),
  -- The funded order that activates it.
  order_id uuid references sponsorship_orders on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (event_id, sponsor_id, tier)
);
create index event_sponsorships_organizer_updated_idx on event_sponsorships (organizer_org_id, updated_at desc, id desc);
create index event_sponsorships_sponsor_updated_idx on event_sponsorships (sponsor_org_id, updated_at desc, id desc);
create index event_sponsorships_order_idx on event_sponsorships (order_id) where order_id is not null;

do $$
declare t text;
begin
  foreach t in array array['deliverables', 'deliverable_proofs', 'deliverable_reviews', 'sponsorship_slas',
      'event_sponsorships'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy parties on %I using (yardpass_current_org() in (organizer_org_id, sponsor_org_id) '
      'or yardpass_is_system())', t);
  end loop;
end $$;

-- Down Migration

alter table if exists deliverables drop constraint if exists deliverables_sla_id_fkey;
drop table if exists event_sponsorships, sponsorship_slas, deliverable_reviews, deliverable_proofs, deliverables;
