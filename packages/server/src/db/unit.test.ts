import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/database';
import { createOrganization } from '../domain/identity';
import { atCommit, createDb, type Db, UnitRefusedError } from './pool';

let db: Db;
let orgId: string;

beforeAll(async () => {
  db = createDb({ databaseUrl: await createTestDatabase(), max: 4 });
  orgId = (await createOrganization(db, { name: 'Unit Co' })).organization.id;
});
afterAll(async () => {
  await db.close();
});

const countSponsors = async (name: string) =>
  (
    await db.system((tx) =>
      tx.query<{ n: number }>('select count(*)::int as n from sponsors where name = $1', [name]),
    )
  ).rows[0]!.n;

describe('db.unit', () => {
  it('runs every tenant, system and read call inside it on its one transaction, and commits them together', async () => {
    const pids = await db.unit(orgId, async (tx) => {
      const own = (await tx.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
      await db.tenant(orgId, (inner) =>
        inner.query(`insert into sponsors (org_id, name) values ($1, 'joined')`, [orgId]),
      );
      const seen = await db.read(orgId, (q) =>
        q.query<{ n: number }>(`select count(*)::int as n from sponsors where name = 'joined'`),
      );
      const system = await db.system((inner) =>
        inner.query<{ pid: number }>('select pg_backend_pid() as pid'),
      );
      expect(seen.rows[0]!.n).toBe(1);
      return [own, system.rows[0]!.pid];
    });
    expect(pids[0]).toBe(pids[1]);
    expect(await countSponsors('joined')).toBe(1);
  });

  it('rolls back the writes of the calls inside it when it fails', async () => {
    await expect(
      db.unit(orgId, async () => {
        await db.tenant(orgId, (tx) =>
          tx.query(`insert into sponsors (org_id, name) values ($1, 'undone')`, [orgId]),
        );
        throw new Error('the request failed');
      }),
    ).rejects.toThrow('the request failed');
    expect(await countSponsors('undone')).toBe(0);
  });

  it('rejects with UnitRefusedError and commits nothing when a call refuses, even if the error was caught', async () => {
    await expect(
      db.unit(orgId, async (tx) => {
        await tx.query(`insert into sponsors (org_id, name) values ($1, 'refused')`, [orgId]);
        try {
          db.refuseUnit('A payment provider call');
        } catch {
          // a handler that turns every error into an answer
        }
        return 'answered';
      }),
    ).rejects.toBeInstanceOf(UnitRefusedError);
    expect(await countSponsors('refused')).toBe(0);
  });
});

describe('atCommit', () => {
  it('runs queued statements with the commit, and never after a rollback', async () => {
    await db.tenant(orgId, async (tx) => {
      atCommit(tx, `insert into sponsors (org_id, name) values ('${orgId}', 'at commit')`);
      // Not yet written: it travels with the commit.
      const { rows } = await tx.query<{ n: number }>(
        `select count(*)::int as n from sponsors where name = 'at commit'`,
      );
      expect(rows[0]!.n).toBe(0);
    });
    expect(await countSponsors('at commit')).toBe(1);
    await expect(
      db.tenant(orgId, (tx) => {
        atCommit(tx, `insert into sponsors (org_id, name) values ('${orgId}', 'rolled back')`);
        return Promise.reject(new Error('no commit'));
      }),
    ).rejects.toThrow('no commit');
    expect(await countSponsors('rolled back')).toBe(0);
  });

  it('refuses a client that is not in a transaction, rather than dropping the statement', () => {
    expect(() => atCommit(db.pool, 'select 1')).toThrow(/needs a transaction/);
  });
});
