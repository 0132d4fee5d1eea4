import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../test/server';
import { addJob, enqueueSql, type TaskName } from '../db/jobs';
import { tasks } from './tasks';

const sourceDir = join(import.meta.dirname, '..');

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the task catalogue', () => {
  it('types every enqueue by the catalogue: unknown tasks and wrong payloads do not compile', () => {
    expectTypeOf<TaskName>().toEqualTypeOf<keyof typeof tasks>();
    expectTypeOf<GraphileWorker.Tasks['payouts.transfer']>().toEqualTypeOf<{ payout_id: string }>();
    // Only type-checked (`pnpm typecheck`), never called: each line must fail to compile.
    const neverCalled = () => {
      // @ts-expect-error the catalogue has no such task
      void addJob({} as never, 'payouts.transfre', { payout_id: 'x' });
      // @ts-expect-error payouts.transfer takes a payout_id
      void addJob({} as never, 'payouts.transfer', { order_id: 'x' });
      // @ts-expect-error the SQL form checks the payload's field names too
      enqueueSql('webhooks.deliver', { delivery_id: 'd.id' });
    };
    expect(neverCalled).toBeTypeOf('function');
  });

  it('names a schedule only with a valid five-field crontab line', () => {
    const schedules = Object.values(tasks).flatMap((task) => ('cron' in task ? [task.cron] : []));
    expect(schedules.length).toBeGreaterThan(5);
    for (const line of schedules) expect(line?.split(' ')).toHaveLength(5);
  });

  it("never reads graphile-worker's private tables (they change between versions without notice)", async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(sourceDir)) {
      if ((await readFile(file, 'utf8')).includes('_private_')) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });

  it('builds the add_job call with escaped names and the payload as a JSON object', () => {
    expect(
      enqueueSql('payouts.transfer', { payout_id: 'p.id' }, { jobKey: "'payout:' || p.id", maxAttempts: 3 }),
    ).toBe(
      "graphile_worker.add_job('payouts.transfer', json_build_object('payout_id', p.id), job_key := 'payout:' || p.id, max_attempts := 3)",
    );
  });
});

describe('the worker', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({}, { worker: true });
  }, 60_000);
  afterAll(() => server.close());

  it('fails a job whose payload the catalogue refuses, saying which task and why', async () => {
    // Written behind the typed helper's back, as a stale job from an older version would be.
    const jobKey = `bad-payload-${Date.now()}`;
    await server.db.system(async (tx) => {
      await tx.query(
        `select graphile_worker.add_job('payouts.transfer', '{"payout_id": 42}'::json, job_key := $1)`,
        [jobKey],
      );
    });
    let lastError: string | null = null;
    for (let tries = 0; tries < 100 && !lastError; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { rows } = await server.db.pool.query<{ last_error: string | null }>(
        'select last_error from graphile_worker.jobs where key = $1',
        [jobKey],
      );
      lastError = rows[0]?.last_error ?? null;
    }
    expect(lastError).toContain('payouts.transfer: bad payload {"payout_id":42}');
  });

  it('runs a job queued through the typed helper once its transaction commits', async () => {
    await server.db.system((tx) => addJob(tx, 'webhooks.sweep', { grace_ms: 0 }, { jobKey: 'typed-sweep' }));
    let pending = 1;
    for (let tries = 0; tries < 100 && pending > 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { rows } = await server.db.pool.query<{ n: number }>(
        "select count(*)::int as n from graphile_worker.jobs where key = 'typed-sweep'",
      );
      pending = rows[0]!.n;
    }
    expect(pending).toBe(0);
  });
});
