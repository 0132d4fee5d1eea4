import { createApp, createDb, createLogger, listen, loadConfig } from '@yardpass/server';

export interface Running {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  close: () => Promise<void>;
}

/** Serves `fetch` on a free port of 127.0.0.1 with the server's own `listen`. */
export async function serve(
  fetch: (request: Request) => Response | Promise<Response>,
  early?: Parameters<typeof listen>[0]['early'],
): Promise<Running> {
  const server = await listen({ fetch, early, port: 0, hostname: '127.0.0.1' });
  return { origin: `http://127.0.0.1:${server.port}`, close: () => server.close() };
}

/**
 * The real application (every middleware, the real router, a pool like production's) on its own port.
 * Logging is silent and the read, write and report limits (10 M a minute, the most the config accepts) are out of reach,
 * so the bench measures the work, not 429s;
 * the rate-limit counter is still written on every request.
 */
export async function serveYardpass({ databaseUrl }: { databaseUrl: string }): Promise<Running> {
  const config = loadConfig(
    {
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'silent',
      YARDPASS_RATE_LIMIT_READ_PER_MINUTE: '10000000',
      YARDPASS_RATE_LIMIT_WRITE_PER_MINUTE: '10000000',
      YARDPASS_RATE_LIMIT_REPORT_PER_MINUTE: '10000000',
    },
    'dev',
  );
  const db = createDb({ databaseUrl, max: config.YARDPASS_DB_POOL_SIZE });
  const { fetch, early } = createApp({ config, db, log: createLogger(config.LOG_LEVEL) });
  const running = await serve(fetch, early);
  return {
    origin: running.origin,
    close: async () => {
      await running.close();
      await db.close();
    },
  };
}
