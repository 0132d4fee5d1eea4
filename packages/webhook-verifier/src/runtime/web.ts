import { decodeBase64, encodeBase64 } from '../base64';
import type { ParsedSecret } from '../secrets';
import { ED25519_PKCS8_PREFIX, type Runtime, type SignedContent } from './runtime';

const keys = new WeakMap<ParsedSecret, Promise<CryptoKey>>();

function cryptoKey(secret: ParsedSecret): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (key === undefined) {
    const { kind, bytes } = secret;
    key =
      kind === 'hmac'
        ? crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
        : kind === 'public'
          ? crypto.subtle.importKey('raw', bytes, 'Ed25519', false, ['verify'])
          : crypto.subtle.importKey(
              'pkcs8',
              concat(new Uint8Array(ED25519_PKCS8_PREFIX), bytes),
              'Ed25519',
              false,
              ['sign'],
            );
    keys.set(secret, key);
  }
  return key;
}

function concat(head: Uint8Array, tail: Uint8Array): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(head.length + tail.length);
  joined.set(head);
  joined.set(tail, head.length);
  return joined;
}

function bytes({ prefix, body }: SignedContent): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  return typeof body === 'string' ? encoder.encode(prefix + body) : concat(encoder.encode(prefix), body);
}

/**
 * Web Crypto, for browsers, Deno and edge runtimes. `crypto.subtle.verify` compares in constant
 * time; each signature is checked separately.
 */
export const webRuntime: Runtime = {
  async verify(secret, content, signatures) {
    const key = await cryptoKey(secret);
    const data = bytes(content);
    const results = await Promise.all(
      signatures.map((signature) =>
        crypto.subtle.verify(key.algorithm.name, key, decodeBase64(signature), data),
      ),
    );
    return results.includes(true);
  },
  async sign(secret, content) {
    const key = await cryptoKey(secret);
    return encodeBase64(new Uint8Array(await crypto.subtle.sign(key.algorithm.name, key, bytes(content))));
  },
};
