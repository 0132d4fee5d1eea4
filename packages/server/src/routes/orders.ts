import type { Db } from '../db/pool';
import { createOrder, getOrder, listOrdersPage } from '../domain/orders';
import { created, type Handlers, ok, page } from '../http/router';

export const orderRoutes = ({ db }: { db: Db }) =>
  ({
    createOrder: async ({ caller, body }) => created(await createOrder(db, caller, body)),
    listOrders: async ({ caller, query }) => page(await listOrdersPage(db, caller, query)),
    getOrder: async ({ caller, params }) => ok(await getOrder(db, caller, params.id)),
  }) satisfies Partial<Handlers>;
