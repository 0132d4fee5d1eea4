import { APIResource } from '../resource.js';

/**
 * What each party owes under an order: the fulfilment queue, proofs, and the other side's review.
 *
 * @example
 * ```ts
 * const queue = await yardpass.deliverables.list({ status: 'pending', due_before: '2026-07-01T00:00:00Z' }).toArray();
 * await yardpass.deliverables.submitProof(queue[0].id, { asset_url: 'https://cdn.example.com/stage.jpg' });
 * ```
 */
export class Deliverables extends APIResource {
  /**
   * Adds a deliverable by hand, to an order or to an event and sponsor that an order, proposal or event
   * sponsorship links. `owner_side` (default `organizer`) must fulfil it; the other side reviews.
   *
   * @example
   * ```ts
   * const deliverable = await yardpass.deliverables.create({
   *   order_id: orderId,
   *   type: 'logo_placement',
   *   spec: { placement: 'main_stage', min_impressions: 20000 },
   *   due_at: '2026-03-10T00:00:00Z',
   * });
   * ```
   */
  create = this.endpoint('createDeliverable', 'POST /v1/deliverables', 'body');

  /**
   * The fulfilment queue: deliverables the organization is a party to, by due date, filtered by event, sponsor,
   * order, status or `due_before`.
   *
   * @example
   * ```ts
   * for await (const d of yardpass.deliverables.list({ order_id: orderId })) console.log(d.type, d.status);
   * ```
   */
  list = this.listEndpoint('listDeliverables', 'GET /v1/deliverables');

  /**
   * Retrieves a deliverable with its proofs and review history.
   *
   * @example
   * ```ts
   * const { status, proofs, reviews } = await yardpass.deliverables.retrieve(deliverableId);
   * ```
   */
  retrieve = this.endpoint('getDeliverable', 'GET /v1/deliverables/{id}');

  /**
   * Changes a pending deliverable's type, spec, due date or evidence rule.
   *
   * @example
   * ```ts
   * await yardpass.deliverables.update(deliverableId, { due_at: '2026-03-12T00:00:00Z' });
   * ```
   */
  update = this.endpoint('updateDeliverable', 'PATCH /v1/deliverables/{id}', 'body');

  /**
   * Submits proof (owner side only); the deliverable becomes `submitted`.
   *
   * @example
   * ```ts
   * await yardpass.deliverables.submitProof(deliverableId, {
   *   asset_url: 'https://cdn.example.com/proof.jpg',
   *   metrics: { impressions: 25000, clicks: 1050 },
   * });
   * ```
   */
  submitProof = this.endpoint('submitDeliverableProof', 'POST /v1/deliverables/{id}/proofs', 'body');

  /**
   * Approves a submitted deliverable (the reviewing side).
   *
   * @example
   * ```ts
   * await yardpass.deliverables.approve(deliverableId);
   * ```
   */
  approve = this.endpoint('approveDeliverable', 'POST /v1/deliverables/{id}:approve');

  /**
   * Sends a submitted deliverable back with a reason (the reviewing side).
   *
   * @example
   * ```ts
   * await yardpass.deliverables.requestChanges(deliverableId, { reason: 'Logo placement is not visible enough' });
   * ```
   */
  requestChanges = this.endpoint(
    'requestDeliverableChanges',
    'POST /v1/deliverables/{id}:needs_changes',
    'body',
  );

  /**
   * Waives a deliverable with a reason (the reviewing side).
   *
   * @example
   * ```ts
   * await yardpass.deliverables.waive(deliverableId, { reason: 'The stage was cancelled' });
   * ```
   */
  waive = this.endpoint('waiveDeliverable', 'POST /v1/deliverables/{id}:waive', 'body');
}
