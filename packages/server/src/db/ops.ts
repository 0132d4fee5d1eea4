import type { Cursor } from './pagination';
import type { Queryable, Tx } from './pool';

/** The kinds of stuck work the inbox lists, each read oldest first through a partial index of its own. */
export const INBOX_KINDS = [
  'order_awaiting_funding',
  'deliverable_awaiting_review',
  'deliverable_past_due',
  'proposal_follow_up',
  'order_disputed',
  'order_locked',
  'payout_failed',
  'payout_awaiting_configuration',
  'payout_reversal_failed',
  'webhook_endpoint_failing',
  'webhook_delivery_dead',
] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/** One stuck item as the database knows it; the domain words it and names its action. */
export interface InboxRow {
  kind: InboxKind;
  id: string;
  since: string;
  amount_cents: number | null;
  currency: string | null;
  /** The organization whose move it is. */
  org_id: string;
  /** What else the wording needs: a side, a state, an error. */
  detail: string | null;
  /** The order of a deliverable or payout, the endpoint of a delivery. */
  related_id: string | null;
  /** `since` to the microsecond, for the cursor (the answer's `since` is to the millisecond). */
  position: string;
}

// Every branch answers the columns of `InboxRow`, in that order, and orders by `since, id` on its own index.
// The acting side: the sponsor funds; the side that does not own a deliverable reviews it; the side that did
// not make the latest offer answers it; the organizer releases, resolves disputes and fixes its payouts.
const branches: Record<InboxKind, string> = {
  order_awaiting_funding: `
    select 'order_awaiting_funding', o.id, o.created_at, o.amount_cents, o.currency, o.sponsor_org_id,
           o.payment_status, null::uuid
      from sponsorship_orders o where o.status = 'pending' and o.escrow_state = 'pending'`,
  deliverable_awaiting_review: `
    select 'deliverable_awaiting_review', d.id, d.updated_at, o.amount_cents - o.refunded_cents, o.currency,
           case d.owner_side when 'organizer' then d.sponsor_org_id else d.organizer_org_id end, d.type, d.order_id
      from deliverables d left join sponsorship_orders o on o.id = d.order_id where d.status = 'submitted'`,
  deliverable_past_due: `
    select 'deliverable_past_due', d.id, d.due_at, o.amount_cents - o.refunded_cents, o.currency,
           case d.owner_side when 'organizer' then d.organizer_org_id else d.sponsor_org_id end, d.type, d.order_id
      from deliverables d left join sponsorship_orders o on o.id = d.order_id
     where d.status in ('pending', 'needs_changes') and d.due_at < now()`,
  proposal_follow_up: `
    select 'proposal_follow_up', t.id, t.updated_at, (t.last_offer->>'price_cents')::bigint, p.currency,
           case coalesce(t.last_offer_side, t.created_by_side)
             when 'organizer' then t.sponsor_org_id else t.organizer_org_id end,
           case coalesce(t.last_offer_side, t.created_by_side) when 'organizer' then 'sponsor' else 'organizer' end,
           null::uuid
      from proposal_threads t left join sponsorship_packages p on p.id = t.package_id
     where t.status in ('sent', 'countered')`,
  order_disputed: `
    select 'order_disputed', o.id, o.updated_at, o.amount_cents - o.refunded_cents, o.currency, o.organizer_org_id,
           o.stripe_dispute_id, null::uuid
      from sponsorship_orders o where o.disputed`,
  order_locked: `
    select 'order_locked', o.id, o.locked_at, o.amount_cents - o.refunded_cents, o.currency, o.organizer_org_id,
           o.lock_reason, null::uuid
      from sponsorship_orders o where o.escrow_state = 'locked'`,
  payout_failed: `
    select 'payout_failed', p.id, p.updated_at, p.amount_cents, p.currency, p.org_id, p.payout_failure_reason,
           p.order_id
      from sponsorship_payouts p where p.status = 'failed'`,
  payout_awaiting_configuration: `
    select 'payout_awaiting_configuration', p.id, p.updated_at, p.amount_cents, p.currency, p.org_id,
           p.payout_failure_reason, p.order_id
      from sponsorship_payouts p where p.status = 'awaiting_configuration'`,
  payout_reversal_failed: `
    select 'payout_reversal_failed', r.payout_id, r.updated_at, r.amount_cents, r.currency, r.organizer_org_id,
           r.reversal_failure_reason, r.order_id
      from sponsorship_payout_reversals r where r.status = 'failed'`,
  webhook_endpoint_failing: `
    select 'webhook_endpoint_failing', w.id, coalesce(w.failing_since, w.updated_at), null::bigint, null::text,
           w.org_id, w.disabled_reason, null::uuid
      from webhook_endpoints w
     where (w.enabled and w.failing_since is not null) or (not w.enabled and w.disabled_reason <> 'manual')`,
  webhook_delivery_dead: `
    select 'webhook_delivery_dead', d.id, d.updated_at, null::bigint, null::text, d.org_id, d.last_error,
           d.endpoint_id
      from webhook_deliveries d where d.status = 'dead'`,
};

const COLUMNS = 'kind, id, since, amount_cents, currency, org_id, detail, related_id';

function union(kinds: readonly InboxKind[]): string {
  return kinds.map((kind) => `(${branches[kind]})`).join('\n union all ');
}

// The first page's cursor: before every item (no `since` is null, and `-infinity` is before any time).
const BEFORE_ALL: Cursor = { value: '-infinity', id: '00000000-0000-0000-0000-000000000000' };

/**
 * A page of stuck work, oldest first, of what `tx` may see (row-level security decides whose). Each kind takes its
 * own first page through its index before the pages are merged, so a page costs the same with 100,000 items.
 * Planning the union of every kind under row-level security costs several times running it, so it is a named
 * statement with one generic plan per connection, for the first page and the next alike: the cursor is always
 * given (the first page's is before every item), which keeps it an index condition of each kind's scan.
 * (`since, id` orders every item: the one row in two kinds, a locked order disputed, has two different times.)
 * Runs in a transaction, whose settings make the plan: generic (the pool's other statements keep the default), and
 * without bitmap scans. The planner cannot estimate the row-level-security filter (it guesses that a handful of
 * the open items pass), and planning for the first page's values it read every open item of a kind by bitmap and
 * sorted them to return the first 51 (387 ms at 1,000,000 orders). The generic plan walks each kind's index in
 * order and stops at the page even with bitmap scans on; the setting keeps it so whenever the plan is made again.
 */
export async function listInbox(
  tx: Tx,
  page: { kinds: readonly InboxKind[]; limit: number; after: Cursor | undefined },
): Promise<InboxRow[]> {
  const pages = page.kinds.map(
    (kind) => `(select * from (${branches[kind]}) as item(${COLUMNS})
       where (since, id) > ($1::timestamptz, $2::uuid)
       order by since, id limit $3)`,
  );
  await tx.query('set local enable_bitmapscan = off; set local plan_cache_mode = force_generic_plan');
  const after = page.after ?? BEFORE_ALL;
  const { rows } = await tx.query<InboxRow>({
    // Named by the kinds' positions: one statement per set of kinds, well under PostgreSQL's 63 characters.
    name: `ops.inbox:${page.kinds.map((kind) => INBOX_KINDS.indexOf(kind)).join(',')}`,
    text: `select ${COLUMNS}, since::text as position from (${pages.join('\n union all ')}) as item
      order by since, id limit $3`,
    values: [after.value, after.id, page.limit + 1],
  });
  return rows;
}

/** How many items of each kind (in the order of `kinds`), and the money they hold by currency. */
export async function summarizeInbox(
  q: Queryable,
  kinds: readonly InboxKind[],
): Promise<{ kind: InboxKind; currency: string | null; count: number; amount_cents: number }[]> {
  const { rows } = await q.query<{
    kind: InboxKind;
    currency: string | null;
    count: number;
    amount_cents: number;
  }>(
    `select kind, currency, count(*)::int as count, coalesce(sum(amount_cents), 0)::bigint as amount_cents
       from (${union(kinds)}) as item(${COLUMNS})
      group by kind, currency order by array_position($1::text[], kind), currency`,
    [kinds],
  );
  return rows;
}

/** The integrity checks: each query answers the rows that break it (as `id` and `detail`), at most `$2`. */
export const INTEGRITY_CHECKS = {
  // Guide §19: every active package still references a valid event.
  active_package_event: `
    select sp.id::text, jsonb_build_object('event_id', sp.event_id) as detail
      from sponsorship_packages sp left join events e on e.id = sp.event_id
     where sp.is_active and e.id is null and ($1::uuid is null or sp.org_id = $1)
     order by sp.id limit $2`,
  // Guide §19: public sponsors have a profile (a warning: the API lets a brand go public before its profile).
  public_sponsor_profile: `
    select s.id::text, jsonb_build_object('name', s.name) as detail
      from sponsors s left join sponsor_profiles sp on sp.sponsor_id = s.id
     where s.visibility = 'public' and sp.sponsor_id is null and ($1::uuid is null or s.org_id = $1)
     order by s.id limit $2`,
  // Every ledger transaction sums to zero in each currency (the commit-time trigger's rule, checked again).
  ledger_transaction_balance: `
    select t.id::text, jsonb_build_object('reference', t.reference, 'currency', e.currency,
             'sum_cents', sum(e.amount_cents)) as detail
      from ledger_transactions t join ledger_entries e on e.transaction_id = t.id
     where $1::uuid is null or $1 in (t.organizer_org_id, t.sponsor_org_id)
     group by t.id, t.reference, e.currency having sum(e.amount_cents) <> 0
     order by t.id limit $2`,
  // Balances are derived from entries; an order's escrow balance must equal what its state says it holds.
  escrow_balance: `
    select o.id::text, jsonb_build_object('escrow_state', o.escrow_state, 'expected_cents', o.expected,
             'balance_cents', coalesce(b.balance, 0)) as detail
      from (select o.*, case when o.escrow_state in ('funded', 'locked')
                             then o.amount_cents - o.refunded_cents else 0 end as expected
              from sponsorship_orders o
             where o.escrow_state <> 'pending'
               and ($1::uuid is null or $1 in (o.organizer_org_id, o.sponsor_org_id))) o
      left join lateral (
        select sum(e.amount_cents) as balance
          from ledger_accounts a join ledger_entries e on e.account_id = a.id
          join ledger_transactions t on t.id = e.transaction_id and t.status = 'posted'
         where a.order_id = o.id and a.kind = 'escrow') b on true
     where coalesce(b.balance, 0) <> o.expected
     order by o.id limit $2`,
  // Every funded order has its funding booked into escrow.
  funded_order_escrow: `
    select o.id::text, jsonb_build_object('escrow_state', o.escrow_state, 'funded_at', o.funded_at) as detail
      from sponsorship_orders o
     where o.funded_at is not null
       and ($1::uuid is null or $1 in (o.organizer_org_id, o.sponsor_org_id))
       and not exists (select from ledger_transactions t
                        where t.order_id = o.id and t.kind = 'fund' and t.status = 'posted')
     order by o.id limit $2`,
  // Guide §19 ("funded orders have payout entries"), in our lifecycle: every released order has a payout.
  released_order_payout: `
    select o.id::text, jsonb_build_object('released_at', o.released_at) as detail
      from sponsorship_orders o
     where o.escrow_state = 'released'
       and ($1::uuid is null or $1 in (o.organizer_org_id, o.sponsor_org_id))
       and not exists (select from sponsorship_payouts p where p.order_id = o.id)
     order by o.id limit $2`,
  // Every paid payout has a transfer id and its transfer booked in the ledger.
  paid_payout_transfer: `
    select p.id::text, jsonb_build_object('order_id', p.order_id, 'stripe_transfer_id', p.stripe_transfer_id)
             as detail
      from sponsorship_payouts p
     where p.status = 'paid' and ($1::uuid is null or p.org_id = $1)
       and (p.stripe_transfer_id is null
            or not exists (select from ledger_transactions t
                            where t.reference = 'payout:' || p.id || ':transfer' and t.status = 'posted'))
     order by p.id limit $2`,
  // Every transfer reversal Stripe made for a lost dispute is booked in the ledger (before migration 0019, under
  // its dispute's reference).
  payout_reversal_booked: `
    select r.id::text, jsonb_build_object('payout_id', r.payout_id, 'stripe_reversal_id', r.stripe_reversal_id)
             as detail
      from sponsorship_payout_reversals r
     where r.status = 'reversed' and ($1::uuid is null or $1 in (r.organizer_org_id, r.sponsor_org_id))
       and not exists (select from ledger_transactions t
                        where t.reference in ('payout:' || r.payout_id || ':reversal:' || r.id,
                                              'dispute:' || r.dispute_id || ':reversal')
                          and t.status = 'posted')
     order by r.id limit $2`,
} as const;
export type IntegrityCheck = keyof typeof INTEGRITY_CHECKS;

/** Runs one check over every organization (`orgId` null) or over the rows `orgId` is a party to. */
export async function runIntegrityCheck(
  q: Queryable,
  check: IntegrityCheck,
  options: { orgId: string | null; limit: number },
): Promise<{ id: string; detail: Record<string, unknown> }[]> {
  const { rows } = await q.query<{ id: string; detail: Record<string, unknown> }>(INTEGRITY_CHECKS[check], [
    options.orgId,
    options.limit,
  ]);
  return rows;
}

/** The window and scope of the business metrics: `from` inclusive, `to` exclusive, buckets of `interval`. */
export interface MetricsWindow {
  from: string;
  to: string;
  interval: 'day' | 'week' | 'month';
  eventId: string | null;
  /** Only what this organization owns or is a party to; null: every organization. */
  orgId: string | null;
}

/** One period (`period_start` null: the whole window) of the business metrics that are not money. */
export interface ActivityRow {
  period_start: string | null;
  packages_created: number;
  events_with_new_packages: number;
  proposals: number;
  proposals_converted: number;
  median_negotiation_seconds: number | null;
  deliverables_due: number;
  deliverables_on_time: number;
  slas_evaluated: number;
  slas_met: number;
}

/** One period (`period_start` null: the whole window) and currency of the money metrics. */
export interface MoneyRow {
  period_start: string | null;
  currency: string;
  orders_funded: number;
  gmv_cents: number;
  platform_fees_cents: number;
  refunds_cents: number;
  payouts_cents: number;
}

const windowParams = (w: MetricsWindow) => [w.from, w.to, w.interval, w.eventId, w.orgId];
const inWindow = (column: string) => `${column} >= $1::timestamptz and ${column} < $2::timestamptz`;
const bucket = (column: string) => `date_trunc($3::text, ${column})`;
const forEvent = (column: string) => `($4::uuid is null or ${column} = $4::uuid)`;
const partyOf = (alias: string) =>
  `($5::uuid is null or $5::uuid in (${alias}.organizer_org_id, ${alias}.sponsor_org_id))`;
const inDays = (alias: string) =>
  `${alias}.day >= $1::date and ${alias}.day < $2::date and ${forEvent(`${alias}.event_id`)} and ${partyOf(alias)}`;

/**
 * Activity by period, one statement: each metric aggregates its own table once over the window with grouping
 * sets (per period, and the whole window), and the periods of the window are joined to them.
 * Proposals are counted by when they were opened (drafts never sent are left out); a proposal converts when an
 * order was made from it, and its negotiation time runs from opening to that order. A deliverable due in the
 * window (and already due) is on time when it was first submitted by its due date; waived ones are left out.
 */
export async function activityMetrics(q: Queryable, w: MetricsWindow): Promise<ActivityRow[]> {
  const { rows } = await q.query<ActivityRow>(
    `with periods as (
       select generate_series(${bucket('$1::timestamptz')}, $2::timestamptz - interval '1 microsecond',
                              ('1 ' || $3::text)::interval) as period_start
       union all select null
     ), packages as (
       select ${bucket('p.created_at')} as period_start, count(*)::int as packages,
              count(distinct p.event_id)::int as events
         from sponsorship_packages p
        where ${inWindow('p.created_at')} and ${forEvent('p.event_id')} and ($5::uuid is null or p.org_id = $5::uuid)
        group by grouping sets ((1), ())
     ), proposals as (
       select ${bucket('t.created_at')} as period_start, count(*)::int as proposals,
              count(o.id)::int as converted,
              percentile_cont(0.5) within group (order by extract(epoch from o.created_at - t.created_at))
                filter (where o.id is not null) as median_seconds
         from proposal_threads t left join sponsorship_orders o on o.proposal_id = t.id
        where ${inWindow('t.created_at')} and t.status <> 'draft' and ${forEvent('t.event_id')} and ${partyOf('t')}
        group by grouping sets ((1), ())
     ), deliverables as (
       select ${bucket('d.due_at')} as period_start, count(*)::int as due,
              count(*) filter (where exists (
                select from deliverable_reviews r
                 where r.deliverable_id = d.id and r.action = 'submitted' and r.created_at <= d.due_at))::int
                as on_time
         from deliverables d
        where ${inWindow('d.due_at')} and d.due_at <= now() and d.status <> 'waived' and ${forEvent('d.event_id')}
          and ${partyOf('d')}
        group by grouping sets ((1), ())
     ), slas as (
       select ${bucket('s.due_at')} as period_start, count(*)::int as evaluated,
              count(*) filter (where s.status = 'met')::int as met
         from sponsorship_slas s
        where ${inWindow('s.due_at')} and s.status in ('met', 'breached') and ${forEvent('s.event_id')}
          and ${partyOf('s')}
        group by grouping sets ((1), ())
     )
     select k.period_start,
            coalesce(pk.packages, 0) as packages_created, coalesce(pk.events, 0) as events_with_new_packages,
            coalesce(pr.proposals, 0) as proposals, coalesce(pr.converted, 0) as proposals_converted,
            pr.median_seconds as median_negotiation_seconds,
            coalesce(dl.due, 0) as deliverables_due, coalesce(dl.on_time, 0) as deliverables_on_time,
            coalesce(sl.evaluated, 0) as slas_evaluated, coalesce(sl.met, 0) as slas_met
       from periods k
       left join packages pk on pk.period_start is not distinct from k.period_start
       left join proposals pr on pr.period_start is not distinct from k.period_start
       left join deliverables dl on dl.period_start is not distinct from k.period_start
       left join slas sl on sl.period_start is not distinct from k.period_start
      order by k.period_start nulls last`,
    windowParams(w),
  );
  return rows;
}

/**
 * Money by period and currency, one statement over the day totals the triggers of migrations 0018 and 0023
 * keep (what each column counts is written there): the folded days in `money_daily` and the changes not yet
 * folded.
 */
export async function moneyMetrics(q: Queryable, w: MetricsWindow): Promise<MoneyRow[]> {
  const { rows } = await q.query<MoneyRow>(
    `with days as (
       select day, currency, flows, orders_funded, gmv_cents, platform_fees_cents, refunds_cents, payouts_cents
         from money_daily m
        where ${inDays('m')}
       union all
       select day, currency, flows, orders_funded, gmv_cents, platform_fees_cents, refunds_cents, payouts_cents
         from money_daily_changes m
        where ${inDays('m')}
     )
     select ${bucket('day::timestamptz')} as period_start, currency, sum(orders_funded)::int as orders_funded,
            sum(gmv_cents)::bigint as gmv_cents, sum(platform_fees_cents)::bigint as platform_fees_cents,
            sum(refunds_cents)::bigint as refunds_cents, sum(payouts_cents)::bigint as payouts_cents
       from days
      group by grouping sets ((1, currency), (currency))
     having sum(flows) > 0
      order by period_start nulls last, currency`,
    windowParams(w),
  );
  return rows;
}

/**
 * Folds the money changes the triggers appended into the day totals, in one statement. Concurrent runs fold
 * each change once: a change another run already deleted is skipped.
 */
export async function foldMoneyChanges(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ folded: number }>(
    `with folded as (
       delete from money_daily_changes returning *
     ), summed as (
       insert into money_daily as m (day, currency, organizer_org_id, sponsor_org_id, event_id, flows,
         orders_funded, gmv_cents, platform_fees_cents, refunds_cents, payouts_cents)
       select day, currency, organizer_org_id, sponsor_org_id, event_id, sum(flows), sum(orders_funded), sum(gmv_cents),
              sum(platform_fees_cents), sum(refunds_cents), sum(payouts_cents)
         from folded group by day, currency, organizer_org_id, sponsor_org_id, event_id
       on conflict on constraint money_daily_key do update set flows = m.flows + excluded.flows,
         orders_funded = m.orders_funded + excluded.orders_funded, gmv_cents = m.gmv_cents + excluded.gmv_cents,
         platform_fees_cents = m.platform_fees_cents + excluded.platform_fees_cents,
         refunds_cents = m.refunds_cents + excluded.refunds_cents,
         payouts_cents = m.payouts_cents + excluded.payouts_cents
     )
     select count(*)::int as folded from folded`,
  );
  return rows[0]!.folded;
}

/** What `/metrics` reports from the database, read in one statement at each scrape. */
export interface OperationalSnapshot {
  /** First attempts of webhook deliveries in the last hour, and how many succeeded (2xx). */
  first_attempts: number;
  first_attempts_ok: number;
  /** From an event to its successful delivery, for deliveries that succeeded in the last hour. */
  delivery_p50_seconds: number | null;
  delivery_p95_seconds: number | null;
  payouts: Record<string, number>;
  /** The latest rollup's time (the newest audience insight row), null before the first. */
  last_rollup_at: string | null;
  /** Match recalculations waiting to be drained, and how long the oldest has waited (0 when none). */
  match_queue_depth: number;
  match_queue_oldest_seconds: number;
}

export async function operationalSnapshot(q: Queryable): Promise<OperationalSnapshot> {
  const { rows } = await q.query<OperationalSnapshot>(
    `select
       (select count(*)::int from webhook_attempts
         where attempt = 1 and attempted_at > now() - interval '1 hour') as first_attempts,
       (select count(*)::int from webhook_attempts
         where attempt = 1 and attempted_at > now() - interval '1 hour' and status_code between 200 and 299)
         as first_attempts_ok,
       l.p50 as delivery_p50_seconds, l.p95 as delivery_p95_seconds,
       (select coalesce(jsonb_object_agg(status, n), '{}') from
          (select status, count(*)::int as n from sponsorship_payouts group by status) s) as payouts,
       (select max(captured_at) from event_audience_insights) as last_rollup_at,
       q.depth as match_queue_depth, q.oldest_seconds as match_queue_oldest_seconds
     from (select count(*)::int as depth,
                  coalesce(extract(epoch from now() - min(queued_at)), 0)::float8 as oldest_seconds
             from fit_recalc_queue where processed_at is null) q, (select percentile_cont(0.5) within group (order by extract(epoch from d.last_attempt_at - e.created_at)) as p50,
                  percentile_cont(0.95) within group (order by extract(epoch from d.last_attempt_at - e.created_at)) as p95
             from webhook_deliveries d join webhook_events e on e.id = d.event_id
            where d.status = 'succeeded' and d.last_attempt_at > now() - interval '1 hour') l`,
  );
  return rows[0]!;
}
