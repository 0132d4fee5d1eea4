import { WebhookVerificationError } from './errors';
import type { YardpassWebhookEvent } from './events';
import { readWebhookHeaders, type HeadersInput, type WebhookHeaders } from './headers';
import { readPayload } from './payload';
import type { Runtime } from './runtime/runtime';
import { parseSecrets, type ParsedSecret } from './secrets';

/** Options of `verify`. */
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
    throw new TypeError(`tolerance must be a number of seconds >= 0, got ${String(tolerance)}.`);
  }
  const body = readPayload(payload);
  const secrets = parseSecrets(secret, 'verify');
  const { id, timestamp, signatures } = readWebhookHeaders(headers);
  const content = { prefix: `${id}.${timestamp}.`, body };
  let matched = false;
  for (const parsed of secrets) {
    const candidates = signatures[parsed.kind === 'hmac' ? 'v1' : 'v1a'];
    if (candidates.length > 0 && (await runtime.verify(parsed, content, candidates))) {
      matched = true;
      break;
    }
  }
  if (!matched) throw new WebhookVerificationError('invalid_signature', mismatch(secrets, signatures));
  // Checked after the signature, so a clock-skew error is only ever reported for an authentic message.
  checkTimestamp(Number(timestamp), tolerance);
  return parseEvent(typeof body === 'string' ? body : new TextDecoder().decode(body));
}

function mismatch(secrets: ParsedSecret[], { v1, v1a }: WebhookHeaders['signatures']): string {
  const hmac = secrets.some((secret) => secret.kind === 'hmac');
  const ed25519 = secrets.some((secret) => secret.kind === 'public');
  if (hmac && !ed25519 && v1.length === 0 && v1a.length > 0) {
    return 'The webhook carries only v1a (Ed25519) signatures: verify it with the endpoint\'s "whpk_" public key.';
  }
  if (ed25519 && !hmac && v1a.length === 0 && v1.length > 0) {
    return 'The webhook carries only v1 (HMAC) signatures: verify it with the endpoint\'s "whsec_" secret.';
  }
  return (
    'No signature matches the secret. Pass the raw body exactly as received (not parsed and re-serialized, ' +
    'not re-encoded) and the signing secret of this endpoint; check that no proxy rewrites the body.'
  );
}

function checkTimestamp(timestamp: number, tolerance: number): void {
  const age = Math.floor(Date.now() / 1000) - timestamp;
  if (age > tolerance) {
    throw new WebhookVerificationError(
      'timestamp_too_old',
      `The webhook was signed ${age} s ago, beyond the ${tolerance} s tolerance. If every delivery fails this way, ` +
        "this machine's clock is about that much ahead: sync it (NTP). Otherwise it is a replayed or long-delayed delivery.",
    );
  }
  if (-age > tolerance) {
    throw new WebhookVerificationError(
      'timestamp_in_future',
      `The webhook's timestamp is ${-age} s ahead of this machine's clock, beyond the ${tolerance} s tolerance: ` +
        "this machine's clock is probably that much behind; sync it (NTP).",
    );
  }
}

function parseEvent(text: string): YardpassWebhookEvent {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new WebhookVerificationError('invalid_payload', 'The body is authentic but is not JSON.');
  }
  if (!isEvent(value)) {
    throw new WebhookVerificationError(
      'invalid_payload',
      'The body is authentic JSON but not a Yardpass event: expected { id, type, created_at, data }.',
    );
  }
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
