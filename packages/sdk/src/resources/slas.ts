import { APIResource } from '../resource.js';

/**
 * Service levels of orders (impressions, booth hours…), evaluated nightly against event stats and approved proofs.
 *
 * @example
 * ```ts
 * const breached = await yardpass.slas.list({ status: 'breached' }).toArray();
 * ```
 */
export class Slas extends APIResource {
  /**
   * Lists the SLAs of the organization's orders, by due date.
   *
   * @example
   * ```ts
   * const slas = await yardpass.slas.list({ order_id: orderId }).toArray();
   * ```
   */
  list = this.listEndpoint('listSlas', 'GET /v1/slas');

  /**
   * Evaluates an SLA now; the answer carries the actual value and the evidence used.
   *
   * @example
   * ```ts
   * const { status, actual, evidence_snapshot_ids } = await yardpass.slas.evaluate(slaId);
   * ```
   */
  evaluate = this.endpoint('evaluateSla', 'POST /v1/slas/{id}:evaluate');
}
