import { deleteAuditEntriesBefore } from '../db/audit';
import { pruneEventsBefore } from '../db/command-center';
import { deleteExpiredKeys } from '../db/idempotency';
import type { Db } from '../db/pool';
import { deleteOldWindows } from '../db/rate-limits';
import { deleteWorkspaceAuditBefore } from '../db/workspaces';
import { STREAM_RETENTION_DAYS } from './command-center';

/**
 * Hourly: expired idempotency keys, audit entries past retention, finished rate-limit windows, command-center
 * stream events past theirs.
 */
export async function cleanup(db: Db, options: { auditRetentionDays: number; now: Date }) {
  return db.system(async (tx) => ({
    idempotency_keys: await deleteExpiredKeys(tx),
    audit_entries: await deleteAuditEntriesBefore(
      tx,
      new Date(options.now.getTime() - options.auditRetentionDays * 86_400_000),
    ),
    rate_limit_windows: await deleteOldWindows(tx),
    workspace_audit_entries: await deleteWorkspaceAuditBefore(
      tx,
      new Date(options.now.getTime() - options.auditRetentionDays * 86_400_000),
    ),
    command_center_events: await pruneEventsBefore(
      tx,
      new Date(options.now.getTime() - STREAM_RETENTION_DAYS * 86_400_000),
    ),
  }));
}
