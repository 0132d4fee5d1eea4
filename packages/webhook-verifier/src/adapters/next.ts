import {
  verify,
  type HeadersLike,
  type Secret,
  type VerifyOptions,
  type YardpassWebhookEvent,
} from '@yardpass/webhook-verifier';
import { badRequest, eventResponse, rejection } from './shared';

/** The parts of a Fetch `Request` (or Next.js `NextRequest`) the handler uses. */
export interface WebhookRequest {
  headers: HeadersLike;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Options of the Next.js {@link webhookHandler}. */
export interface NextWebhookOptions<R> extends VerifyOptions {
  /** The endpoint's `whsec_…` secret (or `whpk_…` key); an array during a rotation. */
  secret: Secret;
  /** Handles a verified event; a returned `Response` is sent, otherwise 204. */
  onEvent(event: YardpassWebhookEvent, request: R): unknown;
}

/**
 * A Next.js App Router route handler for Yardpass webhooks (Node and Edge runtimes); it takes a Fetch
 * `Request`, so it also serves Remix, SvelteKit, Bun.serve, Deno.serve and Workers. Reads the raw body
 * with `request.arrayBuffer()`, verifies it and calls `onEvent`. Answers 400 with `{ reason, message }`
 * when verification fails; a malformed secret and errors from `onEvent` are thrown (a logged 500).
 *
 * @example
 * ```ts
 * // app/webhooks/yardpass/route.ts
 * import { webhookHandler } from '@yardpass/webhook-verifier/next';
 *
 * export const POST = webhookHandler({
 *   secret: process.env.YARDPASS_WEBHOOK_SECRET ?? '',
 *   async onEvent(event) {
 *     if (event.type === 'order.funded') await markFunded(event.data.id);
 *   },
 * });
 * ```
 */
export function webhookHandler<R extends WebhookRequest>(
  options: NextWebhookOptions<R>,
): (request: R) => Promise<Response> {
  return async (request) => {
    let event: YardpassWebhookEvent;
    try {
      event = await verify(await request.arrayBuffer(), request.headers, options.secret, options);
    } catch (error) {
      const rejected = rejection(error);
      if (rejected === undefined) throw error;
      return badRequest(rejected);
    }
    return eventResponse(await options.onEvent(event, request));
  };
}
