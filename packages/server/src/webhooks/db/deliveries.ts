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
 * `add_job` for the endpoint's attempts (`webhooks.deliver`). Without `runAt` it runs now, for new or replayed
 * deliveries; with it, it is the endpoint's next attempt after a set, moved to the time given. Each has its own
 * job key, so one never postpones the other: with one key, a set logged from a snapshot taken before a
 * concurrent fan-out committed moved that fan-out's job to its own later time, and the new deliveries waited.
 * No named queue: a queue a dead worker held stays locked (issue 18), where a lease simply runs out.
 */
export const enqueueEndpointSql = (endpointId: string, runAt?: string) =>
  enqueueSql(
    'webhooks.deliver',
    { endpoint_id: endpointId },
    runAt === undefined
      ? { jobKey: `'webhook-endpoint:' || ${endpointId}` }
      : { runAt, jobKey: `'webhook-endpoint-next:' || ${endpointId}` },
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

/** Starts a delivery's schedule over, due now, and enqueues its endpoint's job. */
export async function replayWebhookDelivery(tx: Tx, id: string): Promise<void> {
  await tx.query(
    `with replayed as (
       update webhook_deliveries set status = 'pending', schedule_attempts = 0, next_attempt_at = now(),
              last_error = null, locked_until = null, updated_at = now()
        where id = $1 returning id, endpoint_id
     )
     select ${enqueueEndpointSql('replayed.endpoint_id')} from replayed`,
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
       returning d.id
     ), job as (
       select ${enqueueEndpointSql('$1::uuid')} where exists (select from replayed)
     )
     select (select count(*) from replayed)::int as replayed, (select count(*) from job) as enqueued`,
    [filter.endpointId, filter.since, filter.until],
  );
  return rows[0]?.replayed ?? 0;
}

/** Everything one attempt needs, read while taking the delivery's lease. */
export interface ClaimedDelivery {
  id: string;
  org_id: string;
  endpoint_id: string;
  schedule_attempts: number;
  event_id: string;
  event_type: string;
  event_created_at: string;
  /** The event's `data` as jsonb text, so the body is the same bytes on every attempt. */
  data_json: string;
  url: string;
  enabled: boolean;
  /** The endpoint has failed since its last success: its attempts go one at a time. */
  failing: boolean;
  secret: string;
  previous_secret: string | null;
}

/**
 * Takes the leases (until `leaseMs` from now) of up to `limit` due deliveries of one endpoint, skipping rows
 * another worker holds: a duplicate job finds nothing, and a worker that died mid-attempt leaves leases that
 * simply run out. A failing endpoint gives `failingLimit` deliveries, and only while nobody holds the
 * endpoint's own lease (`attempting_until`), which the claim then takes: one job at a time waits out its
 * time-outs. The endpoint's row lock orders concurrent claims, so the second sees the first's leases.
 */
export async function claimEndpointDeliveries(
  tx: Tx,
  options: { endpointId: string; limit: number; failingLimit: number; leaseMs: number },
): Promise<ClaimedDelivery[]> {
  const { rows } = await tx.query<ClaimedDelivery>(
    `with endpoint as (
       select failing_since is not null as failing, coalesce(attempting_until < now(), true) as free
         from webhook_endpoints where id = $1
          for no key update
     ), due as (
       select id from webhook_deliveries
        where endpoint_id = $1 and status in ('pending', 'failed') and next_attempt_at <= now() + interval '1 second'
          and (locked_until is null or locked_until < now())
        order by created_at
        limit (select case when not failing then $2::int when free then $4::int else 0 end from endpoint)
        for update skip locked
     ), failing_lease as (
       update webhook_endpoints set attempting_until = now() + $3::float8 * interval '1 millisecond'
        where id = $1 and (select failing from endpoint) and exists (select from due)
     ), claimed as (
       update webhook_deliveries d set locked_until = now() + $3::float8 * interval '1 millisecond'
         from due where d.id = due.id
       returning d.id, d.org_id, d.endpoint_id, d.event_id, d.schedule_attempts, d.created_at
     )
     select c.id, c.org_id, c.endpoint_id, c.event_id, c.schedule_attempts,
            e.type as event_type, e.created_at as event_created_at, e.data::text as data_json,
            ep.url, ep.enabled, (select failing from endpoint), ep.secret,
            case when ep.previous_secret_expires_at > now() then ep.previous_secret end as previous_secret
       from claimed c join webhook_events e on e.id = c.event_id join webhook_endpoints ep on ep.id = c.endpoint_id
      order by c.created_at`,
    [options.endpointId, options.limit, options.leaseMs, options.failingLimit],
  );
  return rows;
}

/** One attempt's outcome; `retryInMs` null with `succeeded` false dead-letters the delivery. */
export interface AttemptOutcome {
  deliveryId: string;
  succeeded: boolean;
  statusCode: number | null;
  latencyMs: number;
  responseBody: string | null;
  error: string | null;
  retryInMs: number | null;
}

/**
 * Logs a set of attempts to one endpoint in one statement and moves each delivery on: `succeeded`, `failed`
 * (next attempt at `retryInMs`) or `dead`; tracks the endpoint's run of failures (any success ends it) and
 * moves the endpoint's job to its earliest remaining attempt (a delivery another worker holds counts from
 * the end of its lease). A set claimed from a failing endpoint (`heldLease`: its claim took the endpoint's
 * lease) gives the lease back; any other set leaves it to whoever holds it. Answers the endpoint's
 * `failing_since`.
 */
export async function recordWebhookAttempts(
  tx: Tx,
  endpointId: string,
  outcomes: AttemptOutcome[],
  heldLease: boolean,
): Promise<{ failingSince: string | null }> {
  const status = (outcome: AttemptOutcome) =>
    outcome.succeeded ? 'succeeded' : outcome.retryInMs === null ? 'dead' : 'failed';
  const { rows } = await tx.query<{ failing_since: string | null }>(
    `with outcome as (
       select * from unnest($2::uuid[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::float8[])
         as o(id, status_code, latency_ms, response_body, error, status, retry_ms)
     ), attempt as (
       insert into webhook_attempts (org_id, delivery_id, attempt, status_code, latency_ms, response_body, error)
       select d.org_id, d.id, d.attempt_count + 1, o.status_code, o.latency_ms, o.response_body, o.error
         from outcome o join webhook_deliveries d on d.id = o.id
     ), delivery as (
       update webhook_deliveries d set status = o.status, attempt_count = d.attempt_count + 1,
              schedule_attempts = d.schedule_attempts + 1, last_attempt_at = now(), locked_until = null,
              last_error = o.error, updated_at = now(),
              next_attempt_at = case when o.status = 'failed' then now() + o.retry_ms * interval '1 millisecond' end
         from outcome o where d.id = o.id
       returning d.next_attempt_at
     ), next as (
       select least(
         (select min(next_attempt_at) from delivery),
         (select min(greatest(next_attempt_at, locked_until)) from webhook_deliveries
           where endpoint_id = $1 and status in ('pending', 'failed') and id not in (select id from outcome))
       ) as run_at
     ), job as (
       select ${enqueueEndpointSql('$1::uuid', 'next.run_at')} from next where run_at is not null
     ), endpoint as (
       update webhook_endpoints
          set failing_since = case when $9 then null else coalesce(failing_since, now()) end,
              attempting_until = case when $10 then null else attempting_until end
        where id = $1
       returning failing_since
     )
     select endpoint.failing_since from endpoint, (select count(*) from job) as enqueued`,
    [
      endpointId,
      outcomes.map((o) => o.deliveryId),
      outcomes.map((o) => o.statusCode),
      outcomes.map((o) => o.latencyMs),
      outcomes.map((o) => o.responseBody),
      outcomes.map((o) => o.error),
      outcomes.map(status),
      outcomes.map((o) => o.retryInMs ?? 0),
      outcomes.some((o) => o.succeeded),
      heldLease,
    ],
  );
  return { failingSince: rows[0]?.failing_since ?? null };
}

/** Dead-letters every delivery of an endpoint still waiting for an attempt (the endpoint was disabled). */
export async function killEndpointDeliveries(tx: Tx, endpointId: string, reason: string): Promise<number> {
  const { rows } = await tx.query<{ killed: number }>(
    `with killed as (
       update webhook_deliveries set status = 'dead', next_attempt_at = null, last_error = $2, updated_at = now()
        where endpoint_id = $1 and status in ('pending', 'failed')
       returning id
     ), endpoint as (
       update webhook_endpoints set attempting_until = null where id = $1
     )
     select count(*)::int as killed from killed`,
    [endpointId, reason],
  );
  return rows[0]?.killed ?? 0;
}

/**
 * Queues the endpoint's next job at its earliest attempt still to come, for a job that found nothing due:
 * whoever holds a due delivery logs it and queues what follows, but a job that ran early (its time was set
 * from an older snapshot) must not leave later attempts to the sweep. A failing endpoint's lease counts.
 */
export async function scheduleEndpointDeliveries(tx: Tx, endpointId: string): Promise<void> {
  await tx.query(
    `select ${enqueueEndpointSql('$1::uuid', 'next.run_at')}
       from (select greatest(min(greatest(d.next_attempt_at, d.locked_until)),
                             max(case when ep.failing_since is not null then ep.attempting_until end)) as run_at
               from webhook_deliveries d join webhook_endpoints ep on ep.id = d.endpoint_id
              where d.endpoint_id = $1 and d.status in ('pending', 'failed')) as next
      where next.run_at > now()`,
    [endpointId],
  );
}

/**
 * Enqueues again the jobs of endpoints with deliveries overdue by `graceMs` and not leased: their job died
 * with a worker (graphile-worker keeps a crashed worker's jobs locked for hours). Answers how many deliveries.
 */
export async function requeueStrandedWebhookDeliveries(tx: Tx, graceMs: number): Promise<number> {
  const { rows } = await tx.query<{ requeued: number }>(
    `with stranded as (
       select endpoint_id, count(*) as n from webhook_deliveries
        where status in ('pending', 'failed') and next_attempt_at <= now() - $1::float8 * interval '1 millisecond'
          and (locked_until is null or locked_until < now())
        group by endpoint_id
     )
     select coalesce(sum(n), 0)::int as requeued, count(${enqueueEndpointSql('endpoint_id')}) as enqueued
       from stranded`,
    [graceMs],
  );
  return rows[0]?.requeued ?? 0;
}
