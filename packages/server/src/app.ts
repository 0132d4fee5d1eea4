import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Config } from './config';
import type { Db } from './db/pool';
import { matchListsOf } from './domain/match-list-cache';
import { refundIssuer } from './domain/orders';
import { AppError } from './errors';
import { createAuthenticator } from './http/auth';
import { createMetrics, type Metrics } from './http/metrics';
import { problemResponse } from './http/problem';
import { createRateLimit } from './http/rate-limit';
import { requestId } from './http/request-id';
import type { AppEnv } from './http/response';
import { type Handlers, methodsAt, registerOperations } from './http/router';
import type { EarlyAnswer } from './listen';
import type { Logger } from './logger';
import { createPayments, type PaymentsProvider } from './payments';
import { deliverableRoutes } from './routes/deliverables';
import { eventSponsorshipRoutes } from './routes/event-sponsorships';
import { eventRoutes } from './routes/events';
import { ledgerRoutes } from './routes/ledger';
import { analyticsRoutes } from './routes/analytics';
import { commandCenterRoutes } from './routes/command-center';
import { organizationRoutes } from './routes/organizations';
import { opsRoutes } from './routes/ops';
import { orderRoutes } from './routes/orders';
import { packageRoutes } from './routes/packages';
import { payoutRoutes } from './routes/payouts';
import { matchingRoutes } from './routes/matching';
import { proposalRoutes } from './routes/proposals';
import { sponsorRoutes } from './routes/sponsors';
import { reportRoutes } from './routes/reports';
import { slaRoutes } from './routes/slas';
import { statsRoutes } from './routes/stats';
import { registerStripeWebhookRoute } from './routes/stripe-events';
import { registerSystemRoutes } from './routes/system';
import { registerPublicWidgetRoutes } from './routes/public-widgets';
import { workspaceRoutes } from './routes/workspaces';
import { webhookRoutes } from './routes/webhooks';
import { loadSpec, type Spec } from './spec';
import { webhookSettings } from './webhooks/settings';
import { queueByTask, queueDepth } from './db/jobs';
import { operationalSnapshot } from './db/ops';

export interface AppDeps {
  config: Config;
  db: Db;
  log: Logger;
  spec?: Spec;
  /** Stripe or the sandbox; by default the one the configuration names (`paymentsMode`). */
  payments?: PaymentsProvider;
  /** Check every answer against the contract (tests turn this on). */
  validateResponses?: boolean;
  /** Where the ops views and business metrics read (a replica, `DATABASE_READ_URL`); by default `db`. */
  readDb?: Db;
}

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_INGEST_BODY_BYTES = 16 * 1024 * 1024;

/**
 * Payment provider calls never run inside a transaction (DESIGN §5): inside a request's unit (`db.unit`, see
 * `withIdempotency`) they refuse, and the request runs again in transactions of its own.
 */
function outsideUnits(db: Db, payments: PaymentsProvider): PaymentsProvider {
  return new Proxy(payments, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        db.refuseUnit('A payment provider call');
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** Builds the HTTP application from its dependencies; no I/O happens here. */
export function createApp(deps: AppDeps): {
  app: Hono<AppEnv>;
  /** What to serve: the app. */
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
  /** Answers served at the Node level before `fetch` (cached public widgets): pass both to `listen`. */
  early: EarlyAnswer;
  metrics: Metrics;
  /** Operations of the contract without a handler (they answer 501); the contract test wants none. */
  unimplemented: string[];
  /** Ends every open event stream (its client reconnects with Last-Event-ID, to another instance): for shutdown. */
  endStreams(): void;
} {
  const { config, db, log } = deps;
  const spec = deps.spec ?? loadSpec();
  const metrics = createMetrics({
    queueDepth: () => queueDepth(db.pool),
    queueByTask: () => queueByTask(db.pool),
    snapshot: () => db.system((tx) => operationalSnapshot(tx)),
    pool: () => ({ waiting: db.pool.waitingCount, total: db.pool.totalCount, idle: db.pool.idleCount }),
  });
  const payments = outsideUnits(db, metrics.instrumentPayments(deps.payments ?? createPayments(config)));
  const app = new Hono<AppEnv>();
  const shutdown = new AbortController();

  app.use(requestId());
  app.use(metrics.middleware(log));
  const limitBody = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError({
          code: 'payload_too_large',
          status: 413,
          title: 'Payload too large',
          detail: `Request bodies are limited to ${maxSize / (1024 * 1024)} MiB.`,
          // The rest of the body is never read, so the connection cannot be reused.
          headers: { connection: 'close' },
        });
      },
    });
  const defaultLimit = limitBody(MAX_BODY_BYTES);
  // Analytics batches of 10,000 records are larger than any other request.
  const ingestLimit = limitBody(MAX_INGEST_BODY_BYTES);
  app.use((c, next) => {
    // Only requests with a body are limited: Hono's limiter builds the full Request even for a GET.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return (c.req.path.endsWith('analytics:ingest') ? ingestLimit : defaultLimit)(c, next);
  });

  registerSystemRoutes(app, { db, spec, metrics });
  registerStripeWebhookRoute(app, { db, payments, log });
  const rateLimit = createRateLimit({ db, config });
  const { answerHit } = registerPublicWidgetRoutes(app, { db, spec, metrics, rateLimit, log });
  const handlers: Handlers = {
    ...organizationRoutes({ db }),
    ...eventRoutes({ db }),
    ...sponsorRoutes({ db }),
    ...deliverableRoutes({ db, config }),
    ...slaRoutes({ db, issueRefund: refundIssuer({ payments, config }) }),
    ...eventSponsorshipRoutes({ db }),
    ...webhookRoutes({ db, settings: webhookSettings(config, spec), shutdown: shutdown.signal }),
    ...analyticsRoutes({ db }),
    ...statsRoutes({ db, config }),
    ...reportRoutes({ db }),
    ...orderRoutes({ db, payments, config, log }),
    ...payoutRoutes({ db, payments, config }),
    ...ledgerRoutes({ db }),
    ...packageRoutes({ db }),
    ...proposalRoutes({ db }),
    ...matchingRoutes({ db }),
    ...workspaceRoutes({ db, config }),
    ...commandCenterRoutes({ db, config, shutdown: shutdown.signal }),
    ...opsRoutes({ db, reads: deps.readDb ?? db, payments, log }),
  };
  const { unimplemented } = registerOperations(app, spec, handlers, {
    db,
    config,
    log,
    authenticate: createAuthenticator({ db, config }),
    rateLimit,
    validateResponses: deps.validateResponses ?? false,
    // Match list pages are kept in this process; a write's notification (migration 0024) may come after the
    // client's next read.
    afterWrite: () => matchListsOf(db).changed(),
  });

  const allowedAt = methodsAt(spec);
  app.notFound((c) => {
    const allowed = allowedAt(c.req.path);
    return problemResponse(
      new AppError({
        code: 'route_not_found',
        status: allowed.length > 0 ? 405 : 404,
        title: allowed.length > 0 ? 'Method not allowed' : 'Not found',
        detail: allowed.length
          ? `${c.req.path} answers ${allowed.join(', ')}, not ${c.req.method}; see the API reference at /docs.`
          : `No operation is served at ${c.req.method} ${c.req.path}; check the path and method against the API reference at /docs.`,
        headers: allowed.length > 0 ? { allow: allowed.join(', ') } : {},
      }),
      { requestId: c.get('requestId'), log },
    );
  });
  app.onError((error, c) =>
    problemResponse(error, { requestId: c.get('requestId'), log, instance: c.req.path }),
  );
  return {
    app,
    fetch: app.fetch,
    early: answerHit,
    metrics,
    unimplemented,
    endStreams: () => shutdown.abort(),
  };
}
