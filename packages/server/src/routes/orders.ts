import type { Config } from '../config';
import type { Db } from '../db/pool';
import {
  cancelOrder,
  createOrder,
  fundOrder,
  getOrderDetail,
  listOrdersPage,
  lockOrderByCaller,
  refundOrderByCaller,
  releaseOrder,
} from '../domain/orders';
import { closeSandboxDispute } from '../domain/disputes';
import { getOrderSettings, putOrderSettings } from '../domain/timeouts';
import type { Logger } from '../logger';
import { created, type Handlers, ok, page } from '../http/router';
import type { PaymentsProvider } from '../payments/provider';

export const orderRoutes = (deps: { db: Db; payments: PaymentsProvider; config: Config; log: Logger }) => {
  const { db } = deps;
  return {
    createOrder: async ({ caller, body }) => created(await createOrder(db, caller, body)),
    listOrders: async ({ caller, query }) => page(await listOrdersPage(db, caller, query)),
    getOrder: async ({ caller, params }) => ok(await getOrderDetail(db, caller, params.id)),
    fundOrder: async ({ caller, params, body }) =>
      ok(await fundOrder(deps, caller, params.id, body.payment_method_id)),
    lockOrder: async ({ caller, params }) => ok(await lockOrderByCaller(deps, caller, params.id)),
    releaseOrder: async ({ caller, params }) => ok(await releaseOrder(deps, caller, params.id)),
    cancelOrder: async ({ caller, params, body }) =>
      ok(await cancelOrder(deps, caller, params.id, body ?? {})),
    refundOrder: async ({ caller, params, body }) =>
      ok(await refundOrderByCaller(deps, caller, params.id, body ?? {})),
    getOrderSettings: async ({ caller }) => ok(await getOrderSettings(db, caller)),
    putOrderSettings: async ({ caller, body }) => ok(await putOrderSettings(db, caller, body)),
    closeSandboxDispute: async ({ caller, params, body }) =>
      ok(await closeSandboxDispute(deps, caller, params.id, body.outcome)),
  } satisfies Partial<Handlers>;
};
