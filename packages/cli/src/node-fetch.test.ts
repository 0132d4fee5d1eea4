import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFetch } from './node-fetch.js';

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

/** A server answering each request with what `answer` returns; counts open connections. */
async function serve(answer: (method: string, body: string) => { status: number; body?: string }) {
  const sockets = new Set<unknown>();
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { status, body: text } = answer(request.method ?? '', body);
      response.writeHead(status, {
        'content-type': 'application/json',
        'x-seen': request.headers['x-test'] ?? '',
      });
      response.end(text);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sockets };
}

describe('nodeFetch', () => {
  it('sends the method, headers and body, and answers a Response with status, headers and body', async () => {
    const { url } = await serve((method, body) => ({ status: 201, body: JSON.stringify({ method, body }) }));
    const { fetch, close } = nodeFetch();
    const response = await fetch(`${url}/v1/events`, {
      method: 'POST',
      headers: { 'x-test': 'yes' },
      body: '{"title":"Summer Fest"}',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-seen')).toBe('yes');
    expect(await response.json()).toEqual({ method: 'POST', body: '{"title":"Summer Fest"}' });
    close();
  });

  it('answers a 204 without a body', async () => {
    const { url } = await serve(() => ({ status: 204 }));
    const { fetch, close } = nodeFetch();
    const response = await fetch(url, { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
    close();
  });

  it('keeps the connection for the next request, and close() ends it', async () => {
    const { url, sockets } = await serve(() => ({ status: 200, body: '{}' }));
    const { fetch, close } = nodeFetch();
    await (await fetch(url, {})).text();
    await (await fetch(url, {})).text();
    expect(sockets.size).toBe(1);
    close();
    await expect.poll(() => sockets.size).toBe(0);
  });

  it('rejects when the signal aborts', async () => {
    const { url } = await serve(() => ({ status: 200, body: '{}' }));
    const { fetch, close } = nodeFetch();
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(fetch(url, { signal: controller.signal })).rejects.toThrow();
    close();
  });
});
