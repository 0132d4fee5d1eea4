/**
 * Verify Yardpass webhooks (Standard Webhooks signatures). This is the Node build, on node:crypto; the
 * `worker`, `browser`, `deno` and default export conditions load the Web Crypto build (`./web`), which
 * exports the same API.
 * @packageDocumentation
 */
import type { YardpassWebhookEvent } from './events';
import type { HeadersInput } from './headers';
import type { Payload } from './payload';
import { nodeRuntime } from './runtime/node';
import type { Secret } from './secrets';
import { signWith, type SignedHeaders, type SignInput } from './sign';
import { verifyWith, type VerifyOptions } from './verify';

export { WebhookVerificationError, type WebhookVerificationErrorReason } from './errors';
export type {
  Deliverable,
  EventSponsorship,
  Order,
  Payout,
  PingData,
  Proposal,
  Sla,
  SponsorshipPackage,
  WebhookEndpoint,
  WidgetUpdatedData,
  WorkspaceCreatedData,
  YardpassWebhookEvent,
  YardpassWebhookEventMap,
  YardpassWebhookEventType,
} from './events';
export type { HeadersInput, HeadersLike } from './headers';
export type { Payload } from './payload';
export type { Secret } from './secrets';
export type { SignedHeaders, SignInput } from './sign';
export type { VerifyOptions } from './verify';

/**
 * Verifies a webhook and returns its event, or throws a {@link WebhookVerificationError} whose `reason`
 * says why. Checks a `v1` (HMAC-SHA256) signature against each `whsec_` secret and a `v1a` (Ed25519)
 * signature against each `whpk_` key, then that `webhook-timestamp` is within `tolerance` seconds of now.
 *
 * Returns a Promise on every runtime, so the same code runs on Node and on Web Crypto; on Node the work
 * itself is synchronous.
 *
 * @param payload The raw body exactly as received: string, Buffer, Uint8Array or ArrayBuffer, never parsed JSON.
 * @param headers The request headers: `req.headers`, `request.headers` or a plain object.
 * @param secret The endpoint's `whsec_…` secret (or `whpk_…` public key); an array during a rotation.
 *
 * @example
 * ```ts
 * import { verify } from '@yardpass/webhook-verifier';
 *
 * const event = await verify(rawBody, req.headers, secret);
 * if (event.type === 'order.funded') console.log(event.data.amount_cents);
 * ```
 */
export function verify(
  payload: Payload,
  headers: HeadersInput,
  secret: Secret,
  options?: VerifyOptions,
): Promise<YardpassWebhookEvent> {
  return verifyWith(nodeRuntime, payload, headers, secret, options);
}

/**
 * Signs a payload the way Yardpass does and returns the headers to send with it: for tests of your
 * webhook endpoint, or to send Standard Webhooks yourself. A `whsec_` secret gives a `v1` signature,
 * a `whsk_` signing key a `v1a` one; several secrets give space-separated signatures.
 *
 * @example
 * ```ts
 * import { sign } from '@yardpass/webhook-verifier';
 *
 * const body = JSON.stringify(event);
 * const headers = await sign({ payload: body, secret: 'whsec_…', id: event.id, type: event.type });
 * await fetch('http://localhost:3000/webhooks/yardpass', { method: 'POST', headers, body });
 * ```
 */
export function sign(input: SignInput): Promise<SignedHeaders> {
  return signWith(nodeRuntime, input);
}
