import { APIResource } from '../resource.js';

/**
 * Proposal threads: negotiation between an event's organizer and a sponsor. Your side comes from your
 * organization; only the side that did not make the latest offer may accept it.
 *
 * @example
 * ```ts
 * const proposal = await yardpass.proposals.create({
 *   event_id: eventId, sponsor_id: sponsorId, package_id: packageId,
 *   initial_message: { body: "We'd love to sponsor!", offer: { price_cents: 140_000 } },
 * });
 * await yardpass.proposals.send(proposal.id);
 * ```
 */
export class Proposals extends APIResource {
  /**
   * Starts a thread (a draft until sent).
   *
   * @example
   * ```ts
   * await yardpass.proposals.create({ event_id: eventId, sponsor_id: sponsorId, package_id: packageId });
   * ```
   */
  create = this.endpoint('createProposal', 'POST /v1/proposals', 'body');

  /**
   * The inbox: threads you are a party to, most recently active first.
   *
   * @example
   * ```ts
   * const waiting = await yardpass.proposals.list({ status: 'countered' }).toArray();
   * ```
   */
  list = this.listEndpoint('listProposals', 'GET /v1/proposals');

  /**
   * Retrieves a thread with its messages.
   *
   * @example
   * ```ts
   * const { status, turn, latest_offer, messages } = await yardpass.proposals.retrieve(proposalId);
   * ```
   */
  retrieve = this.endpoint('getProposal', 'GET /v1/proposals/{id}');

  /**
   * Adds a message, optionally with a (counter-)offer.
   *
   * @example
   * ```ts
   * await yardpass.proposals.message(proposalId, { body: 'Meet in the middle?', offer: { price_cents: 160_000 } });
   * // A variant, and a counter on its guarantees (the accepted offer's terms become the order's):
   * await yardpass.proposals.message(proposalId, {
   *   offer: {
   *     price_cents: 58_000,
   *     variant_id: variantId,
   *     sla_terms_delta: [{ metric: 'impressions', target: 6_000, breach_policy: { action: 'notify' } }],
   *   },
   * });
   * ```
   */
  message = this.endpoint('createProposalMessage', 'POST /v1/proposals/{id}/messages', 'body');

  /**
   * Sends a draft to the other party.
   *
   * @example
   * ```ts
   * await yardpass.proposals.send(proposalId);
   * ```
   */
  send = this.endpoint('sendProposal', 'POST /v1/proposals/{id}:send');

  /**
   * Accepts the latest offer; the order is created in the same transaction (`order_id`).
   *
   * @example
   * ```ts
   * const { order_id } = await yardpass.proposals.accept(proposalId);
   * ```
   */
  accept = this.endpoint('acceptProposal', 'POST /v1/proposals/{id}:accept');

  /**
   * Rejects the latest offer, closing the thread.
   *
   * @example
   * ```ts
   * await yardpass.proposals.reject(proposalId, { reason: 'Over budget' });
   * ```
   */
  reject = this.endpoint('rejectProposal', 'POST /v1/proposals/{id}:reject', 'body');

  /**
   * Withdraws your own offer, closing the thread.
   *
   * @example
   * ```ts
   * await yardpass.proposals.withdraw(proposalId);
   * ```
   */
  withdraw = this.endpoint('withdrawProposal', 'POST /v1/proposals/{id}:withdraw', 'body');
}
