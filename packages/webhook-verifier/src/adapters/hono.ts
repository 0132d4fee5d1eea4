import { verify, type HeadersLike, type Secret, type VerifyOptions, type YardpassWebhookEvent } from '@yardpass/webhook-verifier';
import { badRequest, eventResponse, rejection } from './shared';

/** The parts of a Hono `Context` the handler uses. */
export interface HonoContext {
  req: {
    raw: { headers: HeadersLike };
    arrayBuffer(): Promise<ArrayBuffer>;
  };
}

/** Options of the Hono {@link webhookHandler}. */
export interface HonoWebhookOptions<C> extends VerifyOptions {
  /** The endpoint's `whsec_…` secret (or `whpk_…` key); an array during a rotation. */
  secret: Secret;
  /** Handles a verified event; a returned `Response` is sent, otherwise 204. */
  onEvent(event: YardpassWebhookEvent, c: C): unknown;
}

/**
 * A Hono handler for Yardpass webhooks. Reads the raw body with `c.req.arrayBuffer()` (which still
 * works after a validator read it as JSON), verifies it and calls `onEvent`. Answers 400 with
 * `{ reason, message }` when verification fails; a malformed secret and errors from `onEvent` are
 * thrown to Hono's `onError`. Runs on Node, Bun, Deno and Cloudflare Workers.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * import { webhookHandler } from '@yardpass/webhook-verifier/hono';
 *
 * const app = new Hono<{ Bindings: { YARDPASS_WEBHOOK_SECRET: string } }>();
 * app.post('/webhooks/yardpass', (c) =>
 *   webhookHandler({
 *     secret: c.env.YARDPASS_WEBHOOK_SECRET,
 *     onEvent: async (event) => {
 *       if (event.type === 'order.funded') await markFunded(event.data.order_id);
 *     },
 *   })(c),
 * );
 * ```
 */
export function webhookHandler<C extends HonoContext>(options: HonoWebhookOptions<C>): (c: C) => Promise<Response> {
  return async (c) => {
    let event: YardpassWebhookEvent;
    try {
      event = await verify(await c.req.arrayBuffer(), c.req.raw.headers, options.secret, options);
    } catch (error) {
      const rejected = rejection(error);
      if (rejected === undefined) throw error;
      return badRequest(rejected);
    }
    return eventResponse(await options.onEvent(event, c));
  };
}
