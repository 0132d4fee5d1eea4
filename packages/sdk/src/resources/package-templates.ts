import { APIResource } from '../resource.js';

/**
 * An organization's reusable package templates (title, tier, price, benefits).
 *
 * @example
 * ```ts
 * const gold = await yardpass.packageTemplates.create({ title: 'Gold', tier: 'gold', price_cents: 150_000, currency: 'USD' });
 * await yardpass.packages.create({ event_id: eventId, template_id: gold.id, inventory: 3 });
 * ```
 */
export class PackageTemplates extends APIResource {
  /**
   * Creates a template.
   *
   * @example
   * ```ts
   * await yardpass.packageTemplates.create({ title: 'Gold', tier: 'gold', price_cents: 150_000, currency: 'USD' });
   * ```
   */
  create = this.endpoint('createPackageTemplate', 'POST /v1/package-templates', 'body');

  /**
   * Lists the organization's templates, newest first.
   *
   * @example
   * ```ts
   * for await (const template of yardpass.packageTemplates.list()) console.log(template.title);
   * ```
   */
  list = this.listEndpoint('listPackageTemplates', 'GET /v1/package-templates');

  /**
   * Retrieves a template.
   *
   * @example
   * ```ts
   * const template = await yardpass.packageTemplates.retrieve(templateId);
   * ```
   */
  retrieve = this.endpoint('getPackageTemplate', 'GET /v1/package-templates/{id}');

  /**
   * Updates a template (packages already made from it keep their values).
   *
   * @example
   * ```ts
   * await yardpass.packageTemplates.update(templateId, { price_cents: 175_000 });
   * ```
   */
  update = this.endpoint('updatePackageTemplate', 'PATCH /v1/package-templates/{id}', 'body');

  /**
   * Deletes a template.
   *
   * @example
   * ```ts
   * await yardpass.packageTemplates.del(templateId);
   * ```
   */
  del = this.endpoint('deletePackageTemplate', 'DELETE /v1/package-templates/{id}');
}
