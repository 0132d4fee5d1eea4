import type { IncomingHttpHeaders } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  asymmetricReference,
  body,
  builds,
  event,
  hmacSignature,
  now,
  otherSecret,
  publicKey,
  reference,
  secret,
  signedHeaders,
  signingKey,
} from '../test/fixtures';
import { WebhookVerificationError, type WebhookVerificationErrorReason } from './index';

function rejectsWith(promise: Promise<unknown>, reason: WebhookVerificationErrorReason, message?: RegExp) {
  return expect(promise).rejects.toSatisfy(
    (error) =>
      error instanceof WebhookVerificationError &&
      error.reason === reason &&
      (!message || message.test(error.message)),
  );
}

describe.each(builds)('verify ($build build)', ({ verify, sign }) => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ['a string', body],
    ['a Buffer', Buffer.from(body)],
    ['a Uint8Array', new TextEncoder().encode(body)],
    ['an ArrayBuffer', new TextEncoder().encode(body).buffer],
    ['a Buffer slice of a larger pool', Buffer.concat([Buffer.from('junk'), Buffer.from(body)]).subarray(4)],
  ])('returns the parsed event when the payload is %s', async (_, payload) => {
    await expect(verify(payload, signedHeaders(), secret)).resolves.toEqual(event);
  });

  it.each([
    ['emoji and accents', { ...event, data: { ...event.data, currency: 'EUR', status: 'funded 🎉 café' } }],
    ['CJK text', { ...event, data: { ...event.data, status: '資金提供済み' } }],
    ['escaped and unescaped unicode', { ...event, data: { ...event.data, status: 'naïve \u2028 𝄞' } }],
  ])('verifies the raw UTF-8 bytes when the body has %s', async (_, multibyte) => {
    const text = JSON.stringify(multibyte);
    const bytes = Buffer.from(text);
    expect(bytes.length).toBeGreaterThan(text.length);
    const headers = signedHeaders({ body: bytes });
    await expect(verify(text, headers, secret)).resolves.toEqual(multibyte);
    await expect(verify(bytes, headers, secret)).resolves.toEqual(multibyte);
  });

  it('rejects a body re-encoded as Latin-1 when it was signed as UTF-8', async () => {
    const text = JSON.stringify({ ...event, data: { ...event.data, status: 'café' } });
    await rejectsWith(
      verify(Buffer.from(text, 'latin1'), signedHeaders({ body: text }), secret),
      'invalid_signature',
    );
  });

  it.each([
    ['a plain object with lowercase names', (h: Record<string, string>) => h],
    [
      'a plain object with mixed-case names',
      (h: Record<string, string>) =>
        Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toUpperCase(), v])),
    ],
    ['a Fetch Headers', (h: Record<string, string>) => new Headers(h)],
    [
      'IncomingHttpHeaders with an array value',
      (h: Record<string, string>): IncomingHttpHeaders => ({
        ...h,
        'webhook-signature': [
          'v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=',
          h['webhook-signature'] ?? '',
        ],
      }),
    ],
  ])('reads the headers when they are %s', async (_, shape) => {
    await expect(verify(body, shape(signedHeaders()), secret)).resolves.toEqual(event);
  });

  it('accepts the signatures when a repeated header is joined with ", "', async () => {
    const headers = new Headers(signedHeaders());
    headers.append('webhook-signature', 'v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=');
    expect(headers.get('webhook-signature')).toContain(', ');
    await expect(verify(body, headers, secret)).resolves.toEqual(event);
  });

  describe('rotation', () => {
    it('matches when one of several signatures is valid', async () => {
      const headers = signedHeaders();
      const signatures = [
        'v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=',
        'v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=',
        headers['webhook-signature'],
        'v1a,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=',
      ];
      await expect(
        verify(body, { ...headers, 'webhook-signature': signatures.join(' ') }, secret),
      ).resolves.toEqual(event);
    });

    it.each([
      ['the first secret', [secret, otherSecret]],
      ['the second secret', [otherSecret, secret]],
    ])('matches when the delivery is signed with %s of two', async (_, secrets) => {
      await expect(verify(body, signedHeaders({ secret }), secrets)).resolves.toEqual(event);
    });

    it('matches when the sender signs with both the old and the new secret', async () => {
      const headers = await sign({ payload: body, secret: [otherSecret, secret], id: 'msg_1' });
      expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
      await expect(verify(body, headers, secret)).resolves.toEqual(event);
      await expect(verify(body, headers, otherSecret)).resolves.toEqual(event);
    });
  });

  describe('tolerance', () => {
    beforeEach(() => {
      vi.useFakeTimers({ now: 1_800_000_000_000, toFake: ['Date'] });
    });

    it.each([
      { offset: -300, tolerance: undefined, outcome: 'accepted' },
      { offset: 300, tolerance: undefined, outcome: 'accepted' },
      { offset: -301, tolerance: undefined, outcome: 'timestamp_too_old' },
      { offset: 301, tolerance: undefined, outcome: 'timestamp_in_future' },
      { offset: -11, tolerance: 10, outcome: 'timestamp_too_old' },
      { offset: 11, tolerance: 10, outcome: 'timestamp_in_future' },
      { offset: -10, tolerance: 10, outcome: 'accepted' },
      { offset: 0, tolerance: 0, outcome: 'accepted' },
      { offset: -86_400 * 365, tolerance: Infinity, outcome: 'accepted' },
    ] as const)(
      'is $outcome when the timestamp is $offset s from now and the tolerance is $tolerance',
      async ({ offset, tolerance, outcome }) => {
        const result = verify(body, signedHeaders({ timestamp: now() + offset }), secret, { tolerance });
        if (outcome === 'accepted') await expect(result).resolves.toEqual(event);
        else await rejectsWith(result, outcome);
      },
    );

    it('states the skew in seconds when the clock is off by minutes', async () => {
      await rejectsWith(
        verify(body, signedHeaders({ timestamp: 1_800_000_000 - 420 }), secret),
        'timestamp_too_old',
        /420 s ago, beyond the 300 s tolerance.*clock/,
      );
      await rejectsWith(
        verify(body, signedHeaders({ timestamp: 1_800_000_000 + 480 }), secret),
        'timestamp_in_future',
        /480 s ahead.*clock/,
      );
    });

    it('reports invalid_signature, not the skew, when a stale delivery is not authentic', async () => {
      const headers = signedHeaders({ timestamp: now() - 3600 });
      await rejectsWith(verify(body, headers, otherSecret), 'invalid_signature');
    });

    it.each([-1, Number.NaN, '300'])('throws a TypeError when the tolerance is %s', async (tolerance) => {
      await expect(verify(body, signedHeaders(), secret, { tolerance: tolerance as number })).rejects.toThrow(
        TypeError,
      );
    });
  });

  describe('v1a (Ed25519)', () => {
    it('accepts a v1a signature when given the whpk_ public key', async () => {
      const headers = await sign({ payload: body, secret: signingKey, id: 'msg_1' });
      expect(headers['webhook-signature']).toMatch(/^v1a,[A-Za-z0-9+/]{86}==$/);
      await expect(verify(body, headers, publicKey)).resolves.toEqual(event);
    });

    it('verifies when the header mixes v1 and v1a and the secrets mix whsec_ and whpk_', async () => {
      const headers = await sign({ payload: body, secret: [otherSecret, signingKey], id: 'msg_1' });
      expect(headers['webhook-signature']).toMatch(/^v1,\S+ v1a,\S+$/);
      await expect(verify(body, headers, [secret, publicKey])).resolves.toEqual(event);
      await expect(verify(body, headers, otherSecret)).resolves.toEqual(event);
    });

    it('accepts the signature when it is the Standard Webhooks Ed25519 reference vector', async () => {
      vi.useFakeTimers({ now: asymmetricReference.timestamp * 1000, toFake: ['Date'] });
      const headers = {
        'webhook-id': asymmetricReference.id,
        'webhook-timestamp': String(asymmetricReference.timestamp),
        'webhook-signature': asymmetricReference.signature,
      };
      // The reference payload is no Yardpass event, so getting past the signature ends at invalid_payload.
      await rejectsWith(verify(asymmetricReference.payload, headers, publicKey), 'invalid_payload');
      await rejectsWith(verify('{"test": 2432232315}', headers, publicKey), 'invalid_signature');
    });

    it('rejects a v1a signature when another key made it', async () => {
      const headers = await sign({ payload: body, secret: signingKey, id: 'msg_1' });
      const stranger = `whpk_${Buffer.alloc(32, 7).toString('base64')}`;
      await rejectsWith(verify(body, headers, stranger), 'invalid_signature');
    });
  });

  it('accepts the signature when it is the Standard Webhooks HMAC reference vector', async () => {
    vi.useFakeTimers({ now: reference.timestamp * 1000, toFake: ['Date'] });
    const headers = {
      'webhook-id': reference.id,
      'webhook-timestamp': String(reference.timestamp),
      'webhook-signature': reference.signature,
    };
    await rejectsWith(
      verify(reference.payload, headers, reference.secret),
      'invalid_payload',
      /not a Yardpass event/,
    );
    await rejectsWith(verify(`${reference.payload} `, headers, reference.secret), 'invalid_signature');
  });

  describe('errors', () => {
    const valid = signedHeaders;
    const without = (name: string) => () => {
      const { [name]: _, ...rest } = signedHeaders();
      return rest;
    };
    it.each<[string, WebhookVerificationErrorReason, () => Parameters<typeof verify>, RegExp]>([
      [
        'webhook-id is missing',
        'missing_header',
        () => [body, without('webhook-id')(), secret],
        /webhook-id/,
      ],
      [
        'webhook-timestamp is missing',
        'missing_header',
        () => [body, without('webhook-timestamp')(), secret],
        /webhook-timestamp/,
      ],
      [
        'webhook-signature is missing',
        'missing_header',
        () => [body, without('webhook-signature')(), secret],
        /webhook-signature/,
      ],
      [
        'a header is empty',
        'missing_header',
        () => [body, { ...valid(), 'webhook-id': '' }, secret],
        /webhook-id/,
      ],
      [
        'no webhook header is there',
        'missing_header',
        () => [body, { 'content-type': 'application/json' }, secret],
        /req\.headers/,
      ],
      [
        'the timestamp is a date',
        'malformed_header',
        () => [body, { ...valid(), 'webhook-timestamp': '2026-11-23T10:00:00Z' }, secret],
        /unix seconds/,
      ],
      [
        'the timestamp is in milliseconds',
        'malformed_header',
        () => [body, { ...valid(), 'webhook-timestamp': String(Date.now()) }, secret],
        /not milliseconds/,
      ],
      [
        'the signature has no version',
        'malformed_header',
        () => [body, { ...valid(), 'webhook-signature': 'g0hM9SsE+OTPJTGt' }, secret],
        /v1,<base64>/,
      ],
      [
        'the signature is Stripe-style',
        'malformed_header',
        () => [body, { ...valid(), 'webhook-signature': 't=1,v1=abc' }, secret],
        /v1,<base64>/,
      ],
      [
        'the body was altered',
        'invalid_signature',
        () => [body.replace('150000', '150001'), valid(), secret],
        /raw body exactly as received/,
      ],
      ['the secret is another one', 'invalid_signature', () => [body, valid(), otherSecret], /secret/],
      [
        'the signature is partial',
        'invalid_signature',
        () => [body, { ...valid(), 'webhook-signature': 'v1,' }, secret],
        /No signature/,
      ],
      [
        'the signature is truncated',
        'invalid_signature',
        () => [
          body,
          { ...valid(), 'webhook-signature': valid()['webhook-signature']?.slice(0, 20) ?? '' },
          secret,
        ],
        /No signature/,
      ],
      [
        'the signature is not base64',
        'invalid_signature',
        () => [body, { ...valid(), 'webhook-signature': 'v1,dawfeoifkpqwoekfpqoekf' }, secret],
        /No signature/,
      ],
      [
        'only v1a signatures come for a whsec_ secret',
        'invalid_signature',
        () => [body, { ...valid(), 'webhook-signature': `v1a,${'A'.repeat(86)}==` }, secret],
        /whpk_/,
      ],
      [
        'only v1 signatures come for a whpk_ key',
        'invalid_signature',
        () => [body, valid(), publicKey],
        /whsec_/,
      ],
      [
        'the secret has a trailing newline',
        'malformed_secret',
        () => [body, valid(), `${secret}\n`],
        /whitespace or a newline/,
      ],
      ['the secret has a space', 'malformed_secret', () => [body, valid(), ` ${secret}`], /whitespace/],
      [
        'the secret has no prefix',
        'malformed_secret',
        () => [body, valid(), secret.slice('whsec_'.length)],
        /"whsec_".*no prefix/,
      ],
      [
        'the secret is an API key',
        'malformed_secret',
        () => [body, valid(), 'yp_test_abc'],
        /starts with "yp_"/,
      ],
      ['the secret is not base64', 'malformed_secret', () => [body, valid(), 'whsec_not*base64'], /base64/],
      ['the secret is only the prefix', 'malformed_secret', () => [body, valid(), 'whsec_'], /base64/],
      ['the secret is a whsk_ signing key', 'malformed_secret', () => [body, valid(), signingKey], /whpk_/],
      ['the public key is not 32 bytes', 'malformed_secret', () => [body, valid(), 'whpk_AAAA'], /32 bytes/],
      [
        'the secret is undefined',
        'malformed_secret',
        () => [body, valid(), undefined as unknown as string],
        /undefined.*environment variable/,
      ],
      ['the secret list is empty', 'malformed_secret', () => [body, valid(), []], /No secret/],
      [
        'one of two secrets is malformed',
        'malformed_secret',
        () => [body, valid(), [secret, 'oops']],
        /no prefix/,
      ],
      [
        'the payload is a parsed object',
        'invalid_payload',
        () => [event as unknown as string, valid(), secret],
        /raw request body.*parsed object.*express\.raw/,
      ],
      [
        'the payload is undefined',
        'invalid_payload',
        () => [undefined as unknown as string, valid(), secret],
        /raw request body.*undefined/,
      ],
      [
        'the authentic body is not JSON',
        'invalid_payload',
        () => ['not json', signedHeaders({ body: 'not json' }), secret],
        /not JSON/,
      ],
      [
        'the authentic body is not an event',
        'invalid_payload',
        () => ['{"id":"x"}', signedHeaders({ body: '{"id":"x"}' }), secret],
        /not a Yardpass event/,
      ],
    ])('rejects when %s (%s)', async (_, reason, args, message) => {
      await rejectsWith(verify(...args()), reason, message);
    });

    it('keeps the secret out of the message when the secret is malformed', async () => {
      const leaky = `${secret.slice(0, -1)}!`;
      const error: unknown = await verify(body, valid(), leaky).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WebhookVerificationError);
      expect((error as Error).message).not.toContain(leaky.slice(6));
    });

    it('throws a typed error with a stable name and reason when it rejects', async () => {
      const error: unknown = await verify(body, valid(), otherSecret).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ name: 'WebhookVerificationError', reason: 'invalid_signature' });
    });
  });

  it('signs what an independent HMAC over the exact bytes gives when the body is a Buffer', async () => {
    const timestamp = now();
    const payload = Buffer.from(JSON.stringify({ ...event, data: { ...event.data, status: 'ok ✓' } }));
    const signature = hmacSignature({ secret, id: 'msg_x', timestamp, body: payload });
    const headers = await sign({ payload, secret, id: 'msg_x', timestamp });
    expect(headers['webhook-signature']).toBe(signature);
  });
});
