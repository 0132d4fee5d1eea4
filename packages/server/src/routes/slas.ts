import type { Db } from '../db/pool';
import { evaluateSlaForCaller, type IssueRefund, listSlasPage } from '../domain/slas';
import { type Handlers, ok, page } from '../http/router';

export const slaRoutes = ({ db, issueRefund }: { db: Db; issueRefund?: IssueRefund }) =>
  ({
    listSlas: async ({ caller, query }) => page(await listSlasPage(db, caller, query)),
    evaluateSla: async ({ caller, params }) =>
      ok(await evaluateSlaForCaller(db, caller, params.id, { now: new Date(), issueRefund })),
  }) satisfies Partial<Handlers>;
