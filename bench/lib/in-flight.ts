import type { Measurement } from './measure';

/**
 * Runs `task` once for each item, `inFlight` at a time (each a request or a unit of work that changes state, so it
 * cannot be replayed by autocannon), and answers items per second over the whole run with the p50 and p99 of one
 * task in whole milliseconds.
 */
export async function runInFlight<T>(
  items: readonly T[],
  inFlight: number,
  task: (item: T) => Promise<void>,
): Promise<Measurement> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(inFlight, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        const begun = performance.now();
        await task(item);
        latencies.push(performance.now() - begun);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { requestsPerSecond: items.length / seconds, ...percentiles(latencies) };
}

/** The p50 and p99 of `latencies` (ms), rounded to whole milliseconds. */
export function percentiles(latencies: readonly number[]): { p50Ms: number; p99Ms: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { p50Ms: at(0.5), p99Ms: at(0.99) };
}
