import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';
import { createLogger } from '../logger';
import { seedCommerce } from '../../test/commerce-fixtures';
import { runPayout } from './payouts';

let server: TestServer;
let organizer: ReturnType<typeof api>;
let sponsor: ReturnType<typeof api>;
const log = createLogger('silent');

beforeAll(async () => {
  server = await startTestServer();
  organizer = api(server, server.organizer);
  sponsor = api(server, server.sponsor);
  await organizer('PUT', '/v1/payout-configuration', {
    body: { stripe_connect_account_id: 'acct_1LedgerProperty', platform_fee_bps: 1250 },
  });
});
afterAll(() => server.close());

type Step =
  | { op: 'fund' | 'lock' | 'release' | 'cancel_sponsor' | 'cancel_organizer' | 'refund_all' }
  | { op: 'refund_part'; cents: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constantFrom<Step>(
    { op: 'fund' },
    { op: 'lock' },
    { op: 'release' },
    { op: 'cancel_sponsor' },
    { op: 'cancel_organizer' },
    { op: 'refund_all' },
  ),
  fc.integer({ min: 1, max: 160_000 }).map((cents): Step => ({ op: 'refund_part', cents })),
);

async function perform(orderId: string, s: Step): Promise<void> {
  const path = `/v1/sponsorship-orders/${orderId}`;
  switch (s.op) {
    case 'fund':
      await sponsor('POST', `${path}:fund`, { body: { payment_method_id: 'pm_card_visa' } });
      return;
    case 'lock':
      await organizer('POST', `${path}:lock`);
      return;
    case 'release': {
      await server.db.system((tx) =>
        tx.query(`update deliverables set status = 'approved' where order_id = $1`, [orderId]),
      );
      const res = await organizer('POST', `${path}:release`);
      if (res.status === 200)
        await runPayout({ db: server.db, payments: server.payments, log }, res.json.data.payout.id as string);
      return;
    }
    case 'cancel_sponsor':
      await sponsor('POST', `${path}:cancel`, { body: {} });
      return;
    case 'cancel_organizer':
      await organizer('POST', `${path}:cancel`, { body: {} });
      return;
    case 'refund_all':
      await organizer('POST', `${path}:refund`, { body: {} });
      return;
    case 'refund_part':
      await organizer('POST', `${path}:refund`, { body: { amount_cents: s.cents } });
      return;
  }
}

/** Per transaction and currency, the sum of its entries; only non-zero sums come back. */
async function unbalanced(orderId: string) {
  const { rows } = await server.db.system((tx) =>
    tx.query(
      `select t.reference, e.currency, sum(e.amount_cents)::bigint as total
         from ledger_transactions t join ledger_entries e on e.transaction_id = t.id
        where t.order_id = $1 group by t.reference, e.currency having sum(e.amount_cents) <> 0`,
      [orderId],
    ),
  );
  return rows;
}

async function escrowOf(orderId: string) {
  const { rows } = await server.db.system((tx) =>
    tx.query<{
      status: string;
      escrow_state: string;
      refunded_cents: number;
      amount_cents: number;
      posted: number;
    }>(
      `select o.status, o.escrow_state, o.refunded_cents, o.amount_cents,
              coalesce((select sum(e.amount_cents) from ledger_entries e
                          join ledger_transactions t on t.id = e.transaction_id
                          join ledger_accounts a on a.id = e.account_id
                         where a.code = 'escrow:' || o.id and t.status = 'posted'), 0)::bigint as posted
         from sponsorship_orders o where o.id = $1`,
      [orderId],
    ),
  );
  return rows[0]!;
}

describe('ledger', () => {
  it('balances every transaction and empties the escrow of every closed order, whatever happens', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 7 }), async (steps) => {
        const { packageId, sponsorId } = await seedCommerce(server);
        const { json } = await sponsor('POST', '/v1/sponsorship-orders', {
          body: {
            package_id: packageId,
            sponsor_id: sponsorId,
            cancellation_policy: { window_days: 90, penalty_pct: 0.2 },
          },
        });
        const orderId = json.data.id as string;
        for (const s of steps) await perform(orderId, s);

        expect(await unbalanced(orderId)).toEqual([]);
        const order = await escrowOf(orderId);
        expect(order.refunded_cents).toBeLessThanOrEqual(order.amount_cents);
        if (
          ['completed', 'cancelled', 'refunded'].includes(order.status) ||
          order.escrow_state === 'released'
        )
          expect(order.posted).toBe(0);
        else if (order.escrow_state === 'funded' || order.escrow_state === 'locked')
          expect(order.posted).toBe(order.amount_cents - order.refunded_cents);
        else expect(order.posted).toBe(0);
      }),
      { numRuns: 25 },
    );
    // 25 random histories of real database work: seconds on a busy machine.
  }, 60_000);

  it('refuses an unbalanced transaction and any change to an entry, in the database itself', async () => {
    const client = await server.db.pool.connect();
    try {
      await client.query('begin');
      await client.query(`select set_config('yardpass.system', 'on', true)`);
      const account = await client.query<{ id: string }>(
        `insert into ledger_accounts (code, kind, currency) values ('stripe_clearing:XTS', 'stripe_clearing', 'XTS')
         returning id`,
      );
      const txn = await client.query<{ id: string }>(
        `insert into ledger_transactions (reference, kind, status, posted_at) values ('test:unbalanced', 'fund', 'posted', now())
         returning id`,
      );
      await client.query(
        `insert into ledger_entries (transaction_id, account_id, amount_cents, currency) values ($1, $2, 100, 'XTS')`,
        [txn.rows[0]!.id, account.rows[0]!.id],
      );
      await expect(client.query('commit')).rejects.toThrow(/does not balance/);
    } finally {
      await client.query('rollback').catch(() => undefined);
      client.release();
    }
    await expect(
      server.db.system((tx) => tx.query(`update ledger_entries set amount_cents = amount_cents + 1`)),
    ).rejects.toThrow(/immutable/);
    await expect(
      server.db.system((tx) =>
        tx.query(`update ledger_transactions set status = 'pending' where status = 'posted'`),
      ),
    ).rejects.toThrow(/only moves once/);
  });
});
