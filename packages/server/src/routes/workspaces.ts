import type { Config } from '../config';
import type { Db } from '../db/pool';
import { deleteWidget, getWidget, listWidgetsPage, putWidget } from '../domain/widgets';
import {
  addWorkspaceMember,
  archiveWorkspace,
  changeLinks,
  createWorkspace,
  getLinks,
  getWorkspace,
  listAuditOfWorkspace,
  listMembersOfWorkspace,
  listWorkspacesPage,
  removeWorkspaceMember,
  updateWorkspace,
} from '../domain/workspaces';
import { created, type Handlers, ok, page } from '../http/router';

export const workspaceRoutes = ({ db, config }: { db: Db; config: Config }) => {
  const options = { allowPrivate: config.YARDPASS_ALLOW_PRIVATE_WEBHOOK_URLS ?? false };
  return {
    createWorkspace: async ({ caller, body }) => created(await createWorkspace(db, caller, body, options)),
    listWorkspaces: async ({ caller, query }) => page(await listWorkspacesPage(db, caller, query)),
    getWorkspace: async ({ caller, params }) => ok(await getWorkspace(db, caller, params.id)),
    updateWorkspace: async ({ caller, params, body }) =>
      ok(await updateWorkspace(db, caller, params.id, body, options)),
    archiveWorkspace: async ({ caller, params }) => ok(await archiveWorkspace(db, caller, params.id)),
    listWorkspaceMembers: async ({ caller, params, query }) =>
      page(await listMembersOfWorkspace(db, caller, params.id, query)),
    addWorkspaceMember: async ({ caller, params, body }) =>
      created(await addWorkspaceMember(db, caller, params.id, body)),
    removeWorkspaceMember: async ({ caller, params }) =>
      ok(await removeWorkspaceMember(db, caller, params.id, params.memberId)),
    getWorkspaceLinks: async ({ caller, params }) => ok(await getLinks(db, caller, params.id)),
    linkWorkspaceResources: async ({ caller, params, body }) =>
      ok(await changeLinks(db, caller, params.id, body, 'link')),
    unlinkWorkspaceResources: async ({ caller, params, body }) =>
      ok(await changeLinks(db, caller, params.id, body, 'unlink')),
    listWorkspaceAudit: async ({ caller, params, query }) =>
      page(await listAuditOfWorkspace(db, caller, params.id, query)),
    putWidget: async ({ caller, params, body }) =>
      ok(await putWidget(db, caller, params.id, params.widgetId, body)),
    getWidget: async ({ caller, params }) => ok(await getWidget(db, caller, params.id, params.widgetId)),
    listWidgets: async ({ caller, params, query }) =>
      page(await listWidgetsPage(db, caller, params.id, query)),
    deleteWidget: async ({ caller, params }) =>
      ok(await deleteWidget(db, caller, params.id, params.widgetId)),
  } satisfies Partial<Handlers>;
};
