import type { Db } from '../db/pool';
import { getBusinessMetrics, getInbox, getInboxSummary, runIntegrity } from '../domain/ops';
import { type Handlers, ok, page } from '../http/router';

export const opsRoutes = ({ db }: { db: Db }) =>
  ({
    getOpsInbox: async ({ caller, query }) => page(await getInbox(db, caller, query)),
    getOpsInboxSummary: async ({ caller, query }) => ok(await getInboxSummary(db, caller, query)),
    getOpsIntegrity: async ({ caller }) => ok(await runIntegrity(db, caller)),
    getBusinessMetrics: async ({ caller, query }) => ok(await getBusinessMetrics(db, caller, query)),
  }) satisfies Partial<Handlers>;
