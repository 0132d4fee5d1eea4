import type { Db } from '../db/pool';
import {
  createMatchFeedback,
  getMatch,
  getMatchingSettings,
  listEventMatchesPage,
  listSponsorMatchesPage,
  proposeFromMatch,
  putMatchingSettings,
  recomputeMatches,
} from '../domain/matching';
import { created, type Handlers, ok, page } from '../http/router';

export const matchingRoutes = ({ db }: { db: Db }) =>
  ({
    recomputeMatches: async ({ caller, body }) => ({
      status: 202,
      body: { data: await recomputeMatches(db, caller, body) },
    }),
    listEventMatches: async ({ caller, params, query }) => {
      const listed = await listEventMatchesPage(db, caller, params.id, query);
      return page(listed.page, listed.json);
    },
    listSponsorMatches: async ({ caller, params, query }) => {
      const listed = await listSponsorMatchesPage(db, caller, params.id, query);
      return page(listed.page, listed.json);
    },
    getMatch: async ({ caller, params }) => ok(await getMatch(db, caller, params.id)),
    createMatchFeedback: async ({ caller, params, body }) =>
      created(await createMatchFeedback(db, caller, params.id, body)),
    proposeFromMatch: async ({ caller, params, body }) =>
      created(await proposeFromMatch(db, caller, params.id, body)),
    getMatchingSettings: async ({ caller }) => ok(await getMatchingSettings(db, caller)),
    putMatchingSettings: async ({ caller, body }) => ok(await putMatchingSettings(db, caller, body)),
  }) satisfies Partial<Handlers>;
