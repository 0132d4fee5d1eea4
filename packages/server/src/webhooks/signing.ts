import { createHmac, randomBytes } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';

/** A new signing secret: `whsec_` + 24 random bytes in base64, as Svix issues them. */
export function generateSecret(): string {
  return SECRET_PREFIX + randomBytes(24).toString('base64');
}

/** The first characters of a secret, enough to recognise it in a list. */
export function secretPrefix(secret: string): string {
  return `${secret.slice(0, SECRET_PREFIX.length + 4)}…`;
}

/** `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` keyed with the secret's decoded bytes (Standard Webhooks). */
export function signature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/**
 * The Standard Webhooks headers for one attempt: a stable `webhook-id` (the event id), a fresh
 * `webhook-timestamp`, and one signature per active secret, space-separated (rotation overlap).
 */
export function signedHeaders(input: {
  id: string;
  type: string;
  body: string;
  secrets: string[];
  now: Date;
}): Record<string, string> {
  const timestamp = Math.floor(input.now.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'Yardpass-Webhooks/1.0 (+https://www.standardwebhooks.com)',
    'webhook-id': input.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': input.secrets
      .map((secret) => signature(secret, input.id, timestamp, input.body))
      .join(' '),
    'x-yardpass-event': input.type,
  };
}
