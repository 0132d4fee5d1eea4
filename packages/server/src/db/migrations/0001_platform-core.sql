-- Up Migration

create extension if not exists pgcrypto;
create extension if not exists pg_trgm;

-- Row-level security: every request transaction sets `yardpass.org_id`; background jobs and the
-- authentication lookup (which runs before the organization is known) set `yardpass.system`.
create function yardpass_current_org() returns uuid
  language sql stable as $$ select nullif(current_setting('yardpass.org_id', true), '')::uuid $$;
create function yardpass_is_system() returns boolean
  language sql stable as $$ select coalesce(current_setting('yardpass.system', true), '') = 'on' $$;

create table organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  created_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  subject text not null unique,
  email text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table org_members (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations on delete cascade,
  user_id uuid references users on delete cascade,
  email text,
  role text not null check (role in ('owner', 'admin', 'member', 'viewer')),
  status text not null check (status in ('pending', 'active')),
  created_at timestamptz not null default now(),
  joined_at timestamptz,
  check (user_id is not null or email is not null),
  check ((status = 'active') = (user_id is not null)),
  unique (org_id, user_id)
);
create unique index org_members_org_email_key on org_members (org_id, lower(email));
create index org_members_user_idx on org_members (user_id);

create table api_keys (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations on delete cascade,
  name text not null check (length(name) between 1 and 100),
  prefix text not null,
  key_hash bytea not null,
  mode text not null check (mode in ('test', 'live')),
  role text not null check (role in ('owner', 'admin', 'member', 'viewer')),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_keys_org_created_idx on api_keys (org_id, created_at desc, id desc);
create index api_keys_prefix_idx on api_keys (prefix);

create table audit_log (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations on delete cascade,
  actor_type text not null check (actor_type in ('user', 'api_key', 'system')),
  actor_id text,
  action text not null,
  resource_type text not null,
  resource_id text,
  request_id text,
  created_at timestamptz not null default now()
);
create index audit_log_org_created_idx on audit_log (org_id, created_at desc, id desc);
create index audit_log_created_idx on audit_log (created_at);

-- One row per (organization, Idempotency-Key). The primary key makes the first insert win across
-- processes; the row stays `running` until the response is stored.
create table idempotency_keys (
  org_id uuid not null references organizations on delete cascade,
  key text not null,
  fingerprint text not null,
  status text not null check (status in ('running', 'completed')),
  response_status int,
  response_body text,
  response_content_type text,
  locked_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (org_id, key)
);
create index idempotency_keys_expires_idx on idempotency_keys (expires_at);

-- Rate-limit windows are keyed by credential, not tenant data: no row-level security needed.
create table rate_limit_counters (
  subject text not null,
  bucket text not null,
  window_start timestamptz not null,
  count int not null,
  primary key (subject, bucket, window_start)
);

create table events (
  id uuid primary key default gen_random_uuid(),
  owner_org_id uuid not null references organizations on delete cascade,
  title text not null check (length(title) between 1 and 200),
  description text,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  venue text,
  city text,
  country text,
  category text,
  target_audience jsonb not null default '{}',
  brand_safety_tags text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at >= starts_at)
);
create index events_owner_starts_idx on events (owner_org_id, starts_at, id);
create index events_target_audience_gin on events using gin (target_audience jsonb_path_ops);

create table sponsors (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations on delete cascade,
  name text not null check (length(name) between 1 and 200),
  logo_url text,
  website_url text,
  industry text,
  visibility text not null default 'private' check (visibility in ('public', 'private')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index sponsors_org_name_idx on sponsors (org_id, name, id);

create table sponsor_profiles (
  sponsor_id uuid primary key references sponsors on delete cascade,
  org_id uuid not null references organizations on delete cascade,
  industry text,
  preferred_categories text[] not null default '{}',
  budget_min_cents bigint check (budget_min_cents >= 0),
  budget_max_cents bigint check (budget_max_cents >= 0),
  currency text not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  target_audience jsonb not null default '{}',
  regions text[] not null default '{}',
  objectives text,
  activation_preferences jsonb not null default '{}',
  updated_at timestamptz not null default now(),
  check (budget_min_cents is null or budget_max_cents is null or budget_min_cents <= budget_max_cents)
);
create index sponsor_profiles_categories_gin on sponsor_profiles using gin (preferred_categories);

alter table organizations enable row level security;
alter table organizations force row level security;
create policy tenant on organizations using (id = yardpass_current_org() or yardpass_is_system());

alter table users enable row level security;
alter table users force row level security;
create policy tenant on users using (
  yardpass_is_system()
  or exists (select from org_members m where m.user_id = users.id and m.org_id = yardpass_current_org())
);

do $$
declare t text;
begin
  foreach t in array array['org_members', 'api_keys', 'audit_log', 'idempotency_keys', 'sponsors', 'sponsor_profiles'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant on %I using (org_id = yardpass_current_org() or yardpass_is_system())', t);
  end loop;
end $$;

alter table events enable row level security;
alter table events force row level security;
create policy tenant on events using (owner_org_id = yardpass_current_org() or yardpass_is_system());

-- Down Migration

drop table if exists sponsor_profiles, sponsors, events, rate_limit_counters, idempotency_keys, audit_log,
  api_keys, org_members, users, organizations;
drop function if exists yardpass_is_system, yardpass_current_org;
