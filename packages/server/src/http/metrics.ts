import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { OperationalSnapshot } from '../db/ops';
import type { Logger } from '../logger';
import { PaymentsRejectedError, type PaymentsProvider } from '../payments/provider';
import type { AppEnv } from './response';

export interface Metrics {
  registry: Registry;
  middleware(log: Logger): MiddlewareHandler<AppEnv>;
  /** Counts, times and logs one answered request: the middleware's work, for cached widgets served before it. */
  observeRequest(log: Logger, request: ObservedRequest): void;
  /** The provider with each call timed and its failures counted (`yardpass_stripe_*`). */
  instrumentPayments(payments: PaymentsProvider): PaymentsProvider;
  /** Counts a view, lead or error reported by an embedded widget (`yardpass_widget_events_total`). */
  widgetEvent(type: 'view' | 'lead' | 'error'): void;
}

export interface ObservedRequest {
  requestId: string;
  method: string;
  path: string;
  /** The matched route pattern (`unmatched` for none), not the raw path: label cardinality stays bounded. */
  route: string;
  status: number;
  seconds: number;
}

/** What the gauges read at each scrape. */
export interface MetricsSources {
  queueDepth: () => Promise<number>;
  queueByTask: () => Promise<{ task: string; depth: number; oldest_seconds: number }[]>;
  snapshot: () => Promise<OperationalSnapshot>;
  pool: () => { waiting: number; total: number; idle: number };
}

/** A value read at most once per scrape, however many gauges ask for it. */
function perScrape<T>(read: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= read().finally(() => setTimeout(() => (pending = undefined), 1000).unref());
    return pending;
  };
}

/** Per-app Prometheus registry (no global default registry, so test apps do not share counters). */
export function createMetrics(options: MetricsSources): Metrics {
  const registry = new Registry();
  const snapshot = perScrape(options.snapshot);
  const byTask = perScrape(options.queueByTask);
  // Registered first: read before this scrape's own queries take connections from the pool.
  new Gauge({
    name: 'yardpass_db_pool_clients',
    help: 'Connections of the database pool, by state (waiting: requests queued for a connection).',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const pool = options.pool();
      this.set({ state: 'waiting' }, pool.waiting);
      this.set({ state: 'total' }, pool.total);
      this.set({ state: 'idle' }, pool.idle);
    },
  });
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by route and status.',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route and status.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'yardpass_job_queue_depth',
    help: 'Jobs waiting in the PostgreSQL job queue.',
    registers: [registry],
    async collect() {
      this.set(await options.queueDepth().catch(() => Number.NaN));
    },
  });

  new Gauge({
    name: 'yardpass_job_queue_task_depth',
    help: 'Jobs waiting for a worker, by task.',
    labelNames: ['task'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await byTask().catch(() => [])) this.set({ task: row.task }, row.depth);
    },
  });
  new Gauge({
    name: 'yardpass_job_queue_oldest_age_seconds',
    help: 'How long the oldest due job of each task has waited for a worker.',
    labelNames: ['task'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await byTask().catch(() => [])) this.set({ task: row.task }, row.oldest_seconds);
    },
  });
  new Gauge({
    name: 'yardpass_webhook_first_attempts',
    help: 'First delivery attempts of webhooks in the last hour, by outcome (ok: a 2xx answer).',
    labelNames: ['outcome'],
    registers: [registry],
    async collect() {
      const s = await snapshot();
      this.set({ outcome: 'ok' }, s.first_attempts_ok);
      this.set({ outcome: 'failed' }, s.first_attempts - s.first_attempts_ok);
    },
  });
  new Gauge({
    name: 'yardpass_webhook_first_attempt_success_ratio',
    help: 'Share of webhook first attempts in the last hour that succeeded (1 when there were none).',
    registers: [registry],
    async collect() {
      const s = await snapshot();
      this.set(s.first_attempts === 0 ? 1 : s.first_attempts_ok / s.first_attempts);
    },
  });
  new Gauge({
    name: 'yardpass_webhook_delivery_latency_seconds',
    help: 'From an event to its successful delivery, over deliveries that succeeded in the last hour.',
    // Not `quantile`: that label belongs to summaries, and this is computed in the database.
    labelNames: ['percentile'],
    registers: [registry],
    async collect() {
      this.reset();
      const s = await snapshot();
      if (s.delivery_p50_seconds !== null) this.set({ percentile: '50' }, s.delivery_p50_seconds);
      if (s.delivery_p95_seconds !== null) this.set({ percentile: '95' }, s.delivery_p95_seconds);
    },
  });
  new Gauge({
    name: 'yardpass_payouts',
    help: 'Payouts by status (paid and failed are their outcomes).',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [status, count] of Object.entries((await snapshot()).payouts)) this.set({ status }, count);
    },
  });
  new Gauge({
    name: 'yardpass_rollup_lag_seconds',
    help: 'Time since the latest stats rollup wrote its results (hourly; guide §13: done within 10 minutes).',
    registers: [registry],
    async collect() {
      const at = (await snapshot()).last_rollup_at;
      this.set(at === null ? 0 : (Date.now() - Date.parse(at)) / 1000);
    },
  });
  new Gauge({
    name: 'yardpass_matching_queue_depth',
    help: 'Match recalculations queued and not yet drained (each an event, a sponsor, a pair or everything).',
    registers: [registry],
    async collect() {
      this.set((await snapshot()).match_queue_depth);
    },
  });
  new Gauge({
    name: 'yardpass_matching_queue_lag_seconds',
    help: 'How long the oldest queued match recalculation has waited (0 when the queue is empty).',
    registers: [registry],
    async collect() {
      this.set((await snapshot()).match_queue_oldest_seconds);
    },
  });
  const stripeDuration = new Histogram({
    name: 'yardpass_stripe_request_duration_seconds',
    help: 'Calls to the payment processor by operation and outcome (ok, rejected, unavailable).',
    labelNames: ['provider', 'operation', 'outcome'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
    registers: [registry],
  });
  const stripeErrors = new Counter({
    name: 'yardpass_stripe_errors_total',
    help: 'Failed calls to the payment processor by operation and kind (rejected: refused; unavailable: unreachable or failing).',
    labelNames: ['provider', 'operation', 'kind'],
    registers: [registry],
  });

  const widgetEvents = new Counter({
    name: 'yardpass_widget_events_total',
    help: 'Views, leads ("Request Proposal" clicks) and errors reported by embedded workspace widgets, by type.',
    labelNames: ['type'],
    registers: [registry],
  });

  const observeRequest = (log: Logger, request: ObservedRequest) => {
    const labels = { method: request.method, route: request.route, status: String(request.status) };
    requests.inc(labels);
    duration.observe(labels, request.seconds);
    if (log.isLevelEnabled('info'))
      log.info(
        {
          request_id: request.requestId,
          method: request.method,
          path: request.path,
          status: request.status,
          ms: Math.round(request.seconds * 1000),
        },
        'request',
      );
  };

  return {
    registry,
    widgetEvent: (type) => widgetEvents.inc({ type }),
    instrumentPayments: (payments) => {
      const timed =
        (operation: string, call: (...args: never[]) => Promise<unknown>) =>
        async (...args: never[]) => {
          const stop = stripeDuration.startTimer({ provider: payments.mode, operation });
          try {
            const result = await call(...args);
            stop({ outcome: 'ok' });
            return result;
          } catch (error) {
            const kind = error instanceof PaymentsRejectedError ? 'rejected' : 'unavailable';
            stop({ outcome: kind });
            stripeErrors.inc({ provider: payments.mode, operation, kind });
            throw error;
          }
        };
      const wrapped: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(payments))
        // Webhook parsing and the sandbox's own helpers are local: only calls that return a promise are timed.
        wrapped[name] =
          typeof value === 'function' && !['parseWebhook', 'drainEvents', 'closeDispute'].includes(name)
            ? timed(name, value as (...args: never[]) => Promise<unknown>)
            : value;
      return wrapped as unknown as PaymentsProvider;
    },
    middleware: (log) => async (c, next) => {
      const started = performance.now();
      await next();
      const route = routePath(c, -1);
      observeRequest(log, {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        route: route === '/*' ? 'unmatched' : route,
        status: c.res.status,
        seconds: (performance.now() - started) / 1000,
      });
    },
    observeRequest,
  };
}
