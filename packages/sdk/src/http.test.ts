import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate } from 'node:timers/promises';
import { Response as UndiciResponse } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultHttp, supportsUndici } from './http.js';
import { APIConnectionTimeoutError, APIUserAbortError, NotFoundError, Yardpass } from './index.js';

// No msw here: these tests check the real default transport against a real socket.
let server: Server | undefined;

async function listen(handler: (request: IncomingMessage, response: ServerResponse) => void) {
  const connections: unknown[] = [];
  server = createServer(handler);
  server.on('connection', (socket) => connections.push(socket));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, connections };
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

const json = (response: ServerResponse) => {
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ data: { id: 'e1', title: 'Summer Fest' } }));
};

describe('the default transport on Node', () => {
  it('is undici, keeping one connection alive across requests', async () => {
    const { baseUrl, connections } = await listen((_, response) => json(response));
    const yardpass = new Yardpass({ apiKey: 'yp_test_keepalive', baseUrl });
    for (let i = 0; i < 3; i++) {
      const { data, response } = await yardpass.events.retrieve('e1').withResponse();
      expect(data).toEqual({ id: 'e1', title: 'Summer Fest' });
      expect(response).toBeInstanceOf(UndiciResponse);
      // Let undici put the socket back in its pool before the next request.
      await setImmediate();
    }
    expect(connections).toHaveLength(1);
  });

  it('is bounded by the SDK timeout while the body is still arriving', async () => {
    const { baseUrl } = await listen((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data": ');
    });
    const yardpass = new Yardpass({ apiKey: 'yp_test_slow', baseUrl, timeout: 200, maxRetries: 0 });
    const started = Date.now();
    await expect(yardpass.events.retrieve('e1')).rejects.toBeInstanceOf(APIConnectionTimeoutError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('sends the body and headers, under a base path, and gives the answer with its headers', async () => {
    let seen: { url?: string; headers?: IncomingMessage['headers']; body?: string } = {};
    const { baseUrl } = await listen((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen = { url: request.url, headers: request.headers, body };
        response.setHeader('x-request-id', 'req_default');
        response.statusCode = 201;
        json(response);
      });
    });
    const yardpass = new Yardpass({ apiKey: 'yp_test_post', baseUrl: `${baseUrl}/yardpass/` });
    const { data, response, requestId } = await yardpass.events
      .create({ title: 'Summer Fest', starts_at: '2026-07-01T18:00:00Z', ends_at: '2026-07-01T23:00:00Z' })
      .withResponse();
    expect(data).toMatchObject({ id: 'e1' });
    expect(response.status).toBe(201);
    expect(requestId).toBe('req_default');
    expect(seen.url).toBe('/yardpass/v1/events');
    expect(seen.headers).toMatchObject({
      authorization: 'Bearer yp_test_post',
      'content-type': 'application/json',
      'idempotency-key': expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(JSON.parse(seen.body ?? '')).toMatchObject({ title: 'Summer Fest' });
  });

  it('turns a problem answer into its error, with the headers', async () => {
    const { baseUrl } = await listen((_, response) => {
      response.writeHead(404, { 'content-type': 'application/problem+json', 'x-request-id': 'req_missing' });
      response.end(
        JSON.stringify({ type: 'https://yardpass.dev/problems/not-found', title: 'Not found', status: 404 }),
      );
    });
    const yardpass = new Yardpass({ apiKey: 'yp_test_404', baseUrl });
    const error = await yardpass.events.retrieve('e1').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, requestId: 'req_missing', title: 'Not found' });
  });

  it('does not follow a redirect, and says where the API went', async () => {
    const { baseUrl } = await listen((_, response) => {
      response.writeHead(308, { location: 'https://yardpass.example.com/v1/events/e1' });
      response.end();
    });
    const yardpass = new Yardpass({ apiKey: 'yp_test_redirect', baseUrl, maxRetries: 0 });
    await expect(yardpass.events.retrieve('e1')).rejects.toMatchObject({
      status: 308,
      message: expect.stringContaining('Redirected to https://yardpass.example.com/v1/events/e1'),
    });
  });

  it('reads bytes as bytes and hands an event stream over unread', async () => {
    const { baseUrl } = await listen((request, response) => {
      if (request.url?.endsWith('.pdf')) {
        response.writeHead(200, { 'content-type': 'application/pdf' });
        response.end(Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff]));
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('id: 1\ndata: {}\n\n');
    });
    const yardpass = new Yardpass({ apiKey: 'yp_test_bytes', baseUrl });
    const pdf = await yardpass.request({ method: 'GET', path: '/report.pdf' });
    expect(pdf).toEqual(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0xff]));
    const stream = await yardpass.request<ReadableStream<Uint8Array>>({ method: 'GET', path: '/stream' });
    const reader = stream.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('id: 1');
    await reader.cancel();
  });

  it("stops at once when the caller's signal aborts", async () => {
    const { baseUrl } = await listen(() => {});
    const yardpass = new Yardpass({ apiKey: 'yp_test_abort', baseUrl, maxRetries: 0 });
    const controller = new AbortController();
    const call = yardpass.events.retrieve('e1', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(call).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('reports a refused connection with its cause', async () => {
    const { baseUrl } = await listen(() => {});
    server?.close();
    const yardpass = new Yardpass({ apiKey: 'yp_test_refused', baseUrl, maxRetries: 0 });
    await expect(yardpass.events.retrieve('e1')).rejects.toMatchObject({
      code: 'connection-error',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });
});

describe('the choice of fetch', () => {
  it.each([
    ['18.20.8', false],
    ['20.18.0', false],
    ['20.18.1', true],
    ['20.19.0', true],
    ['22.12.0', true],
    ['24.0.0', true],
    [undefined, false],
  ])('loads undici on Node %s: %s', (node, expected) => {
    expect(supportsUndici({ node })).toBe(expected);
  });

  it("uses the runtime's global fetch where undici is not supported, e.g. Node 18", async () => {
    const { baseUrl } = await listen((_, response) => json(response));
    const { origin } = new URL(baseUrl);
    const answer = await defaultHttp({ node: '18.20.8' })({
      method: 'GET',
      origin,
      path: '/v1/events/e1',
      headers: { accept: 'application/json' },
      body: undefined,
      timeout: 5_000,
      signal: undefined,
    });
    expect(answer.body).toMatchObject({ data: { id: 'e1' } });
    expect(answer.response).toBeInstanceOf(Response);
    expect(answer.response).not.toBeInstanceOf(UndiciResponse);
  });
});
