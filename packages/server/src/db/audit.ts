import type { Caller } from '../caller';
import type { Cursor } from './pagination';
import { atCommit, literal, type Queryable, type Tx } from './pool';

export interface AuditEntryRow {
  id: string;
  actor_type: 'user' | 'api_key' | 'system';
  actor_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  request_id: string | null;
  created_at: string;
}

/** Writes the entry when the transaction commits, in the commit's round trip (nothing reads it back before). */
export function insertAuditEntry(
  tx: Tx,
  entry: Omit<AuditEntryRow, 'id' | 'created_at'> & { org_id: string },
): void {
  atCommit(
    tx,
    `insert into audit_log (org_id, actor_type, actor_id, action, resource_type, resource_id, request_id)
     values (${[
       entry.org_id,
       entry.actor_type,
       entry.actor_id,
       entry.action,
       entry.resource_type,
       entry.resource_id,
       entry.request_id,
     ]
       .map(literal)
       .join(', ')})`,
  );
}

export async function listAuditEntries(
  tx: Queryable,
  filter: { action?: string; resourceType?: string; limit: number; after?: Cursor },
): Promise<AuditEntryRow[]> {
  const { rows } = await tx.query<AuditEntryRow>(
    `select id, actor_type, actor_id, action, resource_type, resource_id, request_id, created_at from audit_log
      where ($1::text is null or action = $1) and ($2::text is null or resource_type = $2)
        and ($3::timestamptz is null or (created_at, id) < ($3, $4::uuid))
      order by created_at desc, id desc limit $5`,
    [
      filter.action ?? null,
      filter.resourceType ?? null,
      filter.after?.value ?? null,
      filter.after?.id ?? null,
      filter.limit + 1,
    ],
  );
  return rows;
}

/** Deletes entries older than the retention period; returns how many went. */
export async function deleteAuditEntriesBefore(tx: Tx, before: Date): Promise<number> {
  const { rowCount } = await tx.query('delete from audit_log where created_at < $1', [before]);
  return rowCount ?? 0;
}

/** Records a successful write in the same transaction as the write itself. */
export function recordAudit(
  tx: Tx,
  caller: Caller,
  entry: { action: string; resourceType: string; resourceId: string | null },
): Promise<void> {
  insertAuditEntry(tx, {
    org_id: caller.orgId,
    // Operators take no audited action inside an organization; were one to, it is the platform acting.
    actor_type: caller.kind === 'operator' ? 'system' : caller.kind,
    actor_id: caller.kind === 'api_key' ? (caller.apiKeyId ?? null) : (caller.userId ?? null),
    action: entry.action,
    resource_type: entry.resourceType,
    resource_id: entry.resourceId,
    request_id: caller.requestId,
  });
  return Promise.resolve();
}
