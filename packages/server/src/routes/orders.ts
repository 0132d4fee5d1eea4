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
import { created, type Handlers, ok, page } from '../http/router';
import type { PaymentsProvider } from '../payments/provider';

export const orderRoutes = (deps: { db: Db; payments: PaymentsProvider; config: Config }) => {
  const { db } = deps;
  return {
    createOrder: async ({ caller, body }) => created(await createOrder(db, caller, body)),
    listOrders: async ({ caller, query }) => page(await listOrdersPage(db, caller, query)),
    getOrder: async ({ caller, params }) => ok(await getOrderDetail(db, caller, params.id)),
    fundOrder: async ({ caller, params, body }) =>
      ok(await fundOrder(deps, caller, params.id, body.payment_method_id)),
    lockOrder: async ({ caller, params }) => {
      await lockOrderByCaller(deps, caller, params.id);
      return ok(await getOrderDetail(db, caller, params.id));
    },
    releaseOrder: async ({ caller, params }) => {
      await releaseOrder(deps, caller, params.id);
      return ok(await getOrderDetail(db, caller, params.id));
    },
    cancelOrder: async ({ caller, params, body }) => {
      await cancelOrder(deps, caller, params.id, body ?? {});
      return ok(await getOrderDetail(db, caller, params.id));
    },
    refundOrder: async ({ caller, params, body }) =>
      ok(await refundOrderByCaller(deps, caller, params.id, body ?? {})),
  } satisfies Partial<Handlers>;
};
