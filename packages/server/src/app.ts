import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Config } from './config';
import type { Db } from './db/pool';
import { AppError, NotFoundError } from './errors';
import { createAuthenticator } from './http/auth';
import { createMetrics, type Metrics } from './http/metrics';
import { problemResponse } from './http/problem';
import { createRateLimit } from './http/rate-limit';
import { type AppEnv, requestId } from './http/request-id';
import { type Handlers, registerOperations } from './http/router';
import type { Logger } from './logger';
import { eventRoutes } from './routes/events';
import { organizationRoutes } from './routes/organizations';
import { sponsorRoutes } from './routes/sponsors';
import { registerSystemRoutes } from './routes/system';
import { loadSpec, type Spec } from './spec';

export interface AppDeps {
  config: Config;
  db: Db;
  log: Logger;
  spec?: Spec;
  /** Check every answer against the contract (tests turn this on). */
  validateResponses?: boolean;
}

const MAX_BODY_BYTES = 1024 * 1024;

/** Builds the HTTP application from its dependencies; no I/O happens here. */
export function createApp(deps: AppDeps): { app: Hono<AppEnv>; metrics: Metrics } {
  const { config, db, log } = deps;
  const spec = deps.spec ?? loadSpec();
  const metrics = createMetrics({
    queueDepth: async () => {
      const { rows } = await db.pool.query<{ depth: number }>(
        'select count(*)::int as depth from graphile_worker._private_jobs where locked_at is null',
      );
      return rows[0]?.depth ?? 0;
    },
  });
  const app = new Hono<AppEnv>();

  app.use(requestId());
  app.use(metrics.middleware(log));
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new AppError({
          code: 'payload_too_large',
          status: 413,
          title: 'Payload too large',
          detail: 'Request bodies are limited to 1 MiB.',
          // The rest of the body is never read, so the connection cannot be reused.
          headers: { connection: 'close' },
        });
      },
    }),
  );

  registerSystemRoutes(app, { db, spec, metrics });
  const handlers: Handlers = {
    ...organizationRoutes({ db }),
    ...eventRoutes({ db }),
    ...sponsorRoutes({ db }),
  };
  registerOperations(app, spec, handlers, {
    db,
    config,
    log,
    authenticate: createAuthenticator({ db, config }),
    rateLimit: createRateLimit({ db, config }),
    validateResponses: deps.validateResponses ?? false,
  });

  app.notFound((c) =>
    problemResponse(new NotFoundError(`route ${c.req.method} ${c.req.path}`), {
      requestId: c.get('requestId'),
      log,
    }),
  );
  app.onError((error, c) =>
    problemResponse(error, { requestId: c.get('requestId'), log, instance: c.req.path }),
  );
  return { app, metrics };
}
