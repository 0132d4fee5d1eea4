import pg from 'pg';

/** The non-superuser role the app connects as, so row-level security applies to it. */
export const APP_ROLE = 'yardpass';

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
