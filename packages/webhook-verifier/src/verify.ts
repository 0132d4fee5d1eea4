import { WebhookVerificationError } from './errors';
import type { YardpassWebhookEvent } from './events';
import { readWebhookHeaders, type HeadersInput, type WebhookHeaders } from './headers';
import { readPayload } from './payload';
import type { Runtime, SignedContent } from './runtime/runtime';
import { parseSecrets, type ParsedSecret } from './secrets';

/**
 * Options of `verify`.
 *
 * @example
 * ```ts
 * // Accept deliveries signed up to 10 minutes from this machine's clock, either way.
 * await verify(body, headers, secret, { tolerance: 600 });
 * ```
 */
export interface VerifyOptions {
  /**
   * How far, in seconds, `webhook-timestamp` may be from this machine's clock, in either direction.
   * Bounds replays of captured deliveries. `Infinity` turns the check off.
   * @default 300
   */
  tolerance?: number;
}

const DEFAULT_TOLERANCE = 300;

export async function verifyWith(
  runtime: Runtime,
  payload: unknown,
  headers: HeadersInput,
  secret: unknown,
  options: VerifyOptions = {},
): Promise<YardpassWebhookEvent> {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (typeof tolerance !== 'number' || !(tolerance >= 0)) {
    throw new TypeError(`tolerance must be seconds >= 0, not ${String(tolerance)}.`);
  }
  const body = readPayload(payload);
  const secrets = parseSecrets(secret, 'verify');
  const { id, timestamp, signatures } = readWebhookHeaders(headers);
  const content: SignedContent = { prefix: `${id}.${timestamp}.`, body };
  if (!(await matches(runtime, secrets, content, signatures))) {
    throw new WebhookVerificationError('invalid_signature', mismatch(secrets, signatures));
  }
  // Checked after the signature, so a clock-skew error is only ever reported for an authentic message.
  checkTimestamp(Number(timestamp), tolerance);
  return parseEvent(typeof body === 'string' ? body : new TextDecoder().decode(body));
}

/** True when a `v1` signature matches a `whsec_` secret or a `v1a` one a `whpk_` key. */
async function matches(
  runtime: Runtime,
  secrets: ParsedSecret[],
  content: SignedContent,
  signatures: WebhookHeaders['signatures'],
): Promise<boolean> {
  for (const secret of secrets) {
    const candidates = signatures[secret.kind === 'hmac' ? 'v1' : 'v1a'];
    if (candidates.length > 0 && (await runtime.verify(secret, content, candidates))) return true;
  }
  return false;
}

function mismatch(secrets: ParsedSecret[], { v1, v1a }: WebhookHeaders['signatures']): string {
  const kinds = secrets.map((secret) => secret.kind);
  if (!kinds.includes('public') && v1.length === 0 && v1a.length > 0) {
    return 'Only v1a (Ed25519) signatures came: verify with the "whpk_" public key.';
  }
  if (!kinds.includes('hmac') && v1a.length === 0 && v1.length > 0) {
    return 'Only v1 (HMAC) signatures came: verify with the "whsec_" secret.';
  }
  return "No signature matches. Pass the raw body exactly as received (not parsed and re-serialized) and this endpoint's secret.";
}

function checkTimestamp(timestamp: number, tolerance: number): void {
  const age = Math.floor(Date.now() / 1000) - timestamp;
  if (age > tolerance) {
    throw new WebhookVerificationError(
      'timestamp_too_old',
      `Signed ${age} s ago, beyond the ${tolerance} s tolerance: a replay, or this machine's clock is ${age} s fast (sync it with NTP).`,
    );
  }
  if (-age > tolerance) {
    throw new WebhookVerificationError(
      'timestamp_in_future',
      `Signed ${-age} s ahead of this machine's clock, beyond the ${tolerance} s tolerance: sync this clock with NTP.`,
    );
  }
}

function parseEvent(text: string): YardpassWebhookEvent {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new WebhookVerificationError('invalid_payload', 'The authentic body is not JSON.');
  }
  if (!isEvent(value))
    throw new WebhookVerificationError('invalid_payload', 'The authentic body is not a Yardpass event.');
  return value;
}

function isEvent(value: unknown): value is YardpassWebhookEvent {
  if (typeof value !== 'object' || value === null) return false;
  const { id, type, created_at, data } = value as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    typeof type === 'string' &&
    typeof created_at === 'string' &&
    typeof data === 'object' &&
    data !== null
  );
}
