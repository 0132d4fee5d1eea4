import { serve, serveYardpass } from './lib/server';
import { Hono } from 'hono';
import autocannon from 'autocannon';
const which = process.argv[2];
const running = which === 'hello'
  ? await serve(new Hono().get('/', (c) => c.text('ok')).fetch)
  : await serveYardpass({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none' });
const url = which === 'hello' ? `${running.origin}/` : `${running.origin}/healthz`;
const result = await autocannon({ url, connections: 50, duration: 8 });
console.log(which, Math.round(result.requests.average), 'req/s p99', result.latency.p99);
await running.close();
process.exit(0);
