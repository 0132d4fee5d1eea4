import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, startTestServer, type TestOrg, type TestServer } from '../../../test/server';
import { createDb } from '../src/db/pool';
import { createOperator } from '../src/domain/operators';
import { runPayout } from '../src/domain/payouts';
import { createLogger } from '../src/logger';
import { seedCommerce } from './commerce-fixtures';

let server: TestServer;
let organizer: ReturnType<typeof api>;
let operator: ReturnType<typeof api>;
let outsider: TestOrg;

/** An order taken all the way through the API: funded, locked, released and paid out. */
async function paidOrder() {
  const sponsor = api(server, server.sponsor);
  const { packageId, sponsorId } = await seedCommerce(server);
  const order = await sponsor('POST', '/v1/sponsorship-orders', {
    body: { package_id: packageId, sponsor_id: sponsorId },
  });
  const id = order.json.data.id as string;
  await sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, { body: { payment_method_id: 'pm_card_visa' } });
  await organizer('POST', `/v1/sponsorship-orders/${id}:lock`);
  await server.db.system((tx) =>
    tx.query(`update deliverables set status = 'approved' where order_id = $1`, [id]),
  );
  const released = await organizer('POST', `/v1/sponsorship-orders/${id}:release`);
  expect(released.status).toBe(200);
  const payout = await runPayout(
    { db: server.db, payments: server.payments, log: createLogger('silent') },
    released.json.data.payout.id as string,
  );
  expect(payout?.status).toBe('paid');
  // And one only funded, so that escrow still holds money.
  const second = await sponsor('POST', '/v1/sponsorship-orders', {
    body: { package_id: packageId, sponsor_id: sponsorId },
  });
  await sponsor('POST', `/v1/sponsorship-orders/${second.json.data.id}:fund`, {
    body: { payment_method_id: 'pm_card_visa' },
  });
}

beforeAll(async () => {
  server = await startTestServer();
  organizer = api(server, server.organizer);
  operator = api(server, { orgId: '', apiKey: (await createOperator(server.db, 'On-call')).key });
  outsider = await server.createOrg('Outsider Events');
  await organizer('PUT', '/v1/payout-configuration', {
    body: { stripe_connect_account_id: 'acct_1OrganizerTest', platform_fee_bps: 1000 },
  });
  await paidOrder();
});
afterAll(() => server.close());

const system = (sql: string, params: unknown[]) => server.db.system((tx) => tx.query(sql, params));
describe('GET /v1/ops/integrity', () => {
  it('passes on data made through the API, and reports a ledger entry written behind its back with its row', async () => {
    const check = async (call: ReturnType<typeof api>) => {
      const res = await call('GET', '/v1/ops/integrity');
      expect(res.status).toBe(200);
      return res.json.data as {
        ok: boolean;
        checks: { name: string; severity: string; passed: boolean; rows: { id: string; detail: object }[] }[];
      };
    };
    const clean = await check(operator);
    expect(clean.checks.filter((c) => c.severity === 'error' && !c.passed)).toEqual([]);
    expect(clean.ok).toBe(true);
    expect(clean.checks.map((c) => c.name)).toEqual([
      'active_package_event',
      'public_sponsor_profile',
      'ledger_transaction_balance',
      'escrow_balance',
      'funded_order_escrow',
      'released_order_payout',
      'paid_payout_transfer',
      'payout_reversal_booked',
    ]);

    // A superuser writes one unbalanced entry into a funded order's transaction, with triggers off.
    const { rows } = await system(
      `select t.id, t.reference, a.id as account_id from ledger_transactions t
         join sponsorship_orders o on o.id = t.order_id and o.organizer_org_id = $1
         cross join lateral (select id from ledger_accounts where code = 'platform_fees:USD') a
        where t.kind = 'fund' limit 1`,
      [server.organizer.orgId],
    );
    const target = rows[0] as { id: string; reference: string; account_id: string } | undefined;
    expect(target).toBeDefined();
    const url = new URL(inject('database').adminUrl);
    url.pathname = new URL(server.databaseUrl).pathname;
    const superuser = createDb({ databaseUrl: url.toString(), max: 1 });
    try {
      await superuser.system(async (tx) => {
        await tx.query(`set local session_replication_role = replica`);
        await tx.query(
          `insert into ledger_entries (transaction_id, account_id, amount_cents, currency) values ($1, $2, 777, 'USD')`,
          [target!.id, target!.account_id],
        );
      });
    } finally {
      await superuser.close();
    }

    const broken = await check(operator);
    expect(broken.ok).toBe(false);
    const failing = broken.checks.filter((c) => c.severity === 'error' && !c.passed);
    expect(failing.map((c) => c.name)).toEqual(['ledger_transaction_balance']);
    expect(failing[0]!.rows).toEqual([
      { id: target!.id, detail: { reference: target!.reference, currency: 'USD', sum_cents: 777 } },
    ]);
    // A party to the order sees it too; an organization that is not sees a clean ledger.
    expect((await check(organizer)).ok).toBe(false);
    expect((await check(api(server, outsider))).ok).toBe(true);
  });
});
