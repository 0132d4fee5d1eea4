import { type EventStreamOptions, streamEvents } from '../event-stream.js';
import type { webhooks } from '../generated/openapi.js';
import { APIResource } from '../resource.js';
import type { Send } from '../transport.js';

/** Every webhook event type, e.g. `'order.funded'`. */
export type WebhookEventType = keyof webhooks;

/**
 * A webhook event as delivered (and streamed): `{ id, type, created_at, data }`, a union discriminated by
 * `type`, so checking `type` narrows `data`. Generated from the `webhooks` section of openapi.yaml.
 *
 * @example
 * ```ts
 * const handle = (event: WebhookEvent) => {
 *   if (event.type === 'order.funded') console.log(event.data.amount_cents);
 * };
 * ```
 */
export type WebhookEvent<Type extends WebhookEventType = WebhookEventType> = {
  [T in Type]: webhooks[T]['post']['requestBody']['content']['application/json'];
}[Type];

/** Options of {@link WebhookEvents.stream}. */
export interface WebhookStreamOptions extends EventStreamOptions {
  /** Only these event types (default: all). */
  types?: WebhookEventType[];
}

/**
 * The organization's webhook endpoints.
 *
 * @example
 * ```ts
 * const endpoint = await yardpass.webhooks.endpoints.create({ url: 'https://example.com/hooks' });
 * console.log(endpoint.secret); // whsec_… shown only now
 * ```
 */
export class WebhookEndpoints extends APIResource {
  /**
   * Creates an endpoint; the answer holds its signing secret, shown only this once.
   *
   * @example
   * ```ts
   * const { id, secret } = await yardpass.webhooks.endpoints.create({
   *   url: 'https://example.com/hooks',
   *   event_types: ['order.funded', 'payout.completed'],
   * });
   * ```
   */
  create = this.endpoint('createWebhookEndpoint', 'POST /v1/webhook-endpoints', 'body');

  /**
   * Lists the endpoints, newest first.
   *
   * @example
   * ```ts
   * for await (const endpoint of yardpass.webhooks.endpoints.list()) console.log(endpoint.url);
   * ```
   */
  list = this.listEndpoint('listWebhookEndpoints', 'GET /v1/webhook-endpoints');

  /**
   * Retrieves an endpoint (without its secret).
   *
   * @example
   * ```ts
   * const { enabled, disabled_reason } = await yardpass.webhooks.endpoints.retrieve(endpointId);
   * ```
   */
  retrieve = this.endpoint('getWebhookEndpoint', 'GET /v1/webhook-endpoints/{id}');

  /**
   * Changes an endpoint's URL, description or event types, or enables/disables it.
   *
   * @example
   * ```ts
   * await yardpass.webhooks.endpoints.update(endpointId, { enabled: true });
   * ```
   */
  update = this.endpoint('updateWebhookEndpoint', 'PATCH /v1/webhook-endpoints/{id}', 'body');

  /**
   * Deletes an endpoint.
   *
   * @example
   * ```ts
   * await yardpass.webhooks.endpoints.del(endpointId);
   * ```
   */
  del = this.endpoint('deleteWebhookEndpoint', 'DELETE /v1/webhook-endpoints/{id}');

  /**
   * Issues a new secret; the old one keeps signing beside it for the overlap (default 24 h).
   *
   * @example
   * ```ts
   * const { secret } = await yardpass.webhooks.endpoints.rotateSecret(endpointId, { overlap_seconds: 3600 });
   * ```
   */
  rotateSecret = this.endpoint(
    'rotateWebhookEndpointSecret',
    'POST /v1/webhook-endpoints/{id}:rotate-secret',
    'body',
  );

  /**
   * Sends a `ping` event to this endpoint only; answers the delivery.
   *
   * @example
   * ```ts
   * const delivery = await yardpass.webhooks.endpoints.test(endpointId);
   * ```
   */
  test = this.endpoint('testWebhookEndpoint', 'POST /v1/webhook-endpoints/{id}:test');

  /**
   * Sends again every failed or dead-lettered delivery to this endpoint since a time.
   *
   * @example
   * ```ts
   * const { replayed } = await yardpass.webhooks.endpoints.replayFailed(endpointId, { since: '2026-01-01T00:00:00Z' });
   * ```
   */
  replayFailed = this.endpoint(
    'replayFailedWebhookDeliveries',
    'POST /v1/webhook-endpoints/{id}:replay-failed',
    'query',
  );
}

/**
 * The organization's webhook events, and their live stream.
 *
 * @example
 * ```ts
 * const event = await yardpass.webhooks.events.retrieve(eventId);
 * for (const delivery of event.deliveries) console.log(delivery.status, delivery.attempts.length);
 * ```
 */
export class WebhookEvents extends APIResource {
  readonly #send: Send;

  constructor(send: Send) {
    super(send);
    this.#send = send;
  }

  /**
   * Lists events, newest first.
   *
   * @example
   * ```ts
   * const funded = await yardpass.webhooks.events.list({ type: 'order.funded' }).toArray();
   * ```
   */
  list = this.listEndpoint('listWebhookEvents', 'GET /v1/webhook-events');

  /**
   * Retrieves an event with its deliveries and their attempts.
   *
   * @example
   * ```ts
   * const { deliveries } = await yardpass.webhooks.events.retrieve(eventId);
   * ```
   */
  retrieve = this.endpoint('getWebhookEvent', 'GET /v1/webhook-events/{id}');

  /**
   * Makes the server emit a sample event of a type to your own endpoints.
   *
   * @example
   * ```ts
   * await yardpass.webhooks.events.trigger({ type: 'order.funded' });
   * ```
   */
  trigger = this.endpoint('triggerWebhookEvent', 'POST /v1/webhook-events:trigger', 'body');

  /**
   * The organization's events as they happen (server-sent events), as an async iterable. A dropped
   * connection is resumed after the last event received (`Last-Event-ID`); end it with `signal`.
   *
   * @example
   * ```ts
   * const controller = new AbortController();
   * for await (const event of yardpass.webhooks.events.stream({ signal: controller.signal })) {
   *   console.log(event.type, event.id);
   * }
   * ```
   */
  stream: ((options?: WebhookStreamOptions) => AsyncIterable<WebhookEvent>) & {
    readonly operationId: 'streamWebhookEvents';
    readonly route: 'GET /v1/webhook-events/stream';
  } = Object.assign(
    (options: WebhookStreamOptions = {}) =>
      streamEvents<WebhookEvent>(this.#send, {
        ...options,
        path: '/v1/webhook-events/stream',
        query: options.types ? { types: options.types.join(',') } : undefined,
      }),
    {
      operationId: 'streamWebhookEvents' as const,
      route: 'GET /v1/webhook-events/stream' as const,
    },
  );
}

/**
 * Deliveries of events to endpoints, with their attempts; `status: 'dead'` lists the dead letters.
 *
 * @example
 * ```ts
 * for await (const delivery of yardpass.webhooks.deliveries.list({ status: 'dead' })) {
 *   await yardpass.webhooks.deliveries.replay(delivery.id);
 * }
 * ```
 */
export class WebhookDeliveries extends APIResource {
  /**
   * Lists deliveries, newest first.
   *
   * @example
   * ```ts
   * const dead = await yardpass.webhooks.deliveries.list({ status: 'dead' }).toArray();
   * ```
   */
  list = this.listEndpoint('listWebhookDeliveries', 'GET /v1/webhook-deliveries');

  /**
   * Retrieves a delivery with its attempts.
   *
   * @example
   * ```ts
   * const { attempts } = await yardpass.webhooks.deliveries.retrieve(deliveryId);
   * ```
   */
  retrieve = this.endpoint('getWebhookDelivery', 'GET /v1/webhook-deliveries/{id}');

  /**
   * Sends a delivery again now (its retry schedule starts over).
   *
   * @example
   * ```ts
   * await yardpass.webhooks.deliveries.replay(deliveryId);
   * ```
   */
  replay = this.endpoint('replayWebhookDelivery', 'POST /v1/webhook-deliveries/{id}:replay');
}

/**
 * The event types, each with the JSON Schema of its payload.
 *
 * @example
 * ```ts
 * const { data } = await yardpass.webhooks.eventTypes.list();
 * ```
 */
export class WebhookEventTypes extends APIResource {
  /**
   * Lists every event type with its payload's JSON Schema.
   *
   * @example
   * ```ts
   * const types = await yardpass.webhooks.eventTypes.list().toArray();
   * ```
   */
  list = this.listEndpoint('listWebhookEventTypes', 'GET /v1/webhook-event-types');
}

/**
 * Webhooks to your backend: endpoints, events, deliveries, event types and the live event stream.
 *
 * @example
 * ```ts
 * const endpoint = await yardpass.webhooks.endpoints.create({ url: 'https://example.com/hooks' });
 * await yardpass.webhooks.endpoints.test(endpoint.id);
 * ```
 */
export class Webhooks extends APIResource {
  /** The organization's endpoints. */
  readonly endpoints: WebhookEndpoints;
  /** Events, and their live stream. */
  readonly events: WebhookEvents;
  /** Deliveries and their attempts; replays. */
  readonly deliveries: WebhookDeliveries;
  /** Event types and their JSON Schemas. */
  readonly eventTypes: WebhookEventTypes;

  constructor(send: Send) {
    super(send);
    this.endpoints = new WebhookEndpoints(send);
    this.events = new WebhookEvents(send);
    this.deliveries = new WebhookDeliveries(send);
    this.eventTypes = new WebhookEventTypes(send);
  }
}
