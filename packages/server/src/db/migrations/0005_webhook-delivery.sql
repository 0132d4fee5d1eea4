-- Up Migration

-- Webhook delivery to issuers (issue 7): endpoints per organization, one delivery per (event, endpoint),
-- and a log of every attempt. `webhook_events` (0002) is the outbox these are fanned out from.

create table webhook_endpoints (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations on delete cascade,
  url text not null check (url ~ '^https?://'),
  description text,
  -- null delivers every type
  event_types text[] check (event_types is null or cardinality(event_types) > 0),
  enabled boolean not null default true,
  disabled_reason text check (disabled_reason in ('manual', 'gone', 'failing')),
  -- HMAC secrets must be usable to sign, so they are kept, not hashed; shown to the API only on create/rotate
  secret text not null check (secret ~ '^whsec_'),
  previous_secret text check (previous_secret ~ '^whsec_'),
  previous_secret_expires_at timestamptz,
  failing_since timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (enabled = (disabled_reason is null)),
  check ((previous_secret is null) = (previous_secret_expires_at is null))
);
create index webhook_endpoints_org_idx on webhook_endpoints (org_id, created_at desc, id desc);

-- Set once the event's deliveries exist; the recovery sweep fans out events whose job died with a worker.
alter table webhook_events add column fanned_out_at timestamptz;
create index webhook_events_unfanned_idx on webhook_events (created_at) where fanned_out_at is null;

create table webhook_deliveries (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations on delete cascade,
  event_id uuid not null references webhook_events on delete cascade,
  endpoint_id uuid not null references webhook_endpoints on delete cascade,
  status text not null default 'pending' check (status in ('pending', 'failed', 'succeeded', 'dead')),
  attempt_count integer not null default 0 check (attempt_count >= 0),
  -- attempts of the current schedule (a replay starts a new one); attempt_count counts them all
  schedule_attempts integer not null default 0 check (schedule_attempts >= 0),
  next_attempt_at timestamptz,
  last_attempt_at timestamptz,
  last_error text,
  -- a lease while an attempt is in flight, so a crashed worker's attempt is retried but never doubled
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (event_id, endpoint_id),
  check ((status in ('pending', 'failed')) = (next_attempt_at is not null))
);
create index webhook_deliveries_org_idx on webhook_deliveries (org_id, created_at desc, id desc);
create index webhook_deliveries_endpoint_idx on webhook_deliveries (endpoint_id, status, created_at);
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at)
  where status in ('pending', 'failed');

create table webhook_attempts (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations on delete cascade,
  delivery_id uuid not null references webhook_deliveries on delete cascade,
  attempt integer not null check (attempt >= 1),
  attempted_at timestamptz not null default now(),
  status_code integer,
  latency_ms integer not null check (latency_ms >= 0),
  response_body text check (octet_length(response_body) <= 2048),
  error text,
  unique (delivery_id, attempt)
);

do $$
declare t text;
begin
  foreach t in array array['webhook_endpoints', 'webhook_deliveries', 'webhook_attempts'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant on %I using (org_id = yardpass_current_org() or yardpass_is_system())', t);
  end loop;
end $$;

-- Down Migration

drop table if exists webhook_attempts, webhook_deliveries, webhook_endpoints;
drop index if exists webhook_events_unfanned_idx;
alter table webhook_events drop column if exists fanned_out_at;
