import { APIResource } from '../resource.js';

/**
 * Where the organization is paid: its Stripe Connect account and platform fee.
 *
 * @example
 * ```ts
 * const { url } = await yardpass.payoutConfig.onboard({
 *   return_url: 'https://app.example/payouts/done',
 *   refresh_url: 'https://app.example/payouts/retry',
 * });
 * ```
 */
export class PayoutConfig extends APIResource {
  /**
   * Retrieves the payout settings (the platform's defaults until set).
   *
   * @example
   * ```ts
   * const { platform_fee_bps, platform_fee_limits } = await yardpass.payoutConfig.retrieve();
   * ```
   */
  retrieve = this.endpoint('getPayoutConfiguration', 'GET /v1/payout-configuration');

  /**
   * Sets the Connect account and/or the platform fee (owner or admin).
   *
   * @example
   * ```ts
   * await yardpass.payoutConfig.update({ stripe_connect_account_id: 'acct_1Nv0FGQ9RKHgCVdK', platform_fee_bps: 1000 });
   * ```
   */
  update = this.endpoint('putPayoutConfiguration', 'PUT /v1/payout-configuration', 'body');

  /**
   * Answers a Stripe Connect onboarding link, creating the connected account when missing.
   *
   * @example
   * ```ts
   * const { url } = await yardpass.payoutConfig.onboard({ return_url: returnUrl, refresh_url: refreshUrl });
   * ```
   */
  onboard = this.endpoint('onboardPayoutConfiguration', 'POST /v1/payout-configuration:onboard', 'body');
}
