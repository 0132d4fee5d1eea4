import type { Queryable, Tx } from './pool';

export interface BatchRow {
  batch_id: string;
  event_id: string;
  records: number;
  impressions: number;
  post_views: number;
  ticket_events: number;
  received_at: string;
}

/** The event if the caller's organization owns it (listed events of others are readable, not writable). */
export async function findOwnedEvent(
  tx: Queryable,
  id: string,
): Promise<{ id: string; owner_org_id: string; title: string } | undefined> {
  const { rows } = await tx.query<{ id: string; owner_org_id: string; title: string }>(
    'select id, owner_org_id, title from events where id = $1 and owner_org_id = yardpass_current_org()',
    [id],
  );
  return rows[0];
}

/** Claims the batch id for the event; false when it was stored before (this transaction then waits for it). */
export async function claimBatch(
  tx: Tx,
  batch: { orgId: string; eventId: string; batchId: string; counts: Counts },
) {
  const { rows } = await tx.query<BatchRow>(
    `insert into analytics_batches (org_id, event_id, batch_id, records, impressions, post_views, ticket_events)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (event_id, batch_id) do nothing
     returning batch_id, event_id, records, impressions, post_views, ticket_events, received_at`,
    [
      batch.orgId,
      batch.eventId,
      batch.batchId,
      batch.counts.records,
      batch.counts.impressions,
      batch.counts.post_views,
      batch.counts.ticket_events,
    ],
  );
  return rows[0];
}

export async function findBatch(
  tx: Queryable,
  eventId: string,
  batchId: string,
): Promise<BatchRow | undefined> {
  const { rows } = await tx.query<BatchRow>(
    `select batch_id, event_id, records, impressions, post_views, ticket_events, received_at
       from analytics_batches where event_id = $1 and batch_id = $2`,
    [eventId, batchId],
  );
  return rows[0];
}

export interface Counts {
  records: number;
  impressions: number;
  post_views: number;
  ticket_events: number;
}

/** One raw record as validated; absent fields are undefined. */
export interface RawRecord {
  kind: 'impression' | 'post_view' | 'ticket_open' | 'ticket_purchase';
  occurred_at: string;
  session_id?: string;
  source?: string;
  utm_source?: string;
  placement?: string;
  post_id?: string;
  dwell_ms?: number;
  value_cents?: number;
  promo_code?: string;
  age_segment?: string;
  city?: string;
}

const COLUMNS = [
  'kind',
  'occurred_at',
  'session_id',
  'source',
  'utm_source',
  'placement',
  'post_id',
  'dwell_ms',
  'value_cents',
  'promo_code',
  'age_segment',
  'city',
] as const satisfies readonly (keyof RawRecord)[];

/**
 * Stores validated records in one statement: each kind into its partitioned table, the people (sessions)
 * seen, and the per-day aggregate (both upserted in key order, so concurrent batches of one event cannot
 * deadlock). A person already seen within the hour with the same attributes is left alone: the same
 * sessions recur in every batch of a live event, and upserting them would make concurrent batches queue on
 * their row locks. The records travel as one
 * array per column (PostgreSQL reads arrays faster than JSON).
 */
export async function insertRecords(
  tx: Tx,
  batch: { orgId: string; eventId: string; batchId: string; records: readonly RawRecord[] },
): Promise<void> {
  const arrays = COLUMNS.map((column) => batch.records.map((record) => record[column] ?? null));
  await tx.query(
    `with r as (
       select * from unnest($4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::text[],
         $10::text[], $11::int[], $12::int8[], $13::text[], $14::text[], $15::text[])
         as r(kind, occurred_at, session_id, source, utm_source, placement, post_id, dwell_ms, value_cents,
              promo_code, age_segment, city)),
     imp as (
       insert into event_impressions_p (org_id, event_id, batch_id, occurred_at, session_id, source, utm_source,
         placement, age_segment, city)
       select $1, $2, $3, occurred_at, session_id, source, utm_source, placement, age_segment, city
         from r where kind = 'impression'),
     pv as (
       insert into post_views_p (org_id, event_id, batch_id, occurred_at, session_id, post_id, dwell_ms,
         age_segment, city)
       select $1, $2, $3, occurred_at, session_id, post_id, dwell_ms, age_segment, city
         from r where kind = 'post_view'),
     tix as (
       insert into ticket_analytics_p (org_id, event_id, batch_id, occurred_at, kind, session_id, value_cents,
         utm_source, promo_code, age_segment, city)
       select $1, $2, $3, occurred_at, kind, session_id, coalesce(value_cents, 0), utm_source, promo_code,
              age_segment, city
         from r where kind in ('ticket_open', 'ticket_purchase')),
     seen as (
       select session_id, max(occurred_at) as at, max(age_segment) as age_segment, max(city) as city
         from r where kind = 'impression' and session_id is not null group by session_id),
     people as (
       insert into analytics_people as p (org_id, event_id, session_id, last_seen_at, age_segment, city)
       select $1, $2, s.session_id, s.at, s.age_segment, s.city from seen s
        where not exists (
          select from analytics_people q where q.event_id = $2 and q.session_id = s.session_id
             and q.last_seen_at >= s.at - interval '1 hour'
             and (s.age_segment is null or s.age_segment = q.age_segment)
             and (s.city is null or s.city = q.city)
           -- \`offset 0\` keeps this a lookup by primary key per session: as an anti join the planner
           -- chose a nested loop over all the event's people (2.5 s for 5,000 sessions).
           offset 0)
        order by s.session_id
       on conflict (event_id, session_id) do update set
         last_seen_at = greatest(p.last_seen_at, excluded.last_seen_at),
         age_segment = coalesce(excluded.age_segment, p.age_segment), city = coalesce(excluded.city, p.city))
     insert into analytics_daily as d (org_id, event_id, day, utm_source, promo_code, impressions, post_views,
       dwell_ms_sum, ticket_opens, ticket_purchases, purchase_value_cents)
     select $1, $2, (occurred_at at time zone 'UTC')::date, coalesce(utm_source, ''), coalesce(promo_code, ''),
            count(*) filter (where kind = 'impression'), count(*) filter (where kind = 'post_view'),
            coalesce(sum(dwell_ms) filter (where kind = 'post_view'), 0),
            count(*) filter (where kind = 'ticket_open'), count(*) filter (where kind = 'ticket_purchase'),
            coalesce(sum(value_cents) filter (where kind = 'ticket_purchase'), 0)
       from r group by 3, 4, 5 order by 3, 4, 5
     on conflict (event_id, day, utm_source, promo_code) do update set
       impressions = d.impressions + excluded.impressions, post_views = d.post_views + excluded.post_views,
       dwell_ms_sum = d.dwell_ms_sum + excluded.dwell_ms_sum, ticket_opens = d.ticket_opens + excluded.ticket_opens,
       ticket_purchases = d.ticket_purchases + excluded.ticket_purchases,
       purchase_value_cents = d.purchase_value_cents + excluded.purchase_value_cents`,
    [batch.orgId, batch.eventId, batch.batchId, ...arrays],
  );
}

/** Creates the monthly partitions for `months` months from `firstMonth`; answers how many were created. */
export async function ensurePartitions(tx: Tx, firstMonth: Date, months: number): Promise<number> {
  const { rows } = await tx.query<{ created: number }>(
    'select yardpass_ensure_analytics_partitions($1::date, $2) as created',
    [firstMonth.toISOString().slice(0, 10), months],
  );
  return rows[0]!.created;
}
