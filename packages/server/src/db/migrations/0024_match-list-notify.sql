-- Up Migration

-- Match list pages cached in each server process (issue 19, domain/match-list-cache.ts): every change that can alter
-- what `GET /v1/events/{id}/matches` or `GET /v1/sponsors/{id}/matches` answers notifies `yardpass_match_inputs` at
-- its commit, and every process then drops its cached pages. That is a change to the matches themselves (scores,
-- statuses, new or removed pairs), to what a page shows of the event, the sponsor and the best package, to the
-- profile fields the category and city filters read, and to what the row-level security policies the lists read
-- through depend on (a package's visibility, a proposal or an order making an event or a sponsor visible). A
-- transaction sends the notification once, however many statements fire it.
create function yardpass_notify_match_inputs() returns trigger language plpgsql as $$
begin
  perform pg_notify('yardpass_match_inputs', '');
  return null;
end $$;
create trigger sponsorship_matches_list_notify after insert or update or delete on sponsorship_matches
  for each statement execute function yardpass_notify_match_inputs();
create trigger events_match_list_notify after update of title, city, category, starts_at, owner_org_id or delete
  on events for each statement execute function yardpass_notify_match_inputs();
create trigger sponsors_match_list_notify after update or delete on sponsors
  for each statement execute function yardpass_notify_match_inputs();
create trigger sponsor_profiles_match_list_notify after insert or update or delete on sponsor_profiles
  for each statement execute function yardpass_notify_match_inputs();
create trigger sponsorship_packages_match_list_notify
  after update of title, tier, price_cents, currency, is_active, visibility, org_id, event_id or delete
  on sponsorship_packages for each statement execute function yardpass_notify_match_inputs();
create trigger proposal_threads_match_list_notify after insert or delete on proposal_threads
  for each statement execute function yardpass_notify_match_inputs();
create trigger sponsorship_orders_match_list_notify after insert or delete on sponsorship_orders
  for each statement execute function yardpass_notify_match_inputs();

-- Down Migration

drop trigger if exists sponsorship_orders_match_list_notify on sponsorship_orders;
drop trigger if exists proposal_threads_match_list_notify on proposal_threads;
drop trigger if exists sponsorship_packages_match_list_notify on sponsorship_packages;
drop trigger if exists sponsor_profiles_match_list_notify on sponsor_profiles;
drop trigger if exists sponsors_match_list_notify on sponsors;
drop trigger if exists events_match_list_notify on events;
drop trigger if exists sponsorship_matches_list_notify on sponsorship_matches;
drop function if exists yardpass_notify_match_inputs;
