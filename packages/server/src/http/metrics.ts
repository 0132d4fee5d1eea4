import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Logger } from '../logger';
import type { AppEnv } from './response';

export interface Metrics {
  registry: Registry;
  middleware(log: Logger): MiddlewareHandler<AppEnv>;
}

/** Per-app Prometheus registry (no global default registry, so test apps do not share counters). */
export function createMetrics(options: { queueDepth: () => Promise<number> }): Metrics {
  const registry = new Registry();
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

  return {
    registry,
    middleware: (log) => async (c, next) => {
      const started = performance.now();
      await next();
      const seconds = (performance.now() - started) / 1000;
      // The matched route pattern, not the raw path, keeps label cardinality bounded.
      const route = routePath(c, -1);
      const labels = {
        method: c.req.method,
        route: route === '/*' ? 'unmatched' : route,
        status: String(c.res.status),
      };
      requests.inc(labels);
      duration.observe(labels, seconds);
      log.info(
        {
          request_id: c.get('requestId'),
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round(seconds * 1000),
        },
        'request',
      );
    },
  };
}
