import type { Cursor } from '../../db/pagination';
import type { Queryable, Tx } from '../../db/pool';
import { enqueueEndpointSql } from './deliveries';
import { enqueueSql } from '../../db/jobs';

export interface WebhookEventRow {
  id: string;
  org_id: string;
  type: string;
  data: unknown;
  created_at: string;
}

/** The channel `pg_notify` announces new events on (payload: `<org id>:<event id>`), for the event stream. */
export const WEBHOOK_EVENTS_CHANNEL = 'yardpass_webhook_events';

/**
 * Writes the event on the caller's transaction, with a notification sent at commit: the worker listens and
 * queues the fan-out then (jobs/worker.ts), live streams forward it. A change that rolls back leaves neither.
 * The event row is the durable record: an event committed while no worker listened is fanned out by the
 * sweep (`requeueUnfannedWebhookEvents`). No job row is written here: a job per event cost more than the
 * event itself, and writers waited on the fan-out job's key (the lock is held until commit).
 */
export async function insertWebhookEvent(
  tx: Tx,
  event: { orgId: string; type: string; data: unknown },
): Promise<WebhookEventRow> {
  // No RETURNING: the event may belong to the other party of a shared change, whose rows this
  // transaction may write (policy `emit`) but not read back.
  const { rows } = await tx.query<WebhookEventRow>(
    `with event as (
       select gen_random_uuid() as id, $1::uuid as org_id, $2::text as type, $3::jsonb as data,
              now() as created_at
     ), inserted as (
       insert into webhook_events (id, org_id, type, data, created_at) select * from event
     ), notified as (
       select pg_notify('${WEBHOOK_EVENTS_CHANNEL}', event.org_id || ':' || event.id) from event
     )
     select event.* from event, (select count(*) from notified) as notified`,
    [event.orgId, event.type, JSON.stringify(event.data)],
  );
  return rows[0]!;
}

/**
 * An event for one endpoint only (a `ping` from `:test`): written already fanned out, with its single
 * delivery and its endpoint's job, in the caller's transaction. Answers the delivery's id.
 */
export async function insertTargetedWebhookEvent(
  tx: Tx,
  event: { orgId: string; type: string; data: unknown; endpointId: string },
): Promise<{ event: WebhookEventRow; deliveryId: string }> {
  const { rows } = await tx.query<WebhookEventRow & { delivery_id: string }>(
    `with event as (
       insert into webhook_events (org_id, type, data, fanned_out_at) values ($1, $2, $3, now())
       returning id, org_id, type, data, created_at
     ), delivery as (
       insert into webhook_deliveries (org_id, event_id, endpoint_id, next_attempt_at)
       select org_id, id, $4, now() from event returning id
     ), job as (
       select ${enqueueEndpointSql('$4::uuid')},
              pg_notify('${WEBHOOK_EVENTS_CHANNEL}', event.org_id || ':' || event.id)
         from delivery, event
     )
     select event.*, delivery.id as delivery_id from event, delivery, (select count(*) from job) as enqueued`,
    [event.orgId, event.type, JSON.stringify(event.data), event.endpointId],
  );
  const { delivery_id: deliveryId, ...row } = rows[0]!;
  return { event: row, deliveryId };
}

const eventColumns = 'id, type, created_at, data';

export async function findWebhookEvent(tx: Queryable, id: string): Promise<WebhookEventRow | undefined> {
  const { rows } = await tx.query<WebhookEventRow>(
    `select org_id, ${eventColumns} from webhook_events where id = $1`,
    [id],
  );
  return rows[0];
}

export async function listWebhookEvents(
  tx: Queryable,
  filter: { type?: string; limit: number; after?: Cursor },
): Promise<WebhookEventRow[]> {
  const { rows } = await tx.query<WebhookEventRow>(
    `select org_id, ${eventColumns} from webhook_events
      where ($1::text is null or type = $1)
        and ($2::timestamptz is null or (created_at, id) < ($2, $3::uuid))
      order by created_at desc, id desc limit $4`,
    [filter.type ?? null, filter.after?.value ?? null, filter.after?.id ?? null, filter.limit + 1],
  );
  return rows;
}

/** Events after `afterId` (oldest first) for a resuming stream; all of them are at most `limit`. */
export async function listWebhookEventsAfter(
  tx: Queryable,
  filter: { afterId: string; types: string[] | null; limit: number },
): Promise<WebhookEventRow[]> {
  const { rows } = await tx.query<WebhookEventRow>(
    `select e.org_id, e.id, e.type, e.created_at, e.data from webhook_events e,
            (select created_at, id from webhook_events where id = $1) as last
      where (e.created_at, e.id) > (last.created_at, last.id)
        and ($2::text[] is null or e.type = any($2))
      order by e.created_at, e.id limit $3`,
    [filter.afterId, filter.types, filter.limit],
  );
  return rows;
}

/**
 * Fans out up to `limit` events not fanned out yet, oldest first (rows another worker holds are skipped):
 * one delivery per enabled endpoint of the event's organization whose filter takes it, and one
 * `webhooks.deliver` job per endpoint that got any. Answers how many events.
 */
export async function fanOutWebhookEvents(tx: Tx, options: { limit: number }): Promise<number> {
  const { rows } = await tx.query<{ events: number }>(
    `with picked as (
       -- oldest first through the partial index of unfanned events, however long the backlog
       select id from webhook_events where fanned_out_at is null
        order by created_at limit $1 for update skip locked
     ), event as (
       update webhook_events e set fanned_out_at = now() from picked where e.id = picked.id
       returning e.id, e.org_id, e.type
     ), inserted as (
       insert into webhook_deliveries (org_id, event_id, endpoint_id, next_attempt_at)
       select e.org_id, e.id, ep.id, now()
         from event e
         join webhook_endpoints ep on ep.org_id = e.org_id and ep.enabled
          and (ep.event_types is null or e.type = any(ep.event_types))
       on conflict (event_id, endpoint_id) do nothing
       returning endpoint_id
     ), job as (
       select ${enqueueEndpointSql('endpoint_id')} from (select distinct endpoint_id from inserted) as touched
     )
     select (select count(*) from event)::int as events, (select count(*) from job) as enqueued`,
    [options.limit],
  );
  return rows[0]?.events ?? 0;
}

/**
 * Queues the fan-out (one job, by its key) when events created before `before` are still not fanned out: no
 * worker listened when they committed, or the fan-out died with a worker. Answers how many events.
 */
export async function requeueUnfannedWebhookEvents(tx: Tx, before: Date): Promise<number> {
  const { rows } = await tx.query<{ requeued: number }>(
    `with unfanned as (
       select count(*)::int as n from webhook_events where fanned_out_at is null and created_at <= $1
     )
     select n as requeued, (select count(${enqueueSql('webhooks.fan-out', {}, { jobKey: "'webhooks.fan-out'" })})
                              where n > 0) as enqueued
       from unfanned`,
    [before.toISOString()],
  );
  return rows[0]?.requeued ?? 0;
}
