-- Up Migration

-- Packages and proposal negotiation (issue 4) on top of the commerce schema of 0002.

-- The cancellation policy an order of this package gets ({ window_days, penalty_pct }); null: the default.
alter table sponsorship_packages add column cancellation_policy jsonb;

-- The inbox reads one row per thread: the message count and the latest offer are kept on the thread by the
-- statement that adds a message, instead of being aggregated from the messages on every read.
alter table proposal_threads
  add column message_count int not null default 0 check (message_count >= 0),
  add column last_offer jsonb,
  add column last_offer_side text check (last_offer_side in ('organizer', 'sponsor')),
  add column last_offer_message_id uuid references proposal_messages on delete set null,
  add column closed_reason text check (length(closed_reason) <= 2000),
  add constraint proposal_threads_offer_check check ((last_offer is null) = (last_offer_side is null));

-- The expiry job looks for open threads without activity.
create index proposal_threads_open_updated_idx on proposal_threads (updated_at)
  where status in ('draft', 'sent', 'countered');

-- The inbox of one event by activity; the counterparty policy on sponsors looks threads up by sponsor.
create index proposal_threads_event_updated_idx on proposal_threads (event_id, updated_at desc, id desc);
create index proposal_threads_sponsor_idx on proposal_threads (sponsor_id);

-- Marketplace filters on the event (category, city, dates) beside the price-ordered package index of 0002.
create index events_category_starts_idx on events (category, starts_at);
create index events_city_starts_idx on events (city, starts_at);

-- Variants belong to the package's organizer; the organizer's own variant list.
create index package_variants_package_price_idx on package_variants (package_id, price_cents desc, id desc);

-- Down Migration

drop index if exists package_variants_package_price_idx;
drop index if exists events_city_starts_idx;
drop index if exists events_category_starts_idx;
drop index if exists proposal_threads_sponsor_idx;
drop index if exists proposal_threads_event_updated_idx;
drop index if exists proposal_threads_open_updated_idx;
alter table proposal_threads
  drop constraint if exists proposal_threads_offer_check,
  drop column if exists closed_reason,
  drop column if exists last_offer_message_id,
  drop column if exists last_offer_side,
  drop column if exists last_offer,
  drop column if exists message_count;
alter table sponsorship_packages drop column if exists cancellation_policy;
