import { createHmac, createPrivateKey, createPublicKey } from 'node:crypto';
import type { YardpassWebhookEvent } from '../src/index';
import * as node from '../src/index';
import * as web from '../src/web';

/** Both builds, to run every behaviour test against node:crypto and against Web Crypto. */
export const builds = [
  { build: 'node', verify: node.verify, sign: node.sign },
  { build: 'web', verify: web.verify, sign: web.sign },
];

/** The Standard Webhooks reference vector (libraries/javascript/src/webhook.test.ts upstream). */
export const reference = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  payload: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

/** The Standard Webhooks Ed25519 vector (libraries/go/webhook_asymmetric_test.go upstream). */
export const asymmetricReference = {
  signingKey: 'whsk_VEVTVFNJR05JTkdLRVlET05PVFVTRVRISVNGT1JBTlk=',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  payload: '{"test": 2432232314}',
  signature: 'v1a,tQ9V2XOqn7jL/DQenEFpqIugdBVtiMmER5mhSkXBNwM0mkATuDe6KYYUuxqtaiHeYGb7KaaBRdM5WqyeFiL8Ag==',
};

export const secret = reference.secret;
export const otherSecret = 'whsec_c2Vjb25kLXNlY3JldC1mb3Itcm90YXRpb24tdGVzdHM=';
export const signingKey = asymmetricReference.signingKey;

/** The whpk_ public key of `signingKey`, derived with node:crypto independently of the code under test. */
export const publicKey = (() => {
  const seed = Buffer.from(signingKey.slice('whsk_'.length), 'base64');
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const jwk = createPublicKey(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })).export({
    format: 'jwk',
  });
  return `whpk_${Buffer.from(jwk.x ?? '', 'base64url').toString('base64')}`;
})();

export const event: YardpassWebhookEvent<'order.funded'> = {
  id: 'evt_01JD4Z0Q3K8M2Y6V9T5R7W1X3C',
  type: 'order.funded',
  created_at: '2026-11-23T10:00:00Z',
  data: {
    id: '6f1c2e0a-6c1b-4a43-9f4e-2f7d9f1f1b11',
    event_id: '0b9a4c5d-3e2f-4a1b-8c7d-6e5f4a3b2c1d',
    sponsor_id: '9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a',
    package_id: '1a2b3c4d-5e6f-4a1b-8c7d-9e8f7a6b5c4d',
    variant_id: null,
    sla_terms: [],
    proposal_id: null,
    organizer_org_id: '2b3c4d5e-6f7a-4b1c-8d9e-0f1a2b3c4d5e',
    sponsor_org_id: '3c4d5e6f-7a8b-4c1d-8e9f-1a2b3c4d5e6f',
    created_by_side: 'sponsor',
    release_policy: 'whole_order',
    release_weights: {},
    released_cents: 0,
    amount_cents: 150000,
    currency: 'EUR',
    status: 'active',
    escrow_state: 'funded',
    payment_status: 'succeeded',
    payment_error: null,
    stripe_payment_intent_id: 'pi_3Q1',
    application_fee_cents: null,
    platform_fee_bps: 1000,
    refunded_cents: 0,
    disputed: false,
    cancellation_policy: { window_days: 14, penalty_pct: 0.1 },
    lock_reason: null,
    funded_at: '2026-11-23T10:00:00Z',
    locked_at: null,
    released_at: null,
    cancelled_at: null,
    created_at: '2026-11-23T09:00:00Z',
    updated_at: '2026-11-23T10:00:00Z',
  },
};

export const body = JSON.stringify(event);

export function now(): number {
  return Math.floor(Date.now() / 1000);
}

/** A v1 signature computed with node:crypto directly, as an oracle independent of the package. */
export function hmacSignature(options: {
  secret: string;
  id: string;
  timestamp: number;
  body: string | Uint8Array;
}): string {
  const key = Buffer.from(options.secret.slice('whsec_'.length), 'base64');
  const mac = createHmac('sha256', key)
    .update(`${options.id}.${options.timestamp}.`)
    .update(options.body)
    .digest('base64');
  return `v1,${mac}`;
}

/** Headers of a delivery of `body` signed with `secret` at `timestamp`. */
export function signedHeaders(
  options: { secret?: string; id?: string; timestamp?: number; body?: string | Uint8Array } = {},
): Record<string, string> {
  const {
    secret: key = secret,
    id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
    timestamp = now(),
    body: payload = body,
  } = options;
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': hmacSignature({ secret: key, id, timestamp, body: payload }),
    'x-yardpass-event': 'order.funded',
  };
}
