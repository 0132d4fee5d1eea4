import { createApp } from '../packages/server/src/app';
import { loadConfig } from '../packages/server/src/config';
import { createDb, type Db } from '../packages/server/src/db/pool';
import { createOrganization } from '../packages/server/src/domain/identity';
import { startWorker } from '../packages/server/src/jobs/worker';
import { listen } from '../packages/server/src/listen';
import { createLogger } from '../packages/server/src/logger';
import { createPayments, type PaymentsProvider } from '../packages/server/src/payments';
import { createTestDatabase } from './database';

export interface TestOrg {
  orgId: string;
  apiKey: string;
}

export interface TestServer {
  baseUrl: string;
  databaseUrl: string;
  db: Db;
  /** The payments provider the server and worker use. */
  payments: PaymentsProvider;
  /** An organizer organization and a sponsor organization, each with an owner API key. */
  organizer: TestOrg;
  sponsor: TestOrg;
  /** Creates another organization with an owner key. */
  createOrg(name: string): Promise<TestOrg>;
  close(): Promise<void>;
}

/**
 * A real server on its own database, listening on a random local port: tests talk to it over HTTP.
 * Responses are checked against openapi.yaml, so every test is also a contract test. With `worker: true`
 * the background worker runs beside it, as in `yardpass-server dev`.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: {
    worker?: boolean;
    /** A payments provider of the test's own; else the configuration's (Stripe when `env` has a key). */
    payments?: PaymentsProvider;
    /** Connections in the server's pool (default 30): small, to show what waits for one. */
    poolSize?: number;
  } = {},
): Promise<TestServer> {
  const databaseUrl = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, ...env }, 'dev');
  const db = createDb({ databaseUrl, max: options.poolSize ?? 30 });
  const log = createLogger(config.LOG_LEVEL);
  // One provider for the API and the worker, as in `dev`: the sandbox keeps its state in this process.
  const payments = options.payments ?? createPayments(config);
  const { fetch, early, endStreams } = createApp({ config, db, log, payments, validateResponses: true });
  const { port, close } = await listen({ fetch, early, port: 0, hostname: '127.0.0.1' });
  const worker = options.worker ? await startWorker({ db, config, log, payments }) : undefined;

  const createOrg = async (name: string): Promise<TestOrg> => {
    const { organization, apiKey } = await createOrganization(db, { name });
    return { orgId: organization.id, apiKey };
  };
  const organizer = await createOrg('Organizer Co');
  const sponsor = await createOrg('Sponsor Brand Inc');
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    databaseUrl,
    db,
    payments,
    organizer,
    sponsor,
    createOrg,
    close: async () => {
      await worker?.stop();
      endStreams();
      await close();
      await db.close();
    },
  };
}

/**
 * Another server process on an existing database (what a second instance behind a load balancer
 * would be): for tests of what must hold across processes.
 */
export async function startSecondServer(databaseUrl: string, env: Record<string, string> = {}) {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, ...env }, 'dev');
  const db = createDb({ databaseUrl, max: 30 });
  const { fetch, early, endStreams } = createApp({
    config,
    db,
    log: createLogger('silent'),
    validateResponses: true,
  });
  const { port, close } = await listen({ fetch, early, port: 0, hostname: '127.0.0.1' });
  const stop = async () => (endStreams(), await close(), await db.close());
  return { baseUrl: `http://127.0.0.1:${port}`, db, close: stop };
}

/** fetch with an org's key and JSON in and out: the smallest client for server tests. */
export function api(server: Pick<TestServer, 'baseUrl'>, org: TestOrg | undefined) {
  return async (
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; rawBody?: string } = {},
  ) => {
    const headers: Record<string, string> = { ...options.headers };
    if (org) headers.authorization ??= `Bearer ${org.apiKey}`;
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${server.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    // Loosely typed on purpose: tests read into answers freely and assert on the values.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, json, text };
  };
}

/**
 * Rate limits count per fixed one-minute window, so a test's requests must all fall in one: wait for
 * the next window unless 20 s are left (a loaded CI machine can spread a handful of requests over seconds).
 */
export async function startEarlyInARateLimitWindow(): Promise<void> {
  const secondsLeft = 60 - ((Date.now() / 1000) % 60);
  if (secondsLeft < 20) await new Promise((resolve) => setTimeout(resolve, secondsLeft * 1000 + 100));
}
