import {
  verify,
  WebhookVerificationError,
  type Secret,
  type VerifyOptions,
  type YardpassWebhookEvent,
} from '@yardpass/webhook-verifier';
import {
  DEFAULT_MAX_BODY_BYTES,
  readBody,
  rejection,
  reply,
  type IncomingRequest,
  type OutgoingResponse,
} from './shared';

export type { OutgoingResponse } from './shared';

/** The parts of an Express request the middleware uses. */
export interface ExpressRequest extends IncomingRequest {
  body?: unknown;
}

/** Options of the Express {@link webhookHandler}. */
export interface ExpressWebhookOptions<Req, Res> extends VerifyOptions {
  /** The endpoint's `whsec_…` secret (or `whpk_…` key); an array during a rotation. */
  secret: Secret;
  /** Handles a verified event. Answers 204 when it returns without having responded itself. */
  onEvent(event: YardpassWebhookEvent, req: Req, res: Res): unknown;
  /** When no body parser ran, larger bodies are refused with 400. @default 1048576 (1 MiB) */
  maxBodyBytes?: number;
}

const PARSED_BODY =
  'req.body is a parsed object, so the raw bytes the signature covers are gone. Put express.raw({ type: ' +
  '"application/json" }) on this route, registered before any app-wide express.json(), and check that its ' +
  "type matches the request's Content-Type.";

/**
 * Express middleware for Yardpass webhooks. Verifies the raw body left by `express.raw()` (or reads it
 * itself when no body parser ran) and calls `onEvent` with the event. Answers 400 with
 * `{ reason, message }` when verification fails and 204 after `onEvent` (unless it responded); passes
 * a parsed `req.body`, a malformed secret and errors from `onEvent` to `next` (Express 4 and 5).
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { webhookHandler } from '@yardpass/webhook-verifier/express';
 *
 * const app = express();
 * app.post(
 *   '/webhooks/yardpass',
 *   express.raw({ type: 'application/json' }),
 *   webhookHandler({
 *     secret: process.env.YARDPASS_WEBHOOK_SECRET ?? '',
 *     async onEvent(event) {
 *       if (event.type === 'order.funded') await markFunded(event.data.id);
 *     },
 *   }),
 * );
 * app.use(express.json()); // other routes may parse JSON; register it after the webhook route
 * ```
 */
export function webhookHandler<Req extends ExpressRequest, Res extends OutgoingResponse>(
  options: ExpressWebhookOptions<Req, Res>,
): (req: Req, res: Res, next: (error?: unknown) => void) => void {
  return (req, res, next) => void handle(options, req, res, next);
}

async function handle<Req extends ExpressRequest, Res extends OutgoingResponse>(
  options: ExpressWebhookOptions<Req, Res>,
  req: Req,
  res: Res,
  next: (error?: unknown) => void,
): Promise<void> {
  const { body } = req;
  if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) {
    next(new WebhookVerificationError('invalid_payload', PARSED_BODY));
    return;
  }
  let event: YardpassWebhookEvent;
  try {
    const raw = body ?? (await readBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES));
    event = await verify(raw, req.headers, options.secret, options);
  } catch (error) {
    const rejected = rejection(error);
    if (rejected === undefined) next(error);
    else reply(res, 400, rejected);
    return;
  }
  try {
    await options.onEvent(event, req, res);
    reply(res, 204);
  } catch (error) {
    next(error);
  }
}
