-- Up Migration

-- Transfer reversals of lost disputes (issue 24), one row per payout a dispute recovers money from: an order's
-- whole-order payout, or each milestone payout of a `per_deliverable` order that was already transferred. Reserved
-- in the dispute's transaction (`pending`; a payout whose transfer is still being made is reversed once it exists),
-- asked of Stripe with `idempotency_key` (`…:retry:{n}` after a refusal and a retry), `reversed` once Stripe made it
-- and the ledger booked it, `failed` when Stripe refused it (the connected account no longer holds enough): the ops
-- inbox shows it until the organizer retries it (`POST /v1/payouts/{payout_id}:retry`).
create table sponsorship_payout_reversals (
  id uuid primary key default gen_random_uuid(),
  payout_id uuid not null references sponsorship_payouts on delete cascade,
  dispute_id uuid not null references order_disputes on delete cascade,
  order_id uuid not null references sponsorship_orders on delete cascade,
  organizer_org_id uuid not null references organizations on delete cascade,
  sponsor_org_id uuid not null references organizations on delete cascade,
  amount_cents bigint not null check (amount_cents > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  status text not null default 'pending' check (status in ('pending', 'reversed', 'failed')),
  idempotency_key text not null unique check (length(idempotency_key) between 1 and 255),
  retry_count int not null default 0 check (retry_count between 0 and 1000),
  stripe_reversal_id text unique,
  reversal_failure_reason text check (length(reversal_failure_reason) <= 2000),
  reversed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- A dispute reverses a payout's transfer once.
  unique (dispute_id, payout_id),
  check ((status = 'reversed') = (stripe_reversal_id is not null and reversed_at is not null)),
  check ((status = 'failed') = (reversal_failure_reason is not null))
);
create index sponsorship_payout_reversals_payout_idx on sponsorship_payout_reversals (payout_id);
create index sponsorship_payout_reversals_pending_idx on sponsorship_payout_reversals (updated_at)
  where status = 'pending';
-- The ops inbox reads failed reversals oldest first (by the payout it names).
create index sponsorship_payout_reversals_failed_idx on sponsorship_payout_reversals (updated_at, payout_id)
  where status = 'failed';
alter table sponsorship_payout_reversals enable row level security;
alter table sponsorship_payout_reversals force row level security;
create policy parties on sponsorship_payout_reversals
  using (yardpass_current_org() in (organizer_org_id, sponsor_org_id) or yardpass_is_system());

-- The reversal a lost dispute recorded on itself until now (of the order's whole-order payout) moves here, under the
-- idempotency key it was or will be asked with.
insert into sponsorship_payout_reversals (payout_id, dispute_id, order_id, organizer_org_id, sponsor_org_id,
  amount_cents, currency, status, idempotency_key, stripe_reversal_id, reversed_at, created_at)
select p.id, d.id, d.order_id, d.organizer_org_id, d.sponsor_org_id, d.reversal_cents, p.currency,
       case when d.stripe_reversal_id is null then 'pending' else 'reversed' end,
       'dispute:' || d.id || ':reversal', d.stripe_reversal_id,
       case when d.stripe_reversal_id is not null then d.updated_at end, coalesce(d.closed_at, d.created_at)
  from order_disputes d
  join sponsorship_payouts p on p.order_id = d.order_id and p.deliverable_id is null
 where d.reversal_cents > 0;
drop index order_disputes_reversal_idx;
alter table order_disputes drop column stripe_reversal_id;

-- Down Migration

alter table order_disputes add column stripe_reversal_id text unique;
-- Only a whole-order payout's reversal fits on its dispute; milestone reversals are not kept.
update order_disputes d set stripe_reversal_id = r.stripe_reversal_id
  from sponsorship_payout_reversals r join sponsorship_payouts p on p.id = r.payout_id and p.deliverable_id is null
 where r.dispute_id = d.id;
create index order_disputes_reversal_idx on order_disputes (closed_at)
  where reversal_cents > 0 and stripe_reversal_id is null;
drop table if exists sponsorship_payout_reversals;
