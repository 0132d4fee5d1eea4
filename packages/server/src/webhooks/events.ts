import { decodeCursor, toPage } from '../db/pagination';
import type { Db } from '../db/pool';
import {
  findWebhookDelivery,
  listWebhookAttempts,
  listWebhookDeliveries,
  replayWebhookDelivery,
} from './db/deliveries';
import { findWebhookEndpoint } from './db/endpoints';
import { findWebhookEvent, listWebhookEvents, type WebhookEventRow } from './db/events';
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from '../errors';
import { sampleOf } from './event-types';
import type { WebhookSettings } from './settings';
import { type Caller, requireRole } from '../caller';
import { emitEvent } from './emit';

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
