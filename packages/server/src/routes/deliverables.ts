import type { Config } from '../config';
import type { Db } from '../db/pool';
import {
  createDeliverable,
  getDeliverable,
  listDeliverablesPage,
  reviewDeliverable,
  submitProof,
  updateDeliverable,
} from '../domain/deliverables';
import { created, type Handlers, ok, page } from '../http/router';

export const deliverableRoutes = ({
  db,
  config,
}: {
  db: Db;
  config?: Pick<Config, 'YARDPASS_PLATFORM_FEE_BPS'>;
}) => {
  // The platform fee an order locked by its last review books (DESIGN §5).
  const fees = { defaultFeeBps: config?.YARDPASS_PLATFORM_FEE_BPS };
  return {
    createDeliverable: async ({ caller, body }) => created(await createDeliverable(db, caller, body)),
    listDeliverables: async ({ caller, query }) => page(await listDeliverablesPage(db, caller, query)),
    getDeliverable: async ({ caller, params }) => ok(await getDeliverable(db, caller, params.id)),
    updateDeliverable: async ({ caller, params, body }) =>
      ok(await updateDeliverable(db, caller, params.id, body)),
    submitDeliverableProof: async ({ caller, params, body }) =>
      created(await submitProof(db, caller, params.id, body)),
    approveDeliverable: async ({ caller, params }) =>
      ok(await reviewDeliverable(db, caller, params.id, 'approved', null, fees)),
    requestDeliverableChanges: async ({ caller, params, body }) =>
      ok(await reviewDeliverable(db, caller, params.id, 'needs_changes', body.reason, fees)),
    waiveDeliverable: async ({ caller, params, body }) =>
      ok(await reviewDeliverable(db, caller, params.id, 'waived', body.reason, fees)),
  } satisfies Partial<Handlers>;
};
