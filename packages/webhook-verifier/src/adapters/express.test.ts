import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { body, event, secret, signedHeaders } from '../../test/fixtures';
import { listen } from '../../test/http';
import { WebhookVerificationError } from '../index';
import { webhookHandler, type ExpressWebhookOptions } from './express';

type Request = IncomingMessage & { body?: unknown };
type BodyParser = (req: Request) => Promise<void>;

async function rawBytes(req: Request): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// What express.raw(), express.text() and express.json() leave in req.body.
const parsers: Record<string, BodyParser> = {
  'express.raw()': async (req) => void (req.body = await rawBytes(req)),
  'express.text()': async (req) => void (req.body = (await rawBytes(req)).toString()),
  'no body parser': async () => {},
  'express.json()': async (req) => void (req.body = JSON.parse((await rawBytes(req)).toString()) as unknown),
};

/** A real HTTP server running a body parser, then the middleware, then an error handler like Express's. */
async function app(parser: BodyParser, options: ExpressWebhookOptions<Request, ServerResponse>) {
  const next = vi.fn((error?: unknown) => {
    void error;
  });
  const url = await listen((req: Request, res) => {
    void parser(req).then(() =>
      webhookHandler(options)(req, res, (error) => {
        next(error);
        res.statusCode = 500;
        res.end();
      }),
    );
  });
  return { url, next };
}

describe('Express webhookHandler', () => {
  it.each(['express.raw()', 'express.text()', 'no body parser'])(
    'answers 204 and hands the event over when the body comes from %s',
    async (name) => {
      const onEvent = vi.fn();
      const { url, next } = await app(parsers[name] as BodyParser, { secret, onEvent });
      const response = await fetch(url, { method: 'POST', headers: signedHeaders(), body });
      expect(response.status).toBe(204);
      expect(onEvent).toHaveBeenCalledWith(event, expect.anything(), expect.anything());
      expect(next).not.toHaveBeenCalled();
    },
  );

  it('passes an error naming express.raw to next when express.json() parsed the body first', async () => {
    const onEvent = vi.fn();
    const { url, next } = await app(parsers['express.json()'] as BodyParser, { secret, onEvent });
    const response = await fetch(url, { method: 'POST', headers: signedHeaders(), body });
    expect(response.status).toBe(500);
    expect(next).toHaveBeenCalledWith(expect.any(WebhookVerificationError));
    expect(next.mock.calls[0]?.[0]).toMatchObject({
      reason: 'invalid_payload',
      message: expect.stringMatching(/express\.raw/),
    });
    expect(onEvent).not.toHaveBeenCalled();
  });

  it('answers 400 with the reason, without calling next, when the signature is wrong', async () => {
    const { url, next } = await app(parsers['express.raw()'] as BodyParser, { secret, onEvent: vi.fn() });
    const response = await fetch(url, {
      method: 'POST',
      headers: signedHeaders(),
      body: body.replace('EUR', 'USD'),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ reason: 'invalid_signature' });
    expect(next).not.toHaveBeenCalled();
  });

  it.each([
    [
      'onEvent throws',
      { secret, onEvent: () => Promise.reject(new Error('database down')) },
      /database down/,
    ],
    ['the secret is malformed', { secret: 'yp_test_123', onEvent: vi.fn() }, /whsec_/],
  ])('passes the error to next when %s', async (_, options, message) => {
    const { url, next } = await app(parsers['express.raw()'] as BodyParser, options);
    const response = await fetch(url, { method: 'POST', headers: signedHeaders(), body });
    expect(response.status).toBe(500);
    expect(next).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(message) }));
  });
});
