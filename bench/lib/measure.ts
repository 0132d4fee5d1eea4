import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

export interface Target {
  url: string;
  headers?: Record<string, string>;
  /** GET unless given; `[<id>]` in the headers or body becomes a fresh id in every request (new Idempotency-Keys). */
  method?: 'GET' | 'POST';
  body?: string;
}

export interface Measurement {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Loads `target` with autocannon: a short warm-up (discarded), then the measured run. The load comes
 * from a worker thread, so it does not share the servers' event loop (it still shares the CPU cores).
 * Throws when a single answer is not 2xx: a benchmark of error responses measures nothing useful.
 */
export async function measure(
  target: Target,
  options: { durationSeconds: number; warmupSeconds: number; connections: number },
): Promise<Measurement> {
  const fresh = (text: string) => text.replaceAll('[<id>]', randomUUID());
  const probe = await fetch(target.url, {
    headers: Object.fromEntries(
      Object.entries(target.headers ?? {}).map(([name, value]) => [name, fresh(value)]),
    ),
    method: target.method,
    body: target.body && fresh(target.body),
  });
  const answer = await probe.text();
  if (!probe.ok) throw new Error(`${target.url} answered ${probe.status}: ${answer.slice(0, 300)}`);

  const run = (duration: number) =>
    autocannon({
      url: target.url,
      headers: target.headers,
      method: target.method ?? 'GET',
      ...(target.body === undefined ? {} : { body: target.body, idReplacement: true }),
      connections: options.connections,
      duration,
      workers: 1,
    });
  await run(options.warmupSeconds);
  const result = await run(options.durationSeconds);
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${target.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts out of ${result.requests.total} requests`,
    );
  }
  return { requestsPerSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99 };
}
