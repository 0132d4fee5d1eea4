import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, createDb, createLogger, emitEvent, loadConfig, startWorker } from '@yardpass/server';
import type { BenchDatabase } from '../lib/database';
import { serve } from '../lib/server';
import type { Row } from '../lib/table';

/**
 * Webhook delivery (issue 7): events committed through the API (`POST /v1/webhook-events:trigger`, which
 * writes the event and enqueues its fan-out in one transaction) until a local receiver answered 2xx, with
 * the worker in the same process as in `yardpass-server dev`. Two runs of BENCH_WEBHOOK_EVENTS events:
 * a burst (10 in flight; events/s from the first commit to the last 2xx) and a steady rate (latency).
 */
const EVENTS = positive('BENCH_WEBHOOK_EVENTS', 1_000);
const BURST_IN_FLIGHT = 10;
const STEADY_PER_SECOND = positive('BENCH_WEBHOOK_RATE', 100);

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** A receiver that answers 204 at once and notes when each event (by `webhook-id`) first arrived. */
async function startReceiver() {
  const arrivals = new Map<string, number>();
  let waiting: { count: number; resolve: () => void } | undefined;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const id = String(request.headers['webhook-id']);
      if (!arrivals.has(id)) arrivals.set(id, Date.now());
      response.writeHead(204).end();
      if (waiting && arrivals.size >= waiting.count) waiting.resolve();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    arrivals,
    until: (count: number) =>
      new Promise<void>((resolve) => {
        if (arrivals.size >= count) resolve();
        else waiting = { count, resolve };
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function runWebhooksBench({ database }: { database: BenchDatabase }): Promise<Row[]> {
  const config = loadConfig(
    {
      DATABASE_URL: database.url,
      LOG_LEVEL: 'silent',
      YARDPASS_ALLOW_PRIVATE_WEBHOOK_URLS: 'true',
      YARDPASS_RATE_LIMIT_WRITE_PER_MINUTE: '10000000',
    },
    'dev',
  );
  const db = createDb({ databaseUrl: database.url, max: config.YARDPASS_DB_POOL_SIZE });
  const log = createLogger(config.LOG_LEVEL);
  const { app } = createApp({ config, db, log });
  const http = await serve(app.fetch);
  const worker = await startWorker({ db, config, log });
  const receiver = await startReceiver();
  const call = async (path: string, body: unknown) => {
    const response = await fetch(`${http.origin}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${database.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { data: { id: string; created_at: string } }).data;
  };
  const rows: Row[] = [];
  try {
    await call('/v1/webhook-endpoints', { url: receiver.url, event_types: ['order.funded'] });
    const committed = new Map<string, number>();
    const trigger = async () => {
      const event = await call('/v1/webhook-events:trigger', { type: 'order.funded' });
      // created_at is the transaction's start: the latency measured includes the commit itself.
      committed.set(event.id, Date.parse(event.created_at));
    };
    const summarize = (ids: string[]) => {
      const latencies = ids
        .map((id) => receiver.arrivals.get(id)! - committed.get(id)!)
        .sort((a, b) => a - b);
      const first = Math.min(...ids.map((id) => committed.get(id)!));
      const last = Math.max(...ids.map((id) => receiver.arrivals.get(id)!));
      return {
        perSecond: ids.length / ((last - first) / 1000),
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
      };
    };

    process.stderr.write(`webhooks: ${EVENTS} events in a burst …\n`);
    const before = new Set(committed.keys());
    let next = 0;
    await Promise.all(
      Array.from({ length: BURST_IN_FLIGHT }, async () => {
        while (next++ < EVENTS) await trigger();
      }),
    );
    await receiver.until(EVENTS);
    const burst = summarize([...committed.keys()].filter((id) => !before.has(id)));
    rows.push({
      scenario: `webhooks: ${EVENTS} events, burst, commit→2xx`,
      requestsPerSecond: burst.perSecond,
      p50Ms: burst.p50,
      p99Ms: burst.p99,
    });

    process.stderr.write(`webhooks: ${EVENTS} events committed in one transaction …\n`);
    const oneTransaction = await db.tenant(database.orgId, async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < EVENTS; i++)
        ids.push((await emitEvent(tx, database.orgId, 'order.funded', { n: i })).id);
      return ids;
    });
    const committedAt = Date.now();
    for (const id of oneTransaction) committed.set(id, committedAt);
    await receiver.until(committed.size);
    const drained = summarize(oneTransaction);
    rows.push({
      scenario: `webhooks: ${EVENTS} events in one commit, commit→2xx`,
      requestsPerSecond: drained.perSecond,
      p50Ms: drained.p50,
      p99Ms: drained.p99,
    });

    process.stderr.write(`webhooks: ${EVENTS} events at ${STEADY_PER_SECOND}/s …\n`);
    const steadyStart = committed.size;
    const started = Date.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const due = started + (i * 1000) / STEADY_PER_SECOND;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(trigger());
    }
    await Promise.all(pending);
    await receiver.until(steadyStart + EVENTS);
    const steady = summarize([...committed.keys()].slice(steadyStart));
    rows.push({
      scenario: `webhooks: ${EVENTS} events at ${STEADY_PER_SECOND}/s, commit→2xx`,
      requestsPerSecond: steady.perSecond,
      p50Ms: steady.p50,
      p99Ms: steady.p99,
    });
  } finally {
    await receiver.close();
    await worker.stop();
    await http.close();
    await db.close();
  }
  return rows;
}
