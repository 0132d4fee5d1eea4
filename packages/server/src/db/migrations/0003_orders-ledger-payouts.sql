-- Up Migration

-- Orders, escrow, the double-entry ledger and payouts (DESIGN §5 "Orders, escrow, ledger, payouts"): Stripe
-- Connect separate charges and transfers. The platform charges the sponsor (PaymentIntent), holds the money in
-- escrow, and transfers amount − platform fee to the organizer's connected account on release.

-- `status` is the business state, `escrow_state` where the money is, `payment_status` the PaymentIntent's.
alter table sponsorship_orders
  add column payment_status text
    check (payment_status in ('requires_payment_method', 'requires_confirmation', 'requires_action',
                              'processing', 'succeeded', 'canceled')),
  add column payment_error text,
  add column payment_attempts int not null default 0 check (payment_attempts >= 0),
  add column stripe_payment_intent_id text unique,
  add column stripe_charge_id text,
  add column platform_fee_bps int check (platform_fee_bps between 0 and 10000),
  add column application_fee_cents bigint check (application_fee_cents >= 0),
  add column refunded_cents bigint not null default 0,
  add column disputed boolean not null default false,
  add column stripe_dispute_id text,
  add column lock_reason text check (lock_reason in ('manual', 'event_started', 'deliverables_complete')),
  add column funded_at timestamptz,
  add column locked_at timestamptz,
  add column released_at timestamptz,
  add column cancelled_at timestamptz,
  add constraint sponsorship_orders_status_check
    check (status in ('pending', 'active', 'completed', 'cancelled', 'refunded', 'partially_refunded')),
  add constraint sponsorship_orders_escrow_state_check
    check (escrow_state in ('pending', 'funded', 'locked', 'released', 'refunded', 'partially_refunded')),
  add constraint sponsorship_orders_refunded_check check (refunded_cents between 0 and amount_cents),
  add constraint sponsorship_orders_funded_check
    check (escrow_state = 'pending' or (funded_at is not null and stripe_payment_intent_id is not null)),
  add constraint sponsorship_orders_locked_check check (escrow_state <> 'locked' or locked_at is not null),
  add constraint sponsorship_orders_released_check check (escrow_state <> 'released' or released_at is not null);
create index sponsorship_orders_payment_pending_idx on sponsorship_orders (updated_at)
  where escrow_state = 'pending' and stripe_payment_intent_id is not null;

-- Where an organizer is paid: its Stripe Connect account and the platform fee it agreed to.
create table payout_configurations (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null unique references organizations on delete cascade,
  stripe_connect_account_id text check (stripe_connect_account_id ~ '^acct_[A-Za-z0-9]+$'),
  platform_fee_bps int not null check (platform_fee_bps between 0 and 10000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Refunds of an order, one per `reference` (a cancellation, an organizer's refund, an SLA penalty), numbered
-- per order so the Stripe idempotency keys (`order:{id}:refund:{n}`) are stable across retries.
create table order_refunds (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references sponsorship_orders on delete cascade,
  organizer_org_id uuid not null references organizations on delete cascade,
  sponsor_org_id uuid not null references organizations on delete cascade,
  seq int not null check (seq > 0),
  reference text not null check (length(reference) between 1 and 200),
  reason text not null check (length(reason) between 1 and 500),
  amount_cents bigint not null check (amount_cents > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  reversal_cents bigint not null default 0 check (reversal_cents >= 0 and reversal_cents <= amount_cents),
  status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
  stripe_refund_id text unique,
  stripe_reversal_id text unique,
  failure_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (order_id, reference),
  unique (order_id, seq)
);

-- The transfer of one released order to its organizer; at most one per order.
create table sponsorship_payouts (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations on delete cascade,
  order_id uuid not null unique references sponsorship_orders on delete cascade,
  amount_cents bigint not null check (amount_cents >= 0),
  fee_cents bigint not null check (fee_cents >= 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  status text not null default 'pending' check (status in ('pending', 'paid', 'failed')),
  destination_account_id text,
  stripe_transfer_id text unique,
  reversed_cents bigint not null default 0 check (reversed_cents >= 0 and reversed_cents <= amount_cents),
  payout_attempts int not null default 0 check (payout_attempts between 0 and 100),
  payout_failure_reason text,
  paid_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status <> 'paid' or stripe_transfer_id is not null)
);
create index sponsorship_payouts_org_created_idx on sponsorship_payouts (org_id, created_at desc, id desc);

-- Inbound Stripe webhooks, de-duplicated by Stripe's event id. Platform data: no tenant reads it.
create table stripe_events (
  id text primary key check (id ~ '^evt_'),
  type text not null,
  payload jsonb not null,
  order_id uuid references sponsorship_orders on delete set null,
  received_at timestamptz not null default now()
);

-- The double-entry ledger. An account is a platform account (`org_id` and `order_id` null), an organizer's
-- payable balance (`org_id`), or the escrow of one order (`order_id`). Balances are derived from entries.
create table ledger_accounts (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  kind text not null check (kind in ('stripe_clearing', 'platform_fees', 'escrow', 'organizer_payable')),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  org_id uuid references organizations on delete cascade,
  order_id uuid references sponsorship_orders on delete cascade,
  created_at timestamptz not null default now(),
  check ((kind = 'escrow') = (order_id is not null)),
  check ((kind = 'organizer_payable') = (org_id is not null))
);

-- Two-phase as in TigerBeetle: a transaction is `pending` (booked, not yet effective), then `posted` or
-- `voided`; only that one step may change a transaction. `reference` makes booking idempotent.
create table ledger_transactions (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  kind text not null check (kind in ('fund', 'lock', 'refund', 'penalty', 'transfer', 'reversal')),
  status text not null check (status in ('pending', 'posted', 'voided')),
  order_id uuid references sponsorship_orders on delete cascade,
  organizer_org_id uuid references organizations on delete cascade,
  sponsor_org_id uuid references organizations on delete cascade,
  description text not null default '',
  created_at timestamptz not null default now(),
  posted_at timestamptz,
  voided_at timestamptz,
  check ((status = 'posted') = (posted_at is not null)),
  check ((status = 'voided') = (voided_at is not null))
);
create index ledger_transactions_order_idx on ledger_transactions (order_id, created_at);
create index ledger_transactions_organizer_idx on ledger_transactions (organizer_org_id, created_at desc, id desc);
create index ledger_transactions_sponsor_idx on ledger_transactions (sponsor_org_id, created_at desc, id desc);

-- Immutable entries: positive debits, negative credits; each transaction sums to zero per currency.
create table ledger_entries (
  id uuid primary key default gen_random_uuid(),
  transaction_id uuid not null references ledger_transactions on delete restrict,
  account_id uuid not null references ledger_accounts on delete restrict,
  amount_cents bigint not null check (amount_cents <> 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  created_at timestamptz not null default now()
);
create index ledger_entries_transaction_idx on ledger_entries (transaction_id);
create index ledger_entries_account_idx on ledger_entries (account_id);

create function yardpass_ledger_entries_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'ledger entries are immutable; book a correcting transaction instead'
    using errcode = 'restrict_violation';
end $$;
create trigger ledger_entries_immutable before update or delete on ledger_entries
  for each row execute function yardpass_ledger_entries_immutable();

create function yardpass_ledger_transaction_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'ledger transactions cannot be deleted' using errcode = 'restrict_violation';
  end if;
  if old.status <> 'pending' or new.status = 'pending'
     or (to_jsonb(new) - 'status' - 'posted_at' - 'voided_at') <> (to_jsonb(old) - 'status' - 'posted_at' - 'voided_at') then
    raise exception 'a ledger transaction only moves once, from pending to posted or voided'
      using errcode = 'restrict_violation';
  end if;
  return new;
end $$;
create trigger ledger_transactions_guard before update or delete on ledger_transactions
  for each row execute function yardpass_ledger_transaction_guard();

-- Checked at commit, once every entry of the transaction is in. It must see every entry whatever the session's
-- tenant, so it opens the system wall for its own query and restores the setting after.
create function yardpass_ledger_balanced() returns trigger language plpgsql as $$
declare
  unbalanced record;
  previous text := coalesce(current_setting('yardpass.system', true), '');
begin
  perform set_config('yardpass.system', 'on', true);
  select currency, sum(amount_cents) as total into unbalanced
    from ledger_entries where transaction_id = new.transaction_id
    group by currency having sum(amount_cents) <> 0 limit 1;
  perform set_config('yardpass.system', previous, true);
  if unbalanced.currency is not null then
    raise exception 'ledger transaction % does not balance in % (sum %)',
      new.transaction_id, unbalanced.currency, unbalanced.total using errcode = 'check_violation';
  end if;
  return null;
end $$;
create constraint trigger ledger_entries_balanced after insert on ledger_entries
  deferrable initially deferred for each row execute function yardpass_ledger_balanced();

create function yardpass_ledger_entry_currency() returns trigger language plpgsql as $$
begin
  if not exists (select from ledger_accounts a where a.id = new.account_id and a.currency = new.currency) then
    raise exception 'ledger entry currency % differs from its account''s', new.currency
      using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger ledger_entries_currency before insert on ledger_entries
  for each row execute function yardpass_ledger_entry_currency();

-- Row-level security: payout settings and payouts belong to the organizer; refunds and ledger transactions to
-- both parties of their order; Stripe events to the platform only.
do $$
declare t text;
begin
  foreach t in array array['payout_configurations', 'sponsorship_payouts', 'order_refunds', 'stripe_events',
      'ledger_accounts', 'ledger_transactions', 'ledger_entries'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
  end loop;
end $$;
create policy tenant on payout_configurations using (org_id = yardpass_current_org() or yardpass_is_system());
create policy tenant on sponsorship_payouts using (org_id = yardpass_current_org() or yardpass_is_system());
create policy parties on order_refunds
  using (yardpass_current_org() in (organizer_org_id, sponsor_org_id) or yardpass_is_system());
create policy platform on stripe_events using (yardpass_is_system());
create policy parties on ledger_transactions
  using (yardpass_current_org() in (organizer_org_id, sponsor_org_id) or yardpass_is_system());
create policy via_transaction on ledger_entries using (
  yardpass_is_system() or exists (select from ledger_transactions t where t.id = ledger_entries.transaction_id)
);
-- Platform accounts carry no tenant data by themselves: what a tenant sees of them is only its own entries.
create policy visible on ledger_accounts using (
  yardpass_is_system()
  or org_id = yardpass_current_org()
  or (org_id is null and order_id is null)
  or exists (select from sponsorship_orders o where o.id = ledger_accounts.order_id)
);

-- Reserving a unit: a sponsor's transaction inserts its order and then takes one unit of the organizer's
-- package (`sold + 1` under `sold <= inventory`). A party to an order of a package may read that package and
-- update it; the trigger below confines such an update, by anyone but the owner, to `sold`.
create policy ordered on sponsorship_packages for select using (
  exists (select from sponsorship_orders o where o.package_id = sponsorship_packages.id)
);
create policy reserve on sponsorship_packages for update using (
  exists (select from sponsorship_orders o where o.package_id = sponsorship_packages.id)
);
create function yardpass_package_reserve_guard() returns trigger language plpgsql as $$
begin
  if not yardpass_is_system() and old.org_id is distinct from yardpass_current_org()
     and (to_jsonb(new) - 'sold' - 'updated_at') <> (to_jsonb(old) - 'sold' - 'updated_at') then
    raise exception 'only the organizer may change a package; a counterparty only reserves or releases a unit'
      using errcode = 'insufficient_privilege';
  end if;
  return new;
end $$;
create trigger sponsorship_packages_reserve_guard before update on sponsorship_packages
  for each row execute function yardpass_package_reserve_guard();

-- Down Migration

drop trigger if exists sponsorship_packages_reserve_guard on sponsorship_packages;
drop function if exists yardpass_package_reserve_guard;
drop policy if exists reserve on sponsorship_packages;
drop policy if exists ordered on sponsorship_packages;
drop table if exists ledger_entries, ledger_transactions, ledger_accounts, stripe_events, sponsorship_payouts,
  order_refunds, payout_configurations;
drop function if exists yardpass_ledger_entry_currency, yardpass_ledger_balanced,
  yardpass_ledger_transaction_guard, yardpass_ledger_entries_immutable;
drop index if exists sponsorship_orders_payment_pending_idx;
alter table sponsorship_orders
  drop constraint if exists sponsorship_orders_status_check,
  drop constraint if exists sponsorship_orders_escrow_state_check,
  drop constraint if exists sponsorship_orders_refunded_check,
  drop constraint if exists sponsorship_orders_funded_check,
  drop constraint if exists sponsorship_orders_locked_check,
  drop constraint if exists sponsorship_orders_released_check,
  drop column if exists payment_status,
  drop column if exists payment_error, drop column if exists payment_attempts,
  drop column if exists stripe_payment_intent_id, drop column if exists stripe_charge_id,
  drop column if exists platform_fee_bps, drop column if exists application_fee_cents,
  drop column if exists refunded_cents, drop column if exists disputed, drop column if exists stripe_dispute_id,
  drop column if exists lock_reason, drop column if exists funded_at, drop column if exists locked_at,
  drop column if exists released_at, drop column if exists cancelled_at;
