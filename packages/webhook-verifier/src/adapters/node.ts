import {
  verify,
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

export type { IncomingRequest, OutgoingResponse } from './shared';

/** Options of the `node:http` {@link webhookHandler}. */
export interface NodeWebhookOptions<Req, Res> extends VerifyOptions {
  /** The endpoint's `whsec_…` secret (or `whpk_…` key); an array during a rotation. */
  secret: Secret;
  /** Handles a verified event. Answers 204 when it returns without having responded itself. */
  onEvent(event: YardpassWebhookEvent, req: Req, res: Res): unknown;
  /** Receives errors thrown by `onEvent` (answered 500) and a malformed secret. @default console.error */
  onError?: (error: unknown) => void;
  /** Larger bodies are refused with 400. @default 1048576 (1 MiB) */
  maxBodyBytes?: number;
}

/**
 * A `node:http` request listener for Yardpass webhooks: collects the raw body, verifies it, and calls
 * `onEvent` with the event. Answers 400 with `{ reason, message }` when verification fails, 204 after
 * `onEvent` (unless it responded), and 500 when `onEvent` throws (Yardpass then retries).
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { webhookHandler } from '@yardpass/webhook-verifier/node-http';
 *
 * const handleWebhook = webhookHandler({
 *   secret: process.env.YARDPASS_WEBHOOK_SECRET ?? '',
 *   async onEvent(event) {
 *     if (event.type === 'order.funded') await markFunded(event.data.id);
 *   },
 * });
 * createServer((req, res) => {
 *   if (req.method === 'POST' && req.url === '/webhooks/yardpass') return handleWebhook(req, res);
 *   res.writeHead(404).end();
 * }).listen(3000);
 * ```
 */
export function webhookHandler<Req extends IncomingRequest, Res extends OutgoingResponse>(
  options: NodeWebhookOptions<Req, Res>,
): (req: Req, res: Res) => void {
  return (req, res) => void handle(options, req, res);
}

async function handle<Req extends IncomingRequest, Res extends OutgoingResponse>(
  options: NodeWebhookOptions<Req, Res>,
  req: Req,
  res: Res,
): Promise<void> {
  const { onError = console.error } = options;
  let event: YardpassWebhookEvent;
  try {
    const body = await readBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    event = await verify(body, req.headers, options.secret, options);
  } catch (error) {
    const rejected = rejection(error);
    if (rejected === undefined) onError(error);
    reply(res, rejected === undefined ? 500 : 400, rejected);
    return;
  }
  try {
    await options.onEvent(event, req, res);
    reply(res, 204);
  } catch (error) {
    onError(error);
    reply(res, 500);
  }
}
