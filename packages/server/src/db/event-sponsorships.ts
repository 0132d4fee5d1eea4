import type { Cursor } from './pagination';
import type { Queryable, Tx } from './pool';

export type ActivationStatus = 'draft' | 'in_progress' | 'complete';

export interface EventSponsorshipRow {
  id: string;
  organizer_org_id: string;
  sponsor_org_id: string;
  event_id: string;
  sponsor_id: string;
  tier: string;
  amount_cents: number;
  currency: string;
  benefits: Record<string, unknown>;
  activation_status: ActivationStatus;
  order_id: string | null;
  created_at: string;
  updated_at: string;
}

const columns = `id, organizer_org_id, sponsor_org_id, event_id, sponsor_id, tier, amount_cents, currency, benefits,
  activation_status, order_id, created_at, updated_at`;

export async function findEventSponsorshipByKey(
  tx: Queryable,
  key: { event_id: string; sponsor_id: string; tier: string },
  options: { lock?: boolean } = {},
): Promise<EventSponsorshipRow | undefined> {
  const { rows } = await tx.query<EventSponsorshipRow>(
    `select ${columns} from event_sponsorships where event_id = $1 and sponsor_id = $2 and tier = $3
     ${options.lock ? 'for update' : ''}`,
    [key.event_id, key.sponsor_id, key.tier],
  );
  return rows[0];
}

export async function findEventSponsorshipsByOrder(
  tx: Queryable,
  orderId: string,
): Promise<EventSponsorshipRow[]> {
  const { rows } = await tx.query<EventSponsorshipRow>(
    `select ${columns} from event_sponsorships where order_id = $1 order by id for update`,
    [orderId],
  );
  return rows;
}

/**
 * Inserts the sponsorship or, when (event, sponsor, tier) exists, changes only the given fields. Answers the row
 * before (undefined when new) and after, so the caller can tell whether anything changed.
 */
export async function upsertEventSponsorship(
  tx: Tx,
  input: {
    organizer_org_id: string;
    sponsor_org_id: string;
    event_id: string;
    sponsor_id: string;
    tier: string;
    amount_cents?: number;
    currency?: string;
    benefits?: Record<string, unknown>;
    activation_status?: ActivationStatus;
    order_id?: string | null;
  },
): Promise<{ before: EventSponsorshipRow | undefined; after: EventSponsorshipRow }> {
  const inserted = await tx.query(
    `insert into event_sponsorships (organizer_org_id, sponsor_org_id, event_id, sponsor_id, tier)
     values ($1, $2, $3, $4, $5) on conflict (event_id, sponsor_id, tier) do nothing returning id`,
    [input.organizer_org_id, input.sponsor_org_id, input.event_id, input.sponsor_id, input.tier],
  );
  const before = inserted.rowCount ? undefined : await findEventSponsorshipByKey(tx, input, { lock: true });
  const { rows } = await tx.query<EventSponsorshipRow>(
    `update event_sponsorships set amount_cents = coalesce($4, amount_cents), currency = coalesce($5, currency),
       benefits = coalesce($6, benefits), activation_status = coalesce($7, activation_status),
       order_id = case when $8 then $9::uuid else order_id end,
       updated_at = now()
     where event_id = $1 and sponsor_id = $2 and tier = $3 returning ${columns}`,
    [
      input.event_id,
      input.sponsor_id,
      input.tier,
      input.amount_cents ?? null,
      input.currency ?? null,
      input.benefits === undefined ? null : JSON.stringify(input.benefits),
      input.activation_status ?? null,
      input.order_id !== undefined,
      input.order_id ?? null,
    ],
  );
  return { before, after: rows[0]! };
}

export async function setActivationStatus(
  tx: Tx,
  id: string,
  status: ActivationStatus,
): Promise<EventSponsorshipRow> {
  const { rows } = await tx.query<EventSponsorshipRow>(
    `update event_sponsorships set activation_status = $2, updated_at = now() where id = $1 returning ${columns}`,
    [id, status],
  );
  return rows[0]!;
}

export async function listEventSponsorships(
  tx: Queryable,
  filter: {
    event_id?: string;
    sponsor_id?: string;
    activation_status?: ActivationStatus;
    limit: number;
    after?: Cursor;
  },
): Promise<EventSponsorshipRow[]> {
  const { rows } = await tx.query<EventSponsorshipRow>(
    `select ${columns} from event_sponsorships
      where ($1::uuid is null or event_id = $1) and ($2::uuid is null or sponsor_id = $2)
        and ($3::text is null or activation_status = $3)
        and ($4::timestamptz is null or (updated_at, id) < ($4::timestamptz, $5::uuid))
      order by updated_at desc, id desc limit $6`,
    [
      filter.event_id ?? null,
      filter.sponsor_id ?? null,
      filter.activation_status ?? null,
      filter.after?.value ?? null,
      filter.after?.id ?? null,
      filter.limit + 1,
    ],
  );
  return rows;
}

/** Who owns the event and the sponsor, as far as the caller can see them (null when it cannot). */
export async function findEventAndSponsorOwners(
  tx: Queryable,
  eventId: string,
  sponsorId: string,
): Promise<{ event_owner_org_id: string | null; sponsor_org_id: string | null }> {
  const { rows } = await tx.query<{ event_owner_org_id: string | null; sponsor_org_id: string | null }>(
    `select (select owner_org_id from events where id = $1) as event_owner_org_id,
            (select org_id from sponsors where id = $2) as sponsor_org_id`,
    [eventId, sponsorId],
  );
  return rows[0]!;
}
