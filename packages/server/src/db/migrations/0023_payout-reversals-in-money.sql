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

-- The rebuild counts reversals too: migration 0018's rebuild, kept under another name, then each reversal
-- booked as its trigger books it. It runs once for the reversals made before this migration.
alter function yardpass_money_rebuild() rename to yardpass_money_rebuild_without_reversals;
create function yardpass_money_rebuild() returns void language plpgsql as $$
declare
  previous text := coalesce(current_setting('yardpass.system', true), '');
  reversal record;
begin
  perform yardpass_money_rebuild_without_reversals();
  perform set_config('yardpass.system', 'on', true);
  for reversal in select * from sponsorship_payout_reversals where status = 'reversed' loop
    perform yardpass_money_add(reversal.reversed_at, reversal.currency, reversal.organizer_org_id, null,
      reversal.order_id, null, payouts => -reversal.amount_cents);
  end loop;
  perform set_config('yardpass.system', previous, true);
end $$;
select yardpass_money_rebuild();

-- Down Migration

drop trigger if exists sponsorship_payout_reversals_money_insert on sponsorship_payout_reversals;
drop trigger if exists sponsorship_payout_reversals_money_update on sponsorship_payout_reversals;
drop function if exists yardpass_money_of_payout_reversal, yardpass_money_rebuild;
alter function yardpass_money_rebuild_without_reversals() rename to yardpass_money_rebuild;
select yardpass_money_rebuild();
