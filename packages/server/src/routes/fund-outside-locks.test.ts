import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';
import { createLogger } from '../logger';
import { reconcilePayments } from '../payments/reconcile';
import { seedCommerce } from '../../test/commerce-fixtures';
import { createFakeStripe } from '../../test/fake-stripe';

const FUNDS = 10;
const stripe = createFakeStripe();
let server: TestServer;
let sponsor: ReturnType<typeof api>;

beforeAll(async () => {
  stripe.listen();
  // Fewer connections than funds in flight: a fund that kept its connection while Stripe holds would starve reads.
  server = await startTestServer({ STRIPE_SECRET_KEY: 'sk_test_msw' }, { poolSize: 4 });
  sponsor = api(server, server.sponsor);
});
beforeEach(() => stripe.reset());
afterEach(() => {
  stripe.reset();
  stripe.server.resetHandlers();
});
afterAll(async () => {
  await server.close();
  stripe.server.close();
});

async function newOrders(count: number) {
  const { packageId, sponsorId } = await seedCommerce(server, { inventory: count });
  const ids: string[] = [];
  for (let i = 0; i < count; i++)
    ids.push(
      (
        await sponsor('POST', '/v1/sponsorship-orders', {
          body: { package_id: packageId, sponsor_id: sponsorId },
        })
      ).json.data.id as string,
    );
  return ids;
}

/** Waits for `condition`, at most `seconds` (a child process starts slowly on a loaded machine). */
async function until(condition: () => boolean, what: string, seconds = 15) {
  for (let i = 0; !condition(); i++) {
    if (i > seconds * 20) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function fundsBooked(ids: string[]) {
  const { rows } = await server.db.system((tx) =>
    tx.query<{ order_id: string; n: number }>(
      `select order_id, count(*)::int as n from ledger_transactions where kind = 'fund' and order_id = any($1)
        group by order_id`,
      [ids],
    ),
  );
  return rows;
}

describe('no Stripe call while holding a pooled connection', () => {
  it('serves 50 reads while Stripe holds 10 funds; each fund then ends in one state, and a second fund meanwhile answers 409', async () => {
    const ids = await newOrders(FUNDS);
    const release = stripe.hold();
    const funds = ids.map((id) =>
      sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, { body: { payment_method_id: 'pm_card_visa' } }),
    );
    await until(() => stripe.posts('/v1/payment_intents').length === FUNDS, 'Stripe to hold 10 funds');

    const started = Date.now();
    const reads = await Promise.all(
      Array.from({ length: 50 }, (_, i) => sponsor('GET', `/v1/sponsorship-orders/${ids[i % FUNDS]!}`)),
    );
    expect(reads.map((read) => read.status)).toEqual(Array.from({ length: 50 }, () => 200));
    expect(Date.now() - started).toBeLessThan(10_000);
    // While the fund is in flight the order shows it pending, and a second fund is refused, not sent to Stripe.
    expect(reads[0]!.json.data).toMatchObject({ escrow_state: 'pending' });
    const second = await sponsor('POST', `/v1/sponsorship-orders/${ids[0]!}:fund`, {
      body: { payment_method_id: 'pm_card_visa' },
    });
    expect([second.status, second.json.type]).toEqual([409, expect.stringContaining('payment-processing')]);
    expect(stripe.posts('/v1/payment_intents')).toHaveLength(FUNDS);

    release();
    const answers = await Promise.all(funds);
    expect(answers.map((answer) => answer.status)).toEqual(ids.map(() => 200));
    for (const answer of answers) expect(answer.json.data.order).toMatchObject({ escrow_state: 'funded' });
    expect((await fundsBooked(ids)).map((row) => row.n)).toEqual(ids.map(() => 1));
  }, 30_000);

  it('finishes each fund once in the reconciliation job after the server process is killed while Stripe holds it', async () => {
    const ids = await newOrders(FUNDS);
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('../../test/fund-child.ts', import.meta.url))],
      { env: { ...process.env, DATABASE_URL: server.databaseUrl }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const lines: string[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
    try {
      await until(() => lines.some((line) => line.startsWith('listening ')), 'the child server', 90);
      const childUrl = lines.find((line) => line.startsWith('listening '))!.slice('listening '.length);
      const inFlight = ids.map((id) =>
        api({ baseUrl: childUrl }, server.sponsor)('POST', `/v1/sponsorship-orders/${id}:fund`, {
          body: { payment_method_id: 'pm_card_visa' },
        }).catch(() => 'connection lost'),
      );
      await until(
        () => lines.filter((line) => line === 'held /v1/payment_intents').length === FUNDS,
        'held funds',
      );
      child.kill('SIGKILL');
      expect(await Promise.all(inFlight)).toEqual(ids.map(() => 'connection lost'));
    } finally {
      child.kill('SIGKILL');
    }

    // The funds are recorded, not applied: nothing was booked and each order waits for its fund.
    expect(await fundsBooked(ids)).toEqual([]);
    const deps = {
      db: server.db,
      payments: server.payments,
      log: createLogger('silent'),
      defaultFeeBps: 1000,
    };
    const later = new Date(Date.now() + 5 * 60_000);
    const [first, second] = await Promise.all([
      reconcilePayments(deps, later),
      reconcilePayments(deps, later),
    ]);
    expect([...first.funds_finished, ...second.funds_finished].sort()).toEqual(
      expect.arrayContaining([...ids].sort()),
    );
    // Each is asked of Stripe with the key the dead process used, and funded exactly once.
    for (const id of ids)
      expect(
        new Set(
          stripe
            .posts('/v1/payment_intents')
            .filter((call) => call.body['metadata[order_id]'] === id)
            .map((call) => call.key),
        ),
      ).toEqual(new Set([`order:${id}:fund`]));
    expect((await fundsBooked(ids)).map((row) => row.n)).toEqual(ids.map(() => 1));
    const orders = await Promise.all(ids.map((id) => sponsor('GET', `/v1/sponsorship-orders/${id}`)));
    for (const order of orders)
      expect(order.json.data).toMatchObject({ escrow_state: 'funded', payment_status: 'succeeded' });
  }, 150_000);

  it('records a refund before asking Stripe: while Stripe is away it stays pending, blocks a second refund, and reconciliation books it once', async () => {
    await api(server, server.organizer)('PUT', '/v1/payout-configuration', {
      body: { stripe_connect_account_id: 'acct_1RefundsLater' },
    });
    const [id] = await newOrders(1);
    await sponsor('POST', `/v1/sponsorship-orders/${id!}:fund`, {
      body: { payment_method_id: 'pm_card_visa' },
    });
    const organizer = api(server, server.organizer);
    // Stripe answers 500 to the refund and to both of the SDK's retries: nothing is known to have happened.
    stripe.state.trouble = Array.from({ length: 3 }, () => ({ path: '/v1/refunds', kind: '500' as const }));
    const away = await organizer('POST', `/v1/sponsorship-orders/${id!}:refund`, {
      body: { amount_cents: 50_000 },
    });
    expect(away.status).toBe(503);
    const second = await organizer('POST', `/v1/sponsorship-orders/${id!}:refund`, {
      body: { amount_cents: 10_000 },
    });
    expect([second.status, second.json.type]).toEqual([409, expect.stringContaining('refund-in-progress')]);
    const pending = (await organizer('GET', `/v1/sponsorship-orders/${id!}`)).json.data;
    expect(pending).toMatchObject({
      refunded_cents: 0,
      refunds: [{ status: 'pending', stripe_refund_id: null }],
    });

    const deps = {
      db: server.db,
      payments: server.payments,
      log: createLogger('silent'),
      defaultFeeBps: 1000,
    };
    const later = new Date(Date.now() + 5 * 60_000);
    await Promise.all([reconcilePayments(deps, later), reconcilePayments(deps, later)]);
    const keys = stripe.posts('/v1/refunds').map((call) => call.key);
    expect(new Set(keys)).toEqual(new Set([`order:${id!}:refund:1`]));
    const done = (await organizer('GET', `/v1/sponsorship-orders/${id!}`)).json.data;
    expect(done).toMatchObject({
      status: 'partially_refunded',
      refunded_cents: 50_000,
      refunds: [{ status: 'succeeded', amount_cents: 50_000 }],
      ledger: { escrow_balance_cents: 100_000 },
    });
    expect(done.ledger.transactions.filter((t: { kind: string }) => t.kind === 'refund')).toHaveLength(1);
    // The order may be refunded again now.
    const again = await organizer('POST', `/v1/sponsorship-orders/${id!}:refund`, {
      body: { amount_cents: 10_000 },
    });
    expect(again.json.data.refunded_cents).toBe(60_000);
  }, 30_000);
});
