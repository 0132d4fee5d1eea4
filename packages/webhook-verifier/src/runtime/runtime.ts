import type { ParsedSecret } from '../secrets';

/** What is signed: `{webhook-id}.{webhook-timestamp}.` followed by the raw body. */
export interface SignedContent {
  prefix: string;
  body: string | Uint8Array;
}

/** The crypto a build runs on: node:crypto in the Node build, Web Crypto in the web build. */
export interface Runtime {
  /** True when one of the base64 `signatures` is valid for `content` under `secret`. */
  verify(
    secret: ParsedSecret,
    content: SignedContent,
    signatures: readonly string[],
  ): boolean | Promise<boolean>;
  /** The base64 signature of `content`: HMAC-SHA256 for `whsec_`, Ed25519 for `whsk_`. */
  sign(secret: ParsedSecret, content: SignedContent): string | Promise<string>;
}

// DER headers that wrap a raw 32-byte Ed25519 key (RFC 8410): SubjectPublicKeyInfo and PKCS #8.
export const ED25519_SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];
export const ED25519_PKCS8_PREFIX = [
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];
