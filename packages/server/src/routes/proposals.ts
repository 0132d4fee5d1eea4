import type { Db } from '../db/pool';
import {
  acceptProposal,
  addMessage,
  createProposal,
  getProposal,
  listProposalsPage,
  rejectProposal,
  sendProposal,
  withdrawProposal,
} from '../domain/proposals';
import { created, type Handlers, ok, page } from '../http/router';

export const proposalRoutes = ({ db }: { db: Db }) =>
  ({
    createProposal: async ({ caller, body }) => created(await createProposal(db, caller, body)),
    listProposals: async ({ caller, query }) => page(await listProposalsPage(db, caller, query)),
    getProposal: async ({ caller, params }) => ok(await getProposal(db, caller, params.id)),
    createProposalMessage: async ({ caller, params, body }) =>
      created(await addMessage(db, caller, params.id, body)),
    sendProposal: async ({ caller, params }) => ok(await sendProposal(db, caller, params.id)),
    acceptProposal: async ({ caller, params }) => ok(await acceptProposal(db, caller, params.id)),
    rejectProposal: async ({ caller, params, body }) =>
      ok(await rejectProposal(db, caller, params.id, body?.reason)),
    withdrawProposal: async ({ caller, params, body }) =>
      ok(await withdrawProposal(db, caller, params.id, body?.reason)),
  }) satisfies Partial<Handlers>;
