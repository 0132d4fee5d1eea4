-- Up Migration

-- Public widget payloads cached in each server process (issue 23, domain/widget-cache.ts): every change that can
-- alter what `GET /v1/public/widgets/{publicId}` answers notifies `yardpass_widget_inputs` with the workspace's id,
-- at its commit, so that every process drops that workspace's entries. Two kinds of change do: a bump of the
-- inputs' version (what a cached body was built from changed) and a cached body deleted (the widget deleted or
-- unpublished, the workspace archived or deleted; when no published widget is left there is no bump). A statement
-- that touches no row notifies nothing; a transaction sends each workspace once.
create function yardpass_notify_widget_inputs() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform pg_notify('yardpass_widget_inputs', workspace_id::text) from (select distinct workspace_id from old_rows) r;
  else
    perform pg_notify('yardpass_widget_inputs', workspace_id::text) from (select distinct workspace_id from new_rows) r;
  end if;
  return null;
end $$;
create trigger sponsorship_workspace_widget_inputs_notify after update on sponsorship_workspace_widget_inputs
  referencing new table as new_rows for each statement execute function yardpass_notify_widget_inputs();
create trigger sponsorship_workspace_widget_cache_notify after delete on sponsorship_workspace_widget_cache
  referencing old table as old_rows for each statement execute function yardpass_notify_widget_inputs();

-- Down Migration

drop trigger if exists sponsorship_workspace_widget_cache_notify on sponsorship_workspace_widget_cache;
drop trigger if exists sponsorship_workspace_widget_inputs_notify on sponsorship_workspace_widget_inputs;
drop function if exists yardpass_notify_widget_inputs;
