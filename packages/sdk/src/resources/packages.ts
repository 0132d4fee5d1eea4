import { APIResource } from '../resource.js';

/**
 * Sponsorship packages: what an organizer sells at an event, drafts until published.
 *
 * @example
 * ```ts
 * const pkg = await yardpass.packages.create({
 *   event_id: eventId, title: 'Gold Stage Sponsor', tier: 'gold', price_cents: 150_000, currency: 'USD', inventory: 3,
 * });
 * await yardpass.packages.publish(pkg.id);
 * ```
 */
export class Packages extends APIResource {
  /**
   * Creates a package (a draft until published); with `template_id`, the template fills what is left out.
   *
   * @example
   * ```ts
   * const pkg = await yardpass.packages.create({ event_id: eventId, template_id: templateId, inventory: 2 });
   * ```
   */
  create = this.endpoint('createPackage', 'POST /v1/sponsorship-packages', 'body');

  /**
   * Lists the organization's packages (the gallery), by price, highest first.
   *
   * @example
   * ```ts
   * const gallery = await yardpass.packages.list({ event_id: eventId, is_active: true }).toArray();
   * ```
   */
  list = this.listEndpoint('listPackages', 'GET /v1/sponsorship-packages');

  /**
   * Retrieves a package.
   *
   * @example
   * ```ts
   * const { version, sold, inventory } = await yardpass.packages.retrieve(packageId);
   * ```
   */
  retrieve = this.endpoint('getPackage', 'GET /v1/sponsorship-packages/{id}');

  /**
   * Updates a package. Pass the `version` you read: a stale one throws `PreconditionFailedError` (412).
   *
   * @example
   * ```ts
   * const pkg = await yardpass.packages.retrieve(packageId);
   * await yardpass.packages.update(packageId, { version: pkg.version, price_cents: 120_000 });
   * // The guarantees sold with it (only while it is a draft); each term gets a `summary` from the server.
   * await yardpass.packages.update(packageId, {
   *   sla_terms: [{ metric: 'impressions', target: 20_000, grace_days: 7, breach_policy: { action: 'penalty_pct', penalty_pct: 0.1 } }],
   * });
   * ```
   */
  update = this.endpoint('updatePackage', 'PATCH /v1/sponsorship-packages/{id}', 'body');

  /**
   * Publishes a package: audience snapshot, SLA templates, `package.published`.
   *
   * @example
   * ```ts
   * const live = await yardpass.packages.publish(packageId);
   * ```
   */
  publish = this.endpoint('publishPackage', 'POST /v1/sponsorship-packages/{id}:publish');

  /**
   * Takes a published package off sale (back to draft).
   *
   * @example
   * ```ts
   * await yardpass.packages.unpublish(packageId);
   * ```
   */
  unpublish = this.endpoint('unpublishPackage', 'POST /v1/sponsorship-packages/{id}:unpublish');

  /**
   * Archives a package for good (kept for its orders).
   *
   * @example
   * ```ts
   * await yardpass.packages.archive(packageId);
   * ```
   */
  archive = this.endpoint('archivePackage', 'POST /v1/sponsorship-packages/{id}:archive');

  /**
   * Lists a package's variants: all of them for the organizer, the active ones (with units sold and guarantees)
   * for anyone who may see the package.
   *
   * @example
   * ```ts
   * const variants = await yardpass.packages.listVariants(packageId).toArray();
   * ```
   */
  listVariants = this.listEndpoint('listPackageVariants', 'GET /v1/sponsorship-packages/{id}/variants');

  /**
   * Adds a variant (e.g. a cheaper tier) to a package.
   *
   * @example
   * ```ts
   * await yardpass.packages.createVariant(packageId, { title: 'Silver', tier: 'silver', price_cents: 80_000, inventory: 2 });
   * ```
   */
  createVariant = this.endpoint(
    'createPackageVariant',
    'POST /v1/sponsorship-packages/{id}/variants',
    'body',
  );

  /**
   * Updates a variant.
   *
   * @example
   * ```ts
   * await yardpass.packages.updateVariant(variantId, { is_active: false });
   * ```
   */
  updateVariant = this.endpoint('updatePackageVariant', 'PATCH /v1/package-variants/{id}', 'body');

  /**
   * Deletes a variant.
   *
   * @example
   * ```ts
   * await yardpass.packages.delVariant(variantId);
   * ```
   */
  delVariant = this.endpoint('deletePackageVariant', 'DELETE /v1/package-variants/{id}');
}
