import { listAuditEntries } from '../db/audit';
import { readPage } from '../db/reads';
import type { Db } from '../db/pool';
import { type Caller, requireRole } from '../caller';

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
