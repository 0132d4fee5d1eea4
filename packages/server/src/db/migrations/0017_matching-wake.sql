-- Up Migration

-- Matching wake-up (issue 19): a committed queue entry wakes the drain at once instead of at the next cron
-- minute. Queueing notifies `yardpass_match_queue`; the worker process listens and adds the keyed
-- `matching.drain` job (jobs/worker.ts). A notification, not a shared job row: queueing runs in the triggers of
-- event, package and profile writes, and a keyed `add_job` there would hold a lock on that one row until each
-- writing transaction commits, serializing them. Notifications of a transaction are sent at its commit, once
-- per channel and payload, and never if it rolls back. Only a new entry notifies: a pending one already did.
create or replace function yardpass_queue_fit(org_ids uuid[], event_ids uuid[], sponsor_ids uuid[], why text)
  returns void language plpgsql volatile as $$
begin
  insert into fit_recalc_queue (org_id, event_id, sponsor_id, reason)
  select distinct q.org_id, q.event_id, q.sponsor_id, why from unnest(org_ids, event_ids, sponsor_ids) q(org_id, event_id, sponsor_id)
  on conflict do nothing;
  if found then
    perform pg_notify('yardpass_match_queue', '');
  end if;
end $$;

-- Down Migration

create or replace function yardpass_queue_fit(org_ids uuid[], event_ids uuid[], sponsor_ids uuid[], why text)
  returns void language sql volatile as $$
    insert into fit_recalc_queue (org_id, event_id, sponsor_id, reason)
    select distinct q.org_id, q.event_id, q.sponsor_id, why from unnest(org_ids, event_ids, sponsor_ids) q(org_id, event_id, sponsor_id)
    on conflict do nothing
  $$;
