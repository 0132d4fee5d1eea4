import { describe, expectTypeOf, it } from 'vitest';
import type {
  Deliverable,
  Order,
  PingData,
  Proposal,
  YardpassWebhookEvent,
  YardpassWebhookEventType,
} from './index';
import { verify } from './index';

describe('YardpassWebhookEvent', () => {
  it('narrows data when type is checked', () => {
    const handle = (event: YardpassWebhookEvent) => {
      if (event.type === 'order.funded') {
        expectTypeOf(event.data).toEqualTypeOf<Order>();
        expectTypeOf(event.data.stripe_payment_intent_id).toEqualTypeOf<string | null>();
        expectTypeOf(event.data.amount_cents).toEqualTypeOf<number>();
      }
      if (event.type === 'proposal.countered') expectTypeOf(event.data).toEqualTypeOf<Proposal>();
      if (event.type === 'ping') expectTypeOf(event.data).toEqualTypeOf<PingData>();
      switch (event.type) {
        case 'deliverable.needs_changes':
          expectTypeOf(event.data).toEqualTypeOf<Deliverable>();
          break;
        case 'package.published':
          // @ts-expect-error escrow_state belongs to orders, not to package.published's package
          expectTypeOf(event.data.escrow_state).toBeString();
          break;
      }
    };
    expectTypeOf(handle).toBeFunction();
  });

  it('is the single event when given its type', () => {
    expectTypeOf<YardpassWebhookEvent<'payout.failed'>['type']>().toEqualTypeOf<'payout.failed'>();
    expectTypeOf<YardpassWebhookEvent<'ping'>['data']['message']>().toEqualTypeOf<string>();
  });

  it('lists every type of the contract when used as the type union', () => {
    expectTypeOf<YardpassWebhookEventType>().toEqualTypeOf<
      | 'package.published'
      | 'proposal.sent'
      | 'proposal.countered'
      | 'proposal.accepted'
      | 'proposal.rejected'
      | 'order.created'
      | 'order.funded'
      | 'order.refunded'
      | 'order.disputed'
      | 'order.dispute_closed'
      | 'order.payment_due'
      | 'order.expired'
      | 'order.release_due'
      | 'order.auto_released'
      | 'order.cancelled'
      | 'deliverable.submitted'
      | 'deliverable.approved'
      | 'deliverable.review_due'
      | 'deliverable.auto_approved'
      | 'deliverable.needs_changes'
      | 'deliverable.waived'
      | 'sla.breached'
      | 'payout.completed'
      | 'payout.awaiting_configuration'
      | 'payout.failed'
      | 'event_sponsorship.updated'
      | 'workspace.created'
      | 'workspace.updated'
      | 'widget.updated'
      | 'webhook_endpoint.disabled'
      | 'match.suggested'
      | 'ping'
    >();
  });

  it('is what verify resolves to when awaited', () => {
    expectTypeOf(verify).returns.resolves.toEqualTypeOf<YardpassWebhookEvent>();
  });
});
