import {
  Logger as WorkerLogger,
  parseCronItems,
  run,
  type Runner,
  type Task,
  type TaskList,
} from 'graphile-worker';
import type { Config } from '../config';
import { addJob } from '../db/jobs';
import type { Db } from '../db/pool';
import type { Logger } from '../logger';
import { createPayments, type PaymentsProvider } from '../payments';
import { createSender } from '../webhooks/send';
import { webhookSettings } from '../webhooks/settings';
import { type TaskDeps, tasks } from './tasks';

/**
 * The background worker: graphile-worker on the same PostgreSQL (LISTEN/NOTIFY wake-ups, cron, job keys),
 * running the task catalogue of `./tasks`. Run it in-process (`dev`) or as its own scalable process (`worker`).
 */
export async function startWorker(options: {
  db: Db;
  config: Config;
  log: Logger;
  clock?: () => Date;
  /** Stripe or the sandbox; by default the one the configuration names. */
  payments?: PaymentsProvider;
}): Promise<Runner> {
  const { db, config, log } = options;
  const clock = options.clock ?? (() => new Date());
  const settings = webhookSettings(config);
  const sender = createSender({ timeoutMs: settings.timeoutMs, allowPrivate: settings.allowPrivate });
  const deps: TaskDeps = {
    db,
    config,
    log,
    clock,
    payments: options.payments ?? createPayments(config),
    delivery: { db, settings, sender, log, clock },
  };
  const runner = await run({
    pgPool: db.pool,
    taskList: taskList(deps),
    parsedCronItems: parseCronItems(
      Object.entries(tasks).flatMap(([identifier, { cron }]) =>
        cron ? [{ task: identifier, match: cron, identifier }] : [],
      ),
    ),
    concurrency: 4,
    noHandleSignals: true,
    logger: new WorkerLogger((scope) => (level, message, meta) => {
      // graphile-worker's levels are error, warning, info and debug; pino calls warning "warn".
      const name = String(level);
      const method = name === 'warning' ? 'warn' : (name as 'error' | 'info' | 'debug');
      log[method]({ worker: scope, ...meta }, message);
    }),
    pollInterval: 2000,
  });
  // Right after start, recover what a previous worker left (it may have been killed mid-delivery).
  await db.system((tx) => addJob(tx, 'webhooks.sweep', { grace_ms: 0 }));
  return runner;
}

/** The catalogue as graphile-worker's task list: each payload parsed once, before its handler runs. */
function taskList(deps: TaskDeps): TaskList {
  return Object.fromEntries(
    Object.entries(tasks).map(([identifier, definition]): [string, Task] => {
      const handle = (definition.handler as (deps: TaskDeps) => (payload: unknown) => Promise<void>)(deps);
      return [
        identifier,
        async (payload) => {
          const parsed = definition.payload.safeParse(payload ?? {});
          if (!parsed.success)
            throw new Error(`${identifier}: bad payload ${JSON.stringify(payload)}: ${parsed.error.message}`);
          await handle(parsed.data);
        },
      ];
    }),
  );
}
