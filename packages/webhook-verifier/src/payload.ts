import { WebhookVerificationError } from './errors';

/** The raw request body, exactly as received: text or bytes (a Node `Buffer` is a `Uint8Array`). */
export type Payload = string | Uint8Array | ArrayBuffer;

/** Accepts the raw body and names the usual mistake (a parsed object, a consumed body) otherwise. */
export function readPayload(payload: unknown): string | Uint8Array {
  if (typeof payload === 'string') return payload;
  if (ArrayBuffer.isView(payload))
    return new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength);
  if (payload instanceof ArrayBuffer) return new Uint8Array(payload);
  throw new WebhookVerificationError(
    'invalid_payload',
    payload == null
      ? `The payload is ${String(payload)}: pass the raw request body. If a framework read the body first, ` +
          'have it keep the raw bytes (for Express: express.raw({ type: "application/json" }) on this route).'
      : `The payload is ${typeof payload === 'object' ? 'an already-parsed object' : `a ${typeof payload}`}. ` +
          'Pass the raw request body (string, Buffer or Uint8Array) exactly as received: parsed and re-serialized JSON ' +
          'never matches the signature. For Express, use express.raw({ type: "application/json" }) on this route instead of express.json().',
  );
}
