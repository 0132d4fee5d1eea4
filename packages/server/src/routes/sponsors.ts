import type { Db } from '../db/pool';
import {
  createSponsor,
  deleteSponsorById,
  getSponsor,
  getSponsorProfile,
  listSponsorsPage,
  putSponsorProfile,
  updateSponsorById,
} from '../domain/sponsors';
import { created, type Handlers, ok, page } from '../http/router';

export const sponsorRoutes = ({ db }: { db: Db }) =>
  ({
    createSponsor: async ({ caller, body }) => created(await createSponsor(db, caller, body)),
    listSponsors: async ({ caller, query }) => page(await listSponsorsPage(db, caller, query)),
    getSponsor: async ({ caller, params }) => ok(await getSponsor(db, caller, params.id)),
    updateSponsor: async ({ caller, params, body }) =>
      ok(await updateSponsorById(db, caller, params.id, body)),
    deleteSponsor: async ({ caller, params }) => ok(await deleteSponsorById(db, caller, params.id)),
    getSponsorProfile: async ({ caller, params }) => ok(await getSponsorProfile(db, caller, params.id)),
    putSponsorProfile: async ({ caller, params, body }) =>
      ok(await putSponsorProfile(db, caller, params.id, body)),
  }) satisfies Partial<Handlers>;
