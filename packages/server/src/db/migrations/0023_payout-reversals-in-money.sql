-- Up Migration

-- The business metrics' `payouts_cents` counted every paid payout and never the transfer reversals a lost dispute
-- makes (migration 0019): money taken back from an organizer still showed as paid out to it. A reversal now counts
-- as a negative payout on the day it was reversed, booked by trigger as the other flows are (migration 0018).

create function yardpass_money_of_payout_reversal() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.status = 'reversed' then
    perform yardpass_money_add(old.reversed_at, old.currency, old.organizer_org_id, null, old.order_id, null,
      flows => -1, payouts => old.amount_cents);
  end if;
  if new.status = 'reversed' then
    perform yardpass_money_add(new.reversed_at, new.currency, new.organizer_org_id, null, new.order_id, null,
      payouts => -new.amount_cents);
  end if;
  return null;
end $$;
create trigger sponsorship_payout_reversals_money_insert after insert on sponsorship_payout_reversals
  for each row when (new.status = 'reversed') execute function yardpass_money_of_payout_reversal();
create trigger sponsorship_payout_reversals_money_update after update on sponsorship_payout_reversals
  for each row when ((old.status = 'reversed' or new.status = 'reversed')
    and (old.status, old.amount_cents, old.currency, old.reversed_at, old.organizer_org_id, old.order_id)
      is distinct from (new.status, new.amount_cents, new.currency, new.reversed_at, new.organizer_org_id,
        new.order_id))
  execute function yardpass_money_of_payout_reversal();

-- The rebuild counts reversals too, and runs once for the reversals booked before this migration.
create or replace function yardpass_money_rebuild() returns void language plpgsql as $$
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
      union all
      select (v.reversed_at at time zone 'UTC')::date, v.currency, v.organizer_org_id, null, o.event_id, 0, 0, 0, 0,
             -v.amount_cents
        from sponsorship_payout_reversals v left join sponsorship_orders o on o.id = v.order_id
       where v.status = 'reversed'
    ) booked
   group by day, currency, organizer_org_id, sponsor_org_id, event_id;
  perform set_config('yardpass.system', previous, true);
end $$;
select yardpass_money_rebuild();

-- Down Migration

drop trigger if exists sponsorship_payout_reversals_money_insert on sponsorship_payout_reversals;
drop trigger if exists sponsorship_payout_reversals_money_update on sponsorship_payout_reversals;
drop function if exists yardpass_money_of_payout_reversal;
create or replace function yardpass_money_rebuild() returns void language plpgsql as $$
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
