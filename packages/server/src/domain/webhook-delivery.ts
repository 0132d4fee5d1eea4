import { decodeCursor, toPage } from '../db/pagination';
import type { Db } from '../db/pool';
import {
  claimWebhookDelivery,
  type ClaimedDelivery,
  findWebhookDelivery,
  killEndpointDeliveries,
  killWebhookDelivery,
  listWebhookAttempts,
  listWebhookDeliveries,
  recordWebhookAttempt,
  replayWebhookDelivery,
  requeueStrandedWebhookDeliveries,
} from '../db/webhook-deliveries';
import { disableWebhookEndpoint, findWebhookEndpoint } from '../db/webhook-endpoints';
import {
  fanOutWebhookEvents,
  findWebhookEvent,
  listenForWebhookEvents,
  listWebhookEvents,
  listWebhookEventsAfter,
  requeueUnfannedWebhookEvents,
  type WebhookEventRow,
} from '../db/webhook-events';
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from '../errors';
import type { Logger } from '../logger';
import { sampleOf } from '../webhooks/event-types';
import { nextDelayMs } from '../webhooks/schedule';
import type { Sender } from '../webhooks/send';
import type { WebhookSettings } from '../webhooks/settings';
import { signedHeaders } from '../webhooks/signing';
import { type Caller, requireRole } from './caller';
import { emitEvent } from './webhook-events';

/** The event as the API and the webhook body show it. */
export function publicEvent(row: WebhookEventRow) {
  return { id: row.id, type: row.type, created_at: row.created_at, data: row.data };
}

// ── reading events and deliveries ──

export function listWebhookEventsPage(
  db: Db,
  caller: Caller,
  query: { type?: string; limit?: number; starting_after?: string },
) {
  const limit = query.limit ?? 20;
  const after = decodeCursor(query.starting_after);
  return db.tenant(caller.orgId, async (tx) => {
    const page = toPage(
      await listWebhookEvents(tx, { type: query.type, limit, after }),
      limit,
      (row) => row.created_at,
    );
    return { ...page, data: page.data.map(publicEvent) };
  });
}

export async function getWebhookEventWithDeliveries(db: Db, caller: Caller, id: string) {
  return db.tenant(caller.orgId, async (tx) => {
    const event = await findWebhookEvent(tx, id);
    if (!event) throw new NotFoundError('webhook event');
    const deliveries = await listWebhookDeliveries(tx, { eventId: id, limit: 1000 });
    const attempts = await listWebhookAttempts(
      tx,
      deliveries.map((delivery) => delivery.id),
    );
    return {
      ...publicEvent(event),
      deliveries: deliveries.map((delivery) => ({ ...delivery, attempts: attempts.get(delivery.id) ?? [] })),
    };
  });
}

export function listWebhookDeliveriesPage(
  db: Db,
  caller: Caller,
  query: {
    status?: string;
    endpoint_id?: string;
    event_id?: string;
    limit?: number;
    starting_after?: string;
  },
) {
  const limit = query.limit ?? 20;
  const after = decodeCursor(query.starting_after);
  return db.tenant(caller.orgId, async (tx) => {
    const page = toPage(
      await listWebhookDeliveries(tx, {
        status: query.status,
        endpointId: query.endpoint_id,
        eventId: query.event_id,
        limit,
        after,
      }),
      limit,
      (row) => row.created_at,
    );
    return { ...page, data: page.data.map((delivery) => ({ ...delivery, attempts: [] })) };
  });
}

export async function getWebhookDeliveryById(db: Db, caller: Caller, id: string) {
  return db.tenant(caller.orgId, async (tx) => {
    const found = await findWebhookDelivery(tx, id);
    if (!found) throw new NotFoundError('webhook delivery');
    const { locked: _locked, ...delivery } = found;
    const attempts = await listWebhookAttempts(tx, [id]);
    return { ...delivery, attempts: attempts.get(id) ?? [] };
  });
}

/** Sends one delivery again now, whatever its state; its retry schedule starts over. */
export async function replayDelivery(db: Db, caller: Caller, id: string) {
  requireRole(caller, 'member', 'replay webhook deliveries');
  await db.tenant(caller.orgId, async (tx) => {
    const delivery = await findWebhookDelivery(tx, id);
    if (!delivery) throw new NotFoundError('webhook delivery');
    if (delivery.locked)
      throw new ConflictError({
        detail: 'An attempt of this delivery is in flight; replay it when it ends.',
      });
    if (!(await findWebhookEndpoint(tx, delivery.endpoint_id))?.enabled)
      throw new UnprocessableError({
        code: 'endpoint_disabled',
        detail: 'The endpoint is disabled; enable it before replaying to it.',
      });
    await replayWebhookDelivery(tx, id);
  });
  return getWebhookDeliveryById(db, caller, id);
}

// ── event types and samples ──

export function listEventTypes(settings: WebhookSettings) {
  return { data: settings.eventTypes, has_more: false, next_cursor: null };
}

/** Emits a sample event of `type` to the caller's own organization, as a real event would be. */
export function triggerSampleEvent(db: Db, settings: WebhookSettings, caller: Caller, type: string) {
  requireRole(caller, 'member', 'trigger webhook events');
  const eventType = settings.eventTypes.find((candidate) => candidate.type === type);
  if (!eventType)
    throw new ValidationError('Unknown event type.', [
      { path: '/type', message: 'Not an event type; GET /v1/webhook-event-types lists them.' },
    ]);
  const properties = eventType.schema.properties as Record<string, Record<string, unknown>>;
  const data = sampleOf(properties.data ?? {}, eventType.schema, 'data');
  return db.tenant(caller.orgId, async (tx) => publicEvent(await emitEvent(tx, caller.orgId, type, data)));
}

// ── the live stream ──

interface Subscriber {
  onEvent: (orgId: string, eventId: string) => void;
  onLost: () => void;
}

/** Every open event stream of this process shares one LISTEN connection, held while any stream is open. */
export interface WebhookEventHub {
  subscribe(subscriber: Subscriber): Promise<() => Promise<void>>;
}

export function createWebhookEventHub(db: Db): WebhookEventHub {
  const subscribers = new Set<Subscriber>();
  let listening: Promise<() => Promise<void>> | undefined;
  const stop = async () => {
    const current = listening;
    listening = undefined;
    await (
      await current?.catch(() => undefined)
    )?.();
  };
  return {
    async subscribe(subscriber) {
      subscribers.add(subscriber);
      listening ??= listenForWebhookEvents(db.pool, {
        onEvent: (orgId, eventId) => subscribers.forEach((each) => each.onEvent(orgId, eventId)),
        // Streams end and their clients reconnect with Last-Event-ID; the next one listens again.
        onLost: () => {
          const lost = [...subscribers];
          subscribers.clear();
          void stop();
          lost.forEach((each) => each.onLost());
        },
      });
      try {
        await listening;
      } catch (error) {
        subscribers.delete(subscriber);
        listening = undefined;
        throw error;
      }
      return async () => {
        subscribers.delete(subscriber);
        if (subscribers.size === 0) await stop();
      };
    },
  };
}

/**
 * The caller's events as they are committed, after those following `lastEventId` (resume). Ends when
 * `signal` aborts or the server loses its LISTEN connection (the client resumes with Last-Event-ID).
 * Committed order, at least once: a consumer de-duplicates on `id`.
 */
export async function* streamWebhookEvents(
  db: Db,
  hub: WebhookEventHub,
  caller: Caller,
  options: { lastEventId?: string; types: string[] | null; signal: AbortSignal },
): AsyncGenerator<ReturnType<typeof publicEvent>> {
  const pending: string[] = [];
  let lost = false;
  let wake: (() => void) | undefined;
  const unsubscribe = await hub.subscribe({
    onEvent: (orgId, eventId) => {
      if (orgId !== caller.orgId) return;
      pending.push(eventId);
      wake?.();
    },
    onLost: () => {
      lost = true;
      wake?.();
    },
  });
  const aborted = new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve();
    options.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  const seen = new Set<string>();
  try {
    let afterId = options.lastEventId;
    while (afterId && !options.signal.aborted) {
      const backlog = await db.tenant(caller.orgId, (tx) =>
        listWebhookEventsAfter(tx, { afterId: afterId!, types: options.types, limit: 500 }),
      );
      for (const event of backlog) {
        seen.add(event.id);
        yield publicEvent(event);
      }
      afterId = backlog.length === 500 ? backlog.at(-1)!.id : undefined;
    }
    while (!options.signal.aborted && !(lost && pending.length === 0)) {
      if (pending.length === 0) {
        await Promise.race([new Promise<void>((resolve) => (wake = resolve)), aborted]);
        wake = undefined;
        continue;
      }
      const id = pending.shift()!;
      if (seen.has(id)) continue;
      const event = await db.read(caller.orgId, (tx) => findWebhookEvent(tx, id));
      if (event && (!options.types || options.types.includes(event.type))) yield publicEvent(event);
    }
  } finally {
    await unsubscribe();
  }
}

// ── the worker's side ──

const LEASE_MARGIN_MS = 5000;

export interface DeliveryDeps {
  db: Db;
  settings: WebhookSettings;
  sender: Sender;
  log: Logger;
  clock: () => Date;
}

// Events fanned out by one job, and attempts of theirs in flight at once.
const FAN_OUT_BATCH = 100;
const ATTEMPTS_IN_FLIGHT = 16;

/**
 * Fans out an event (and other events still waiting, so a burst is taken in batches) and makes the first
 * attempt of each new delivery at once, several in flight: no second job per delivery on the happy path.
 * Retries are jobs of their own (`webhooks.deliver`, with `run_at`).
 */
export async function fanOutEvent(deps: DeliveryDeps, eventId: string): Promise<number> {
  const claimed = await deps.db.system((tx) =>
    fanOutWebhookEvents(tx, {
      eventId,
      limit: FAN_OUT_BATCH,
      leaseMs: deps.settings.timeoutMs + LEASE_MARGIN_MS,
    }),
  );
  let next = 0;
  const attemptNext = async (): Promise<void> => {
    while (next < claimed.length) {
      const delivery = claimed[next++]!;
      // One failed write must not stop the others; its lease runs out and the sweep retries it.
      await attemptClaimed(deps, delivery).catch((error: unknown) =>
        deps.log.error({ err: error, delivery_id: delivery.id }, 'webhook attempt could not be recorded'),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(ATTEMPTS_IN_FLIGHT, claimed.length) }, attemptNext));
  return claimed.length;
}

/** One attempt of a delivery a `webhooks.deliver` job names (a retry, a replay, a ping). */
export async function attemptDelivery(deps: DeliveryDeps, deliveryId: string): Promise<void> {
  // The lease outlasts the attempt (bounded by the timeout) and the write that follows it.
  const claimed = await deps.db.system((tx) =>
    claimWebhookDelivery(tx, deliveryId, deps.settings.timeoutMs + LEASE_MARGIN_MS),
  );
  if (claimed) await attemptClaimed(deps, claimed);
}

/**
 * One attempt of one delivery: sign, POST (no redirects, bounded by the timeout, private addresses
 * refused), log the attempt, and schedule the next one, dead-letter it, or disable the endpoint.
 */
async function attemptClaimed(deps: DeliveryDeps, claimed: ClaimedDelivery): Promise<void> {
  const { db, settings, log } = deps;
  const deliveryId = claimed.id;
  if (!claimed.enabled) {
    await db.system((tx) => killWebhookDelivery(tx, deliveryId, 'endpoint disabled'));
    return;
  }
  const body = `{"id":${JSON.stringify(claimed.event_id)},"type":${JSON.stringify(claimed.event_type)},"created_at":${JSON.stringify(claimed.event_created_at)},"data":${claimed.data_json}}`;
  const headers = signedHeaders({
    id: claimed.event_id,
    type: claimed.event_type,
    body,
    secrets: claimed.previous_secret ? [claimed.secret, claimed.previous_secret] : [claimed.secret],
    now: deps.clock(),
  });
  const result = await deps.sender.send({ url: claimed.url, headers, body });
  const succeeded = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const gone = result.statusCode === 410;
  const retryInMs =
    succeeded || gone
      ? null
      : nextDelayMs(settings.retry, claimed.schedule_attempts + 1, result.retryAfterMs);

  await db.system(async (tx) => {
    const { failingSince } = await recordWebhookAttempt(tx, {
      delivery: claimed,
      succeeded,
      statusCode: result.statusCode,
      latencyMs: result.latencyMs,
      responseBody: result.body,
      error: result.error ?? (succeeded ? null : `unexpected status ${result.statusCode}`),
      retryInMs,
    });
    const now = deps.clock();
    const failingTooLong =
      failingSince !== null && now.getTime() - Date.parse(failingSince) >= settings.disableAfterMs;
    if (!gone && !failingTooLong) return;
    const endpoint = await disableWebhookEndpoint(tx, claimed.endpoint_id, {
      reason: gone ? 'gone' : 'failing',
      failingBefore: gone ? undefined : new Date(now.getTime() - settings.disableAfterMs + 1),
    });
    if (!endpoint) return;
    await killEndpointDeliveries(tx, endpoint.id, `endpoint disabled (${endpoint.disabled_reason})`);
    await emitEvent(tx, claimed.org_id, 'webhook_endpoint.disabled', endpoint);
    log.warn(
      {
        org_id: claimed.org_id,
        endpoint_id: endpoint.id,
        reason: endpoint.disabled_reason,
        failing_since: failingSince,
      },
      gone
        ? 'webhook endpoint disabled: it answered 410 Gone'
        : 'webhook endpoint disabled: it has been failing continuously for too long',
    );
  });
  if (retryInMs === null && !succeeded)
    log.info({ delivery_id: deliveryId, event_id: claimed.event_id }, 'webhook delivery dead-lettered');
}

/**
 * Recovers work a crashed worker held: events never fanned out and due deliveries not leased, older
 * than `graceMs` (graphile-worker keeps a dead worker's jobs locked for hours).
 */
export function sweepWebhookWork(db: Db, options: { graceMs: number; now: Date }) {
  return db.system(async (tx) => ({
    events: await requeueUnfannedWebhookEvents(tx, new Date(options.now.getTime() - options.graceMs)),
    deliveries: await requeueStrandedWebhookDeliveries(tx, options.graceMs),
  }));
}
