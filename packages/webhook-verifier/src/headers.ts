import { isBase64 } from './base64';
import { WebhookVerificationError } from './errors';

/** A Fetch `Headers` object, or anything with the same case-insensitive `get`. */
export interface HeadersLike {
  get(name: string): string | null;
}

/**
 * Request headers: a Fetch `Headers`, Node's `IncomingHttpHeaders` or a plain object. Names are
 * matched case-insensitively; array values (repeated headers) are joined.
 *
 * @example
 * ```ts
 * await verify(body, req.headers, secret); // node:http, Express
 * await verify(body, request.headers, secret); // Fetch Request
 * await verify(body, { 'Webhook-Id': id, 'Webhook-Timestamp': ts, 'Webhook-Signature': sig }, secret);
 * ```
 */
export type HeadersInput = HeadersLike | Readonly<Record<string, string | readonly string[] | undefined>>;

/** The Standard Webhooks headers of one delivery. */
export interface WebhookHeaders {
  id: string;
  timestamp: string;
  /** Base64 signatures by scheme: `v1` (HMAC-SHA256) and `v1a` (Ed25519). */
  signatures: { v1: string[]; v1a: string[] };
}

const NAMES = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

function isHeadersLike(headers: HeadersInput): headers is HeadersLike {
  return typeof headers.get === 'function';
}

function read(headers: HeadersInput, name: string): string | undefined {
  if (isHeadersLike(headers)) return headers.get(name) ?? undefined;
  let value = headers[name];
  if (value === undefined) {
    const key = Object.keys(headers).find((key) => key.toLowerCase() === name);
    value = key === undefined ? undefined : headers[key];
  }
  return typeof value === 'string' || value === undefined ? value : value.join(', ');
}

function malformed(message: string): WebhookVerificationError {
  return new WebhookVerificationError('malformed_header', message);
}

/** Reads and checks the `webhook-*` headers (not the signatures themselves). */
export function readWebhookHeaders(headers: HeadersInput | null | undefined): WebhookHeaders {
  const [id, timestamp, signature] = NAMES.map((name) =>
    headers == null ? undefined : read(headers, name)?.trim(),
  );
  if (!id || !timestamp || !signature) {
    const missing = NAMES.filter((_, i) => ![id, timestamp, signature][i]);
    throw new WebhookVerificationError(
      'missing_header',
      missing.length === NAMES.length
        ? 'No webhook-* header: pass the request headers (req.headers, not req) and check that no proxy strips them.'
        : `Missing header: ${missing.join(', ')}.`,
    );
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    throw malformed(
      `webhook-timestamp must be unix seconds (not milliseconds), not "${timestamp.slice(0, 40)}".`,
    );
  }
  const signatures: WebhookHeaders['signatures'] = { v1: [], v1a: [] };
  let entries = 0;
  // Space-separated per the spec; a repeated header arrives joined with ", " by Node and by Headers.
  for (const entry of signature.split(/,?\s+/)) {
    const [, version, value] = /^(v\d+a?),(.*)$/.exec(entry) ?? [];
    if (version === undefined || value === undefined) continue;
    entries++;
    if ((version === 'v1' || version === 'v1a') && isBase64(value)) signatures[version].push(value);
  }
  if (entries === 0)
    throw malformed(`webhook-signature must hold "v1,<base64>" entries, not "${signature.slice(0, 40)}".`);
  return { id, timestamp, signatures };
}
