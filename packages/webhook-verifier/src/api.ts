// The public API, the same in both builds: index.ts (node:crypto) and web.ts (Web Crypto) export this list
// and bind `verify` and `sign` to their crypto with `bindRuntime`.
import type { YardpassWebhookEvent } from './events';
import type { HeadersInput } from './headers';
import type { Payload } from './payload';
import type { Secret } from './secrets';
import type { SignedHeaders, SignInput } from './sign';
import type { VerifyOptions } from './verify';

export { WebhookVerificationError, type WebhookVerificationErrorReason } from './errors';
// events.ts holds only the public event types, generated from openapi.yaml's webhooks.
export type * from './events';
export type { HeadersInput, HeadersLike } from './headers';
export type { Payload } from './payload';
export type { Secret } from './secrets';
export type { SignedHeaders, SignInput } from './sign';
export type { VerifyOptions } from './verify';

/** The type of `verify`. */
export interface Verify {
  /**
   * Verifies a webhook and returns its event, or throws a {@link WebhookVerificationError} whose `reason`
   * says why. Checks a `v1` (HMAC-SHA256) signature against each `whsec_` secret and a `v1a` (Ed25519)
   * signature against each `whpk_` key, then that `webhook-timestamp` is within `tolerance` seconds of now.
   *
   * Returns a Promise on every runtime, so the same code runs on Node (node:crypto, where the work itself
   * is synchronous) and on Web Crypto (`@yardpass/webhook-verifier/web`).
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
  (
    payload: Payload,
    headers: HeadersInput,
    secret: Secret,
    options?: VerifyOptions,
  ): Promise<YardpassWebhookEvent>;
}

/** The type of `sign`. */
export interface Sign {
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
  (input: SignInput): Promise<SignedHeaders>;
}
