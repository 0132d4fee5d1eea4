import type { Db } from '../db/pool';
import { getBusinessMetrics, getInbox, getInboxSummary, runIntegrity } from '../domain/ops';
import { getReconciliation, listReconciliationsPage, runReconciliation } from '../domain/reconciliation';
import { created, type Handlers, ok, page } from '../http/router';
import type { Logger } from '../logger';
import type { PaymentsProvider } from '../payments/provider';

export const opsRoutes = (deps: { db: Db; payments: PaymentsProvider; log: Logger }) =>
  ({
    getOpsInbox: async ({ caller, query }) => page(await getInbox(deps.db, caller, query)),
    getOpsInboxSummary: async ({ caller, query }) => ok(await getInboxSummary(deps.db, caller, query)),
    getOpsIntegrity: async ({ caller }) => ok(await runIntegrity(deps.db, caller)),
    getBusinessMetrics: async ({ caller, query }) => ok(await getBusinessMetrics(deps.db, caller, query)),
    runReconciliation: async ({ caller, body }) => created(await runReconciliation(deps, caller, body)),
    listReconciliations: async ({ caller, query }) =>
      page(await listReconciliationsPage(deps.db, caller, query)),
    getReconciliation: async ({ caller, params }) => ok(await getReconciliation(deps.db, caller, params.id)),
  }) satisfies Partial<Handlers>;
