import { readPayload, type Payload } from './payload';
import type { Runtime } from './runtime/runtime';
import { parseSecrets, type Secret } from './secrets';

/** What `sign` signs. */
export interface SignInput {
  /** The body exactly as it will be sent. */
  payload: Payload;
  /** `whsec_…` (gives `v1,…`) and/or `whsk_…` (gives `v1a,…`); several give space-separated signatures. */
  secret: Secret;
  /** The `webhook-id`: a unique message id. */
  id: string;
  /** Unix seconds. @default now */
  timestamp?: number;
  /** Sets `x-yardpass-event` when given. */
  type?: string;
}

/** Headers to send with the signed payload. */
export type SignedHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
  'x-yardpass-event'?: string;
};

export async function signWith(runtime: Runtime, input: SignInput): Promise<SignedHeaders> {
  const { id, timestamp = Math.floor(Date.now() / 1000), type } = input;
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new TypeError(`timestamp must be whole unix seconds, not ${timestamp}.`);
  }
  const content = { prefix: `${id}.${timestamp}.`, body: readPayload(input.payload) };
  const signatures = await Promise.all(
    parseSecrets(input.secret, 'sign').map(
      async (secret) => `${secret.kind === 'hmac' ? 'v1' : 'v1a'},${await runtime.sign(secret, content)}`,
    ),
  );
  const headers: SignedHeaders = {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatures.join(' '),
  };
  if (type !== undefined) headers['x-yardpass-event'] = type;
  return headers;
}
