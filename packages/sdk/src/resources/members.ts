import { APIResource } from '../resource.js';

/**
 * Members of the organization and pending invitations.
 *
 * @example
 * ```ts
 * const invited = await yardpass.members.invite({ email: 'ana@example.com', role: 'admin' });
 * ```
 */
export class Members extends APIResource {
  /**
   * Lists members and pending invitations.
   *
   * @example
   * ```ts
   * for await (const member of yardpass.members.list()) console.log(member.email, member.role);
   * ```
   */
  list = this.listEndpoint('listMembers', 'GET /v1/members');

  /**
   * Invites someone by email (a pending membership).
   *
   * @example
   * ```ts
   * await yardpass.members.invite({ email: 'ana@example.com', role: 'member' });
   * ```
   */
  invite = this.endpoint('inviteMember', 'POST /v1/members', 'body');

  /**
   * Changes a member's role.
   *
   * @example
   * ```ts
   * await yardpass.members.update(memberId, { role: 'viewer' });
   * ```
   */
  update = this.endpoint('updateMember', 'PATCH /v1/members/{id}', 'body');

  /**
   * Removes a member, or cancels an invitation.
   *
   * @example
   * ```ts
   * await yardpass.members.remove(memberId);
   * ```
   */
  remove = this.endpoint('removeMember', 'DELETE /v1/members/{id}');
}
