-- Up Migration

-- Money by UTC day, kept as it is booked (issue 20): the business metrics read a month of a million-order year
-- from a few thousand day rows instead of every order and ledger entry in it.
--
-- Writers never update a shared row (a day's total would be a hot row every funding of an organizer waits on):
-- triggers append each change to `money_daily_changes`, and the `metrics.compact-money` task folds them into
-- `money_daily`. Readers add the two. What counts is what the metrics have always counted:
--   orders_funded, gmv_cents  orders by `funded_at` (their amount);
--   platform_fees_cents       entries on platform-fee accounts of posted ledger transactions, by `posted_at`;
--   refunds_cents             succeeded refunds, by `created_at`;
--   payouts_cents             paid payouts, by `paid_at` (the organizer's; no sponsor side).
-- `event_id` is the order's event, null for money of no order.


create table money_daily (
  day date not null,
  currency text not null,
  organizer_org_id uuid references organizations on delete cascade,
  sponsor_org_id uuid references organizations on delete cascade,
  event_id uuid,
  -- How many bookings the row counts (a change taking one back counts -1): a day whose bookings were all taken
  -- back has none, and is not shown.
  flows bigint not null default 0,
  orders_funded bigint not null default 0,
  gmv_cents bigint not null default 0,
  platform_fees_cents bigint not null default 0,
  refunds_cents bigint not null default 0,
  payouts_cents bigint not null default 0,
  constraint money_daily_key unique nulls not distinct (day, currency, organizer_org_id, sponsor_org_id, event_id)
);
create index money_daily_organizer_idx on money_daily (organizer_org_id, day);
create index money_daily_sponsor_idx on money_daily (sponsor_org_id, day);

create table money_daily_changes (
  id bigint generated always as identity primary key,
  day date not null,
  currency text not null,
  organizer_org_id uuid references organizations on delete cascade,
  sponsor_org_id uuid references organizations on delete cascade,
  event_id uuid,
  flows bigint not null,
  orders_funded bigint not null default 0,
  gmv_cents bigint not null default 0,
  platform_fees_cents bigint not null default 0,
  refunds_cents bigint not null default 0,
  payouts_cents bigint not null default 0
);

do $$
declare t text;
begin
  foreach t in array array['money_daily', 'money_daily_changes'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant on %I using (organizer_org_id = yardpass_current_org()
      or sponsor_org_id = yardpass_current_org() or yardpass_is_system())', t);
  end loop;
end $$;

-- Appends one change. It sees every order whatever the session's tenant (as the ledger's balance check does).
create function yardpass_money_add(
  at timestamptz, currency text, organizer uuid, sponsor uuid, order_id uuid, event uuid, flows int default 1,
  orders_funded int default 0, gmv bigint default 0, fees bigint default 0, refunds bigint default 0,
  payouts bigint default 0
) returns void language plpgsql as $$
declare
  previous text := coalesce(current_setting('yardpass.system', true), '');
begin
  perform set_config('yardpass.system', 'on', true);
  insert into money_daily_changes (day, currency, organizer_org_id, sponsor_org_id, event_id, flows, orders_funded,
    gmv_cents, platform_fees_cents, refunds_cents, payouts_cents)
  values ((at at time zone 'UTC')::date, currency, organizer, sponsor,
    coalesce(event, (select o.event_id from sponsorship_orders o where o.id = yardpass_money_add.order_id)),
    flows, orders_funded, gmv, fees, refunds, payouts);
  perform set_config('yardpass.system', previous, true);
end $$;

-- Each trigger takes back what the old row counted and adds what the new row counts; its WHEN clause keeps
-- every other update from calling it. Nothing deletes counted rows but an organization's deletion, whose
-- cascade takes its money rows with it.
create function yardpass_money_of_order() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.funded_at is not null then
    perform yardpass_money_add(old.funded_at, old.currency, old.organizer_org_id, old.sponsor_org_id, null,
      old.event_id, flows => -1, orders_funded => -1, gmv => -old.amount_cents);
  end if;
  if new.funded_at is not null then
    perform yardpass_money_add(new.funded_at, new.currency, new.organizer_org_id, new.sponsor_org_id, null,
      new.event_id, orders_funded => 1, gmv => new.amount_cents);
  end if;
  return null;
end $$;
create trigger sponsorship_orders_money_insert after insert on sponsorship_orders
  for each row when (new.funded_at is not null) execute function yardpass_money_of_order();
create trigger sponsorship_orders_money_update after update on sponsorship_orders
  for each row when ((old.funded_at, old.amount_cents, old.currency, old.organizer_org_id, old.sponsor_org_id,
    old.event_id) is distinct from (new.funded_at, new.amount_cents, new.currency, new.organizer_org_id,
    new.sponsor_org_id, new.event_id)) execute function yardpass_money_of_order();

create function yardpass_money_of_refund() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.status = 'succeeded' then
    perform yardpass_money_add(old.created_at, old.currency, old.organizer_org_id, old.sponsor_org_id,
      old.order_id, null, flows => -1, refunds => -old.amount_cents);
  end if;
  if new.status = 'succeeded' then
    perform yardpass_money_add(new.created_at, new.currency, new.organizer_org_id, new.sponsor_org_id,
      new.order_id, null, refunds => new.amount_cents);
  end if;
  return null;
end $$;
create trigger order_refunds_money_insert after insert on order_refunds
  for each row when (new.status = 'succeeded') execute function yardpass_money_of_refund();
create trigger order_refunds_money_update after update on order_refunds
  for each row when ((old.status = 'succeeded' or new.status = 'succeeded')
    and (old.status, old.amount_cents, old.currency, old.created_at, old.order_id)
      is distinct from (new.status, new.amount_cents, new.currency, new.created_at, new.order_id))
  execute function yardpass_money_of_refund();

create function yardpass_money_of_payout() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.status = 'paid' then
    perform yardpass_money_add(old.paid_at, old.currency, old.org_id, null, old.order_id, null, flows => -1,
      payouts => -old.amount_cents);
  end if;
  if new.status = 'paid' then
    perform yardpass_money_add(new.paid_at, new.currency, new.org_id, null, new.order_id, null,
      payouts => new.amount_cents);
  end if;
  return null;
end $$;
create trigger sponsorship_payouts_money_insert after insert on sponsorship_payouts
  for each row when (new.status = 'paid') execute function yardpass_money_of_payout();
create trigger sponsorship_payouts_money_update after update on sponsorship_payouts
  for each row when ((old.status = 'paid' or new.status = 'paid')
    and (old.status, old.amount_cents, old.currency, old.paid_at, old.org_id, old.order_id)
      is distinct from (new.status, new.amount_cents, new.currency, new.paid_at, new.org_id, new.order_id))
  execute function yardpass_money_of_payout();

-- Entries and transactions are immutable but for a transaction's one step from pending to posted (or voided):
-- a fee counts when its entry joins a posted transaction, or when its transaction posts.
create function yardpass_money_of_fee_entry() returns trigger language plpgsql as $$
declare
  previous text := coalesce(current_setting('yardpass.system', true), '');
  t ledger_transactions;
begin
  perform set_config('yardpass.system', 'on', true);
  select * into t from ledger_transactions where id = new.transaction_id and status = 'posted';
  if found and exists (select from ledger_accounts a where a.id = new.account_id and a.kind = 'platform_fees') then
    perform yardpass_money_add(t.posted_at, new.currency, t.organizer_org_id, t.sponsor_org_id, t.order_id, null,
      fees => new.amount_cents);
  end if;
  perform set_config('yardpass.system', previous, true);
  return null;
end $$;
create trigger ledger_entries_money after insert on ledger_entries
  for each row execute function yardpass_money_of_fee_entry();

create function yardpass_money_of_posting() returns trigger language plpgsql as $$
declare
  previous text := coalesce(current_setting('yardpass.system', true), '');
  fee record;
begin
  perform set_config('yardpass.system', 'on', true);
  for fee in
    select e.currency, count(*)::int as entries, sum(e.amount_cents)::bigint as amount from ledger_entries e
      join ledger_accounts a on a.id = e.account_id and a.kind = 'platform_fees'
     where e.transaction_id = new.id group by e.currency
  loop
    perform yardpass_money_add(new.posted_at, fee.currency, new.organizer_org_id, new.sponsor_org_id,
      new.order_id, null, flows => fee.entries, fees => fee.amount);
  end loop;
  perform set_config('yardpass.system', previous, true);
  return null;
end $$;
create trigger ledger_transactions_money after update on ledger_transactions
  for each row when (new.status = 'posted' and old.status <> 'posted')
  execute function yardpass_money_of_posting();

-- The day totals computed afresh from the bookings themselves: what was booked before this migration, and a
-- repair for a database whose totals were loaded around the triggers (the benchmark's bulk seed does).
create function yardpass_money_rebuild() returns void language plpgsql as $$
declare
  previous text := coalesce(current_setting('yardpass.system', true), '');
begin
  perform set_config('yardpass.system', 'on', true);
  lock table money_daily, money_daily_changes in exclusive mode;
  delete from money_daily_changes;
  delete from money_daily;
  insert into money_daily (day, currency, organizer_org_id, sponsor_org_id, event_id, flows, orders_funded,
    gmv_cents, platform_fees_cents, refunds_cents, payouts_cents)
  select day, currency, organizer_org_id, sponsor_org_id, event_id, count(*), sum(orders), sum(gmv), sum(fees),
         sum(refunds), sum(payouts)
    from (
      select (o.funded_at at time zone 'UTC')::date as day, o.currency, o.organizer_org_id, o.sponsor_org_id,
             o.event_id, 1 as orders, o.amount_cents as gmv, 0::bigint as fees, 0::bigint as refunds,
             0::bigint as payouts
        from sponsorship_orders o where o.funded_at is not null
      union all
      select (t.posted_at at time zone 'UTC')::date, e.currency, t.organizer_org_id, t.sponsor_org_id, o.event_id,
             0, 0, e.amount_cents, 0, 0
        from ledger_transactions t
        join ledger_entries e on e.transaction_id = t.id
        join ledger_accounts a on a.id = e.account_id and a.kind = 'platform_fees'
        left join sponsorship_orders o on o.id = t.order_id
       where t.status = 'posted'
      union all
      select (r.created_at at time zone 'UTC')::date, r.currency, r.organizer_org_id, r.sponsor_org_id, o.event_id,
             0, 0, 0, r.amount_cents, 0
        from order_refunds r left join sponsorship_orders o on o.id = r.order_id
       where r.status = 'succeeded'
      union all
      select (p.paid_at at time zone 'UTC')::date, p.currency, p.org_id, null, o.event_id, 0, 0, 0, 0, p.amount_cents
        from sponsorship_payouts p left join sponsorship_orders o on o.id = p.order_id
       where p.status = 'paid'
    ) booked
   group by day, currency, organizer_org_id, sponsor_org_id, event_id;
  perform set_config('yardpass.system', previous, true);
end $$;
select yardpass_money_rebuild();

-- Down Migration

drop trigger if exists ledger_transactions_money on ledger_transactions;
drop trigger if exists ledger_entries_money on ledger_entries;
drop trigger if exists sponsorship_payouts_money_insert on sponsorship_payouts;
drop trigger if exists sponsorship_payouts_money_update on sponsorship_payouts;
drop trigger if exists order_refunds_money_insert on order_refunds;
drop trigger if exists order_refunds_money_update on order_refunds;
drop trigger if exists sponsorship_orders_money_insert on sponsorship_orders;
drop trigger if exists sponsorship_orders_money_update on sponsorship_orders;
drop function if exists yardpass_money_rebuild, yardpass_money_of_posting, yardpass_money_of_fee_entry,
  yardpass_money_of_payout, yardpass_money_of_refund, yardpass_money_of_order, yardpass_money_add;
drop table if exists money_daily_changes, money_daily;
