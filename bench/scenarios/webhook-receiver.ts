import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The webhook bench's receiver, in a process of its own (so the CPU measured in the bench's process is the
 * server's): answers 204 at once and notes when each event (by `webhook-id`) first arrived. Tells its parent
 * its port, then, asked `{ until: n }`, answers the arrivals once there are n.
 */
const arrivals = new Map<string, number>();
let waiting: number | undefined;
const tell = (message: unknown) => process.send!(message);
const answerIfDone = () => {
  if (waiting !== undefined && arrivals.size >= waiting) {
    waiting = undefined;
    tell({ arrivals: [...arrivals] });
  }
};
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    const id = String(request.headers['webhook-id']);
    if (!arrivals.has(id)) arrivals.set(id, Date.now());
    response.writeHead(204).end();
    answerIfDone();
  });
});
server.keepAliveTimeout = 60_000;
process.on('message', (message: { until: number }) => {
  waiting = message.until;
  answerIfDone();
});
process.on('disconnect', () => process.exit(0));
server.listen(0, '127.0.0.1', () => tell({ port: (server.address() as AddressInfo).port }));
