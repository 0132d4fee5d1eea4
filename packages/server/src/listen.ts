import { getRequestListener } from '@hono/node-server';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answers a request at the Node level and returns true, or returns false to leave it to `fetch`. */
export type EarlyAnswer = (incoming: IncomingMessage, outgoing: ServerResponse) => boolean;

/**
 * Serves `fetch` on host:port (0 picks a free port) and resolves once it is listening. `early`, when given, sees
 * each request first and answers it itself (returning true) or leaves it to `fetch`: the app's `early` serves
 * cached public widgets without the cost of the Fetch adapter.
 */
export async function listen(options: {
  fetch: (request: Request) => Response | Promise<Response>;
  early?: EarlyAnswer;
  port: number;
  hostname: string;
}): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const { early } = options;
  const viaFetch = getRequestListener(options.fetch, { hostname: options.hostname });
  const server = createServer(
    early
      ? (incoming, outgoing) => {
          if (!early(incoming, outgoing)) void viaFetch(incoming, outgoing);
        }
      : viaFetch,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
    server.listen(options.port, options.hostname);
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
