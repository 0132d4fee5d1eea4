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
import { listen } from '../db/listen';
import { MATCH_QUEUE_CHANNEL } from '../db/matching';
import type { Db } from '../db/pool';
import type { Logger } from '../logger';
import { createPayments, type PaymentsProvider } from '../payments';
import { WEBHOOK_EVENTS_CHANNEL } from '../webhooks/db/events';
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
    logger: workerLogger(log),
    pollInterval: 2000,
  });
  // Right after start, recover what a previous worker left (it may have been killed mid-delivery).
  await db.system((tx) => addJob(tx, 'webhooks.sweep', { grace_ms: 0 }));
  const stopWaking = [
    wakeOnNotify(db, runner, log, MATCH_QUEUE_CHANNEL, 'matching.drain'),
    wakeOnNotify(db, runner, log, WEBHOOK_EVENTS_CHANNEL, 'webhooks.fan-out'),
  ];
  return {
    ...runner,
    stop: async (reason) => {
      for (const stop of stopWaking) stop();
      await runner.stop(reason);
    },
    kill: async (reason) => {
      for (const stop of stopWaking) stop();
      await runner.kill(reason);
    },
  };
}

// Notifications closer together than this add one job; the queue's entries wait at most this long for it.
const WAKE_DEBOUNCE_MS = 25;
const RELISTEN_MS = 2_000;

/**
 * Runs `task` as soon as a notification on `channel` commits rather than at its next cron minute or sweep:
 * `matching.drain` for a new queue entry (migration 0017 notifies `MATCH_QUEUE_CHANNEL`), `webhooks.fan-out`
 * for a new webhook event (`WEBHOOK_EVENTS_CHANNEL`). A burst of notifications adds one job; its key keeps one
 * waiting (a run already under way gets one successor, which finds what it left). On a lost connection the
 * worker listens again after a pause, and wakes the task then for what committed meanwhile; the minutely cron
 * (the webhook sweep for events) remains the floor. Returns the function that stops listening.
 */
function wakeOnNotify(
  db: Db,
  runner: Runner,
  log: Logger,
  channel: string,
  task: 'matching.drain' | 'webhooks.fan-out',
): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let unlisten: (() => Promise<void>) | undefined;
  const wake = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      runner
        .addJob(task, {}, { jobKey: task })
        .catch((error: unknown) => log.warn({ err: error, task }, 'wake-up: could not add the job'));
    }, WAKE_DEBOUNCE_MS);
  };
  const start = async () => {
    if (stopped) return;
    let lost = false;
    const again = () => {
      if (!stopped) setTimeout(() => void start(), RELISTEN_MS).unref();
    };
    try {
      unlisten = await listen(db.pool, channel, {
        onMessage: wake,
        onLost: () => {
          if (lost) return;
          lost = true;
          void unlisten?.();
          unlisten = undefined;
          again();
        },
      });
    } catch (error) {
      log.warn({ err: error, task }, 'wake-up: could not listen; the minutely cron or sweep still runs it');
      if (!lost) again();
      return;
    }
    if (stopped) return unlisten();
    wake();
  };
  void start();
  return () => {
    stopped = true;
    clearTimeout(timer);
    void unlisten?.();
  };
}

/**
 * graphile-worker's log in ours. Its `info` is routine (a worker connected, every job completed, with the whole job
 * row), one line a job: that goes to debug, so the tasks' own lines (what a run did) and the worker's warnings and
 * errors (a failed job) are what an operator reads at the default level. pino calls `warning` "warn".
 */
export function workerLogger(log: Logger): WorkerLogger {
  const methods = { error: 'error', warning: 'warn', info: 'debug', debug: 'debug' } as const;
  return new WorkerLogger(
    (scope) => (level, message, meta) => log[methods[level]]({ worker: scope, ...meta }, message),
  );
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
