// Mirrors the `webhooks` section of /openapi.yaml, the contract between the server and its consumers.
// Written by hand until a later change generates this file from the spec; keep the two in step.

/** `package.published`: a sponsorship package went live. Money is integer minor units. */
export interface PackagePublishedData {
  package_id: string;
  event_id: string;
  title: string;
  tier: string;
  price_cents: number;
  currency: string;
}

/** States of a proposal thread. */
export type ProposalStatus =
  'draft' | 'sent' | 'countered' | 'accepted' | 'rejected' | 'withdrawn' | 'expired';

/** The latest offer of a proposal thread. */
export interface ProposalOffer {
  price_cents: number;
  currency?: string;
  requested_benefits?: string[];
  benefits_delta?: Record<string, unknown>;
}

/** `proposal.sent`, `proposal.countered`, `proposal.accepted`, `proposal.rejected`. */
export interface ProposalEventData {
  proposal_id: string;
  event_id: string;
  sponsor_id: string;
  status: ProposalStatus;
  last_offer: ProposalOffer | null;
}

/** `order.created`, `order.funded`, `order.refunded`, `order.cancelled`. */
export interface OrderEventData {
  order_id: string;
  event_id: string;
  sponsor_id: string;
  package_id: string | null;
  amount_cents: number;
  currency: string;
  status: string;
  escrow_state: string;
  stripe_payment_intent_id: string | null;
  refunded_cents?: number;
}

/** States of a deliverable. */
export type DeliverableStatus = 'pending' | 'submitted' | 'approved' | 'needs_changes' | 'waived';

/** Evidence submitted for a deliverable. */
export interface DeliverableProof {
  asset_url: string;
  metrics: Record<string, number>;
}

/** `deliverable.submitted`, `deliverable.approved`, `deliverable.needs_changes`, `deliverable.waived`. */
export interface DeliverableEventData {
  deliverable_id: string;
  order_id: string | null;
  event_id: string;
  sponsor_id: string;
  type: string;
  status: DeliverableStatus;
  reason?: string;
  proof?: DeliverableProof;
}

/** `sla.breached`: an SLA missed its target; `breach_policy` says what was applied. */
export interface SlaBreachedData {
  sla_id: string;
  order_id: string;
  metric: string;
  target: number;
  actual: number;
  breach_policy: string;
}

/** `payout.completed`, `payout.failed`. */
export interface PayoutEventData {
  payout_id: string;
  order_id: string;
  amount_cents: number;
  currency: string;
  stripe_transfer_id: string | null;
  failure_reason?: string;
}

/** `event_sponsorship.updated`. */
export interface EventSponsorshipUpdatedData {
  event_id: string;
  sponsor_id: string;
  tier: string;
  activation_status: 'draft' | 'in_progress' | 'complete';
  amount_cents: number;
}

/** `workspace.created`. */
export interface WorkspaceCreatedData {
  workspace_id: string;
  slug: string;
  name: string;
}

/** `widget.updated`. */
export interface WidgetUpdatedData {
  workspace_id: string;
  widget_id: string;
  widget_type: string;
}

/** `webhook_endpoint.disabled`: Yardpass stopped delivering to an endpoint. */
export interface WebhookEndpointDisabledData {
  endpoint_id: string;
  url: string;
  reason: string;
}

/** `ping`: sent when an endpoint is created or tested. */
export interface PingData {
  message: string;
}

/** Every event type and the shape of its `data`. */
export interface YardpassWebhookEventMap {
  'package.published': PackagePublishedData;
  'proposal.sent': ProposalEventData;
  'proposal.countered': ProposalEventData;
  'proposal.accepted': ProposalEventData;
  'proposal.rejected': ProposalEventData;
  'order.created': OrderEventData;
  'order.funded': OrderEventData;
  'order.refunded': OrderEventData;
  'order.cancelled': OrderEventData;
  'deliverable.submitted': DeliverableEventData;
  'deliverable.approved': DeliverableEventData;
  'deliverable.needs_changes': DeliverableEventData;
  'deliverable.waived': DeliverableEventData;
  'sla.breached': SlaBreachedData;
  'payout.completed': PayoutEventData;
  'payout.failed': PayoutEventData;
  'event_sponsorship.updated': EventSponsorshipUpdatedData;
  'workspace.created': WorkspaceCreatedData;
  'widget.updated': WidgetUpdatedData;
  'webhook_endpoint.disabled': WebhookEndpointDisabledData;
  ping: PingData;
}

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
 *     await markFunded(event.data.order_id, event.data.amount_cents);
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
