import { loadavg } from 'node:os';
import { measure, type Measurement, type Target } from './measure';
import type { Row } from './table';

/** A route measured in alternating rounds; it stays up until every round is done. */
export interface RoundScenario {
  name: string;
  /** The scenario this one is compared with (it must come earlier in the list). */
  baseline?: string;
  start(): Promise<Target & { close: () => Promise<void> }>;
}

/**
 * Starts every scenario, then measures them in turn, `rounds` times over, so that drift in the machine's
 * speed (it is shared with the load generator, PostgreSQL and other work) hits a route and its baseline
 * alike. Each row is the median of its rounds.
 */
export async function measureInRounds(
  scenarios: RoundScenario[],
  options: { rounds: number; durationSeconds: number; connections: number },
): Promise<Row[]> {
  const { rounds, durationSeconds, connections } = options;
  const started: { scenario: RoundScenario; target: Target; close: () => Promise<void> }[] = [];
  try {
    for (const scenario of scenarios) {
      const { close, ...target } = await scenario.start();
      started.push({ scenario, target, close });
    }
    const measured = new Map(scenarios.map((scenario) => [scenario.name, [] as Measurement[]]));
    for (let round = 0; round < rounds; round++) {
      for (const { scenario, target } of started) {
        process.stderr.write(`${scenario.name}: round ${round + 1} of ${rounds}, ${durationSeconds} s …\n`);
        const warmupSeconds = round === 0 ? Math.min(2, durationSeconds) : 0.5;
        const m = await measure(target, { durationSeconds, warmupSeconds, connections });
        measured.get(scenario.name)?.push(m);
        // Each round's figures and the machine's load then: the table shows only the medians.
        process.stderr.write(
          `  ${Math.round(m.requestsPerSecond)} req/s, p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms; load average ${loadavg()[0]?.toFixed(2)}\n`,
        );
      }
    }
    return scenarios.map(({ name, baseline }) => ({
      scenario: name,
      baseline,
      ...medianOf(measured.get(name) ?? []),
    }));
  } finally {
    for (const { close } of started) await close();
  }
}

/** Each figure is the median over the rounds. */
function medianOf(measurements: Measurement[]): Measurement {
  const median = (pick: (m: Measurement) => number) =>
    measurements.map(pick).sort((a, b) => a - b)[Math.floor(measurements.length / 2)] ?? 0;
  return {
    requestsPerSecond: median((m) => m.requestsPerSecond),
    p50Ms: median((m) => m.p50Ms),
    p99Ms: median((m) => m.p99Ms),
  };
}
