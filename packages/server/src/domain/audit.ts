import { insertAuditEntry, listAuditEntries } from '../db/audit';
import { readPage } from '../db/reads';
import type { Db, Tx } from '../db/pool';
import { type Caller, requireRole } from './caller';

/** Records a successful write in the same transaction as the write itself. */
export function recordAudit(
  tx: Tx,
  caller: Caller,
  entry: { action: string; resourceType: string; resourceId: string | null },
): Promise<void> {
  return insertAuditEntry(tx, {
    org_id: caller.orgId,
    actor_type: caller.kind,
    actor_id: caller.kind === 'api_key' ? (caller.apiKeyId ?? null) : (caller.userId ?? null),
    action: entry.action,
    resource_type: entry.resourceType,
    resource_id: entry.resourceId,
    request_id: caller.requestId,
  });
}

export function listAuditLog(
  db: Db,
  caller: Caller,
  query: { action?: string; resource_type?: string; limit?: number; starting_after?: string },
) {
  requireRole(caller, 'admin', 'read the audit log');
  return readPage(
    db,
    caller.orgId,
    query,
    (tx, page) => listAuditEntries(tx, { action: query.action, resourceType: query.resource_type, ...page }),
    (row) => row.created_at,
  );
}
