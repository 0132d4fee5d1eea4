import { describe, expect, it, vi } from 'vitest';
import { body, event, publicKey, secret, signedHeaders, signingKey } from '../../test/fixtures';
import { sign } from '../index';
import { webhookHandler } from './next';

function post(headers: Record<string, string>, payload: BodyInit = body) {
  return new Request('http://localhost/webhooks/yardpass', { method: 'POST', headers, body: payload });
}

describe('Next.js webhookHandler', () => {
  it('answers 204 and hands the event over when the delivery is signed', async () => {
    const onEvent = vi.fn();
    const request = post(signedHeaders());
    const response = await webhookHandler({ secret, onEvent })(request);
    expect(response.status).toBe(204);
    expect(onEvent).toHaveBeenCalledWith(event, request);
  });

  it('answers 204 when a v1a delivery is verified with a whpk_ key', async () => {
    const headers = await sign({ payload: body, secret: signingKey, id: 'msg_1' });
    const response = await webhookHandler({ secret: publicKey, onEvent: vi.fn() })(post(headers));
    expect(response.status).toBe(204);
  });

  it('returns the Response when onEvent returned one', async () => {
    const handler = webhookHandler({ secret, onEvent: () => new Response('queued', { status: 202 }) });
    const response = await handler(post(signedHeaders()));
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('queued');
  });

  it.each([
    [
      'the signature is from another secret',
      signedHeaders({ secret: 'whsec_b3RoZXI=' }),
      'invalid_signature',
    ],
    ['the timestamp is malformed', { ...signedHeaders(), 'webhook-timestamp': 'soon' }, 'malformed_header'],
  ])('answers 400 with the reason when %s', async (_, headers, reason) => {
    const response = await webhookHandler({ secret, onEvent: vi.fn() })(post(headers));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ reason });
  });

  it.each([
    [
      'onEvent throws',
      { secret, onEvent: () => Promise.reject(new Error('database down')) },
      /database down/,
    ],
    ['the secret is a whsk_ signing key', { secret: signingKey, onEvent: vi.fn() }, /whpk_/],
  ])('throws (a logged 500) when %s', async (_, options, message) => {
    await expect(webhookHandler(options)(post(signedHeaders()))).rejects.toThrow(message);
  });
});
