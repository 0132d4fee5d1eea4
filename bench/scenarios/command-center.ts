import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { createDb } from '@yardpass/server';
import type { BenchDatabase } from '../lib/database';
import { percentiles } from '../lib/in-flight';
import { serveYardpass } from '../lib/server';
import type { Row } from '../lib/table';

/**
 * Issue 23: `GET /v1/sponsorship-workspaces/{id}/command-center/stream` with BENCH_CC_CLIENTS (1,000) clients
 * connected to one API process; BENCH_CC_CHANGES (20) changes of an order of the workspace, one every 250 ms, each
 * committed by a plain pg client. Latency is from just before `commit` is sent to the event's arrival at each
 * client (the clients run in a worker thread, not on the server's event loop). Baseline: the same changes seen by
 * one bare `LISTEN` on the channel the server listens on (the floor PostgreSQL sets). Goal: p99 under 1 s.
 */
const CLIENTS = positive('BENCH_CC_CLIENTS', 1_000);
const CHANGES = positive('BENCH_CC_CHANGES', 20);
const CHANGE_EVERY_MS = 250;

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
}

/** An enabled command center whose workspace holds one order; answers the workspace and the order. */
async function seed(database: BenchDatabase): Promise<{ workspaceId: string; orderId: string }> {
  const admin = createDb({ databaseUrl: database.url, max: 1 });
  try {
    return await admin.system(async (tx) => {
      const { rows } = await tx.query<{ workspace_id: string; order_id: string }>(
        `with event as (
           select id from events where owner_org_id = $1 order by starts_at desc limit 1
         ), sponsor as (
           insert into sponsors (org_id, name) values ($1, 'Bench Cola') returning id
         ), package as (
           insert into sponsorship_packages (org_id, event_id, title, tier, price_cents, currency, inventory, is_active,
             visibility, published_at)
           select $1, event.id, 'Command center stage', 'gold', 100000, 'USD', 10, true, 'public', now() from event
           returning id, event_id
         ), workspace as (
           insert into sponsorship_workspaces (org_id, name, slug) values ($1, 'Command', 'bench-command-center')
           returning id
         ), linked as (
           insert into sponsorship_workspace_packages (workspace_id, org_id, package_id)
           select workspace.id, $1, package.id from workspace, package
         ), center as (
           insert into sponsorship_command_centers (workspace_id, org_id, enabled_at)
           select id, $1, now() from workspace
         ), orders as (
           insert into sponsorship_orders (event_id, package_id, sponsor_id, organizer_org_id, sponsor_org_id,
             amount_cents, currency, created_by_side)
           select package.event_id, package.id, sponsor.id, $1, $1, 100000, 'USD', 'organizer' from package, sponsor
           returning id
         )
         select workspace.id as workspace_id, orders.id as order_id from workspace, orders`,
        [database.orgId],
      );
      return { workspaceId: rows[0]!.workspace_id, orderId: rows[0]!.order_id };
    });
  } finally {
    await admin.close();
  }
}

// The clients, in a worker thread: each holds a stream open and notes when each change (by the order's
// `amount_cents`, one value per change) arrives. Plain JavaScript, so the worker needs no loader.
const CLIENTS_SOURCE = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { url, apiKey, clients } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const arrivals = [];
const requests = [];
let connected = 0;
for (let i = 0; i < clients; i++) {
  const request = http.get(url, { agent, headers: { authorization: 'Bearer ' + apiKey } }, (response) => {
    if (response.statusCode !== 200) {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => parentPort.postMessage({ error: 'stream answered ' + response.statusCode + ': ' + body }));
      return;
    }
    if (++connected === clients) parentPort.postMessage({ connected });
    let buffer = '';
    response.setEncoding('utf8');
    response.on('data', (chunk) => {
      const now = Date.now();
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\\n\\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = message.split('\\n').find((line) => line.startsWith('data: '));
        if (!data) continue;
        const event = JSON.parse(data.slice(6));
        if (event.type === 'order.changed') arrivals.push([event.data.amount_cents, now]);
      }
    });
  });
  request.on('error', (error) => parentPort.postMessage({ error: error.message }));
  requests.push(request);
}
parentPort.on('message', () => {
  for (const request of requests) request.destroy();
  agent.destroy();
  parentPort.postMessage({ arrivals });
});
`;

export async function runCommandCenterBench({ database }: { database: BenchDatabase }): Promise<Row[]> {
  const { workspaceId, orderId } = await seed(database);
  const http = await serveYardpass({ databaseUrl: database.url });
  const writer = new pg.Client({ connectionString: database.url });
  const listener = new pg.Client({ connectionString: database.url });
  await Promise.all([writer.connect(), listener.connect()]);
  const listened = new Map<number, number>();
  listener.on('notification', (message) => {
    const event = JSON.parse(message.payload ?? '{}') as { data?: { amount_cents?: number } };
    if (event.data?.amount_cents !== undefined) listened.set(event.data.amount_cents, Date.now());
  });
  await listener.query('listen yardpass_command_center');
  const worker = new Worker(CLIENTS_SOURCE, {
    eval: true,
    workerData: {
      url: `${http.origin}/v1/sponsorship-workspaces/${workspaceId}/command-center/stream`,
      apiKey: database.apiKey,
      clients: CLIENTS,
    },
  });
  try {
    process.stderr.write(`command center: connecting ${CLIENTS} stream clients …\n`);
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (message: { connected?: number; error?: string }) =>
        message.error ? reject(new Error(message.error)) : message.connected && resolve(),
      );
      worker.once('error', reject);
    });
    process.stderr.write(`command center: ${CHANGES} changes, one every ${CHANGE_EVERY_MS} ms …\n`);
    const sentAt = new Map<number, number>();
    // The writer changes the order as the system, past row-level security, as a job would.
    await writer.query(`select set_config('yardpass.system', 'on', false)`);
    for (let change = 1; change <= CHANGES; change++) {
      const amount = 100_000 + change;
      await writer.query('begin');
      await writer.query('update sponsorship_orders set amount_cents = $2 where id = $1', [orderId, amount]);
      sentAt.set(amount, Date.now());
      await writer.query('commit');
      await new Promise((resolve) => setTimeout(resolve, CHANGE_EVERY_MS));
    }
    // Let the last change reach everyone, then collect.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const arrivals = await new Promise<[number, number][]>((resolve) => {
      worker.on('message', (message: { arrivals?: [number, number][] }) => {
        if (message.arrivals) resolve(message.arrivals);
      });
      worker.postMessage('stop');
    });
    const expected = CLIENTS * CHANGES;
    if (arrivals.length !== expected)
      throw new Error(`command center: ${arrivals.length} of ${expected} deliveries arrived`);
    const latencies = arrivals.map(([amount, at]) => at - sentAt.get(amount)!);
    const floor = [...sentAt].map(([amount, at]) => listened.get(amount)! - at);
    const span = (Math.max(...arrivals.map(([, at]) => at)) - Math.min(...sentAt.values())) / 1000;
    return [
      {
        scenario: `command center: ${CHANGES} changes, pg LISTEN (1 connection)`,
        requestsPerSecond: CHANGES / ((CHANGES * CHANGE_EVERY_MS) / 1000),
        ...percentiles(floor),
      },
      {
        scenario: `command center: ${CHANGES} changes to ${CLIENTS} stream clients, commit→event`,
        requestsPerSecond: expected / span,
        ...percentiles(latencies),
      },
    ];
  } finally {
    await worker.terminate();
    await Promise.all([writer.end(), listener.end()]);
    await http.close();
  }
}
