import type { Hono } from 'hono';
import type { Db } from '../db/pool';
import { receiveStripeWebhook } from '../payments/stripe-events';
import type { AppEnv } from '../http/response';
import type { Logger } from '../logger';
import type { PaymentsProvider } from '../payments/provider';

/**
 * `POST /v1/stripe/webhooks` (operation `receiveStripeWebhook`): called by Stripe with no API key, so it is served
 * outside the authenticated router. The signature is checked on the body exactly as received.
 */
export function registerStripeWebhookRoute(
  app: Hono<AppEnv>,
  deps: { db: Db; payments: PaymentsProvider; log: Logger },
): void {
  app.post('/v1/stripe/webhooks', async (c) => {
    const result = await receiveStripeWebhook(deps, await c.req.text(), c.req.header('stripe-signature'));
    return c.json(result, 200);
  });
}
