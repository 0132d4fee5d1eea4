import { APIResource } from '../resource.js';

/**
 * Matching: which sponsors fit which events, why (each score component and a readable explanation), and
 * each side's feedback. Scores are recomputed in the background whenever an event, a sponsor profile, a
 * package or an event's audience changes.
 *
 * @example
 * ```ts
 * for await (const match of yardpass.matches.listForEvent(eventId, { min_score: 0.6 }))
 *   console.log(match.sponsor.name, match.score);
 * ```
 */
export class Matches extends APIResource {
  /**
   * Queues a re-score of an event (against every sponsor), a sponsor (against every live event) or one pair.
   *
   * @example
   * ```ts
   * const entry = await yardpass.matches.recompute({ sponsor_id: sponsorId, reason: 'profile_update' });
   * ```
   */
  recompute = this.endpoint('recomputeMatches', 'POST /v1/matches/recompute', 'body');

  /**
   * Lists the sponsors that fit one of your events, best first (the organizer's view).
   *
   * @example
   * ```ts
   * const top = await yardpass.matches.listForEvent(eventId, { limit: 10 }).toArray();
   * ```
   */
  listForEvent = this.listEndpoint('listEventMatches', 'GET /v1/events/{id}/matches');

  /**
   * Lists the events that fit one of your sponsors, best first, each with its best package (the sponsor's view).
   *
   * @example
   * ```ts
   * const page = await yardpass.matches.listForSponsor(sponsorId, { category: 'music', city: 'Austin' });
   * ```
   */
  listForSponsor = this.listEndpoint('listSponsorMatches', 'GET /v1/sponsors/{id}/matches');

  /**
   * Retrieves a match with its components, an explanation and your own feedback.
   *
   * @example
   * ```ts
   * const { explanation } = await yardpass.matches.retrieve(matchId);
   * ```
   */
  retrieve = this.endpoint('getMatch', 'GET /v1/matches/{id}');

  /**
   * Accepts or dismisses a match for your side (the other side never sees it).
   *
   * @example
   * ```ts
   * await yardpass.matches.feedback(matchId, { action: 'dismiss', reason: 'off_brand' });
   * ```
   */
  feedback = this.endpoint('createMatchFeedback', 'POST /v1/matches/{id}/feedback', 'body');

  /**
   * Accepts a match and opens a draft proposal on its best package, in one call.
   *
   * @example
   * ```ts
   * const proposal = await yardpass.matches.propose(matchId, { initial_message: { body: 'Shall we talk?' } });
   * ```
   */
  propose = this.endpoint('proposeFromMatch', 'POST /v1/matches/{id}:propose', 'body');

  /**
   * Retrieves your organization's matching weights and suggestion threshold.
   *
   * @example
   * ```ts
   * const { weights, threshold } = await yardpass.matches.retrieveSettings();
   * ```
   */
  retrieveSettings = this.endpoint('getMatchingSettings', 'GET /v1/matching-settings');

  /**
   * Sets your organization's weights (adding up to 1) and threshold; your live events are re-scored.
   *
   * @example
   * ```ts
   * await yardpass.matches.updateSettings({ threshold: 0.8 });
   * ```
   */
  updateSettings = this.endpoint('putMatchingSettings', 'PUT /v1/matching-settings', 'body');
}
