import type { Scenario } from '../lib/scenario';
import { serveYardpass } from '../lib/server';

/** `/healthz` through the real app: the global middleware (request id, metrics, body limit), no database. */
export const healthz: Scenario = {
  name: '/healthz',
  baseline: 'hello',
  async start({ database }) {
    const running = await serveYardpass({ databaseUrl: database.url });
    return { target: { url: `${running.origin}/healthz` }, close: running.close };
  },
};

/**
 * One authenticated database read through the whole stack: API-key authentication (a system
 * transaction), the rate-limit counter, query validation, the tenancy transaction and the envelope.
 */
export const listEvents: Scenario = {
  name: 'GET /v1/events',
  baseline: 'pg-baseline',
  async start({ database }) {
    const running = await serveYardpass({ databaseUrl: database.url });
    return {
      target: {
        url: `${running.origin}/v1/events?limit=20`,
        headers: { authorization: `Bearer ${database.apiKey}` },
      },
      close: running.close,
    };
  },
};
