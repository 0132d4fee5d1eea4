import type { Db } from '../db/pool';
import { getBusinessMetrics, getInbox, getInboxSummary, runIntegrity } from '../domain/ops';
import { getReconciliation, listReconciliationsPage, runReconciliation } from '../domain/reconciliation';
import { created, type Handlers, ok, page } from '../http/router';
import type { Logger } from '../logger';
import type { PaymentsProvider } from '../payments/provider';

/** `reads` serves the read-only views (a replica when `DATABASE_READ_URL` is set); reconciliation writes to `db`. */
export const opsRoutes = (deps: { db: Db; reads: Db; payments: PaymentsProvider; log: Logger }) =>
  ({
    getOpsInbox: async ({ caller, query }) => page(await getInbox(deps.reads, caller, query)),
    getOpsInboxSummary: async ({ caller, query }) => ok(await getInboxSummary(deps.reads, caller, query)),
    getOpsIntegrity: async ({ caller }) => ok(await runIntegrity(deps.reads, caller)),
    getBusinessMetrics: async ({ caller, query }) => ok(await getBusinessMetrics(deps.reads, caller, query)),
    runReconciliation: async ({ caller, body }) => created(await runReconciliation(deps, caller, body)),
    listReconciliations: async ({ caller, query }) =>
      page(await listReconciliationsPage(deps.db, caller, query)),
    getReconciliation: async ({ caller, params }) => ok(await getReconciliation(deps.db, caller, params.id)),
  }) satisfies Partial<Handlers>;
