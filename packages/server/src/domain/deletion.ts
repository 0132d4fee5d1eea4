import type { Db, Tx } from '../db/pool';
import { isPgError, pgCodes } from '../db/sql';
import { ConflictError, NotFoundError } from '../errors';
import { recordAudit } from '../db/audit';
import type { Caller } from '../caller';

/**
 * Deletes one of the caller's resources and audits it: 404 when there is none, 409 when other rows still
 * reference it (the foreign keys are the judge).
 */
export function deleteResource(
  db: Db,
  caller: Caller,
  resource: { type: 'event' | 'sponsor'; id: string; remove: (tx: Tx) => Promise<boolean>; inUse: string },
) {
  return db.tenant(caller.orgId, async (tx) => {
    try {
      if (!(await resource.remove(tx))) throw new NotFoundError(resource.type);
    } catch (error) {
      // Before PostgreSQL 18 a RESTRICT reference reports 23503; from 18 on, 23001 (mapped to in-use as well).
      if (isPgError(error, pgCodes.foreignKeyViolation) || isPgError(error, pgCodes.restrictViolation)) {
        throw new ConflictError({ code: 'in_use', detail: resource.inUse, cause: error });
      }
      throw error;
    }
    await recordAudit(tx, caller, {
      action: `${resource.type}.delete`,
      resourceType: resource.type,
      resourceId: resource.id,
    });
    return { id: resource.id, deleted: true as const };
  });
}
