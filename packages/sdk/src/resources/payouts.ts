import { APIResource } from '../resource.js';

/**
 * Transfers to the organization's Stripe Connect account, one per released order.
 *
 * @example
 * ```ts
 * const [payout] = (await yardpass.payouts.list({ order_id: orderId })).data;
 * ```
 */
export class Payouts extends APIResource {
  /**
   * Lists the organization's payouts, newest first.
   *
   * @example
   * ```ts
   * for await (const payout of yardpass.payouts.list({ status: 'failed' })) console.log(payout.payout_failure_reason);
   * ```
   */
  list = this.listEndpoint('listPayouts', 'GET /v1/payouts');

  /**
   * Retrieves a payout.
   *
   * @example
   * ```ts
   * const { stripe_transfer_id } = await yardpass.payouts.retrieve(payoutId);
   * ```
   */
  retrieve = this.endpoint('getPayout', 'GET /v1/payouts/{id}');

  /**
   * Tries a `failed` or `awaiting_configuration` payout again (organizer). Never transfers twice: the transfer
   * reuses the payout's idempotency-key family, and a payout already on its way is answered as it is.
   *
   * @example
   * ```ts
   * const { status } = await yardpass.payouts.retry(payoutId); // 'pending': the transfer is queued
   * ```
   */
  retry = this.endpoint('retryPayout', 'POST /v1/payouts/{id}:retry');
}
