import { APIResource } from '../resource.js';

/**
 * Sponsorship workspaces: collaboration spaces that group events, packages and orders, with members (owner,
 * editor, viewer) and an audit log. API keys act on every workspace of their organization.
 *
 * @example
 * ```ts
 * const workspace = await yardpass.workspaces.create({
 *   name: 'Premium Sponsors',
 *   slug: 'premium-sponsors',
 *   auto_invite: ['manager@brand.com'],
 *   settings: { timezone: 'America/Los_Angeles', goal_gmv_cents: 12_500_000 },
 * });
 * await yardpass.workspaces.link(workspace.id, { event_ids: [eventId] });
 * ```
 */
export class Workspaces extends APIResource {
  /**
   * Creates a workspace; a user who creates one becomes its owner. The slug is unique in the organization.
   *
   * @example
   * ```ts
   * const workspace = await yardpass.workspaces.create({ name: 'Premium Sponsors', slug: 'premium-sponsors' });
   * ```
   */
  create = this.endpoint('createWorkspace', 'POST /v1/sponsorship-workspaces', 'body');

  /**
   * Lists the workspaces the caller sees (archived ones with `archived: true`).
   *
   * @example
   * ```ts
   * for await (const workspace of yardpass.workspaces.list()) console.log(workspace.slug, workspace.role);
   * ```
   */
  list = this.listEndpoint('listWorkspaces', 'GET /v1/sponsorship-workspaces');

  /**
   * Retrieves a workspace.
   *
   * @example
   * ```ts
   * const { settings } = await yardpass.workspaces.retrieve(workspaceId);
   * ```
   */
  retrieve = this.endpoint('getWorkspace', 'GET /v1/sponsorship-workspaces/{id}');

  /**
   * Changes a workspace's name, slug, default role or settings (merged; null removes a setting).
   *
   * @example
   * ```ts
   * await yardpass.workspaces.update(workspaceId, { settings: { goal_gmv_cents: 20_000_000 } });
   * ```
   */
  update = this.endpoint('updateWorkspace', 'PATCH /v1/sponsorship-workspaces/{id}', 'body');

  /**
   * Archives a workspace: it becomes read-only and its widgets stop being served.
   *
   * @example
   * ```ts
   * await yardpass.workspaces.archive(workspaceId);
   * ```
   */
  archive = this.endpoint('archiveWorkspace', 'POST /v1/sponsorship-workspaces/{id}:archive');

  /**
   * Lists a workspace's members and pending invitations.
   *
   * @example
   * ```ts
   * const members = await yardpass.workspaces.listMembers(workspaceId).toArray();
   * ```
   */
  listMembers = this.listEndpoint('listWorkspaceMembers', 'GET /v1/sponsorship-workspaces/{id}/members');

  /**
   * Adds a member by email (pending until that email first signs in, unless already in the organization).
   *
   * @example
   * ```ts
   * await yardpass.workspaces.addMember(workspaceId, { email: 'ana@example.com', role: 'editor' });
   * ```
   */
  addMember = this.endpoint('addWorkspaceMember', 'POST /v1/sponsorship-workspaces/{id}/members', 'body');

  /**
   * Removes a member or cancels an invitation.
   *
   * @example
   * ```ts
   * await yardpass.workspaces.removeMember({ id: workspaceId, memberId });
   * ```
   */
  removeMember = this.endpoint(
    'removeWorkspaceMember',
    'DELETE /v1/sponsorship-workspaces/{id}/members/{memberId}',
  );

  /**
   * The events, packages and orders a workspace groups.
   *
   * @example
   * ```ts
   * const { event_ids, package_ids, order_ids } = await yardpass.workspaces.links(workspaceId);
   * ```
   */
  links = this.endpoint('getWorkspaceLinks', 'GET /v1/sponsorship-workspaces/{id}/links');

  /**
   * Adds events, packages or orders of the organization to a workspace.
   *
   * @example
   * ```ts
   * await yardpass.workspaces.link(workspaceId, { package_ids: [packageId] });
   * ```
   */
  link = this.endpoint('linkWorkspaceResources', 'POST /v1/sponsorship-workspaces/{id}:link', 'body');

  /**
   * Removes events, packages or orders from a workspace.
   *
   * @example
   * ```ts
   * await yardpass.workspaces.unlink(workspaceId, { order_ids: [orderId] });
   * ```
   */
  unlink = this.endpoint('unlinkWorkspaceResources', 'POST /v1/sponsorship-workspaces/{id}:unlink', 'body');

  /**
   * The workspace's audit log, newest first (kept 30 days).
   *
   * @example
   * ```ts
   * for await (const entry of yardpass.workspaces.listAudit(workspaceId)) console.log(entry.action);
   * ```
   */
  listAudit = this.listEndpoint('listWorkspaceAudit', 'GET /v1/sponsorship-workspaces/{id}/audit');
}
