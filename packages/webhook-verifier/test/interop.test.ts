import { Webhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import { describe, expect, it } from 'vitest';
import { body, builds, event, now, otherSecret, reference, secret } from './fixtures';

const multibyte = JSON.stringify({ ...event, data: { ...event.data, status: 'financé ✓ 資金 🎉' } });

describe.each(builds)('Standard Webhooks interop ($build build)', ({ verify, sign }) => {
  it('signs exactly as the standardwebhooks library does when given the reference vector', async () => {
    const theirs = new Webhook(reference.secret).sign(
      reference.id,
      new Date(reference.timestamp * 1000),
      reference.payload,
    );
    const ours = await sign({
      payload: reference.payload,
      secret: reference.secret,
      id: reference.id,
      timestamp: reference.timestamp,
    });
    expect(theirs).toBe(reference.signature);
    expect(ours['webhook-signature']).toBe(theirs);
  });

  it.each([
    ['an ASCII body', body],
    ['a multibyte body', multibyte],
  ])('verifies what the standardwebhooks library signed when it is %s', async (_, payload) => {
    const id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';
    const timestamp = now();
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': new Webhook(secret).sign(id, new Date(timestamp * 1000), payload),
    };
    await expect(verify(payload, headers, secret)).resolves.toEqual(JSON.parse(payload));
    await expect(verify(Buffer.from(payload), headers, secret)).resolves.toEqual(JSON.parse(payload));
  });

  it.each([
    ['an ASCII body', body],
    ['a multibyte body', multibyte],
  ])('produces headers the standardwebhooks library and svix accept when it is %s', async (_, payload) => {
    const headers = await sign({ payload: Buffer.from(payload), secret, id: 'msg_1', type: event.type });
    expect(new Webhook(secret).verify(payload, headers)).toEqual(JSON.parse(payload));
    expect(new SvixWebhook(secret).verify(payload, headers)).toEqual(JSON.parse(payload));
  });

  it('produces headers the standardwebhooks library accepts with either secret when rotating', async () => {
    const headers = await sign({ payload: body, secret: [otherSecret, secret], id: 'msg_1' });
    expect(new Webhook(secret).verify(body, headers)).toEqual(event);
    expect(new Webhook(otherSecret).verify(body, headers)).toEqual(event);
  });

  it('rejects what the standardwebhooks library signed when the secret differs', async () => {
    const timestamp = now();
    const headers = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(timestamp),
      'webhook-signature': new Webhook(otherSecret).sign('msg_1', new Date(timestamp * 1000), body),
    };
    await expect(verify(body, headers, secret)).rejects.toMatchObject({ reason: 'invalid_signature' });
  });
});
