import type { Db } from '../db/pool';
import { listSponsorshipsPage, upsertSponsorship } from '../domain/event-sponsorships';
import { created, type Handlers, ok, page } from '../http/router';

export const eventSponsorshipRoutes = ({ db }: { db: Db }) =>
  ({
    upsertEventSponsorship: async ({ caller, body }) => {
      const result = await upsertSponsorship(db, caller, body);
      return result.created ? created(result.sponsorship) : ok(result.sponsorship);
    },
    listEventSponsorships: async ({ caller, query }) => page(await listSponsorshipsPage(db, caller, query)),
  }) satisfies Partial<Handlers>;
