import { APIResource } from '../resource.js';

/**
 * Every successful write, newest first, kept 30 days (owner or admin).
 *
 * @example
 * ```ts
 * for await (const entry of yardpass.auditLog.list({ resource_type: 'event' })) {
 *   console.log(entry.created_at, entry.action, entry.resource_id);
 * }
 * ```
 */
export class AuditLog extends APIResource {
  /**
   * Lists audit log entries, newest first, optionally of one action or resource type.
   *
   * @example
   * ```ts
   * const page = await yardpass.auditLog.list({ action: 'event.create', limit: 50 });
   * ```
   */
  list = this.listEndpoint('listAuditLog', 'GET /v1/audit-log');
}
