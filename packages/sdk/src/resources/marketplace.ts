import { APIResource } from '../resource.js';

/**
 * The marketplace: published public packages of every organizer.
 *
 * @example
 * ```ts
 * const cards = await yardpass.marketplace.search({ q: 'music festival', city: 'Austin' }).toArray();
 * ```
 */
export class Marketplace extends APIResource {
  /**
   * Searches published public packages (text search on package and event titles, filters on the event).
   *
   * @example
   * ```ts
   * for await (const card of yardpass.marketplace.search({ category: 'Music', max_price_cents: 200_000 }))
   *   console.log(card.title, card.event_title, card.reach);
   * ```
   */
  search = this.listEndpoint('searchMarketplace', 'GET /v1/marketplace/packages');
}
