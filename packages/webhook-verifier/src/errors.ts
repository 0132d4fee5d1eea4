/**
 * Why a webhook was rejected. Stable: switch on it, log it, count it.
 *
 * - `missing_header`: `webhook-id`, `webhook-timestamp` or `webhook-signature` is absent.
 * - `malformed_header`: a header is present but unreadable (a timestamp that isn't unix seconds, a
 *   signature list with no `v1,…`/`v1a,…` entry).
 * - `invalid_signature`: no signature matches any of the secrets.
 * - `timestamp_too_old` / `timestamp_in_future`: authentic, but outside the tolerance.
 * - `malformed_secret`: the secret you configured is unusable (a server-side configuration error).
 * - `invalid_payload`: the payload isn't raw bytes or text, or the authentic body isn't a Yardpass event.
 *
 * @example
 * ```ts
 * const status = (reason: WebhookVerificationErrorReason) => (reason === 'malformed_secret' ? 500 : 400);
 * ```
 */
export type WebhookVerificationErrorReason =
  | 'missing_header'
  | 'malformed_header'
  | 'invalid_signature'
  | 'timestamp_too_old'
  | 'timestamp_in_future'
  | 'malformed_secret'
  | 'invalid_payload';

/**
 * Thrown by `verify` and `sign` when a webhook can't be trusted or checked. `reason` is machine-readable;
 * `message` says what to do next.
 *
 * @example
 * ```ts
 * try {
 *   const event = await verify(body, headers, secret);
 * } catch (error) {
 *   if (error instanceof WebhookVerificationError && error.reason !== 'malformed_secret') {
 *     return new Response(error.reason, { status: 400 });
 *   }
 *   throw error;
 * }
 * ```
 */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
  readonly reason: WebhookVerificationErrorReason;

  constructor(reason: WebhookVerificationErrorReason, message: string) {
    super(message);
    this.reason = reason;
  }
}
