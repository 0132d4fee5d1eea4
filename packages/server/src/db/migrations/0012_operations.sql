-- Up Migration

-- The operator's surface (issue 20): platform operator keys, stored Stripe reconciliations, and the indexes
-- the stuck-work inbox, the integrity checks and the business metrics read by.

-- A platform operator reads every organization's inbox, integrity and metrics and may only take the ops actions.
-- Created on the server (`yardpass-server operators create`); like API keys, only a hash is kept.
create table platform_operators (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 100),
  prefix text not null,
  key_hash bytea not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index platform_operators_prefix_idx on platform_operators (prefix);

-- One comparison of the payment processor's records with the ledger for a period, and each difference found.
create table reconciliation_runs (
  id uuid primary key default gen_random_uuid(),
  provider text not null check (provider in ('stripe', 'sandbox')),
  trigger text not null check (trigger in ('schedule', 'manual')),
  period_start timestamptz not null,
  period_end timestamptz not null,
  status text not null default 'running' check (status in ('running', 'completed', 'failed')),
  -- Objects compared, by kind: { balance_transactions, transfers, refunds, disputes }.
  checked jsonb not null default '{}',
  difference_count int not null default 0 check (difference_count >= 0),
  error text,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  check (period_end > period_start),
  check ((status = 'running') = (finished_at is null))
);
create index reconciliation_runs_started_idx on reconciliation_runs (started_at desc, id desc);

create table reconciliation_differences (
  id uuid primary key default gen_random_uuid(),
  run_id uuid not null references reconciliation_runs on delete cascade,
  object_type text not null check (object_type in ('charge', 'transfer', 'refund', 'dispute')),
  -- The processor's id (`ch_…`, `tr_…`, `re_…`, `dp_…`), or ours when the processor has nothing.
  object_id text not null,
  issue text not null check (issue in ('missing_in_ledger', 'missing_at_processor', 'amount_mismatch')),
  order_id uuid references sponsorship_orders on delete set null,
  processor_amount_cents bigint,
  ledger_amount_cents bigint,
  currency text check (currency ~ '^[A-Z]{3}$'),
  detail text not null
);
create index reconciliation_differences_run_idx on reconciliation_differences (run_id, object_type, object_id);

-- Platform data: only system transactions (operators, the reconciliation job) see these tables.
do $$
declare t text;
begin
  foreach t in array array['platform_operators', 'reconciliation_runs', 'reconciliation_differences'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy platform on %I using (yardpass_is_system())', t);
  end loop;
end $$;

-- The inbox reads each kind of stuck work oldest first through a partial index of just that kind.
create index sponsorship_orders_unfunded_idx on sponsorship_orders (created_at, id)
  where status = 'pending' and escrow_state = 'pending';
create index sponsorship_orders_locked_idx on sponsorship_orders (locked_at, id) where escrow_state = 'locked';
create index sponsorship_orders_disputed_idx on sponsorship_orders (updated_at, id) where disputed;
create index deliverables_submitted_idx on deliverables (updated_at, id) where status = 'submitted';
create index deliverables_open_due_idx on deliverables (due_at, id) where status in ('pending', 'needs_changes');
create index sponsorship_payouts_stuck_idx on sponsorship_payouts (updated_at, id)
  where status in ('failed', 'awaiting_configuration');
create index webhook_deliveries_dead_idx on webhook_deliveries (updated_at, id) where status = 'dead';

-- Business metrics by period: what happened when (funding, posting, payment, refund).
create index sponsorship_orders_funded_idx on sponsorship_orders (funded_at) where funded_at is not null;
create index ledger_transactions_posted_idx on ledger_transactions (posted_at) where status = 'posted';
create index sponsorship_payouts_paid_idx on sponsorship_payouts (paid_at) where paid_at is not null;
create index order_refunds_created_idx on order_refunds (created_at);
create index sponsorship_packages_created_idx on sponsorship_packages (created_at);
create index proposal_threads_created_idx on proposal_threads (created_at);

-- Down Migration

drop index if exists proposal_threads_created_idx, sponsorship_packages_created_idx, order_refunds_created_idx,
  sponsorship_payouts_paid_idx, ledger_transactions_posted_idx, sponsorship_orders_funded_idx,
  webhook_deliveries_dead_idx, sponsorship_payouts_stuck_idx, deliverables_open_due_idx, deliverables_submitted_idx,
  sponsorship_orders_disputed_idx, sponsorship_orders_locked_idx, sponsorship_orders_unfunded_idx;
drop table if exists reconciliation_differences, reconciliation_runs, platform_operators;
