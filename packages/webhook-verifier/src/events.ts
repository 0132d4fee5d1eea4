// The event types and their `data` are generated from the `webhooks` section of /openapi.yaml, the contract
// between the server and its consumers (`pnpm gen` writes ./generated/events.ts).
import type { YardpassWebhookEventMap } from './generated/events';

export type {
  Deliverable,
  EventSponsorship,
  Order,
  Payout,
  PingData,
  Proposal,
  Sla,
  SponsorshipPackage,
  WebhookEndpoint,
  Widget,
  Workspace,
  YardpassWebhookEventMap,
} from './generated/events';

/** The `type` of a Yardpass webhook event. */
export type YardpassWebhookEventType = keyof YardpassWebhookEventMap;

/**
 * A Yardpass webhook event: a union discriminated by `type`, so checking `type` narrows `data`.
 * `YardpassWebhookEvent<'order.funded'>` is the single event.
 *
 * A type added to the server after your version of this package still verifies and is returned as
 * is, but its `type` is outside this union: keep a `default` branch when you switch on it.
 *
 * @example
 * ```ts
 * const event = await verify(body, headers, secret);
 * switch (event.type) {
 *   case 'order.funded':
 *     await markFunded(event.data.id, event.data.amount_cents);
 *     break;
 *   default:
 *     // an event this code doesn't handle (or doesn't know yet)
 * }
 * ```
 */
export type YardpassWebhookEvent<Type extends YardpassWebhookEventType = YardpassWebhookEventType> = {
  [T in Type]: {
    /** Unique event id; use it to de-duplicate (deliveries are at least once). */
    id: string;
    type: T;
    /** RFC 3339 UTC time the event happened (not the delivery time). */
    created_at: string;
    data: YardpassWebhookEventMap[T];
  };
}[Type];
