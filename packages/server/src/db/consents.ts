import type { Cursor } from './pagination';
import type { Queryable, Tx } from './pool';

export interface ConsentRow {
  id: string;
  event_id: string;
  segment_key: string;
  scope: 'aggregated' | 'cohort' | 'pseudonymous';
  expires_at: string | null;
  created_at: string;
}

const columns = 'id, event_id, segment_key, scope, expires_at, created_at';

/** Creates the consent for (event, segment, scope) or replaces its expiry. */
export async function upsertConsent(
  tx: Tx,
  input: { orgId: string; eventId: string; segmentKey: string; scope: string; expiresAt: string | null },
): Promise<ConsentRow> {
  const { rows } = await tx.query<ConsentRow>(
    `insert into audience_consents (org_id, event_id, segment_key, scope, expires_at) values ($1, $2, $3, $4, $5)
     on conflict (event_id, segment_key, scope) do update set expires_at = excluded.expires_at
     returning ${columns}`,
    [input.orgId, input.eventId, input.segmentKey, input.scope, input.expiresAt],
  );
  return rows[0]!;
}

export async function listConsents(
  tx: Queryable,
  eventId: string,
  page: { limit: number; after?: Cursor },
): Promise<ConsentRow[]> {
  const { rows } = await tx.query<ConsentRow>(
    `select ${columns} from audience_consents
      where event_id = $1 and ($2::timestamptz is null or (created_at, id) > ($2, $3::uuid))
      order by created_at, id limit $4`,
    [eventId, page.after?.value ?? null, page.after?.id ?? null, page.limit + 1],
  );
  return rows;
}

export async function deleteConsent(tx: Tx, eventId: string, id: string): Promise<boolean> {
  const { rowCount } = await tx.query('delete from audience_consents where event_id = $1 and id = $2', [
    eventId,
    id,
  ]);
  return rowCount === 1;
}

/** The segment keys of the event with a consent (any scope) that has not expired at `now`. */
export async function consentedSegments(tx: Queryable, eventId: string, now: Date): Promise<Set<string>> {
  const { rows } = await tx.query<{ segment_key: string }>(
    `select distinct segment_key from audience_consents
      where event_id = $1 and (expires_at is null or expires_at > $2)`,
    [eventId, now.toISOString()],
  );
  return new Set(rows.map((row) => row.segment_key));
}
