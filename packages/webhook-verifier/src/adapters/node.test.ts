import { describe, expect, it, vi } from 'vitest';
import { body, event, secret, signedHeaders } from '../../test/fixtures';
import { listen } from '../../test/http';
import type { YardpassWebhookEvent } from '../index';
import { webhookHandler } from './node';

describe('node:http webhookHandler', () => {
  it('answers 204 and hands the event over when the delivery is signed', async () => {
    const onEvent = vi.fn();
    const url = await listen(webhookHandler({ secret, onEvent }));
    const response = await fetch(url, { method: 'POST', headers: signedHeaders(), body });
    expect(response.status).toBe(204);
    expect(onEvent).toHaveBeenCalledWith(event, expect.anything(), expect.anything());
  });

  it('collects the body when it arrives in many chunks with multibyte characters split across them', async () => {
    const large = { ...event, data: { ...event.data, status: 'é🎉'.repeat(40_000) } };
    const text = JSON.stringify(large);
    const bytes = Buffer.from(text);
    const received: YardpassWebhookEvent[] = [];
    const url = await listen(webhookHandler({ secret, onEvent: (e) => void received.push(e) }));
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 1001) controller.enqueue(bytes.subarray(i, i + 1001));
        controller.close();
      },
    });
    const response = await fetch(url, {
      method: 'POST',
      headers: signedHeaders({ body: bytes }),
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(204);
    expect(received).toEqual([large]);
  });

  it.each([
    [
      'the signature is wrong',
      { ...signedHeaders(), 'webhook-signature': 'v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=' },
      'invalid_signature',
    ],
    ['the headers are missing', {}, 'missing_header'],
    ['the timestamp is stale', signedHeaders({ timestamp: 1_600_000_000 }), 'timestamp_too_old'],
  ])('answers 400 with the reason when %s', async (_, headers, reason) => {
    const onEvent = vi.fn();
    const url = await listen(webhookHandler({ secret, onEvent }));
    const response = await fetch(url, { method: 'POST', headers, body });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({ reason, message: expect.any(String) });
    expect(onEvent).not.toHaveBeenCalled();
  });

  it('answers 400 without buffering the rest when the body is larger than maxBodyBytes', async () => {
    const onEvent = vi.fn();
    const url = await listen(webhookHandler({ secret, onEvent, maxBodyBytes: 1000 }));
    const response = await fetch(url, {
      method: 'POST',
      headers: signedHeaders(),
      body: 'x'.repeat(5_000_000),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      reason: 'invalid_payload',
      message: expect.stringMatching(/1000 byte/),
    });
    expect(onEvent).not.toHaveBeenCalled();
  });

  it('keeps the response when onEvent wrote one', async () => {
    const url = await listen(
      webhookHandler({
        secret,
        onEvent(_, _req, res) {
          res.statusCode = 202;
          res.end('queued');
        },
      }),
    );
    const response = await fetch(url, { method: 'POST', headers: signedHeaders(), body });
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('queued');
  });

  it.each([
    [
      'onEvent throws',
      { secret, onEvent: () => Promise.reject(new Error('database down')) },
      /database down/,
    ],
    ['the secret is malformed', { secret: `${secret}\n`, onEvent: vi.fn() }, /whitespace/],
  ])('answers 500 and reports the error to onError when %s', async (_, options, message) => {
    const onError = vi.fn();
    const url = await listen(webhookHandler({ ...options, onError }));
    const response = await fetch(url, { method: 'POST', headers: signedHeaders(), body });
    expect(response.status).toBe(500);
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: expect.stringMatching(message) }),
    );
  });
});
