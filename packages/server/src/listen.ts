import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

/** Serves `fetch` on host:port (0 picks a free port) and resolves once it is listening. */
export async function listen(options: {
  fetch: (request: Request) => Response | Promise<Response>;
  port: number;
  hostname: string;
}): Promise<{ server: ServerType; port: number; close(): Promise<void> }> {
  const server = serve(options);
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
