import type { Hono } from 'hono';
import type { Db } from '../db/pool';
import { readiness } from '../domain/system';
import type { Metrics } from '../http/metrics';
import type { AppEnv } from '../http/response';
import type { Spec } from '../spec';
import { registerDocsRoutes } from './docs';

/** Health, readiness, metrics, the contract and its reference (/docs): unauthenticated, documented under `System`. */
export function registerSystemRoutes(
  app: Hono<AppEnv>,
  { db, spec, metrics }: { db: Db; spec: Spec; metrics: Metrics },
): void {
  const specJson = JSON.stringify(spec.document);
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const report = await readiness(db);
    return c.json(report, report.status === 'ok' ? 200 : 503);
  });
  app.get('/metrics', async (c) =>
    c.text(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType }),
  );
  app.get('/openapi.json', (c) => c.body(specJson, 200, { 'content-type': 'application/json' }));
  app.get('/openapi.yaml', (c) => c.body(spec.yaml, 200, { 'content-type': 'application/yaml' }));
  registerDocsRoutes(app);
}
