import type { TestOrg, TestServer } from '../../../test/server';
import { api } from '../../../test/server';

/**
 * What an order needs, made quickly: an event of the organizer, a sponsor (brand) of the sponsor org, and a
 * published package written straight to the database (the packages area has its own tests for publishing).
 */
export async function seedCommerce(
  server: TestServer,
  options: {
    organizer?: TestOrg;
    sponsorOrg?: TestOrg;
    inventory?: number;
    priceCents?: number;
    startsAt?: string;
    visibility?: 'public' | 'unlisted' | 'private';
  } = {},
): Promise<{ eventId: string; sponsorId: string; packageId: string }> {
  const organizer = options.organizer ?? server.organizer;
  const sponsorOrg = options.sponsorOrg ?? server.sponsor;
  const startsAt = options.startsAt ?? new Date(Date.now() + 60 * 86_400_000).toISOString();
  const event = await api(server, organizer)('POST', '/v1/events', {
    body: {
      title: 'Harbor Lights Festival',
      starts_at: startsAt,
      ends_at: new Date(Date.parse(startsAt) + 86_400_000).toISOString(),
    },
  });
  const sponsor = await api(server, sponsorOrg)('POST', '/v1/sponsors', {
    body: { name: 'Fizzy Cola', industry: 'Beverage', visibility: 'public' },
  });
  const eventId = event.json.data.id as string;
  const { rows } = await server.db.system((tx) =>
    tx.query<{ id: string }>(
      `insert into sponsorship_packages (org_id, event_id, title, tier, price_cents, currency, inventory, is_active,
         visibility, published_at)
       values ($1, $2, 'Main stage naming', 'gold', $3, 'USD', $4, true, $5, now()) returning id`,
      [
        organizer.orgId,
        eventId,
        options.priceCents ?? 150_000,
        options.inventory ?? 10,
        options.visibility ?? 'public',
      ],
    ),
  );
  return { eventId, sponsorId: sponsor.json.data.id as string, packageId: rows[0]!.id };
}

/** The sponsor orders one unit of the seeded package through the API; answers the order's id. */
export async function orderPackage(
  server: TestServer,
  commerce: { eventId: string; sponsorId: string; packageId: string },
  amountCents = 150_000,
): Promise<string> {
  const res = await api(server, server.sponsor)('POST', '/v1/sponsorship-orders', {
    body: {
      package_id: commerce.packageId,
      sponsor_id: commerce.sponsorId,
      event_id: commerce.eventId,
      amount_cents: amountCents,
      currency: 'USD',
    },
  });
  if (res.status !== 201) throw new Error(`order answered ${res.status}: ${res.text}`);
  return res.json.data.id as string;
}
