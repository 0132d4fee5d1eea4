import { type Config, paymentsMode } from '../config';
import type { PaymentsProvider } from './provider';
import { createSandboxProvider } from './sandbox';
import { createStripeProvider } from './stripe';

export type { PaymentsProvider } from './provider';

/** The provider the configuration asks for: Stripe with a secret key, else the sandbox. */
export function createPayments(config: Config): PaymentsProvider {
  if (paymentsMode(config) === 'stripe' && config.STRIPE_SECRET_KEY)
    return createStripeProvider({
      secretKey: config.STRIPE_SECRET_KEY,
      webhookSecret: config.STRIPE_WEBHOOK_SECRET,
      timeoutMs: config.YARDPASS_STRIPE_TIMEOUT_MS,
      maxNetworkRetries: config.YARDPASS_STRIPE_MAX_RETRIES,
    });
  return createSandboxProvider({ webhookSecret: config.STRIPE_WEBHOOK_SECRET });
}
