import type { Config } from '../config';
import type { Db } from '../db/pool';
import { deleteEventConsent, listEventConsents, putEventConsent } from '../domain/consents';
import { getEventStats, refreshEventStats } from '../domain/stats';
import { type Handlers, ok, page } from '../http/router';

export const statsRoutes = ({ db, config }: { db: Db; config: Config }) =>
  ({
    getEventStats: async ({ caller, params, query }) =>
      ok(await getEventStats(db, caller, { eventId: params.id, ...query, now: new Date() })),
    refreshEventStats: async ({ caller, params }) =>
      ok(
        await refreshEventStats(db, caller, {
          eventId: params.id,
          now: new Date(),
          minSegment: config.YARDPASS_AUDIENCE_MIN_SEGMENT,
        }),
      ),
    listAudienceConsents: async ({ caller, params, query }) =>
      page(await listEventConsents(db, caller, { eventId: params.id, ...query })),
    putAudienceConsent: async ({ caller, params, body }) =>
      ok(await putEventConsent(db, caller, params.id, body)),
    deleteAudienceConsent: async ({ caller, params }) =>
      ok(await deleteEventConsent(db, caller, params.id, params.consent_id)),
  }) satisfies Partial<Handlers>;
