import { WebhookVerificationError } from './errors';

/** The raw request body, exactly as received: text or bytes (a Node `Buffer` is a `Uint8Array`). */
export type Payload = string | Uint8Array | ArrayBuffer;

/** Accepts the raw body and names the usual mistake (a parsed object, a consumed body) otherwise. */
export function readPayload(payload: unknown): string | Uint8Array {
  if (typeof payload === 'string') return payload;
  if (ArrayBuffer.isView(payload))
    return new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength);
  if (payload instanceof ArrayBuffer) return new Uint8Array(payload);
  const found =
    payload == null ? String(payload) : typeof payload === 'object' ? 'a parsed object' : typeof payload;
  throw new WebhookVerificationError(
    'invalid_payload',
    `The payload must be the raw request body (string, Buffer, Uint8Array or ArrayBuffer), not ${found}: ` +
      're-serialized JSON never matches. In Express, use express.raw({ type: "application/json" }), not express.json().',
  );
}
