-- Up Migration

-- Sponsorship workspaces, their members, what they group, their widgets and their audit log (issue 23: the
-- guide's second §20.1, §20.2 and §20.4).

-- A workspace belongs to one organization and groups some of its events, packages and orders.
-- `settings` holds `timezone`, `goal_gmv_cents` and `reporting_webhook`.
create table sponsorship_workspaces (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations on delete cascade,
  name text not null check (length(name) between 1 and 200),
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 63),
  -- The role `auto_invite` and new members get unless told otherwise.
  default_role text not null default 'viewer' check (default_role in ('owner', 'editor', 'viewer')),
  settings jsonb not null default '{}' check (jsonb_typeof(settings) = 'object'),
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint sponsorship_workspaces_slug_key unique (org_id, slug),
  unique (id, org_id)
);
create index sponsorship_workspaces_org_created_idx on sponsorship_workspaces (org_id, created_at, id);

-- A member is a user (active) or an invited email (pending until that email first signs in).
create table sponsorship_workspace_members (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  org_id uuid not null,
  user_id uuid references users on delete cascade,
  email text check (length(email) <= 320),
  role text not null check (role in ('owner', 'editor', 'viewer')),
  status text not null check (status in ('pending', 'active')),
  created_at timestamptz not null default now(),
  joined_at timestamptz,
  foreign key (workspace_id, org_id) references sponsorship_workspaces (id, org_id) on delete cascade,
  check (user_id is not null or email is not null),
  check ((status = 'active') = (user_id is not null)),
  unique (workspace_id, user_id)
);
create unique index sponsorship_workspace_members_email_key
  on sponsorship_workspace_members (workspace_id, lower(email));
create index sponsorship_workspace_members_pending_idx
  on sponsorship_workspace_members (org_id, lower(email)) where status = 'pending';
create index sponsorship_workspace_members_user_idx on sponsorship_workspace_members (user_id);

-- What a workspace groups, many-to-many by id.
create table sponsorship_workspace_events (
  workspace_id uuid not null,
  org_id uuid not null,
  event_id uuid not null references events on delete cascade,
  created_at timestamptz not null default now(),
  primary key (workspace_id, event_id),
  foreign key (workspace_id, org_id) references sponsorship_workspaces (id, org_id) on delete cascade
);
create index sponsorship_workspace_events_event_idx on sponsorship_workspace_events (event_id);

create table sponsorship_workspace_packages (
  workspace_id uuid not null,
  org_id uuid not null,
  package_id uuid not null references sponsorship_packages on delete cascade,
  created_at timestamptz not null default now(),
  primary key (workspace_id, package_id),
  foreign key (workspace_id, org_id) references sponsorship_workspaces (id, org_id) on delete cascade
);
create index sponsorship_workspace_packages_package_idx on sponsorship_workspace_packages (package_id);

create table sponsorship_workspace_orders (
  workspace_id uuid not null,
  org_id uuid not null,
  order_id uuid not null references sponsorship_orders on delete cascade,
  created_at timestamptz not null default now(),
  primary key (workspace_id, order_id),
  foreign key (workspace_id, org_id) references sponsorship_workspaces (id, org_id) on delete cascade
);
create index sponsorship_workspace_orders_order_idx on sponsorship_workspace_orders (order_id);

-- The orders a workspace covers: linked orders, orders of linked packages, orders of packages of linked events.
create view sponsorship_workspace_scope_orders as
  select workspace_id, order_id from sponsorship_workspace_orders
  union
  select wp.workspace_id, o.id from sponsorship_workspace_packages wp
    join sponsorship_orders o on o.package_id = wp.package_id
  union
  select we.workspace_id, o.id from sponsorship_workspace_events we
    join sponsorship_orders o on o.event_id = we.event_id;

-- Widgets, keyed by the caller's own `widget_id` inside the workspace; `public_id` names a published one
-- to the unauthenticated `GET /v1/public/widgets/{publicId}`.
create table sponsorship_workspace_widgets (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  org_id uuid not null,
  widget_id text not null check (widget_id ~ '^[A-Za-z0-9_-]{1,64}$'),
  package_id uuid references sponsorship_packages on delete cascade,
  widget_type text not null check (widget_type in ('marketplace_card', 'package_list', 'kpi_tile', 'leaderboard')),
  config jsonb not null default '{}' check (jsonb_typeof(config) = 'object'),
  published boolean not null default false,
  public_id uuid not null unique default gen_random_uuid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, org_id) references sponsorship_workspaces (id, org_id) on delete cascade,
  unique (workspace_id, widget_id),
  check ((widget_type = 'marketplace_card') = (package_id is not null))
);
create index sponsorship_workspace_widgets_package_idx on sponsorship_workspace_widgets (package_id)
  where package_id is not null;

-- Views, "Request Proposal" clicks (leads) and errors reported by embedded widgets.
create table sponsorship_workspace_widget_events (
  id bigint generated always as identity primary key,
  widget_pk uuid not null references sponsorship_workspace_widgets on delete cascade,
  workspace_id uuid not null,
  org_id uuid not null,
  type text not null check (type in ('view', 'lead', 'error')),
  detail text check (length(detail) <= 500),
  created_at timestamptz not null default now()
);
create index sponsorship_workspace_widget_events_widget_idx
  on sponsorship_workspace_widget_events (widget_pk, type);

-- The version of everything published widgets of a workspace show. Changes to their inputs (the widgets, the
-- links, packages in scope or shown on a card, orders and sponsors in scope, the workspace) bump it in the
-- transaction of the change; a cached body built at an older version is rebuilt on its next read. Reading the
-- version before building makes a change that commits during a build leave the cache stale rather than wrong.
create table sponsorship_workspace_widget_inputs (
  workspace_id uuid primary key,
  org_id uuid not null,
  version bigint not null default 0,
  foreign key (workspace_id, org_id) references sponsorship_workspaces (id, org_id) on delete cascade
);

-- The public body of each published widget (only what its type shows) and its ETag.
create table sponsorship_workspace_widget_cache (
  public_id uuid primary key,
  widget_pk uuid not null unique references sponsorship_workspace_widgets on delete cascade,
  workspace_id uuid not null,
  org_id uuid not null,
  inputs_version bigint not null,
  body jsonb not null,
  etag text not null,
  built_at timestamptz not null default now()
);

-- Every workspace, membership and widget change (30-day retention by the cleanup task).
create table sponsorship_workspace_audit (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  org_id uuid not null,
  actor_type text not null check (actor_type in ('user', 'api_key', 'system')),
  actor_id uuid,
  action text not null check (length(action) between 1 and 100),
  resource_type text not null check (length(resource_type) between 1 and 100),
  resource_id text,
  details jsonb not null default '{}',
  request_id text,
  created_at timestamptz not null default now(),
  foreign key (workspace_id, org_id) references sponsorship_workspaces (id, org_id) on delete cascade
);
create index sponsorship_workspace_audit_workspace_idx
  on sponsorship_workspace_audit (workspace_id, created_at desc, id desc);
create index sponsorship_workspace_audit_created_idx on sponsorship_workspace_audit (created_at);

-- Row-level security (§20.4). Besides `yardpass.org_id`, a transaction that touches workspaces sets
-- `yardpass.workspace_user`: `organization` for a caller that acts on all of its organization's workspaces
-- (an API key, an owner or admin of the organization), else the user's id, which sees only the workspaces
-- it is an active member of. Unset, no workspace row is visible: forgetting the setting fails closed.
create function yardpass_workspace_visible(workspace uuid) returns boolean
  language sql stable as $$
    select yardpass_is_system()
        or current_setting('yardpass.workspace_user', true) = 'organization'
        or exists (select from sponsorship_workspace_members m
                    where m.workspace_id = workspace and m.status = 'active'
                      and m.user_id::text = current_setting('yardpass.workspace_user', true))
  $$;

alter table sponsorship_workspaces enable row level security;
alter table sponsorship_workspaces force row level security;
create policy tenant on sponsorship_workspaces
  using (yardpass_is_system() or (org_id = yardpass_current_org() and yardpass_workspace_visible(id)))
  with check (yardpass_is_system() or org_id = yardpass_current_org());

do $$
declare t text;
begin
  foreach t in array array['sponsorship_workspace_events', 'sponsorship_workspace_packages',
      'sponsorship_workspace_orders', 'sponsorship_workspace_widgets', 'sponsorship_workspace_widget_events',
      'sponsorship_workspace_audit'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant on %I
      using (yardpass_is_system() or (org_id = yardpass_current_org() and yardpass_workspace_visible(workspace_id)))
      with check (yardpass_is_system() or org_id = yardpass_current_org())', t);
  end loop;
  -- Members are confined to the organization only (a policy reading the members table from the members
  -- table's own policy would recurse); the domain shows them only to members of the workspace.
  foreach t in array array['sponsorship_workspace_members', 'sponsorship_workspace_widget_inputs',
      'sponsorship_workspace_widget_cache'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant on %I using (org_id = yardpass_current_org() or yardpass_is_system())', t);
  end loop;
end $$;
-- A published widget's cached body and its inputs' version are public: the unauthenticated endpoint reads them.
create policy published on sponsorship_workspace_widget_cache for select using (true);
create policy published on sponsorship_workspace_widget_inputs for select using (true);

create function yardpass_workspace_widget_inputs() returns trigger language plpgsql as $$
begin
  insert into sponsorship_workspace_widget_inputs (workspace_id, org_id) select id, org_id from new_rows;
  return null;
end $$;
create trigger sponsorship_workspaces_widget_inputs after insert on sponsorship_workspaces
  referencing new table as new_rows for each statement execute function yardpass_workspace_widget_inputs();

-- Bumps the inputs version of the workspaces (with a published widget) that changed rows move: the workspaces
-- given, those grouping or showing on a card one of `packages`, grouping one of `events` or `orders`, and those
-- with an order of one of `sponsors` in scope. The change may be made by another organization (a sponsor's order
-- of an organizer's package), so the lookup and the bump see every tenant, for this call only.
create function yardpass_bump_widget_inputs(workspaces uuid[] default '{}', packages uuid[] default '{}',
  events uuid[] default '{}', orders uuid[] default '{}', sponsors uuid[] default '{}')
  returns void language plpgsql volatile as $$
declare
  previous text := coalesce(current_setting('yardpass.system', true), '');
  affected uuid[];
begin
  perform set_config('yardpass.system', 'on', true);
  affected := workspaces
    || array(select workspace_id from sponsorship_workspace_packages where package_id = any(packages))
    || array(select workspace_id from sponsorship_workspace_widgets where package_id = any(packages))
    || array(select workspace_id from sponsorship_workspace_events where event_id = any(events))
    || array(select workspace_id from sponsorship_workspace_orders where order_id = any(orders));
  -- Only when asked: the scope view has no index by sponsor, and sponsors change rarely.
  if cardinality(sponsors) > 0 then
    affected := affected || array(select s.workspace_id from sponsorship_workspace_scope_orders s
                                    join sponsorship_orders o on o.id = s.order_id
                                   where o.sponsor_id = any(sponsors));
  end if;
  update sponsorship_workspace_widget_inputs i set version = version + 1
   where i.workspace_id = any(affected)
     and exists (select from sponsorship_workspace_widgets w where w.workspace_id = i.workspace_id and w.published);
  perform set_config('yardpass.system', previous, true);
end $$;

-- Statement-level triggers, in the transaction of the change: a batch of changed rows bumps each workspace once.
create function yardpass_widget_inputs_of_rows() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform yardpass_bump_widget_inputs(workspaces => array(select workspace_id from old_rows));
  else
    perform yardpass_bump_widget_inputs(workspaces => array(select workspace_id from new_rows));
  end if;
  return null;
end $$;

create function yardpass_widget_inputs_of_workspaces() returns trigger language plpgsql as $$
begin
  perform yardpass_bump_widget_inputs(workspaces => array(select id from new_rows));
  return null;
end $$;

create function yardpass_widget_inputs_of_packages() returns trigger language plpgsql as $$
begin
  perform yardpass_bump_widget_inputs(packages => array(select id from new_rows),
                                      events => array(select event_id from new_rows));
  return null;
end $$;

create function yardpass_widget_inputs_of_orders() returns trigger language plpgsql as $$
begin
  perform yardpass_bump_widget_inputs(orders => array(select id from new_rows),
                                      packages => array(select package_id from new_rows),
                                      events => array(select event_id from new_rows));
  return null;
end $$;

-- A leaderboard shows sponsors' names when they are public.
create function yardpass_widget_inputs_of_sponsors() returns trigger language plpgsql as $$
begin
  perform yardpass_bump_widget_inputs(sponsors => array(select id from new_rows));
  return null;
end $$;

do $$
declare t text;
begin
  foreach t in array array['sponsorship_workspace_events', 'sponsorship_workspace_packages',
      'sponsorship_workspace_orders', 'sponsorship_workspace_widgets'] loop
    execute format('create trigger %I after insert on %I referencing new table as new_rows
      for each statement execute function yardpass_widget_inputs_of_rows()', t || '_widget_inputs_insert', t);
    execute format('create trigger %I after update on %I referencing new table as new_rows
      for each statement execute function yardpass_widget_inputs_of_rows()', t || '_widget_inputs_update', t);
    execute format('create trigger %I after delete on %I referencing old table as old_rows
      for each statement execute function yardpass_widget_inputs_of_rows()', t || '_widget_inputs_delete', t);
  end loop;
end $$;
create trigger sponsorship_workspaces_widget_inputs_update after update on sponsorship_workspaces
  referencing new table as new_rows for each statement execute function yardpass_widget_inputs_of_workspaces();
create trigger sponsorship_packages_widget_inputs_insert after insert on sponsorship_packages
  referencing new table as new_rows for each statement execute function yardpass_widget_inputs_of_packages();
create trigger sponsorship_packages_widget_inputs_update after update on sponsorship_packages
  referencing new table as new_rows for each statement execute function yardpass_widget_inputs_of_packages();
create trigger sponsorship_orders_widget_inputs_insert after insert on sponsorship_orders
  referencing new table as new_rows for each statement execute function yardpass_widget_inputs_of_orders();
create trigger sponsorship_orders_widget_inputs_update after update on sponsorship_orders
  referencing new table as new_rows for each statement execute function yardpass_widget_inputs_of_orders();
create trigger sponsors_widget_inputs_update after update on sponsors
  referencing new table as new_rows for each statement execute function yardpass_widget_inputs_of_sponsors();

-- Down Migration

drop table if exists sponsorship_workspace_audit, sponsorship_workspace_widget_cache,
  sponsorship_workspace_widget_inputs, sponsorship_workspace_widget_events, sponsorship_workspace_widgets;
drop view if exists sponsorship_workspace_scope_orders;
drop table if exists sponsorship_workspace_orders, sponsorship_workspace_packages, sponsorship_workspace_events,
  sponsorship_workspace_members, sponsorship_workspaces;
drop trigger if exists sponsorship_packages_widget_inputs_insert on sponsorship_packages;
drop trigger if exists sponsorship_packages_widget_inputs_update on sponsorship_packages;
drop trigger if exists sponsorship_orders_widget_inputs_insert on sponsorship_orders;
drop trigger if exists sponsorship_orders_widget_inputs_update on sponsorship_orders;
drop trigger if exists sponsors_widget_inputs_update on sponsors;
drop function if exists yardpass_workspace_visible, yardpass_workspace_widget_inputs, yardpass_bump_widget_inputs,
  yardpass_widget_inputs_of_rows, yardpass_widget_inputs_of_workspaces, yardpass_widget_inputs_of_packages,
  yardpass_widget_inputs_of_orders, yardpass_widget_inputs_of_sponsors;
