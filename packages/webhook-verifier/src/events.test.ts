import { describe, expectTypeOf, it } from 'vitest';
import type {
  DeliverableEventData,
  OrderEventData,
  PingData,
  ProposalEventData,
  YardpassWebhookEvent,
  YardpassWebhookEventType,
} from './index';
import { verify } from './index';

describe('YardpassWebhookEvent', () => {
  it('narrows data when type is checked', () => {
    const handle = (event: YardpassWebhookEvent) => {
      if (event.type === 'order.funded') {
        expectTypeOf(event.data).toEqualTypeOf<OrderEventData>();
        expectTypeOf(event.data.stripe_payment_intent_id).toEqualTypeOf<string | null>();
      }
      if (event.type === 'proposal.countered') {
        expectTypeOf(event.data).toEqualTypeOf<ProposalEventData>();
        expectTypeOf(event.data.last_offer?.price_cents).toEqualTypeOf<number | undefined>();
      }
      if (event.type === 'ping') expectTypeOf(event.data).toEqualTypeOf<PingData>();
      switch (event.type) {
        case 'deliverable.needs_changes':
          expectTypeOf(event.data).toEqualTypeOf<DeliverableEventData>();
          expectTypeOf(event.data.proof).toEqualTypeOf<
            { asset_url: string; metrics: Record<string, number> } | undefined
          >();
          break;
        case 'package.published':
          // @ts-expect-error order_id belongs to order events, not to package.published
          expectTypeOf(event.data.order_id).toBeString();
          break;
      }
    };
    expectTypeOf(handle).toBeFunction();
  });

  it('is the single event when given its type', () => {
    expectTypeOf<YardpassWebhookEvent<'payout.failed'>['type']>().toEqualTypeOf<'payout.failed'>();
    expectTypeOf<YardpassWebhookEvent<'payout.failed'>['data']['failure_reason']>().toEqualTypeOf<
      string | undefined
    >();
  });

  it('lists every catalogue type when used as the type union', () => {
    expectTypeOf<YardpassWebhookEventType>().toEqualTypeOf<
      | 'package.published'
      | 'proposal.sent'
      | 'proposal.countered'
      | 'proposal.accepted'
      | 'proposal.rejected'
      | 'order.created'
      | 'order.funded'
      | 'order.refunded'
      | 'order.cancelled'
      | 'deliverable.submitted'
      | 'deliverable.approved'
      | 'deliverable.needs_changes'
      | 'deliverable.waived'
      | 'sla.breached'
      | 'payout.completed'
      | 'payout.failed'
      | 'event_sponsorship.updated'
      | 'workspace.created'
      | 'widget.updated'
      | 'webhook_endpoint.disabled'
      | 'ping'
    >();
  });

  it('is what verify resolves to when awaited', () => {
    expectTypeOf(verify).returns.resolves.toEqualTypeOf<YardpassWebhookEvent>();
  });
});
