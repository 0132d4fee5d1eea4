import type { Cursor } from '../../db/pagination';
import type { Queryable, Tx } from '../../db/pool';
import { enqueueSql } from '../../db/jobs';

export type WebhookDeliveryStatus = 'pending' | 'failed' | 'succeeded' | 'dead';

export interface WebhookAttemptRow {
  attempt: number;
  attempted_at: string;
  status_code: number | null;
  latency_ms: number;
  response_body: string | null;
  error: string | null;
}

export interface WebhookDeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  endpoint_id: string;
  status: WebhookDeliveryStatus;
  attempt_count: number;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
}

const deliveryColumns = `d.id, d.event_id, e.type as event_type, d.endpoint_id, d.status, d.attempt_count,
  d.next_attempt_at, d.last_attempt_at, d.last_error, d.created_at`;

/**
 * `add_job` for a delivery's next attempt, one job per delivery (its job key). Each endpoint's jobs share
 * a named queue, so they run one at a time: an endpoint that hangs holds one worker slot, not all of them.
 */
const enqueue = (row: string, runAt = 'now()') =>
  enqueueSql(
    'webhooks.deliver',
    { delivery_id: `${row}.id` },
    { queueName: `'webhooks:' || ${row}.endpoint_id`, runAt, jobKey: `'webhook-delivery:' || ${row}.id` },
  );

export async function findWebhookDelivery(
  tx: Queryable,
  id: string,
): Promise<(WebhookDeliveryRow & { locked: boolean }) | undefined> {
  const { rows } = await tx.query<WebhookDeliveryRow & { locked: boolean }>(
    `select ${deliveryColumns}, coalesce(d.locked_until > now(), false) as locked
       from webhook_deliveries d join webhook_events e on e.id = d.event_id where d.id = $1`,
    [id],
  );
  return rows[0];
}

export async function listWebhookDeliveries(
  tx: Queryable,
  filter: {
    status?: string;
    endpointId?: string;
    eventId?: string;
    limit: number;
    after?: Cursor;
  },
): Promise<WebhookDeliveryRow[]> {
  const { rows } = await tx.query<WebhookDeliveryRow>(
    `select ${deliveryColumns} from webhook_deliveries d join webhook_events e on e.id = d.event_id
      where ($1::text is null or d.status = $1) and ($2::uuid is null or d.endpoint_id = $2)
        and ($3::uuid is null or d.event_id = $3)
        and ($4::timestamptz is null or (d.created_at, d.id) < ($4, $5::uuid))
      order by d.created_at desc, d.id desc limit $6`,
    [
      filter.status ?? null,
      filter.endpointId ?? null,
      filter.eventId ?? null,
      filter.after?.value ?? null,
      filter.after?.id ?? null,
      filter.limit + 1,
    ],
  );
  return rows;
}

/** Attempts of the given deliveries, oldest first, grouped by delivery id. */
export async function listWebhookAttempts(
  tx: Queryable,
  deliveryIds: string[],
): Promise<Map<string, WebhookAttemptRow[]>> {
  const { rows } = await tx.query<WebhookAttemptRow & { delivery_id: string }>(
    `select delivery_id, attempt, attempted_at, status_code, latency_ms, response_body, error
       from webhook_attempts where delivery_id = any($1::uuid[]) order by delivery_id, attempt`,
    [deliveryIds],
  );
  const byDelivery = new Map<string, WebhookAttemptRow[]>();
  for (const { delivery_id: deliveryId, ...attempt } of rows) {
    byDelivery.set(deliveryId, [...(byDelivery.get(deliveryId) ?? []), attempt]);
  }
  return byDelivery;
}

/** Enqueues the jobs of the given deliveries, due now. */
export async function enqueueWebhookDeliveries(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(`select count(${enqueue('d')}) from webhook_deliveries d where d.id = any($1::uuid[])`, [
    ids,
  ]);
}

/** Starts a delivery's schedule over, due now, and enqueues its job. */
export async function replayWebhookDelivery(tx: Tx, id: string): Promise<void> {
  await tx.query(
    `with replayed as (
       update webhook_deliveries set status = 'pending', schedule_attempts = 0, next_attempt_at = now(),
              last_error = null, locked_until = null, updated_at = now()
        where id = $1 returning id, endpoint_id
     )
     select ${enqueue('replayed')} from replayed`,
    [id],
  );
}

/** Replays every failed or dead delivery to an endpoint whose event falls in [since, until). */
export async function replayFailedWebhookDeliveries(
  tx: Tx,
  filter: { endpointId: string; since: string; until: string },
): Promise<number> {
  const { rows } = await tx.query<{ replayed: number }>(
    `with replayed as (
       update webhook_deliveries d set status = 'pending', schedule_attempts = 0, next_attempt_at = now(),
              last_error = null, updated_at = now()
         from webhook_events e
        where e.id = d.event_id and d.endpoint_id = $1 and d.status in ('failed', 'dead')
          and (d.locked_until is null or d.locked_until < now())
          and e.created_at >= $2 and e.created_at < $3
       returning d.id, d.endpoint_id
     )
     select count(${enqueue('replayed')})::int as replayed from replayed`,
    [filter.endpointId, filter.since, filter.until],
  );
  return rows[0]?.replayed ?? 0;
}

/** Everything one attempt needs, read while taking the delivery's lease. */
export interface ClaimedDelivery {
  id: string;
  org_id: string;
  endpoint_id: string;
  attempt_count: number;
  schedule_attempts: number;
  event_id: string;
  event_type: string;
  event_created_at: string;
  /** The event's `data` as jsonb text, so the body is the same bytes on every attempt. */
  data_json: string;
  url: string;
  enabled: boolean;
  secret: string;
  previous_secret: string | null;
}

/**
 * Takes the lease of a due delivery for one attempt (until `leaseMs` from now). Answers nothing when the
 * delivery is done, not due, or leased by another attempt: a duplicate or early job is then a no-op, and
 * a worker that died mid-attempt leaves a lease that simply runs out.
 */
export async function claimWebhookDelivery(
  tx: Tx,
  id: string,
  leaseMs: number,
): Promise<ClaimedDelivery | undefined> {
  const { rows } = await tx.query<ClaimedDelivery>(
    `with claimed as (
       update webhook_deliveries set locked_until = now() + $2::float8 * interval '1 millisecond'
        where id = $1 and status in ('pending', 'failed') and next_attempt_at <= now() + interval '1 second'
          and (locked_until is null or locked_until < now())
       returning id, org_id, endpoint_id, event_id, attempt_count, schedule_attempts
     )
     select c.*, e.type as event_type, e.created_at as event_created_at, e.data::text as data_json,
            ep.url, ep.enabled, ep.secret,
            case when ep.previous_secret_expires_at > now() then ep.previous_secret end as previous_secret
       from claimed c join webhook_events e on e.id = c.event_id join webhook_endpoints ep on ep.id = c.endpoint_id`,
    [id, leaseMs],
  );
  return rows[0];
}

/**
 * Logs an attempt and moves the delivery on: `succeeded`, `failed` with the next attempt enqueued at
 * `retryInMs`, or `dead` when `retryInMs` is null. Also tracks the endpoint's run of failures.
 * Answers the endpoint's `failing_since`.
 */
export async function recordWebhookAttempt(
  tx: Tx,
  input: {
    delivery: ClaimedDelivery;
    succeeded: boolean;
    statusCode: number | null;
    latencyMs: number;
    responseBody: string | null;
    error: string | null;
    retryInMs: number | null;
  },
): Promise<{ failingSince: string | null }> {
  const { delivery } = input;
  const status = input.succeeded ? 'succeeded' : input.retryInMs === null ? 'dead' : 'failed';
  const { rows } = await tx.query<{ failing_since: string | null }>(
    `with attempt as (
       insert into webhook_attempts (org_id, delivery_id, attempt, status_code, latency_ms, response_body, error)
       values ($1, $2, $3, $4, $5, $6, $7)
     ), delivery as (
       update webhook_deliveries set status = $8, attempt_count = attempt_count + 1,
              schedule_attempts = schedule_attempts + 1, last_attempt_at = now(), locked_until = null,
              last_error = $7, updated_at = now(),
              next_attempt_at = case when $8 = 'failed' then now() + $9::float8 * interval '1 millisecond' end
        where id = $2
       returning id, endpoint_id, next_attempt_at
     ), job as (
       select ${enqueue('delivery', 'delivery.next_attempt_at')} from delivery where $8 = 'failed'
     ), endpoint as (
       update webhook_endpoints
          set failing_since = case when $10 then null else coalesce(failing_since, now()) end
        where id = $11
       returning failing_since
     )
     select endpoint.failing_since from endpoint, (select count(*) from job) as enqueued`,
    [
      delivery.org_id,
      delivery.id,
      delivery.attempt_count + 1,
      input.statusCode,
      input.latencyMs,
      input.responseBody,
      input.error,
      status,
      input.retryInMs ?? 0,
      input.succeeded,
      delivery.endpoint_id,
    ],
  );
  return { failingSince: rows[0]?.failing_since ?? null };
}

/** A delivery that can't be attempted any more (its endpoint is disabled): dead, with the reason. */
export async function killWebhookDelivery(tx: Tx, id: string, reason: string): Promise<void> {
  await tx.query(
    `update webhook_deliveries set status = 'dead', next_attempt_at = null, locked_until = null,
            last_error = $2, updated_at = now()
      where id = $1`,
    [id, reason],
  );
}

/** Dead-letters every delivery of an endpoint still waiting for an attempt (the endpoint was disabled). */
export async function killEndpointDeliveries(tx: Tx, endpointId: string, reason: string): Promise<number> {
  const { rowCount } = await tx.query(
    `update webhook_deliveries set status = 'dead', next_attempt_at = null, last_error = $2, updated_at = now()
      where endpoint_id = $1 and status in ('pending', 'failed')`,
    [endpointId, reason],
  );
  return rowCount ?? 0;
}

/**
 * Enqueues again deliveries that are overdue by `graceMs` and not leased: their job died with a worker
 * (graphile-worker keeps a crashed worker's jobs locked for hours). Answers how many.
 */
export async function requeueStrandedWebhookDeliveries(tx: Tx, graceMs: number): Promise<number> {
  const { rows } = await tx.query<{ requeued: number }>(
    `select count(${enqueue('d')})::int as requeued from webhook_deliveries d
      where status in ('pending', 'failed') and next_attempt_at <= now() - $1::float8 * interval '1 millisecond'
        and (locked_until is null or locked_until < now())`,
    [graceMs],
  );
  return rows[0]?.requeued ?? 0;
}
