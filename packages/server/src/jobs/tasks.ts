import { z } from 'zod';
import type { Config } from '../config';
import type { Db } from '../db/pool';
import { ensureAnalyticsPartitions } from '../domain/analytics';
import { cleanup } from '../domain/cleanup';
import { captureCommandCenterFeed, sendCommandCenterAlert } from '../domain/command-center';
import { drainMatchQueue } from '../domain/matching';
import { foldMoney } from '../domain/ops';
import { refundIssuer } from '../domain/orders';
import { runPayout } from '../domain/payouts';
import { reconcileLedger } from '../domain/reconciliation';
import { expireProposals } from '../domain/proposals';
import { runTimeouts } from '../domain/timeouts';
import { evaluateDueSlas } from '../domain/slas';
import { rollupAll } from '../domain/stats';
import type { Logger } from '../logger';
import type { PaymentsProvider } from '../payments/provider';
import { reconcilePayments } from '../payments/reconcile';
import { deliverEndpoint, type DeliveryDeps, fanOutEvents, sweepWebhookWork } from '../webhooks/delivery';

/** What every handler may use; the worker builds it once. */
export interface TaskDeps {
  db: Db;
  config: Config;
  log: Logger;
  clock: () => Date;
  payments: PaymentsProvider;
  delivery: DeliveryDeps;
}

interface TaskDefinition<Payload> {
  /** Parses the job's payload before the handler sees it; a bad payload fails the job with the reason. */
  payload: z.ZodType<Payload>;
  /** A crontab line (UTC) when the task also runs on a schedule. */
  cron?: string;
  handler: (deps: TaskDeps) => (payload: Payload) => Promise<void>;
}

const task = <Payload>(definition: TaskDefinition<Payload>) => definition;

// Cron runs pass `{ _cron: { ts, backfilled } }`; scheduled tasks take no payload of their own.
const scheduled = z.object({});

// Deliveries overdue by this much with no lease are taken to be stranded by a crashed worker.
const SWEEP_GRACE_MS = 60_000;

/**
 * Every background task, by identifier: its payload, its schedule and its handler. Jobs are queued only
 * through `addJob`/`enqueueSql` (db/jobs.ts), which accept these identifiers and payloads and nothing else.
 */
export const tasks = {
  /** One payout's transfer; queued by the release (or a cancellation penalty) in its transaction. */
  'payouts.transfer': task({
    payload: z.object({ payout_id: z.uuid() }),
    handler:
      (deps) =>
      async ({ payout_id }) => {
        // A failed attempt throws after recording itself, so graphile-worker retries it with its backoff.
        const payout = await runPayout(deps, payout_id);
        deps.log.info({ job: 'payouts.transfer', payout_id, status: payout?.status }, 'payout run');
      },
  }),
  /** Stripe is the truth for PaymentIntents (guide §17); also locks at event start and requeues payouts. */
  'payments.reconcile': task({
    payload: scheduled,
    cron: '*/5 * * * *',
    handler: (deps) => async () => {
      const report = await reconcilePayments(
        { ...deps, defaultFeeBps: deps.config.YARDPASS_PLATFORM_FEE_BPS },
        deps.clock(),
      );
      deps.log.info({ job: 'payments.reconcile', ...report }, 'payments reconciled with Stripe');
    },
  }),
  /** Daily: Stripe's charges, transfers, refunds and disputes of the previous UTC day against the ledger, stored. */
  'payments.reconcile-ledger': task({
    payload: scheduled,
    cron: '10 4 * * *',
    handler: (deps) => async () => {
      const to = new Date(Math.floor(deps.clock().getTime() / 86_400_000) * 86_400_000);
      const run = await reconcileLedger(deps, {
        from: new Date(to.getTime() - 86_400_000),
        to,
        trigger: 'schedule',
      });
      deps.log.info(
        {
          job: 'payments.reconcile-ledger',
          run_id: run.id,
          status: run.status,
          differences: run.difference_count,
        },
        'ledger reconciled with the payment processor',
      );
    },
  }),
  /**
   * Queued (one job key) by the worker when an event's notification arrives, and by the sweep for events no
   * worker heard: fans out every event waiting, one delivery per matching endpoint, and queues each
   * endpoint's `webhooks.deliver`. Jobs queued by older versions carried an `event_id`, which is ignored.
   */
  'webhooks.fan-out': task({
    payload: z.object({}),
    handler: (deps) => async () => {
      await fanOutEvents(deps.delivery);
    },
  }),
  /** The due attempts of one endpoint, in sets: one job key for new deliveries, one for the next attempt due. */
  'webhooks.deliver': task({
    payload: z.object({ endpoint_id: z.uuid() }),
    handler:
      (deps) =>
      async ({ endpoint_id }) => {
        await deliverEndpoint(deps.delivery, endpoint_id);
      },
  }),
  /** Every minute, and once at start with no grace: recovers work a crashed worker held. */
  'webhooks.sweep': task({
    payload: z.object({ grace_ms: z.number().int().min(0).optional() }),
    cron: '* * * * *',
    handler:
      (deps) =>
      async ({ grace_ms = SWEEP_GRACE_MS }) => {
        const requeued = await sweepWebhookWork(deps.db, { graceMs: grace_ms, now: deps.clock() });
        if (requeued.events + requeued.deliveries > 0)
          deps.log.info({ job: 'webhooks.sweep', ...requeued }, 'webhook work recovered');
      },
  }),
  /** Hourly: stat snapshots and audience insights for every event with activity, set-based. */
  'stats.rollup': task({
    payload: scheduled,
    cron: '5 * * * *',
    handler: (deps) => async () => {
      const result = await rollupAll(deps.db, {
        now: deps.clock(),
        minSegment: deps.config.YARDPASS_AUDIENCE_MIN_SEGMENT,
      });
      deps.log.info({ job: 'stats.rollup', ...result }, 'stats rollup done');
    },
  }),
  /** Daily: the analytics partitions of this month and the next three. */
  'analytics.partitions': task({
    payload: scheduled,
    cron: '40 3 * * *',
    handler: (deps) => async () => {
      const created = await ensureAnalyticsPartitions(deps.db, { now: deps.clock() });
      deps.log.info({ job: 'analytics.partitions', created }, 'analytics partitions ensured');
    },
  }),
  /**
   * Every 5 minutes: the organizers' order windows act — unpaid orders expire, unreviewed deliverables are
   * approved, fulfilled orders are released when asked for — each with a reminder a day before. Safe to overlap.
   */
  'orders.timeouts': task({
    payload: scheduled,
    cron: '*/5 * * * *',
    handler: (deps) => async () => {
      const report = await runTimeouts(
        { ...deps, defaultFeeBps: deps.config.YARDPASS_PLATFORM_FEE_BPS },
        deps.clock(),
      );
      const acted = Object.fromEntries(Object.entries(report).map(([kind, ids]) => [kind, ids.length]));
      deps.log.info({ job: 'orders.timeouts', ...acted }, 'order time-outs run');
    },
  }),
  /** Hourly: open proposals idle for `YARDPASS_PROPOSAL_EXPIRY_DAYS` expire. */
  'proposals.expire': task({
    payload: scheduled,
    cron: '23 * * * *',
    handler: (deps) => async () => {
      const expired = await expireProposals(deps.db, {
        days: deps.config.YARDPASS_PROPOSAL_EXPIRY_DAYS,
        now: deps.clock(),
      });
      deps.log.info({ job: 'proposals.expire', expired }, 'idle proposals expired');
    },
  }),
  /** Nightly: SLAs past due plus grace are evaluated and their breach policies applied; safe to overlap. */
  'slas.evaluate': task({
    payload: scheduled,
    cron: '30 2 * * *',
    handler: (deps) => async () => {
      const outcome = await evaluateDueSlas(deps.db, {
        now: deps.clock(),
        issueRefund: refundIssuer({ payments: deps.payments, config: deps.config }),
      });
      deps.log.info({ job: 'slas.evaluate', ...outcome }, 'SLAs evaluated');
    },
  }),
  /**
   * Every minute, and at once after `POST /v1/matches/recompute` (one waiting job, by its key): scores the
   * pairs `fit_recalc_queue` names, set-based, until it is empty.
   */
  'matching.drain': task({
    payload: scheduled,
    cron: '* * * * *',
    handler: (deps) => async () => {
      const outcome = await drainMatchQueue(deps.db);
      if (outcome.batches > 0) deps.log.info({ job: 'matching.drain', ...outcome }, 'match queue drained');
    },
  }),
  /** Every minute: the money changes booked since the last run are folded into the business metrics' days. */
  'metrics.fold-money': task({
    payload: scheduled,
    cron: '* * * * *',
    handler: (deps) => async () => {
      const folded = await foldMoney(deps.db);
      if (folded > 0) deps.log.debug({ job: 'metrics.fold-money', folded }, 'money changes folded');
    },
  }),
  /**
   * Every 5 minutes: one feed row per enabled command center for the slot, set-based; crossed thresholds queue
   * their `command-center.notify`. Two runs for one slot write one row (the second finds it).
   */
  'command-center.capture': task({
    payload: scheduled,
    cron: '*/5 * * * *',
    handler: (deps) => async () => {
      const captured = await captureCommandCenterFeed(deps.db, deps.clock());
      deps.log.info({ job: 'command-center.capture', ...captured }, 'command-center feed captured');
    },
  }),
  /** One crossed threshold to the workspace's Slack webhook; retried with backoff until Slack accepts it. */
  'command-center.notify': task({
    payload: z.object({ alert_id: z.uuid() }),
    handler:
      (deps) =>
      async ({ alert_id }) => {
        const outcome = await sendCommandCenterAlert({ db: deps.db, sender: deps.delivery.sender }, alert_id);
        deps.log.info({ job: 'command-center.notify', alert_id, outcome }, 'command-center alert');
      },
  }),
  /** Hourly: expired idempotency keys, audit entries past retention, finished rate-limit windows. */
  cleanup: task({
    payload: scheduled,
    cron: '17 * * * *',
    handler: (deps) => async () => {
      const removed = await cleanup(deps.db, {
        auditRetentionDays: deps.config.YARDPASS_AUDIT_RETENTION_DAYS,
        now: deps.clock(),
      });
      deps.log.info({ job: 'cleanup', removed }, 'cleanup done');
    },
  }),
};

type Catalogue = typeof tasks;

/** Each task's payload as its handler receives it (after parsing). */
export type TaskPayloads = {
  [Name in keyof Catalogue]: Catalogue[Name] extends TaskDefinition<infer Payload> ? Payload : never;
};

// graphile-worker declares its task map as a global namespace; merging into it is the documented way in.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace GraphileWorker {
    // Declaration merging is how graphile-worker types `addJob` and the task list by identifier.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Tasks extends TaskPayloads {}
  }
}
