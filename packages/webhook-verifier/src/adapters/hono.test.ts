import { describe, expect, it, vi } from 'vitest';
import { body, event, secret, signedHeaders } from '../../test/fixtures';
import { handleWebhook } from './hono';

/** The shape of a Hono Context around a standard Request (Hono itself is not a dependency here). */
function post(headers: Record<string, string>, payload: string = body) {
  const request = new Request('http://localhost/webhooks/yardpass', {
    method: 'POST',
    headers,
    body: payload,
  });
  return { req: { raw: request, arrayBuffer: () => request.arrayBuffer() } };
}

describe('Hono handleWebhook', () => {
  it('answers 204 and hands the event over when the delivery is signed', async () => {
    const onEvent = vi.fn();
    const response = await handleWebhook(post(signedHeaders()), { secret, onEvent });
    expect(response.status).toBe(204);
    expect(onEvent).toHaveBeenCalledWith(event);
  });

  it('returns the Response when onEvent returned one', async () => {
    const onEvent = () => Response.json({ queued: true }, { status: 202 });
    const response = await handleWebhook(post(signedHeaders()), { secret, onEvent });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ queued: true });
  });

  it.each([
    ['the body was altered', signedHeaders(), body.replace('150000', '1'), 'invalid_signature'],
    ['the headers are missing', {}, body, 'missing_header'],
  ])('answers 400 with the reason when %s', async (_, headers, payload, reason) => {
    const onEvent = vi.fn();
    const response = await handleWebhook(post(headers, payload), { secret, onEvent });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ reason, message: expect.any(String) });
    expect(onEvent).not.toHaveBeenCalled();
  });

  it.each([
    [
      'onEvent throws',
      { secret, onEvent: () => Promise.reject(new Error('database down')) },
      /database down/,
    ],
    ['the secret is malformed', { secret: ' whsec_abc', onEvent: vi.fn() }, /whitespace/],
  ])('throws to Hono’s error handler when %s', async (_, options, message) => {
    await expect(handleWebhook(post(signedHeaders()), options)).rejects.toThrow(message);
  });
});
