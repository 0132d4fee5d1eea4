import { APIResource } from '../resource.js';

/**
 * Sponsorship orders: one unit of a package, paid by the sponsor into escrow, released to the organizer
 * (less the platform fee) once fulfilled.
 *
 * @example
 * ```ts
 * const order = await yardpass.orders.create({ package_id: packageId, sponsor_id: sponsorId });
 * const funding = await yardpass.orders.fund(order.id, { payment_method_id: 'pm_card_visa' });
 * ```
 */
export class Orders extends APIResource {
  /**
   * Orders one unit of a package (reserved at once; never more than its inventory).
   *
   * @example
   * ```ts
   * const order = await yardpass.orders.create({
   *   package_id: packageId,
   *   sponsor_id: sponsorId,
   *   cancellation_policy: { window_days: 14, penalty_pct: 0.1 },
   * });
   * // One unit of a variant, at its price and with its guarantees:
   * await yardpass.orders.create({ package_id: packageId, sponsor_id: sponsorId, variant_id: variantId });
   * // Released in milestones: each approved deliverable pays out its weighted share at once.
   * await yardpass.orders.create({
   *   package_id: packageId,
   *   sponsor_id: sponsorId,
   *   release_policy: 'per_deliverable',
   *   release_weights: { booth: 3, social_posts: 1 },
   * });
   * ```
   */
  create = this.endpoint('createOrder', 'POST /v1/sponsorship-orders', 'body');

  /**
   * Lists the orders the organization is a party to, newest first.
   *
   * @example
   * ```ts
   * for await (const order of yardpass.orders.list({ escrow_state: 'funded' })) console.log(order.id);
   * ```
   */
  list = this.listEndpoint('listOrders', 'GET /v1/sponsorship-orders');

  /**
   * Retrieves an order with its ledger summary, payout and refunds.
   *
   * @example
   * ```ts
   * const { escrow_state, ledger } = await yardpass.orders.retrieve(orderId);
   * ```
   */
  retrieve = this.endpoint('getOrder', 'GET /v1/sponsorship-orders/{id}');

  /**
   * Pays for an order (sponsor). A declined card throws a 402 `YardpassError`; `requires_action` answers the
   * `client_secret` for Stripe.js to finish 3-D Secure.
   *
   * @example
   * ```ts
   * const { status, client_secret } = await yardpass.orders.fund(orderId, { payment_method_id: 'pm_card_visa' });
   * ```
   */
  fund = this.endpoint('fundOrder', 'POST /v1/sponsorship-orders/{id}:fund', 'body');

  /**
   * Locks a funded order for release (organizer).
   *
   * @example
   * ```ts
   * await yardpass.orders.lock(orderId);
   * ```
   */
  lock = this.endpoint('lockOrder', 'POST /v1/sponsorship-orders/{id}:lock');

  /**
   * Releases escrow to the organizer and queues the payout; needs every deliverable approved or waived.
   *
   * @example
   * ```ts
   * const { payout } = await yardpass.orders.release(orderId);
   * ```
   */
  release = this.endpoint('releaseOrder', 'POST /v1/sponsorship-orders/{id}:release');

  /**
   * Cancels an order before it is locked; a paid order is refunded by its cancellation policy.
   *
   * @example
   * ```ts
   * await yardpass.orders.cancel(orderId, { reason: 'Budget cut' });
   * ```
   */
  cancel = this.endpoint('cancelOrder', 'POST /v1/sponsorship-orders/{id}:cancel', 'body');

  /**
   * Refunds all or part of an order (organizer).
   *
   * @example
   * ```ts
   * await yardpass.orders.refund(orderId, { amount_cents: 25_000, reason: 'Smaller stage' });
   * ```
   */
  refund = this.endpoint('refundOrder', 'POST /v1/sponsorship-orders/{id}:refund', 'body');

  /**
   * Retrieves your organization's order windows as organizer (payment, review, auto-release; defaults until set).
   *
   * @example
   * ```ts
   * const { payment_window_hours, review_window_days } = await yardpass.orders.retrieveSettings();
   * ```
   */
  retrieveSettings = this.endpoint('getOrderSettings', 'GET /v1/order-settings');

  /**
   * Sets the windows of your organization's orders: fields left out keep their value; `auto_release_after_days:
   * null` turns auto-release off.
   *
   * @example
   * ```ts
   * await yardpass.orders.updateSettings({ payment_window_hours: 48, auto_release_after_days: 14 });
   * ```
   */
  updateSettings = this.endpoint('putOrderSettings', 'PUT /v1/order-settings', 'body');

  /**
   * Closes the order's open sandbox dispute as won or lost (sandbox payments only), as submitting evidence does
   * in Stripe's test mode; answers the order. Fund with `pm_card_createDispute` to open one.
   *
   * @example
   * ```ts
   * const order = await yardpass.orders.closeSandboxDispute(orderId, { outcome: 'lost' });
   * console.log(order.dispute?.lost_cents);
   * ```
   */
  closeSandboxDispute = this.endpoint(
    'closeSandboxDispute',
    'POST /v1/sandbox/sponsorship-orders/{id}:close-dispute',
    'body',
  );
}
