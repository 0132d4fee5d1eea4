import type { components } from '../generated/openapi';
import type { Cursor } from './pagination';
import type { Queryable, Tx } from './pool';
import { updateById } from './sql';

export type EventRow = components['schemas']['Event'];
export type EventInput = components['schemas']['EventCreate'];

const columns = `id, owner_org_id, title, description, starts_at, ends_at, venue, city, country, category,
  target_audience, brand_safety_tags, created_at, updated_at`;

export async function insertEvent(tx: Tx, orgId: string, input: EventInput): Promise<EventRow> {
  const { rows } = await tx.query<EventRow>(
    `insert into events (owner_org_id, title, description, starts_at, ends_at, venue, city, country, category,
       target_audience, brand_safety_tags, embedding)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning ${columns}`,
    [
      orgId,
      input.title,
      input.description ?? null,
      input.starts_at,
      input.ends_at,
      input.venue ?? null,
      input.city ?? null,
      input.country ?? null,
      input.category ?? null,
      input.target_audience ?? {},
      input.brand_safety_tags ?? [],
      input.embedding ?? null,
    ],
  );
  return rows[0]!;
}

export async function findEvent(tx: Queryable, id: string): Promise<EventRow | undefined> {
  const { rows } = await tx.query<EventRow>(`select ${columns} from events where id = $1`, [id]);
  return rows[0];
}

export async function listEvents(
  tx: Queryable,
  filter: {
    category?: string;
    city?: string;
    startsAfter?: string;
    startsBefore?: string;
    /** Only this organization's own events. */
    ownerOrgId?: string;
    limit: number;
    after?: Cursor;
  },
): Promise<EventRow[]> {
  const { rows } = await tx.query<EventRow>(
    `select ${columns} from events
      where ($1::text is null or category = $1) and ($2::text is null or city = $2)
        and ($3::timestamptz is null or starts_at >= $3) and ($4::timestamptz is null or starts_at < $4)
        and ($5::timestamptz is null or (starts_at, id) > ($5, $6::uuid))
        and ($8::uuid is null or owner_org_id = $8)
      order by starts_at, id limit $7`,
    [
      filter.category ?? null,
      filter.city ?? null,
      filter.startsAfter ?? null,
      filter.startsBefore ?? null,
      filter.after?.value ?? null,
      filter.after?.id ?? null,
      filter.limit + 1,
      filter.ownerOrgId ?? null,
    ],
  );
  return rows;
}

export function updateEvent(tx: Tx, id: string, changes: Partial<EventInput>): Promise<EventRow | undefined> {
  return updateById<EventRow>(tx, { table: 'events', id, changes, returning: columns });
}

export async function deleteEvent(tx: Tx, id: string): Promise<boolean> {
  const { rowCount } = await tx.query('delete from events where id = $1', [id]);
  return rowCount === 1;
}
