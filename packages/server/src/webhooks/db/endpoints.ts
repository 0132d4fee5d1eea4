import type { Cursor } from '../../db/pagination';
import type { Queryable, Tx } from '../../db/pool';
import { updateById } from '../../db/sql';

export interface WebhookEndpointRow {
  id: string;
  org_id: string;
  url: string;
  description: string | null;
  event_types: string[] | null;
  enabled: boolean;
  disabled_reason: 'manual' | 'gone' | 'failing' | null;
  failing_since: string | null;
  secret_prefix: string;
  previous_secret_expires_at: string | null;
  created_at: string;
  updated_at: string;
}

export const endpointColumns = `id, org_id, url, description, event_types, enabled, disabled_reason, failing_since,
  left(secret, 10) || '…' as secret_prefix,
  case when previous_secret_expires_at > now() then previous_secret_expires_at end as previous_secret_expires_at,
  created_at, updated_at`;

export async function insertWebhookEndpoint(
  tx: Tx,
  endpoint: {
    orgId: string;
    url: string;
    description: string | null;
    eventTypes: string[] | null;
    enabled: boolean;
    secret: string;
  },
): Promise<WebhookEndpointRow> {
  const { rows } = await tx.query<WebhookEndpointRow>(
    `insert into webhook_endpoints (org_id, url, description, event_types, enabled, disabled_reason, secret)
     values ($1, $2, $3, $4, $5, case when $5 then null else 'manual' end, $6) returning ${endpointColumns}`,
    [
      endpoint.orgId,
      endpoint.url,
      endpoint.description,
      endpoint.eventTypes,
      endpoint.enabled,
      endpoint.secret,
    ],
  );
  return rows[0]!;
}

export async function findWebhookEndpoint(
  tx: Queryable,
  id: string,
): Promise<WebhookEndpointRow | undefined> {
  const { rows } = await tx.query<WebhookEndpointRow>(
    `select ${endpointColumns} from webhook_endpoints where id = $1`,
    [id],
  );
  return rows[0];
}

export async function listWebhookEndpoints(
  tx: Queryable,
  filter: { limit: number; after?: Cursor },
): Promise<WebhookEndpointRow[]> {
  const { rows } = await tx.query<WebhookEndpointRow>(
    `select ${endpointColumns} from webhook_endpoints
      where ($1::timestamptz is null or (created_at, id) < ($1, $2::uuid))
      order by created_at desc, id desc limit $3`,
    [filter.after?.value ?? null, filter.after?.id ?? null, filter.limit + 1],
  );
  return rows;
}

export function updateWebhookEndpoint(
  tx: Tx,
  id: string,
  changes: { url?: string; description?: string | null; event_types?: string[] | null; enabled?: boolean },
): Promise<WebhookEndpointRow | undefined> {
  const enabling =
    changes.enabled === undefined
      ? {}
      : changes.enabled
        ? { enabled: true, disabled_reason: null, failing_since: null }
        : { enabled: false, disabled_reason: 'manual' };
  return updateById<WebhookEndpointRow>(tx, {
    table: 'webhook_endpoints',
    id,
    changes: { ...changes, ...enabling },
    returning: endpointColumns,
  });
}

export async function deleteWebhookEndpoint(tx: Tx, id: string): Promise<boolean> {
  const { rowCount } = await tx.query('delete from webhook_endpoints where id = $1', [id]);
  return rowCount === 1;
}

/** The new secret signs at once; the current one keeps signing beside it until the overlap ends. */
export async function rotateWebhookEndpointSecret(
  tx: Tx,
  id: string,
  rotation: { secret: string; overlapMs: number },
): Promise<WebhookEndpointRow | undefined> {
  const { rows } = await tx.query<WebhookEndpointRow>(
    `update webhook_endpoints
        set previous_secret = case when $3::float8 > 0 then secret end,
            previous_secret_expires_at = case when $3::float8 > 0 then now() + $3::float8 * interval '1 millisecond' end,
            secret = $2, updated_at = now()
      where id = $1 returning ${endpointColumns}`,
    [id, rotation.secret, rotation.overlapMs],
  );
  return rows[0];
}

/**
 * Stops deliveries to an endpoint (410 Gone, or failing since before `failingBefore`); answers the
 * endpoint only when this call disabled it, so the notification is sent once.
 */
export async function disableWebhookEndpoint(
  tx: Tx,
  id: string,
  disable: { reason: 'gone' | 'failing'; failingBefore?: Date },
): Promise<WebhookEndpointRow | undefined> {
  const { rows } = await tx.query<WebhookEndpointRow>(
    `update webhook_endpoints set enabled = false, disabled_reason = $2, updated_at = now()
      where id = $1 and enabled and ($3::timestamptz is null or failing_since < $3)
      returning ${endpointColumns}`,
    [id, disable.reason, disable.failingBefore?.toISOString() ?? null],
  );
  return rows[0];
}
