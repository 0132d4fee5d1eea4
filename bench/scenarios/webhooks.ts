import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createApp, createDb, createLogger, emitEvent, loadConfig, startWorker } from '@yardpass/server';
import { cpuMs } from '../lib/cpu';
import type { BenchDatabase } from '../lib/database';
import { serve } from '../lib/server';
import type { Row } from '../lib/table';

/**
 * Webhook delivery (issues 7, 21): events committed through the API (`POST /v1/webhook-events:trigger`, which
 * writes the event; its notification wakes the fan-out) until a local receiver, in a process of its own,
 * answered 2xx, with the worker in the same process as in `yardpass-server dev`. Three runs of
 * BENCH_WEBHOOK_EVENTS events: a burst (10 in flight; events/s from the first commit to the last 2xx), all in
 * one commit (the worker's delivery capacity) and a steady rate (latency). Each prints its CPU per event
 * (PostgreSQL's whole cluster and this process) on stderr.
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

/** The receiver (`webhook-receiver.ts`) in a child process, on loopback; `until(n)` answers the arrivals. */
async function startReceiver() {
  const child = fork(fileURLToPath(new URL('webhook-receiver.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`the receiver exited (${code})`)));
  });
  const arrivals = new Map<string, number>();
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    arrivals,
    until: (count: number) =>
      new Promise<void>((resolve) => {
        child.once('message', (message: { arrivals: [string, number][] }) => {
          for (const [id, at] of message.arrivals) arrivals.set(id, at);
          resolve();
        });
        child.send({ until: count });
      }),
    close: () => {
      child.disconnect();
      return new Promise<void>((resolve) =>
        child.exitCode === null ? child.once('exit', () => resolve()) : resolve(),
      );
    },
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
    // CPU per event from `before` on: this process (API, worker) and the whole PostgreSQL cluster.
    const cpuPerEvent = (label: string, before: { node: number; postgres: number }) => {
      const after = cpuMs(database.postgresPid);
      const per = (ms: number) => (ms / EVENTS).toFixed(2);
      process.stderr.write(
        `webhooks: ${label}: CPU per event ${per(after.postgres - before.postgres)} ms PostgreSQL + ${per(after.node - before.node)} ms Node (load average ${loadavg()
          .map((load) => load.toFixed(1))
          .join(' ')})\n`,
      );
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
    const burstCpu = cpuMs(database.postgresPid);
    let next = 0;
    await Promise.all(
      Array.from({ length: BURST_IN_FLIGHT }, async () => {
        while (next++ < EVENTS) await trigger();
      }),
    );
    await receiver.until(EVENTS);
    cpuPerEvent('burst through the API', burstCpu);
    const burst = summarize([...committed.keys()].filter((id) => !before.has(id)));
    rows.push({
      scenario: `webhooks: ${EVENTS} events, burst, commit→2xx`,
      requestsPerSecond: burst.perSecond,
      p50Ms: burst.p50,
      p99Ms: burst.p99,
    });

    process.stderr.write(`webhooks: ${EVENTS} events committed in one transaction …\n`);
    const commitCpu = cpuMs(database.postgresPid);
    const oneTransaction = await db.tenant(database.orgId, async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < EVENTS; i++)
        ids.push((await emitEvent(tx, database.orgId, 'order.funded', { n: i })).id);
      return ids;
    });
    const committedAt = Date.now();
    for (const id of oneTransaction) committed.set(id, committedAt);
    const deliveryCpu = cpuMs(database.postgresPid);
    await receiver.until(committed.size);
    cpuPerEvent('one commit, emitting and delivering', commitCpu);
    cpuPerEvent('one commit, delivering only', deliveryCpu);
    const drained = summarize(oneTransaction);
    rows.push({
      scenario: `webhooks: ${EVENTS} events in one commit, commit→2xx`,
      requestsPerSecond: drained.perSecond,
      p50Ms: drained.p50,
      p99Ms: drained.p99,
    });

    // A steady rate, the events committed through the API and then directly (one transaction each, as a
    // domain write emits them), so that the API's own cost on this machine does not cap the rate offered.
    const commitDirectly = async () => {
      const event = await db.tenant(database.orgId, (tx) =>
        emitEvent(tx, database.orgId, 'order.funded', { steady: true }),
      );
      committed.set(event.id, Date.parse(event.created_at));
    };
    for (const [how, commit] of [
      ['through the API', trigger],
      ['one transaction each', commitDirectly],
    ] as const) {
      process.stderr.write(`webhooks: ${EVENTS} events at ${STEADY_PER_SECOND}/s ${how} …\n`);
      const steadyStart = committed.size;
      const steadyCpu = cpuMs(database.postgresPid);
      const started = Date.now();
      const pending: Promise<void>[] = [];
      for (let i = 0; i < EVENTS; i++) {
        const due = started + (i * 1000) / STEADY_PER_SECOND;
        const wait = due - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        pending.push(commit());
      }
      await Promise.all(pending);
      const offeredMs = Date.now() - started;
      await receiver.until(steadyStart + EVENTS);
      cpuPerEvent(`${STEADY_PER_SECOND}/s ${how}`, steadyCpu);
      process.stderr.write(
        `webhooks: ${STEADY_PER_SECOND}/s offered ${how}, ${Math.round(EVENTS / (offeredMs / 1000))}/s committed\n`,
      );
      const steady = summarize([...committed.keys()].slice(steadyStart));
      rows.push({
        scenario: `webhooks: ${EVENTS} events at ${STEADY_PER_SECOND}/s ${how}, commit→2xx`,
        requestsPerSecond: steady.perSecond,
        p50Ms: steady.p50,
        p99Ms: steady.p99,
      });
    }
  } finally {
    await receiver.close();
    await worker.stop();
    await http.close();
    await db.close();
  }
  return rows;
}
