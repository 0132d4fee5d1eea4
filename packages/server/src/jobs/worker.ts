import { Logger as WorkerLogger, parseCronItems, run, type Runner, type TaskList } from 'graphile-worker';
import type { Config } from '../config';
import type { Db } from '../db/pool';
import { refundIssuer } from '../domain/orders';
import type { Logger } from '../logger';
import { createPayments, type PaymentsProvider } from '../payments';
import { cleanup } from './cleanup';
import { ensureAnalyticsPartitions } from './partitions';
import { payoutTask } from './payout';
import { proposalExpiry } from './proposal-expiry';
import { reconcileTask } from './reconcile';
import { rollupStats } from './rollup';
import { slaEvaluation } from './sla-evaluation';
import { recoverWebhookWork, webhookCron, webhookTasks } from './webhooks';

/**
 * The background worker: graphile-worker on the same PostgreSQL (LISTEN/NOTIFY wake-ups, cron, job keys).
 * Run it in-process (`dev`) or as its own scalable process (`worker`).
 */
export function startWorker(options: {
  db: Db;
  config: Config;
  log: Logger;
  clock?: () => Date;
  /** Stripe or the sandbox; by default the one the configuration names. */
  payments?: PaymentsProvider;
}): Promise<Runner> {
  const { db, config, log } = options;
  const clock = options.clock ?? (() => new Date());
  const payments = options.payments ?? createPayments(config);
  const taskList: TaskList = {
    'payouts.transfer': payoutTask({ db, payments, log }),
    'payments.reconcile': reconcileTask({
      db,
      payments,
      log,
      defaultFeeBps: config.YARDPASS_PLATFORM_FEE_BPS,
      clock,
    }),
    ...webhookTasks({ db, config, log, clock }),
    'stats.rollup': async () => {
      const result = await rollupStats(db, {
        now: clock(),
        minSegment: config.YARDPASS_AUDIENCE_MIN_SEGMENT,
      });
      log.info({ job: 'stats.rollup', ...result }, 'stats rollup done');
    },
    'analytics.partitions': async () => {
      const created = await ensureAnalyticsPartitions(db, { now: clock() });
      log.info({ job: 'analytics.partitions', created }, 'analytics partitions ensured');
    },
    'proposals.expire': async () => {
      const expired = await proposalExpiry(db, { days: config.YARDPASS_PROPOSAL_EXPIRY_DAYS, now: clock() });
      log.info({ job: 'proposals.expire', expired }, 'idle proposals expired');
    },
    'slas.evaluate': async () => {
      const outcome = await slaEvaluation(db, {
        now: clock(),
        issueRefund: refundIssuer({ payments, config }),
      });
      log.info({ job: 'slas.evaluate', ...outcome }, 'SLAs evaluated');
    },
    cleanup: async () => {
      const removed = await cleanup(db, {
        auditRetentionDays: config.YARDPASS_AUDIT_RETENTION_DAYS,
        now: clock(),
      });
      log.info({ job: 'cleanup', removed }, 'cleanup done');
    },
  };
  return run({
    pgPool: db.pool,
    taskList,
    parsedCronItems: parseCronItems([
      { task: 'cleanup', match: '17 * * * *', identifier: 'cleanup' },
      { task: 'payments.reconcile', match: '*/5 * * * *', identifier: 'payments.reconcile' },
      { task: 'slas.evaluate', match: '30 2 * * *', identifier: 'slas.evaluate' },
      { task: 'proposals.expire', match: '23 * * * *', identifier: 'proposals.expire' },
      { task: 'stats.rollup', match: '5 * * * *', identifier: 'stats.rollup' },
      { task: 'analytics.partitions', match: '40 3 * * *', identifier: 'analytics.partitions' },
      webhookCron,
    ]),
    concurrency: 4,
    noHandleSignals: true,
    logger: new WorkerLogger((scope) => (level, message, meta) => {
      // graphile-worker's levels are error, warning, info and debug; pino calls warning "warn".
      const name = String(level);
      const method = name === 'warning' ? 'warn' : (name as 'error' | 'info' | 'debug');
      log[method]({ worker: scope, ...meta }, message);
    }),
    pollInterval: 2000,
  }).then(recoverWebhookWork);
}
