import { APIResource } from '../resource.js';

/**
 * The organization's API keys.
 *
 * @example
 * ```ts
 * const key = await yardpass.apiKeys.create({ name: 'ci', mode: 'test' });
 * console.log(key.secret); // shown only once
 * ```
 */
export class ApiKeys extends APIResource {
  /**
   * Creates an API key; its `secret` is in this answer only.
   *
   * @example
   * ```ts
   * const { secret } = await yardpass.apiKeys.create({ name: 'billing job', role: 'member' });
   * ```
   */
  create = this.endpoint('createApiKey', 'POST /v1/api-keys', 'body');

  /**
   * Lists the organization's API keys (never their secrets).
   *
   * @example
   * ```ts
   * const keys = await yardpass.apiKeys.list().toArray();
   * ```
   */
  list = this.listEndpoint('listApiKeys', 'GET /v1/api-keys');

  /**
   * Revokes an API key; it stops working at once.
   *
   * @example
   * ```ts
   * await yardpass.apiKeys.revoke(keyId);
   * ```
   */
  revoke = this.endpoint('revokeApiKey', 'POST /v1/api-keys/{id}:revoke');
}
