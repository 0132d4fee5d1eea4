import type { TestOrg } from '../../../test/server';
import type { Db } from '../src/db/pool';
import type { FundedOrder } from '../src/domain/fulfilment';
import { normalizeTerms, type SlaTerm } from '../src/domain/sla-terms';

export interface Deal {
  eventId: string;
  sponsorId: string;
  packageId: string;
  order: FundedOrder;
}

/**
 * An event of `organizer`, a sponsor of `sponsor`, a published private package (so that nobody else sees the
 * event through the marketplace) with benefits and SLA terms, and an
 * order for it, written straight to the database (the orders flow is not what these tests are about).
 */
export async function createDeal(
  db: Db,
  options: {
    organizer: TestOrg;
    sponsor: TestOrg;
    benefits?: Record<string, unknown>;
    slaTerms?: SlaTerm[];
    amountCents?: number;
    eventEndsAt?: string;
    tier?: string;
  },
): Promise<Deal> {
  const { organizer, sponsor } = options;
  const endsAt = options.eventEndsAt ?? '2030-03-02T23:00:00.000Z';
  const amountCents = options.amountCents ?? 150_000;
  return db.system(async (tx) => {
    const event = await tx.query<{ id: string }>(
      `insert into events (owner_org_id, title, starts_at, ends_at)
       values ($1, 'Harbour Festival', $2::timestamptz - interval '1 day', $2) returning id`,
      [organizer.orgId, endsAt],
    );
    const brand = await tx.query<{ id: string }>(
      `insert into sponsors (org_id, name) values ($1, 'Fizzy Cola') returning id`,
      [sponsor.orgId],
    );
    const eventId = event.rows[0]!.id;
    const sponsorId = brand.rows[0]!.id;
    const pkg = await tx.query<{ id: string }>(
      `insert into sponsorship_packages (org_id, event_id, title, tier, price_cents, currency, inventory, benefits,
         sla_terms, is_active, published_at, visibility)
       values ($1, $2, 'Gold Stage Sponsor', $3, $4, 'USD', 3, $5, $6, true, now(), 'private') returning id`,
      [
        organizer.orgId,
        eventId,
        options.tier ?? 'gold',
        amountCents,
        JSON.stringify(
          options.benefits ?? { logo_stage: true, booth: '10x10', social_posts: 5, lounge: false },
        ),
        JSON.stringify(normalizeTerms(options.slaTerms ?? [], '/sla_terms', 'USD')),
      ],
    );
    const packageId = pkg.rows[0]!.id;
    const order = await tx.query<{ id: string }>(
      `insert into sponsorship_orders (event_id, package_id, sponsor_id, organizer_org_id, sponsor_org_id,
         amount_cents, currency, created_by_side, cancellation_policy)
       values ($1, $2, $3, $4, $5, $6, 'USD', 'sponsor', '{"window_days": 0, "penalty_pct": 0}') returning id`,
      [eventId, packageId, sponsorId, organizer.orgId, sponsor.orgId, amountCents],
    );
    return {
      eventId,
      sponsorId,
      packageId,
      order: {
        id: order.rows[0]!.id,
        event_id: eventId,
        package_id: packageId,
        variant_id: null,
        sponsor_id: sponsorId,
        organizer_org_id: organizer.orgId,
        sponsor_org_id: sponsor.orgId,
        amount_cents: amountCents,
        currency: 'USD',
      },
    };
  });
}
