import type { Runner } from 'graphile-worker';
import { createApp } from './app';
import type { Config } from './config';
import { migrate } from './db/migrate';
import { createDb, type Db, ping } from './db/pool';
import { startWorker } from './jobs/worker';
import { listen } from './listen';
import type { Logger } from './logger';
import { createPayments } from './payments';
import type { PaymentsProvider } from './payments/provider';

/** Waits for PostgreSQL for a bounded time, saying so, so that orchestrators can start us first. */
export async function waitForDatabase(db: Db, config: Config, log: Logger): Promise<void> {
  const deadline = Date.now() + config.YARDPASS_DB_START_TIMEOUT_SECONDS * 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      await ping(db);
      return;
    } catch (error) {
      if (Date.now() >= deadline) {
        throw new Error(
          `PostgreSQL unreachable after ${config.YARDPASS_DB_START_TIMEOUT_SECONDS} s: ${(error as Error).message}`,
        );
      }
      log.warn({ attempt, err: (error as Error).message }, 'database unreachable, retrying');
      await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 250 * 2 ** attempt)));
    }
  }
}

export interface Running {
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs the API (and, when asked, the worker) against `databaseUrl` until stopped. Stopping stops accepting
 * connections, ends event streams, lets in-flight requests finish (up to the shutdown timeout), stops the worker, closes the pool.
 */
export async function runServer(options: {
  config: Config;
  databaseUrl: string;
  log: Logger;
  api: boolean;
  worker: boolean;
  /** Shared with the caller (`dev` seeds through it); by default the configured provider. */
  payments?: PaymentsProvider;
}): Promise<Running> {
  const { config, log } = options;
  const db = createDb({ databaseUrl: options.databaseUrl, max: config.YARDPASS_DB_POOL_SIZE });
  const readDb = config.DATABASE_READ_URL
    ? createDb({ databaseUrl: config.DATABASE_READ_URL, max: config.YARDPASS_DB_POOL_SIZE })
    : undefined;
  await waitForDatabase(db, config, log);
  const applied = await migrate(options.databaseUrl, (line) => log.warn(line));
  if (applied.length > 0) log.info({ migrations: applied }, 'migrations applied');

  // One provider for the API and the worker: the sandbox keeps its PaymentIntents in this process.
  const payments = options.payments ?? createPayments(config);
  log.info({ payments: payments.mode }, 'payments provider');
  const runner: Runner | undefined = options.worker
    ? await startWorker({ db, config, log, payments })
    : undefined;
  const api = options.api ? createApp({ config, db, log, payments, readDb }) : undefined;
  const server = api
    ? await listen({ fetch: api.fetch, early: api.early, port: config.PORT, hostname: config.HOST })
    : undefined;
  const host = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  const url = server ? `http://${host}:${server.port}` : '';

  return {
    url,
    stop: async () => {
      if (server) {
        const closed = server.close();
        // An event stream never finishes by itself: ended now, its client reconnects to another instance.
        api?.endStreams();
        server.server.closeIdleConnections();
        const timeout = new Promise<void>((resolve) =>
          setTimeout(() => {
            server.server.closeAllConnections();
            resolve();
          }, config.YARDPASS_SHUTDOWN_TIMEOUT_MS).unref(),
        );
        await Promise.race([closed, timeout]);
      }
      await runner?.stop();
      await db.close();
      await readDb?.close();
    },
  };
}
