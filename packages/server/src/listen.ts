import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Serves `fetch` on host:port (0 picks a free port) and resolves once it is listening. */
export async function listen(options: {
  fetch: (request: Request) => Response | Promise<Response>;
  port: number;
  hostname: string;
}): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  // Without TLS or HTTP/2 options, @hono/node-server creates a plain node:http server.
  const server = serve(options) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
