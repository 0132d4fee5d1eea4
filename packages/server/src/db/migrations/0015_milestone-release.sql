-- Up Migration

-- Milestone release (issue 24): a package or order may release its escrow per deliverable instead of as a whole.
-- `release_weights` maps a benefit key (the deliverable made from it when the order is funded) to its weight; a
-- deliverable without one weighs 1. Each approval (or waiver) releases its weighted share of what the order still
-- holds at once, the last one everything left, so the shares add up to the order exactly.
alter table sponsorship_packages
  add column release_policy text not null default 'whole_order'
    check (release_policy in ('whole_order', 'per_deliverable')),
  add column release_weights jsonb not null default '{}' check (jsonb_typeof(release_weights) = 'object');

alter table sponsorship_orders
  add column release_policy text not null default 'whole_order'
    check (release_policy in ('whole_order', 'per_deliverable')),
  add column release_weights jsonb not null default '{}' check (jsonb_typeof(release_weights) = 'object'),
  -- What left escrow for the organizer (and the platform fee): the whole order at release, or the milestones.
  add column released_cents bigint not null default 0 check (released_cents >= 0);

alter table deliverables
  add column release_weight int not null default 1 check (release_weight between 1 and 10000);

-- One payout per order, or one per released milestone (its deliverable).
alter table sponsorship_payouts
  add column deliverable_id uuid references deliverables on delete restrict,
  drop constraint sponsorship_payouts_order_id_key;
create unique index sponsorship_payouts_order_idx on sponsorship_payouts (order_id) where deliverable_id is null;
create unique index sponsorship_payouts_deliverable_idx on sponsorship_payouts (deliverable_id)
  where deliverable_id is not null;
create index sponsorship_payouts_order_all_idx on sponsorship_payouts (order_id);

-- A milestone's share leaves escrow in its own posted transaction.
alter table ledger_transactions
  drop constraint ledger_transactions_kind_check,
  add constraint ledger_transactions_kind_check
    check (kind in ('fund', 'lock', 'refund', 'penalty', 'transfer', 'reversal', 'dispute', 'release'));

-- Down Migration

alter table ledger_transactions
  drop constraint if exists ledger_transactions_kind_check,
  add constraint ledger_transactions_kind_check
    check (kind in ('fund', 'lock', 'refund', 'penalty', 'transfer', 'reversal', 'dispute'));
drop index if exists sponsorship_payouts_order_all_idx;
drop index if exists sponsorship_payouts_deliverable_idx;
drop index if exists sponsorship_payouts_order_idx;
alter table sponsorship_payouts
  drop column if exists deliverable_id,
  add constraint sponsorship_payouts_order_id_key unique (order_id);
alter table deliverables drop column if exists release_weight;
alter table sponsorship_orders
  drop column if exists release_policy, drop column if exists release_weights, drop column if exists released_cents;
alter table sponsorship_packages drop column if exists release_policy, drop column if exists release_weights;
