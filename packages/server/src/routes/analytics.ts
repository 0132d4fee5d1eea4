import type { Db } from '../db/pool';
import { ingestBatch } from '../domain/analytics';
import { created, type Handlers, ok } from '../http/router';

export const analyticsRoutes = ({ db }: { db: Db }) =>
  ({
    ingestAnalytics: async ({ caller, params, body }) => {
      const { batch, created: stored } = await ingestBatch(db, caller, {
        eventId: params.id,
        batchId: body.batch_id,
        records: body.records,
        now: new Date(),
      });
      return stored ? created(batch) : ok(batch);
    },
  }) satisfies Partial<Handlers>;
