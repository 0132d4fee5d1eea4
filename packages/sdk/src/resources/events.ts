import { APIResource } from '../resource.js';

/**
 * Events the organization runs and sells sponsorships of.
 *
 * @example
 * ```ts
 * const event = await yardpass.events.create({
 *   title: 'Summer Fest',
 *   starts_at: '2026-07-01T18:00:00Z',
 *   ends_at: '2026-07-01T23:00:00Z',
 *   city: 'Austin',
 * });
 * ```
 */
export class Events extends APIResource {
  /**
   * Creates an event owned by the caller's organization.
   *
   * @example
   * ```ts
   * const event = await yardpass.events.create({ title: 'Summer Fest', starts_at, ends_at });
   * ```
   */
  create = this.endpoint('createEvent', 'POST /v1/events', 'body');

  /**
   * Lists the organization's events by start time, optionally filtered.
   *
   * @example
   * ```ts
   * for await (const event of yardpass.events.list({ city: 'Austin', starts_after: '2026-01-01T00:00:00Z' })) {
   *   console.log(event.title);
   * }
   * ```
   */
  list = this.listEndpoint('listEvents', 'GET /v1/events');

  /**
   * Retrieves an event.
   *
   * @example
   * ```ts
   * const event = await yardpass.events.retrieve(eventId);
   * ```
   */
  retrieve = this.endpoint('getEvent', 'GET /v1/events/{id}');

  /**
   * Updates some fields of an event.
   *
   * @example
   * ```ts
   * await yardpass.events.update(eventId, { venue: 'Zilker Park' });
   * ```
   */
  update = this.endpoint('updateEvent', 'PATCH /v1/events/{id}', 'body');

  /**
   * Deletes an event.
   *
   * @example
   * ```ts
   * const { deleted } = await yardpass.events.del(eventId);
   * ```
   */
  del = this.endpoint('deleteEvent', 'DELETE /v1/events/{id}');
}
