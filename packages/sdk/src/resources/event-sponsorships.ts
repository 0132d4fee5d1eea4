import { APIResource } from '../resource.js';

/**
 * Who sponsors which event at which tier, and how far its activation is (`draft → in_progress → complete`).
 *
 * @example
 * ```ts
 * await yardpass.eventSponsorships.upsert({ event_id: eventId, sponsor_id: sponsorId, tier: 'intent' });
 * ```
 */
export class EventSponsorships extends APIResource {
  /**
   * Creates or updates the sponsorship of (event, sponsor, tier).
   *
   * @example
   * ```ts
   * const sponsorship = await yardpass.eventSponsorships.upsert({
   *   event_id: eventId,
   *   sponsor_id: sponsorId,
   *   tier: 'gold',
   *   amount_cents: 2_500_000,
   *   benefits: { logo_stage: true, lead_capture: true },
   * });
   * ```
   */
  upsert = this.endpoint('upsertEventSponsorship', 'POST /v1/event-sponsorships', 'body');

  /**
   * Lists the event sponsorships the organization is a party to, most recently changed first.
   *
   * @example
   * ```ts
   * const active = await yardpass.eventSponsorships.list({ activation_status: 'in_progress' }).toArray();
   * ```
   */
  list = this.listEndpoint('listEventSponsorships', 'GET /v1/event-sponsorships');
}
