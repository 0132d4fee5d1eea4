import { loadavg } from 'node:os';
import { startBenchDatabase } from './lib/database';
import { runSoak } from './scenarios/soak';

// `pnpm --filter @yardpass/bench soak` (after `pnpm build`): a bounded soak of SOAK_MINUTES (default 10).
const minutes = Number(process.env.SOAK_MINUTES ?? 10);
if (!Number.isInteger(minutes) || minutes < 1)
  throw new Error(`SOAK_MINUTES must be a whole number (got ${minutes})`);
const loadAtStart = (loadavg()[0] ?? 0).toFixed(2);
const database = await startBenchDatabase({ events: 200 });
try {
  const result = await runSoak({ database, minutes });
  console.log(
    `\nsoak: ${minutes} min, load average ${loadAtStart} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at end`,
  );
  console.table(result.minutesTable);
  console.log(
    `API resident memory: ${result.rssBefore} MiB after warm-up, ${result.rssAfter} MiB at the end; ` +
      `webhook events triggered ${result.triggered}, not delivered within a minute: ${result.undelivered}`,
  );
  if (result.undelivered > 0 || result.minutesTable.some((row) => row.errors > 0)) process.exitCode = 1;
} finally {
  await database.stop();
}
