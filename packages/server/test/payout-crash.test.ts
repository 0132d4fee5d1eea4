import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../test/server';
import { loadConfig } from '../src/config';
import { startWorker } from '../src/jobs/worker';
import { createLogger } from '../src/logger';
import { reconcilePayments } from '../src/payments/reconcile';
import { seedCommerce } from './commerce-fixtures';
import { createFakeStripe } from './fake-stripe';

const stripe = createFakeStripe();
const env = {
  STRIPE_SECRET_KEY: 'sk_test_msw',
  STRIPE_WEBHOOK_SECRET: 'whsec_test',
  YARDPASS_STRIPE_TIMEOUT_MS: '2000',
};
let server: TestServer;

beforeAll(async () => {
  stripe.listen();
  server = await startTestServer(env);
});
afterAll(async () => {
  await server?.close();
  stripe.server.close();
});

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 30_000) {
  for (let waited = 0; !(await check()); waited += 50) {
    if (waited > ms) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('SIGKILL during a payout', () => {
  it('pays out once: the worker dies inside transfers.create, the reconciliation requeues it, one transfer', async () => {
    const organizer = api(server, server.organizer);
    const sponsor = api(server, server.sponsor);
    await organizer('PUT', '/v1/payout-configuration', {
      body: { stripe_connect_account_id: 'acct_1CrashEvents' },
    });
    const { packageId, sponsorId } = await seedCommerce(server);
    const order = await sponsor('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId },
    });
    const orderId = order.json.data.id as string;
    await sponsor('POST', `/v1/sponsorship-orders/${orderId}:fund`, {
      body: { payment_method_id: 'pm_card_visa' },
    });
    await organizer('POST', `/v1/sponsorship-orders/${orderId}:lock`);
    await server.db.system((tx) =>
      tx.query(`update deliverables set status = 'approved' where order_id = $1`, [orderId]),
    );
    const released = await organizer('POST', `/v1/sponsorship-orders/${orderId}:release`);
    expect(released.status).toBe(200);
    const payoutId = released.json.data.payout.id as string;

    // A worker process takes the payout job and is killed while Stripe has the transfer request.
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./payout-child.ts', import.meta.url))],
      { env: { ...process.env, DATABASE_URL: server.databaseUrl }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const lines: string[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    let held: string | undefined;
    try {
      await until(
        () => (held = lines.find((line) => line.startsWith('held POST /v1/transfers'))) !== undefined,
        'the transfer call',
        60_000,
      );
    } finally {
      child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');
    const deadKey = held!.split(' ')[3];
    expect(deadKey).toBe(`payout:${payoutId}`);
    expect((await organizer('GET', `/v1/payouts/${payoutId}`)).json.data.status).toBe('processing');

    // Ten minutes later (the clock of the payout and of the reconciliation moved on), another worker and the
    // reconciliation job find the payout stalled and finish it.
    await server.db.system((tx) =>
      tx.query(
        `update sponsorship_payouts set transfer_requested_at = transfer_requested_at - interval '11 minutes'
          where id = $1`,
        [payoutId],
      ),
    );
    const worker = await startWorker({
      db: server.db,
      config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: server.databaseUrl, ...env }, 'dev'),
      log: createLogger('silent'),
      payments: server.payments,
    });
    try {
      const report = await reconcilePayments(
        { db: server.db, payments: server.payments, log: createLogger('silent'), defaultFeeBps: 1000 },
        new Date(Date.now() + 11 * 60_000),
      );
      expect(report.payouts_requeued).toBe(1);
      await until(
        async () => (await organizer('GET', `/v1/payouts/${payoutId}`)).json.data.status === 'paid',
        'the payout to be paid',
      );
    } finally {
      await worker.stop();
    }
    // One transfer, asked for under the key the dead worker used; the ledger moved the money out once.
    const transfers = stripe.state.transfers.filter(
      (t) => (t.metadata as { payout_id?: string }).payout_id === payoutId,
    );
    expect(transfers).toHaveLength(1);
    expect(new Set(stripe.posts('/v1/transfers').map((call) => call.key))).toEqual(new Set([deadKey]));
    const { rows } = await server.db.system((tx) =>
      tx.query<{ n: number }>(
        `select count(*)::int as n from ledger_transactions t
          where t.id in (select e.transaction_id from ledger_entries e join ledger_accounts a on a.id = e.account_id
                          where a.kind = 'organizer_payable' and a.org_id = $1 and e.amount_cents < 0)`,
        [server.organizer.orgId],
      ),
    );
    expect(rows[0]!.n).toBe(1);
  }, 120_000);
});
