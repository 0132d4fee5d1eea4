import { APIResource } from '../resource.js';

/**
 * Which audience segments of an event may be shared with sponsors (`age:18-24`, `city:Austin`), in which
 * scope, until when. Segments without an unexpired consent never leave the organization.
 *
 * @example
 * ```ts
 * await yardpass.audienceConsents.put(eventId, { segment_key: 'age:18-24', scope: 'aggregated' });
 * ```
 */
export class AudienceConsents extends APIResource {
  /**
   * Lists the event's consents.
   *
   * @example
   * ```ts
   * for await (const consent of yardpass.audienceConsents.list(eventId)) console.log(consent.segment_key);
   * ```
   */
  list = this.listEndpoint('listAudienceConsents', 'GET /v1/events/{id}/audience-consents');

  /**
   * Consents to sharing a segment in a scope, or replaces the expiry of that consent.
   *
   * @example
   * ```ts
   * await yardpass.audienceConsents.put(eventId, {
   *   segment_key: 'city:Austin',
   *   scope: 'aggregated',
   *   expires_at: '2027-01-01T00:00:00Z',
   * });
   * ```
   */
  put = this.endpoint('putAudienceConsent', 'PUT /v1/events/{id}/audience-consents', 'body');

  /**
   * Withdraws a consent.
   *
   * @example
   * ```ts
   * await yardpass.audienceConsents.del({ id: eventId, consent_id: consentId });
   * ```
   */
  del = this.endpoint('deleteAudienceConsent', 'DELETE /v1/events/{id}/audience-consents/{consent_id}');
}
