import { decodeBase64, isBase64 } from './base64';
import { WebhookVerificationError } from './errors';

/**
 * One secret or several (rotation): `whsec_…` (HMAC), `whpk_…` (Ed25519 public key), `whsk_…` (Ed25519
 * signing key, `sign` only).
 *
 * @example
 * ```ts
 * // During a rotation, a delivery verifies when any signature matches any secret.
 * await verify(body, headers, [process.env.WEBHOOK_SECRET_NEW ?? '', process.env.WEBHOOK_SECRET_OLD ?? '']);
 * ```
 */
export type Secret = string | readonly string[];

/** A decoded secret. The runtimes key their imported crypto keys on this object, so it is cached. */
export interface ParsedSecret {
  kind: 'hmac' | 'public' | 'private';
  bytes: Uint8Array<ArrayBuffer>;
}

const KINDS = { whsec_: 'hmac', whpk_: 'public', whsk_: 'private' } as const;
const CACHE_SIZE = 64;
// Decoding and importing a key costs as much as the HMAC itself, and receivers verify with the same few
// secrets all day: keep the decoded ones (bounded, oldest dropped first).
const cache = new Map<string, ParsedSecret>();

function malformed(message: string): WebhookVerificationError {
  return new WebhookVerificationError('malformed_secret', message);
}

function parse(secret: string): ParsedSecret {
  if (/\s/.test(secret)) {
    throw malformed(
      'The secret contains whitespace or a newline; remove it (often a trailing newline from a .env file).',
    );
  }
  const prefix = /^[a-z]+_/.exec(secret)?.[0] ?? '';
  const kind = KINDS[prefix as keyof typeof KINDS] as ParsedSecret['kind'] | undefined;
  if (kind === undefined) {
    const found = prefix === '' ? 'has no prefix' : `starts with "${prefix}"`;
    throw malformed(
      `Webhook secrets start with "whsec_" (or "whpk_"), but this one ${found}: copy the endpoint's secret.`,
    );
  }
  const encoded = secret.slice(prefix.length);
  if (!isBase64(encoded))
    throw malformed(`The part after "${prefix}" is not base64: the secret is truncated or altered.`);
  const bytes = decodeBase64(encoded);
  if (kind !== 'hmac' && bytes.length !== 32) {
    throw malformed(`A "${prefix}" key must decode to 32 bytes, not ${bytes.length}.`);
  }
  return { kind, bytes };
}

function parseCached(secret: string): ParsedSecret {
  let parsed = cache.get(secret);
  if (parsed === undefined) {
    parsed = parse(secret);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(secret, parsed);
  }
  return parsed;
}

/** Decodes the secret(s) for `use`, throwing `malformed_secret` with what to fix. */
export function parseSecrets(secret: unknown, use: 'verify' | 'sign'): ParsedSecret[] {
  const secrets: readonly unknown[] = Array.isArray(secret) ? secret : [secret];
  if (secrets.length === 0) throw malformed('No secret given.');
  return secrets.map((value) => {
    if (typeof value !== 'string' || value === '') {
      const found = value === '' ? 'an empty string' : value == null ? String(value) : `a ${typeof value}`;
      throw malformed(`The secret is ${found}: is its environment variable set?`);
    }
    const parsed = parseCached(value);
    if (use === 'verify' && parsed.kind === 'private') {
      throw malformed('A "whsk_" key signs; verify with its "whpk_" public key.');
    }
    if (use === 'sign' && parsed.kind === 'public') {
      throw malformed('A "whpk_" key cannot sign; use a "whsec_" or "whsk_" key.');
    }
    return parsed;
  });
}
