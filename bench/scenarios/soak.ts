import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { BenchDatabase } from '../lib/database';

/**
 * A bounded soak: the real `yardpass-server start` and `worker` as child processes on the bench database,
 * under a steady mix of reads, writes and webhook events for `minutes` (SOAK_MINUTES, default 10).
 * Reports errors and p50/p99 per minute, the API process's resident memory before and after, and whether every
 * triggered webhook event reached the receiver.
 */
const bin = fileURLToPath(new URL('../../packages/server/dist/main.js', import.meta.url));
const CONCURRENCY = 8;

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(line?.replace(/\D+/g, '') ?? 0) / 1024);
}

function start(command: 'start' | 'worker', env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [bin, command], {
    env: { PATH: process.env.PATH!, LOG_LEVEL: 'warn', YARDPASS_PAYMENTS: 'sandbox', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

async function waitReady(origin: string) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${origin}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server at ${origin} did not become ready`);
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

export async function runSoak({ database, minutes }: { database: BenchDatabase; minutes: number }) {
  // The receiver answers every delivery at once and remembers each event id (the `webhook-id` header).
  const received = new Set<string>();
  const receiver = createServer((req, res) => {
    received.add(String(req.headers['webhook-id']));
    req.resume().on('end', () => res.end('ok'));
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const env = {
    DATABASE_URL: database.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    YARDPASS_ALLOW_PRIVATE_WEBHOOK_URLS: 'true',
    YARDPASS_RATE_LIMIT_READ_PER_MINUTE: '10000000',
    YARDPASS_RATE_LIMIT_WRITE_PER_MINUTE: '10000000',
  };
  const api = start('start', env);
  const worker = start('worker', env);
  const origin = `http://127.0.0.1:${port}`;
  const headers = { authorization: `Bearer ${database.apiKey}`, 'content-type': 'application/json' };
  try {
    await waitReady(origin);
    const endpoint = await fetch(`${origin}/v1/webhook-endpoints`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ url: receiverUrl, event_types: ['order.funded'] }),
    });
    if (endpoint.status !== 201)
      throw new Error(`webhook endpoint: ${endpoint.status} ${await endpoint.text()}`);

    // One request of the mix: 70 % reads, 20 % writes, 10 % webhook events.
    const triggered: string[] = [];
    const once = async (): Promise<boolean> => {
      const roll = Math.random();
      if (roll < 0.7) return (await fetch(`${origin}/v1/events?limit=20`, { headers }).then(drain)) === 200;
      if (roll < 0.9) {
        const res = await fetch(`${origin}/v1/sponsors`, {
          method: 'POST',
          headers: { ...headers, 'idempotency-key': crypto.randomUUID() },
          body: JSON.stringify({ name: `Soak brand ${Math.random()}`, industry: 'Beverage' }),
        });
        return (await drain(res)) === 201;
      }
      const res = await fetch(`${origin}/v1/webhook-events:trigger`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ type: 'order.funded' }),
      });
      if (res.status !== 201) return (await drain(res), false);
      triggered.push(((await res.json()) as { data: { id: string } }).data.id);
      return true;
    };

    // Warm-up, then the memory baseline.
    const warmUntil = Date.now() + 20_000;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (Date.now() < warmUntil) await once().catch(() => false);
      }),
    );
    const rssBefore = rssMiB(api.pid!);

    const buckets = Array.from({ length: minutes }, () => ({ latencies: [] as number[], errors: 0, rss: 0 }));
    const began = Date.now();
    const end = began + minutes * 60_000;
    // The API's resident memory at the end of each minute: a leak climbs steadily, a warm heap levels off.
    const sampler = setInterval(() => {
      const minute = Math.floor((Date.now() - began) / 60_000) - 1;
      if (buckets[minute]) buckets[minute].rss = rssMiB(api.pid!);
    }, 60_000);
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (Date.now() < end) {
          const t0 = performance.now();
          const good = await once().catch(() => false);
          const bucket = buckets[Math.min(minutes - 1, Math.floor((Date.now() - began) / 60_000))]!;
          bucket.latencies.push(performance.now() - t0);
          if (!good) bucket.errors++;
        }
      }),
    );
    clearInterval(sampler);
    const rssAfter = rssMiB(api.pid!);

    // Every triggered event must arrive; the queue gets a minute to drain.
    const drainUntil = Date.now() + 60_000;
    while (triggered.some((id) => !received.has(id)) && Date.now() < drainUntil)
      await new Promise((resolve) => setTimeout(resolve, 500));
    const undelivered = triggered.filter((id) => !received.has(id)).length;

    const minutesTable = buckets.map((bucket, index) => {
      const sorted = bucket.latencies.sort((a, b) => a - b);
      return {
        minute: index + 1,
        requests: sorted.length,
        errors: bucket.errors,
        p50_ms: Number(percentile(sorted, 50).toFixed(1)),
        p99_ms: Number(percentile(sorted, 99).toFixed(1)),
        rss_mib: bucket.rss || rssAfter,
      };
    });
    return { minutesTable, rssBefore, rssAfter, triggered: triggered.length, undelivered };
  } finally {
    api.kill('SIGTERM');
    worker.kill('SIGTERM');
    await Promise.all([api, worker].map((child) => new Promise((resolve) => child.once('exit', resolve))));
    receiver.close();
  }
}

async function drain(res: Response): Promise<number> {
  await res.arrayBuffer();
  return res.status;
}
