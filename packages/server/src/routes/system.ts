import { Scalar } from '@scalar/hono-api-reference';
import type { Hono } from 'hono';
import { pendingMigrations } from '../db/migrate';
import type { Db } from '../db/pool';
import type { Metrics } from '../http/metrics';
import type { AppEnv } from '../http/request-id';
import type { Spec } from '../spec';

/** Health, readiness, metrics and the contract itself: unauthenticated, documented under `System`. */
export function registerSystemRoutes(app: Hono<AppEnv>, { db, spec, metrics }: { db: Db; spec: Spec; metrics: Metrics }): void {
  const specJson = JSON.stringify(spec.document);
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      const pending = await pendingMigrations(db.pool);
      const ready = pending.length === 0;
      return c.json(
        { status: ready ? 'ok' : 'unavailable', checks: { database: 'ok', migrations: ready ? 'ok' : `pending: ${pending.join(', ')}` } },
        ready ? 200 : 503,
      );
    } catch (error) {
      return c.json({ status: 'unavailable', checks: { database: `unreachable: ${(error as Error).message}` } }, 503);
    }
  });
  app.get('/metrics', async (c) => c.text(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType }));
  app.get('/openapi.json', (c) => c.body(specJson, 200, { 'content-type': 'application/json' }));
  app.get('/openapi.yaml', (c) => c.body(spec.yaml, 200, { 'content-type': 'application/yaml' }));
  app.get('/docs', Scalar({ url: '/openapi.json', pageTitle: 'Yardpass Sponsorships API' }));
}
