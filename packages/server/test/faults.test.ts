import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../test/server';
import { ensureDatabase } from '../src/db/admin';
import { freePort, requireBuild, runBin, waitHealthy } from './processes';

let server: TestServer;
beforeAll(async () => {
  requireBuild();
  server = await startTestServer();
});
afterAll(() => server?.close());

const run = (command: 'start' | 'migrate', databaseUrl: string, env: Record<string, string> = {}) =>
  runBin(command, { DATABASE_URL: databaseUrl, YARDPASS_PAYMENTS: 'sandbox', LOG_LEVEL: 'warn', ...env });

async function startApi() {
  const port = await freePort();
  const started = run('start', server.databaseUrl, {
    PORT: String(port),
    HOST: '127.0.0.1',
    YARDPASS_RATE_LIMIT_WRITE_PER_MINUTE: '100000',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitHealthy(baseUrl, started.output);
  return { ...started, baseUrl };
}

describe('SIGKILL during idempotent requests', () => {
  it('leaves every key usable at once and runs each request exactly once', async () => {
    const first = await startApi();
    const keys = Array.from({ length: 40 }, () => randomUUID());
    const body = (key: string) => ({ name: `Crash brand ${key}`, industry: 'Beverage' });
    const send = (baseUrl: string, key: string) =>
      api({ baseUrl }, server.organizer)('POST', '/v1/sponsors', {
        body: body(key),
        headers: { 'idempotency-key': key },
      });
    // 40 keyed writes in parallel; the process dies as soon as the first has answered, with the rest in flight.
    let answered = 0;
    const inFlight = keys.map((key) =>
      send(first.baseUrl, key).then(
        (res) => (answered++, res.status),
        () => 'connection lost' as const,
      ),
    );
    while (answered === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const before = await Promise.all(inFlight);
    expect(before).toContain('connection lost');

    const second = await startApi();
    try {
      const started = Date.now();
      const retries = await Promise.all(keys.map((key) => send(second.baseUrl, key)));
      // No key waits for a lock time-out: every retry answers at once, a replay where the first run committed.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(retries.map((res) => res.status)).toEqual(keys.map(() => 201));
      keys.forEach((key, index) => {
        if (before[index] === 201)
          expect(retries[index]!.headers.get('idempotent-replayed'), key).toBe('true');
      });
      const { rows } = await server.db.system((tx) =>
        tx.query<{ name: string; n: number }>(
          `select name, count(*)::int as n from sponsors where name like 'Crash brand %' group by name`,
        ),
      );
      expect(rows).toHaveLength(keys.length);
      expect(rows.every((row) => row.n === 1)).toBe(true);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 90_000);
});

describe('SIGKILL during a migration', () => {
  it('resumes: after kills at several points, migrate completes and the schema matches a clean migration', async () => {
    const { adminUrl, appUrlPattern, template } = inject('database');
    const name = `test_${randomUUID().replaceAll('-', '')}`;
    await ensureDatabase(adminUrl, name);
    const url = appUrlPattern.replace('{db}', name);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    // Each run is killed once it holds the migration lock, at a few points inside the migration. On a fast
    // machine a later point may come after the migration finished: that run ends by itself (exit 0), and the
    // runs after it find little to do. The first kill always lands inside the migration.
    const outcomes: (NodeJS.Signals | number | null)[] = [];
    try {
      for (const delay of [0, 100, 300]) {
        const migration = run('migrate', url);
        let done = false;
        void migration.exited.then(() => (done = true));
        for (let waited = 0; !done; waited += 20) {
          const { rowCount } = await admin.query(
            `select 1 from pg_locks l join pg_database d on d.oid = l.database
              where l.locktype = 'advisory' and l.granted and d.datname = $1`,
            [name],
          );
          if (rowCount) break;
          if (waited > 30_000) throw new Error(`migrate never took its lock:\n${migration.output()}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
        migration.child.kill('SIGKILL');
        outcomes.push(await migration.exited);
      }
    } finally {
      await admin.end();
    }
    expect(outcomes[0]).toBe('SIGKILL');
    for (const outcome of outcomes) expect(['SIGKILL', 0]).toContain(outcome);
    const last = run('migrate', url);
    expect(await last.exited, last.output()).toBe(0);
    // A second run finds nothing to do.
    const again = run('migrate', url);
    expect(await again.exited, again.output()).toBe(0);

    const schema = async (database: string) => {
      const client = new pg.Client({ connectionString: appUrlPattern.replace('{db}', database) });
      await client.connect();
      try {
        const { rows } = await client.query<{ item: string }>(
          `select table_schema || '.' || table_name || '.' || column_name || ':' || data_type as item
             from information_schema.columns where table_schema in ('public', 'graphile_worker')
           union all select 'migration ' || name from pgmigrations
            order by 1`,
        );
        return rows.map((row) => row.item);
      } finally {
        await client.end();
      }
    };
    expect(await schema(name)).toEqual(await schema(template));
  }, 120_000);
});
