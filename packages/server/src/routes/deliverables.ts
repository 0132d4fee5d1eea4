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

export const deliverableRoutes = ({ db }: { db: Db }) =>
  ({
    createDeliverable: async ({ caller, body }) => created(await createDeliverable(db, caller, body)),
    listDeliverables: async ({ caller, query }) => page(await listDeliverablesPage(db, caller, query)),
    getDeliverable: async ({ caller, params }) => ok(await getDeliverable(db, caller, params.id)),
    updateDeliverable: async ({ caller, params, body }) =>
      ok(await updateDeliverable(db, caller, params.id, body)),
    submitDeliverableProof: async ({ caller, params, body }) =>
      created(await submitProof(db, caller, params.id, body)),
    approveDeliverable: async ({ caller, params }) =>
      ok(await reviewDeliverable(db, caller, params.id, 'approved', null)),
    requestDeliverableChanges: async ({ caller, params, body }) =>
      ok(await reviewDeliverable(db, caller, params.id, 'needs_changes', body.reason)),
    waiveDeliverable: async ({ caller, params, body }) =>
      ok(await reviewDeliverable(db, caller, params.id, 'waived', body.reason)),
  }) satisfies Partial<Handlers>;
