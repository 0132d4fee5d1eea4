import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';
import { seedCommerce } from '../../test/commerce-fixtures';

const ORDERS = 10;
let server: TestServer;
let sponsor: ReturnType<typeof api>;

beforeAll(async () => {
  server = await startTestServer();
  sponsor = api(server, server.sponsor);
});
afterAll(() => server.close());

async function deadlocks() {
  const { rows } = await server.db.system(async (tx) => {
    await tx.query('select pg_stat_clear_snapshot()');
    return tx.query<{ deadlocks: string }>(
      'select deadlocks from pg_stat_database where datname = current_database()',
    );
  });
  return Number(rows[0]!.deadlocks);
}

describe('funding many orders of one package at once', () => {
  it('funds all 10 (sandbox payments): no lock conflict between their transactions, one deliverable set each, the ledger balanced', async () => {
    const { packageId, sponsorId } = await seedCommerce(server, { inventory: ORDERS });
    // Benefits make funding lay out deliverables and move the shared event sponsorship, as a real package does.
    await server.db.system((tx) =>
      tx.query(`update sponsorship_packages set benefits = $2 where id = $1`, [
        packageId,
        { logo_stage: true, booth: '10x10', social_posts: 3 },
      ]),
    );
    const ids: string[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const created = await sponsor('POST', '/v1/sponsorship-orders', {
        body: { package_id: packageId, sponsor_id: sponsorId },
      });
      expect(created.status).toBe(201);
      ids.push(created.json.data.id as string);
    }

    const deadlocksBefore = await deadlocks();
    const answers = await Promise.all(
      ids.map((id) =>
        sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, { body: { payment_method_id: 'pm_card_visa' } }),
      ),
    );
    expect(answers.map((answer) => [answer.status, answer.json?.type])).toEqual(
      ids.map(() => [200, undefined]),
    );
    expect(answers.map((answer) => answer.json.data.order.escrow_state)).toEqual(ids.map(() => 'funded'));

    const { rows } = await server.db.system((tx) =>
      tx.query<{ deliverables: number; sponsorships: number; total: string }>(
        `select (select count(*)::int from deliverables where order_id = any($1::uuid[])) as deliverables,
                (select count(*)::int from event_sponsorships where order_id = any($1::uuid[])) as sponsorships,
                (select coalesce(sum(amount_cents), 0) from ledger_entries) as total`,
        [ids],
      ),
    );
    expect(rows[0]).toEqual({ deliverables: ORDERS * 3, sponsorships: 1, total: '0' });
    // The apply transaction retries a lost race, so the answers alone would hide a deadlock: PostgreSQL counts
    // them (each backend reports its statistics within a second or so of going idle).
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await deadlocks()).toBe(deadlocksBefore);
  });
});
