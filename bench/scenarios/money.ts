import {
  createDb,
  createLogger,
  createOrganization,
  type Db,
  ensureAccount,
  insertLedgerTransaction,
  loadConfig,
  settlePendingTransactions,
  startWorker,
} from '@yardpass/server';
import type { BenchDatabase } from '../lib/database';
import { percentiles, runInFlight } from '../lib/in-flight';
import { serveYardpass } from '../lib/server';
import type { Row } from '../lib/table';

/**
 * Issue 24: the money path of BENCH_MONEY_ORDERS orders (default 1,000) with the sandbox provider, step by step
 * through the real API, 10 requests in flight: `:fund` (sponsor), `:lock` and `:release` (organizer), then the
 * payout job in the worker (release commit → transfer applied). Beside them, the bare baseline: the same ledger
 * bookings (escrow account, funding, pending lock, its posting, the transfer: 3 transactions and 7 entries per
 * order) through the API's own statements, every order in one transaction.
 */
const ORDERS = Number(process.env.BENCH_MONEY_ORDERS ?? 1_000);
const IN_FLIGHT = 10;
const PRICE_CENTS = 100_000;
const FEE_CENTS = 10_000;
const BASELINE = 'money: ledger bookings in one transaction';

type Tx = Parameters<Parameters<Db['system']>[0]>[0];

function client(origin: string, apiKey: string) {
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as { data: Record<string, unknown> };
  };
}

/** The bare baseline: what the ledger books for each order's fund → lock → release → transfer, in one transaction. */
async function bookBaseline(tx: Tx, orders: { id: string; organizer: string; sponsor: string }[]) {
  const platform = (kind: 'stripe_clearing' | 'platform_fees') =>
    ensureAccount(tx, { code: `${kind}:USD`, kind, currency: 'USD', orgId: null, orderId: null });
  const clearing = await platform('stripe_clearing');
  const fees = await platform('platform_fees');
  for (const order of orders) {
    const escrow = await ensureAccount(tx, {
      code: `bench-escrow:${order.id}`,
      kind: 'escrow',
      currency: 'USD',
      orgId: null,
      orderId: order.id,
    });
    const payable = await ensureAccount(tx, {
      code: `organizer_payable:${order.organizer}:USD`,
      kind: 'organizer_payable',
      currency: 'USD',
      orgId: order.organizer,
      orderId: null,
    });
    const book = (
      kind: 'fund' | 'lock' | 'transfer',
      status: 'pending' | 'posted',
      entries: [string, number][],
    ) =>
      insertLedgerTransaction(tx, {
        reference: `bench:${order.id}:${kind}`,
        kind,
        status,
        orderId: order.id,
        organizerOrgId: order.organizer,
        sponsorOrgId: order.sponsor,
        description: 'bench',
        entries: entries.map(([accountId, amountCents]) => ({ accountId, amountCents, currency: 'USD' })),
      });
    await book('fund', 'posted', [
      [clearing, -PRICE_CENTS],
      [escrow, PRICE_CENTS],
    ]);
    await book('lock', 'pending', [
      [escrow, -PRICE_CENTS],
      [payable, PRICE_CENTS - FEE_CENTS],
      [fees, FEE_CENTS],
    ]);
    await settlePendingTransactions(tx, order.id, 'lock', 'posted');
    await book('transfer', 'posted', [
      [payable, -(PRICE_CENTS - FEE_CENTS)],
      [clearing, PRICE_CENTS - FEE_CENTS],
    ]);
  }
}

export async function runMoneyBench({ database }: { database: BenchDatabase }): Promise<Row[]> {
  const db = createDb({ databaseUrl: database.url, max: 2 });
  const api = await serveYardpass({ databaseUrl: database.url });
  const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }, 'dev');
  const workerDb = createDb({ databaseUrl: database.url, max: 6 });
  let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
  try {
    const sponsorOrg = await createOrganization(db, { name: 'Bench Money Sponsor' });
    const organizer = client(api.origin, database.apiKey);
    const sponsor = client(api.origin, sponsorOrg.apiKey);
    const sponsorId = (await sponsor('POST', '/v1/sponsors', { name: 'Bench Cola', visibility: 'public' }))
      .data.id as string;
    const packageId = await db.system(async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `insert into sponsorship_packages (org_id, event_id, title, tier, price_cents, currency, inventory,
           is_active, visibility, published_at)
         select $1, id, 'Bench money package', 'gold', $2, 'USD', $3, true, 'public', now()
           from events where owner_org_id = $1 order by starts_at limit 1
         returning id`,
        [database.orgId, PRICE_CENTS, ORDERS],
      );
      return rows[0]!.id;
    });
    await organizer('PUT', '/v1/payout-configuration', {
      stripe_connect_account_id: 'acct_1BenchMoney',
      platform_fee_bps: 1000,
    });
    process.stderr.write(`money: placing ${ORDERS} orders …\n`);
    const ids: string[] = [];
    await runInFlight(
      Array.from({ length: ORDERS }, (_, i) => i),
      IN_FLIGHT,
      async () => {
        const order = await sponsor('POST', '/v1/sponsorship-orders', {
          package_id: packageId,
          sponsor_id: sponsorId,
        });
        ids.push(order.data.id as string);
      },
    );

    const rows: Row[] = [];
    const step = async (name: string, call: (id: string) => Promise<unknown>) => {
      process.stderr.write(`money: ${name} × ${ORDERS} …\n`);
      const measured = await runInFlight(ids, IN_FLIGHT, async (id) => {
        await call(id);
      });
      rows.push({ scenario: `money: ${name} (orders/s)`, baseline: BASELINE, ...measured });
    };
    const begun = Date.now();
    await step(':fund', (id) =>
      sponsor('POST', `/v1/sponsorship-orders/${id}:fund`, { payment_method_id: 'pm_card_visa' }),
    );
    await step(':lock', (id) => organizer('POST', `/v1/sponsorship-orders/${id}:lock`));
    // The worker transfers the payouts as the releases commit, as in `yardpass-server dev`.
    worker = await startWorker({ db: workerDb, config, log: createLogger('silent') });
    await step(':release', (id) => organizer('POST', `/v1/sponsorship-orders/${id}:release`));

    process.stderr.write('money: waiting for the payouts …\n');
    const payouts = await db.system(async (tx) => {
      for (let waited = 0; ; waited += 250) {
        const { rows: paid } = await tx.query<{ paid: number }>(
          `select count(*)::int as paid from sponsorship_payouts where order_id = any($1::uuid[]) and status = 'paid'`,
          [ids],
        );
        if (paid[0]!.paid === ORDERS) break;
        if (waited > 600_000)
          throw new Error(`only ${paid[0]!.paid} of ${ORDERS} payouts paid after 10 minutes`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const { rows: timing } = await tx.query<{ ms: number; span_s: number; last_paid_ms: number }>(
        `select extract(epoch from p.paid_at - p.created_at) * 1000 as ms,
                extract(epoch from max(p.paid_at) over () - min(p.created_at) over ()) as span_s,
                extract(epoch from max(p.paid_at) over ()) * 1000 as last_paid_ms
           from sponsorship_payouts p where p.order_id = any($1::uuid[])`,
        [ids],
      );
      return timing;
    });
    const payoutSeconds = Number(payouts[0]!.span_s);
    rows.push({
      scenario: 'money: payout job, release commit → paid (orders/s)',
      baseline: BASELINE,
      requestsPerSecond: ORDERS / payoutSeconds,
      ...percentiles(payouts.map((row) => Number(row.ms))),
    });
    // The payouts overlap the releases: end to end is from the first fund to the last transfer applied.
    rows.push({
      scenario: 'money: fund → lock → release → paid, end to end (orders/s)',
      baseline: BASELINE,
      requestsPerSecond: ORDERS / ((Number(payouts[0]!.last_paid_ms) - begun) / 1000),
    });

    process.stderr.write('money: the bare ledger baseline …\n');
    const orders = ids.map((id) => ({ id, organizer: database.orgId, sponsor: sponsorOrg.organization.id }));
    const started = performance.now();
    await db.system((tx) => bookBaseline(tx, orders));
    const baseline: Row = {
      scenario: BASELINE,
      requestsPerSecond: ORDERS / ((performance.now() - started) / 1000),
    };
    return [baseline, ...rows];
  } finally {
    await worker?.stop();
    await workerDb.close();
    await api.close();
    await db.close();
  }
}
