import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  asymmetricReference,
  body,
  builds,
  otherSecret,
  publicKey,
  reference,
  secret,
  signingKey,
} from '../test/fixtures';
import { WebhookVerificationError } from './index';

describe.each(builds)('sign ($build build)', ({ sign }) => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ['the HMAC reference vector', reference.secret, reference.signature],
    ['the Ed25519 reference vector', asymmetricReference.signingKey, asymmetricReference.signature],
  ])('reproduces the signature when given %s', async (_, key, signature) => {
    const headers = await sign({
      payload: reference.payload,
      secret: key,
      id: reference.id,
      timestamp: reference.timestamp,
    });
    expect(headers).toEqual({
      'webhook-id': reference.id,
      'webhook-timestamp': String(reference.timestamp),
      'webhook-signature': signature,
    });
  });

  it.each([
    ['a string', reference.payload],
    ['a Buffer', Buffer.from(reference.payload)],
    ['an ArrayBuffer', new TextEncoder().encode(reference.payload).buffer],
  ])('signs the same bytes when the payload is %s', async (_, payload) => {
    const headers = await sign({
      payload,
      secret: reference.secret,
      id: reference.id,
      timestamp: reference.timestamp,
    });
    expect(headers['webhook-signature']).toBe(reference.signature);
  });

  it('space-separates one signature per secret in order when given several', async () => {
    const headers = await sign({
      payload: body,
      secret: [secret, otherSecret, signingKey],
      id: 'msg_1',
      timestamp: 1,
    });
    expect(headers['webhook-signature']).toMatch(/^v1,\S{44} v1,\S{44} v1a,\S{88}$/);
  });

  it('sets x-yardpass-event when given a type', async () => {
    const headers = await sign({ payload: body, secret, id: 'msg_1', type: 'order.funded' });
    expect(headers['x-yardpass-event']).toBe('order.funded');
  });

  it('uses the current unix time when no timestamp is given', async () => {
    vi.useFakeTimers({ now: 1_800_000_000_999, toFake: ['Date'] });
    const headers = await sign({ payload: body, secret, id: 'msg_1' });
    expect(headers['webhook-timestamp']).toBe('1800000000');
  });

  it('refuses a whpk_ public key when asked to sign', async () => {
    await expect(sign({ payload: body, secret: publicKey, id: 'msg_1' })).rejects.toSatisfy(
      (error) => error instanceof WebhookVerificationError && error.reason === 'malformed_secret',
    );
  });

  it.each([Date.now() + 0.5, -1, Number.NaN])(
    'throws a TypeError when the timestamp is %s',
    async (timestamp) => {
      await expect(sign({ payload: body, secret, id: 'msg_1', timestamp })).rejects.toThrow(TypeError);
    },
  );
});
