import { Hono } from 'hono';
import autocannon from 'autocannon';
import { serve } from './lib/server';
import { requestId } from '../packages/server/src/http/request-id';
import { createMetrics } from '../packages/server/src/http/metrics';
import { createLogger } from '../packages/server/src/logger';

const variant = process.argv[2]!;
const app = new Hono<any>();
if (variant.includes('rid')) app.use(requestId());
if (variant.includes('met')) {
  const metrics = createMetrics({ queueDepth: async () => 0, queueByTask: async () => [], snapshot: async () => ({}) as any, pool: () => ({ waiting: 0, total: 0, idle: 0 }) });
  app.use(metrics.middleware(createLogger('silent')));
}
if (variant.includes('noop')) app.use(async (c, next) => { await next(); });
app.get('/healthz', (c) => c.json({ status: 'ok' }));
const running = await serve(app.fetch);
const result = await autocannon({ url: `${running.origin}/healthz`, connections: 50, duration: 6 });
console.log(variant.padEnd(12), Math.round(result.requests.average), 'req/s');
await running.close();
process.exit(0);
