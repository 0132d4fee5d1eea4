import type { Db } from '../db/pool';
import {
  getWebhookDeliveryById,
  getWebhookEventWithDeliveries,
  listEventTypes,
  listWebhookDeliveriesPage,
  listWebhookEventsPage,
  replayDelivery,
  triggerSampleEvent,
} from '../webhooks/events';
import { createWebhookEventHub, streamWebhookEvents } from '../webhooks/stream';
import {
  createWebhookEndpoint,
  deleteWebhookEndpointById,
  getWebhookEndpoint,
  listWebhookEndpointsPage,
  replayFailedDeliveries,
  rotateWebhookSecret,
  testWebhookEndpoint,
  updateWebhookEndpointById,
} from '../webhooks/endpoints';
import { ValidationError } from '../errors';
import { created, type Handlers, ok, page, raw, type Reply } from '../http/router';
import { sseResponse } from '../http/sse';
import type { WebhookSettings } from '../webhooks/settings';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const accepted = (data: unknown): Reply => ({ status: 202, body: { data } });

export const webhookRoutes = ({
  db,
  settings,
  shutdown,
}: {
  db: Db;
  settings: WebhookSettings;
  /** Aborted when the server shuts down: open streams end. */
  shutdown: AbortSignal;
}) => {
  const hub = createWebhookEventHub(db);
  return {
    createWebhookEndpoint: async ({ caller, body }) =>
      created(await createWebhookEndpoint(db, settings, caller, body)),
    listWebhookEndpoints: async ({ caller, query }) =>
      page(await listWebhookEndpointsPage(db, caller, query)),
    getWebhookEndpoint: async ({ caller, params }) => ok(await getWebhookEndpoint(db, caller, params.id)),
    updateWebhookEndpoint: async ({ caller, params, body }) =>
      ok(await updateWebhookEndpointById(db, settings, caller, params.id, body)),
    deleteWebhookEndpoint: async ({ caller, params }) =>
      ok(await deleteWebhookEndpointById(db, caller, params.id)),
    rotateWebhookEndpointSecret: async ({ caller, params, body }) =>
      ok(await rotateWebhookSecret(db, settings, caller, params.id, body)),
    testWebhookEndpoint: async ({ caller, params }) =>
      accepted(await testWebhookEndpoint(db, caller, params.id)),
    replayFailedWebhookDeliveries: async ({ caller, params, query }) =>
      accepted(await replayFailedDeliveries(db, caller, params.id, query)),
    listWebhookEventTypes: () => Promise.resolve(page(listEventTypes(settings))),
    listWebhookEvents: async ({ caller, query }) => page(await listWebhookEventsPage(db, caller, query)),
    triggerWebhookEvent: async ({ caller, body }) =>
      created(await triggerSampleEvent(db, settings, caller, body.type)),
    getWebhookEvent: async ({ caller, params }) =>
      ok(await getWebhookEventWithDeliveries(db, caller, params.id)),
    listWebhookDeliveries: async ({ caller, query }) =>
      page(await listWebhookDeliveriesPage(db, caller, query)),
    getWebhookDelivery: async ({ caller, params }) => ok(await getWebhookDeliveryById(db, caller, params.id)),
    replayWebhookDelivery: async ({ caller, params }) =>
      accepted(await replayDelivery(db, caller, params.id)),
    streamWebhookEvents: (input) => {
      const { caller, query, signal } = input;
      const lastEventId = input.header('last-event-id');
      // Event ids are UUIDs: anything else is a malformed header, not an unknown event.
      if (lastEventId !== undefined && !UUID.test(lastEventId))
        throw new ValidationError('Last-Event-ID must be the id of an event this stream sent (a UUID).', [
          { path: '/headers/last-event-id', message: 'Must be a UUID.' },
        ]);
      const types = query.types
        ? query.types
            .split(',')
            .map((type) => type.trim())
            .filter(Boolean)
        : null;
      return Promise.resolve(
        raw(
          sseResponse(
            streamWebhookEvents(db, hub, caller, {
              lastEventId,
              types,
              signal: AbortSignal.any([signal, shutdown]),
            }),
          ),
        ),
      );
    },
  } satisfies Partial<Handlers>;
};
