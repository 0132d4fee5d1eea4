import { APIResource } from '../resource.js';

/**
 * The caller's organization.
 *
 * @example
 * ```ts
 * const org = await yardpass.organizations.retrieveCurrent();
 * console.log(org.name, org.caller.role);
 * ```
 */
export class Organizations extends APIResource {
  /**
   * The caller's organization, and who the caller is (API key or user, and its role).
   *
   * @example
   * ```ts
   * const { name, caller } = await yardpass.organizations.retrieveCurrent();
   * ```
   */
  retrieveCurrent = this.endpoint('getCurrentOrganization', 'GET /v1/organizations/current');
}
