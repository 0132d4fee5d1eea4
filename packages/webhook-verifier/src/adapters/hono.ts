import {
  verify,
  type HeadersLike,
  type Secret,
  type VerifyOptions,
  type YardpassWebhookEvent,
} from '@yardpass/webhook-verifier';
import { badRequest, eventResponse, rejection } from './shared';

/** The parts of a Hono `Context` the handler uses. */
export interface HonoContext {
  req: {
    raw: { headers: HeadersLike };
    arrayBuffer(): Promise<ArrayBuffer>;
  };
}

/** Options of the Hono {@link handleWebhook}. */
export interface HonoWebhookOptions extends VerifyOptions {
  /** The endpoint's `whsec_…` secret (or `whpk_…` key); an array during a rotation. */
  secret: Secret;
  /** Handles a verified event; a returned `Response` (such as `c.json(…)`) is sent, otherwise 204. */
  onEvent(event: YardpassWebhookEvent): unknown;
}

/**
 * Handles a Yardpass webhook in a Hono route: reads the raw body with `c.req.arrayBuffer()` (which
 * still works after a validator read it as JSON), verifies it and calls `onEvent`. Answers 400 with
 * `{ reason, message }` when verification fails; a malformed secret and errors from `onEvent` are
 * thrown to Hono's `onError`. Called inside the route, so the secret can come from `c.env` (Workers)
 * and `onEvent` sees the fully typed `c`. Runs on Node, Bun, Deno and Cloudflare Workers.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * import { handleWebhook } from '@yardpass/webhook-verifier/hono';
 *
 * const app = new Hono<{ Bindings: { YARDPASS_WEBHOOK_SECRET: string } }>();
 * app.post('/webhooks/yardpass', (c) =>
 *   handleWebhook(c, {
 *     secret: c.env.YARDPASS_WEBHOOK_SECRET,
 *     async onEvent(event) {
 *       if (event.type === 'order.funded') await markFunded(event.data.id);
 *     },
 *   }),
 * );
 * ```
 */
export async function handleWebhook(c: HonoContext, options: HonoWebhookOptions): Promise<Response> {
  let event: YardpassWebhookEvent;
  try {
    event = await verify(await c.req.arrayBuffer(), c.req.raw.headers, options.secret, options);
  } catch (error) {
    const rejected = rejection(error);
    if (rejected === undefined) throw error;
    return badRequest(rejected);
  }
  return eventResponse(await options.onEvent(event));
}
