import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate } from 'node:timers/promises';
import { Response as UndiciResponse } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultFetch, supportsUndici } from './default-fetch.js';
import { APIConnectionTimeoutError, Yardpass } from './index.js';

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

describe('the default fetch on Node', () => {
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
    const yardpass = new Yardpass({
      apiKey: 'yp_test_node18',
      baseUrl,
      fetch: defaultFetch({ node: '18.20.8' }),
    });
    const { data, response } = await yardpass.events.retrieve('e1').withResponse();
    expect(data).toMatchObject({ id: 'e1' });
    expect(response).toBeInstanceOf(Response);
    expect(response).not.toBeInstanceOf(UndiciResponse);
  });
});
