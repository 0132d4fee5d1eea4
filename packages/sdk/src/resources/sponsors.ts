import { APIResource } from '../resource.js';

/**
 * Brands that sponsor events, and their profiles (used for matching).
 *
 * @example
 * ```ts
 * const sponsor = await yardpass.sponsors.create({ name: 'Fizz Cola', industry: 'beverages' });
 * await yardpass.sponsors.updateProfile(sponsor.id, { budget_min_cents: 500_000, currency: 'USD' });
 * ```
 */
export class Sponsors extends APIResource {
  /**
   * Creates a sponsor (brand) belonging to the caller's organization.
   *
   * @example
   * ```ts
   * const sponsor = await yardpass.sponsors.create({ name: 'Fizz Cola' });
   * ```
   */
  create = this.endpoint('createSponsor', 'POST /v1/sponsors', 'body');

  /**
   * Lists the organization's sponsors by name, optionally filtered.
   *
   * @example
   * ```ts
   * const publicSponsors = await yardpass.sponsors.list({ visibility: 'public' }).toArray();
   * ```
   */
  list = this.listEndpoint('listSponsors', 'GET /v1/sponsors');

  /**
   * Retrieves a sponsor.
   *
   * @example
   * ```ts
   * const sponsor = await yardpass.sponsors.retrieve(sponsorId);
   * ```
   */
  retrieve = this.endpoint('getSponsor', 'GET /v1/sponsors/{id}');

  /**
   * Updates some fields of a sponsor.
   *
   * @example
   * ```ts
   * await yardpass.sponsors.update(sponsorId, { website_url: 'https://fizz.example' });
   * ```
   */
  update = this.endpoint('updateSponsor', 'PATCH /v1/sponsors/{id}', 'body');

  /**
   * Deletes a sponsor.
   *
   * @example
   * ```ts
   * await yardpass.sponsors.del(sponsorId);
   * ```
   */
  del = this.endpoint('deleteSponsor', 'DELETE /v1/sponsors/{id}');

  /**
   * Retrieves a sponsor's profile.
   *
   * @example
   * ```ts
   * const { regions, objectives } = await yardpass.sponsors.retrieveProfile(sponsorId);
   * ```
   */
  retrieveProfile = this.endpoint('getSponsorProfile', 'GET /v1/sponsors/{id}/profile');

  /**
   * Creates or replaces a sponsor's profile.
   *
   * @example
   * ```ts
   * await yardpass.sponsors.updateProfile(sponsorId, { categories: ['music'], regions: ['US-TX'] });
   * ```
   */
  updateProfile = this.endpoint('putSponsorProfile', 'PUT /v1/sponsors/{id}/profile', 'body');
}
