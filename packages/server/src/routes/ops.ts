import type { Db } from '../db/pool';
import { getBusinessMetrics, getInbox, runIntegrity } from '../domain/ops';
import { type Handlers, ok } from '../http/router';

export const opsRoutes = ({ db }: { db: Db }) =>
  ({
    getOpsInbox: async ({ caller, query }) => ({ status: 200, body: await getInbox(db, caller, query) }),
    getOpsIntegrity: async ({ caller }) => ok(await runIntegrity(db, caller)),
    getBusinessMetrics: async ({ caller, query }) => ok(await getBusinessMetrics(db, caller, query)),
  }) satisfies Partial<Handlers>;
