-- Up Migration

-- Money off the happy path (DESIGN §5, issue 24): payouts that wait for configuration or are retried, disputes,
-- time-outs that act, and Stripe calls made outside the transaction that records their intent.

-- Payouts: `processing` while a transfer is asked of Stripe (the answer is applied in a second transaction; the
-- reconciliation job finishes one a crash left behind), `awaiting_configuration` while the organizer cannot
-- receive transfers, `cancelled` when a lost dispute took the money back before it was transferred.
-- `retry_count` numbers the `:retry`s: the idempotency keys are `payout:{id}`, then `payout:{id}:retry:{n}`.
alter table sponsorship_payouts
  drop constraint sponsorship_payouts_status_check,
  add constraint sponsorship_payouts_status_check
    check (status in ('pending', 'processing', 'awaiting_configuration', 'paid', 'failed', 'cancelled')),
  add column retry_count int not null default 0 check (retry_count between 0 and 1000),
  add column transfer_requested_at timestamptz,
  add constraint sponsorship_payouts_processing_check
    check (status <> 'processing' or transfer_requested_at is not null);
create index sponsorship_payouts_processing_idx on sponsorship_payouts (transfer_requested_at)
  where status = 'processing';

-- Orders: `expired` when the payment window closed unpaid. A fund call is recorded before Stripe is called
-- (`payment_requested_at`, the method) so that the reconciliation job can finish one a crash interrupted.
alter table sponsorship_orders
  drop constraint sponsorship_orders_status_check,
  add constraint sponsorship_orders_status_check
    check (status in ('pending', 'active', 'completed', 'cancelled', 'refunded', 'partially_refunded', 'expired')),
  add column expired_at timestamptz,
  add column payment_method_id text check (length(payment_method_id) between 1 and 255),
  add column payment_requested_at timestamptz,
  add column payment_due_notified_at timestamptz,
  add column release_due_notified_at timestamptz,
  add column auto_released_at timestamptz;
create index sponsorship_orders_payment_requested_idx on sponsorship_orders (payment_requested_at)
  where payment_requested_at is not null;

-- A deliverable's review reminder (`deliverable.review_due`) is sent once.
alter table deliverables add column review_due_notified_at timestamptz;

-- One row per Stripe dispute of an order's charge, shared by both parties. While `status` is open the order is
-- held (`sponsorship_orders.disputed`); lost: `lost_cents` and Stripe's `fee_cents` are booked, and a transfer
-- already made is reversed (`reversal_cents`, idempotency key `dispute:{id}:reversal`).
create table order_disputes (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references sponsorship_orders on delete cascade,
  organizer_org_id uuid not null references organizations on delete cascade,
  sponsor_org_id uuid not null references organizations on delete cascade,
  stripe_dispute_id text not null unique check (stripe_dispute_id ~ '^dp_[A-Za-z0-9_]+$'),
  status text not null check (status in ('warning_needs_response', 'warning_under_review', 'warning_closed',
    'needs_response', 'under_review', 'won', 'lost')),
  amount_cents bigint not null check (amount_cents >= 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  reason text not null default 'general' check (length(reason) between 1 and 100),
  evidence_due_by timestamptz,
  lost_cents bigint not null default 0 check (lost_cents >= 0),
  fee_cents bigint not null default 0 check (fee_cents >= 0),
  reversal_cents bigint not null default 0 check (reversal_cents >= 0),
  stripe_reversal_id text unique,
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status in ('won', 'lost', 'warning_closed')) = (closed_at is not null)),
  check (status = 'lost' or (lost_cents = 0 and reversal_cents = 0))
);
create index order_disputes_order_idx on order_disputes (order_id, created_at);
create index order_disputes_reversal_idx on order_disputes (closed_at)
  where reversal_cents > 0 and stripe_reversal_id is null;
alter table order_disputes enable row level security;
alter table order_disputes force row level security;
create policy parties on order_disputes
  using (yardpass_current_org() in (organizer_org_id, sponsor_org_id) or yardpass_is_system());

-- A lost dispute is booked as its own kind of ledger transaction.
alter table ledger_transactions
  drop constraint ledger_transactions_kind_check,
  add constraint ledger_transactions_kind_check
    check (kind in ('fund', 'lock', 'refund', 'penalty', 'transfer', 'reversal', 'dispute'));

-- Each organizer's windows (its terms of sale): an unpaid order expires after `payment_window_hours`, a
-- submitted deliverable is approved after `review_window_days`, a locked order is released after
-- `auto_release_after_days` (null: never). No row: the defaults.
create table order_settings (
  org_id uuid primary key references organizations on delete cascade,
  payment_window_hours int not null default 72 check (payment_window_hours between 1 and 8760),
  review_window_days int not null default 7 check (review_window_days between 2 and 365),
  auto_release_after_days int check (auto_release_after_days between 1 and 365),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table order_settings enable row level security;
alter table order_settings force row level security;
create policy tenant on order_settings using (org_id = yardpass_current_org() or yardpass_is_system());

-- Down Migration

drop table if exists order_settings, order_disputes;
alter table ledger_transactions
  drop constraint if exists ledger_transactions_kind_check,
  add constraint ledger_transactions_kind_check
    check (kind in ('fund', 'lock', 'refund', 'penalty', 'transfer', 'reversal'));
alter table deliverables drop column if exists review_due_notified_at;
drop index if exists sponsorship_orders_payment_requested_idx;
alter table sponsorship_orders
  drop constraint if exists sponsorship_orders_status_check,
  add constraint sponsorship_orders_status_check
    check (status in ('pending', 'active', 'completed', 'cancelled', 'refunded', 'partially_refunded')),
  drop column if exists expired_at, drop column if exists payment_method_id,
  drop column if exists payment_requested_at, drop column if exists payment_due_notified_at,
  drop column if exists release_due_notified_at, drop column if exists auto_released_at;
drop index if exists sponsorship_payouts_processing_idx;
alter table sponsorship_payouts
  drop constraint if exists sponsorship_payouts_processing_check,
  drop constraint if exists sponsorship_payouts_status_check,
  add constraint sponsorship_payouts_status_check check (status in ('pending', 'paid', 'failed')),
  drop column if exists retry_count, drop column if exists transfer_requested_at;
