import { describe, expect, it } from 'vitest';
import { harness } from '../../test/harness.js';

const orderId = '7d3c5b1a-2e4f-4a6b-8c9d-0e1f2a3b4c5d';
const endpointId = '1a2b3c4d-5e6f-4a0b-8c9d-0e1f2a3b4c5d';
const item = (kind: string, id: string, amount: number | null, command: string) => ({
  kind,
  id,
  resource: 'order',
  org_id: '11111111-2222-4333-8444-555555555555',
  since: '2026-03-01T10:00:00.000Z',
  why: `why ${kind}`,
  amount_cents: amount,
  currency: amount === null ? null : 'USD',
  related_id: null,
  action: { method: 'POST', path: '/v1/x', command },
});

const inboxRoutes = {
  'GET /v1/ops/inbox': () => ({
    body: {
      data: [
        item('order_locked', orderId, 150_000, `yardpass orders release ${orderId}`),
        item(
          'webhook_endpoint_failing',
          endpointId,
          null,
          `yardpass webhooks endpoints update ${endpointId}`,
        ),
      ],
      has_more: false,
      next_cursor: null,
    },
  }),
  'GET /v1/ops/inbox/summary': () => ({
    body: {
      data: [
        { kind: 'order_locked', currency: 'USD', count: 1, amount_cents: 150_000 },
        { kind: 'webhook_endpoint_failing', currency: null, count: 1, amount_cents: 0 },
      ],
    },
  }),
};

const report = (ok: boolean) => ({
  ok,
  checked_at: '2026-03-01T10:00:00.000Z',
  checks: [
    {
      name: 'ledger_transaction_balance',
      severity: 'error',
      passed: ok,
      more: false,
      rows: ok ? [] : [{ id: 'tx-1', detail: { sum_cents: 777 } }],
    },
    { name: 'escrow_balance', severity: 'error', passed: true, more: false, rows: [] },
  ],
});

const figures = (gmv: number) => ({
  packages_created: 1,
  events_with_new_packages: 1,
  packages_per_event: 1,
  proposals: 2,
  proposals_converted: 1,
  conversion_rate: 0.5,
  median_negotiation_seconds: 7200,
  deliverables_due: 0,
  deliverables_on_time: 0,
  on_time_rate: null,
  slas_evaluated: 0,
  slas_met: 0,
  sla_compliance_rate: null,
  money: [
    {
      currency: 'USD',
      orders_funded: 1,
      gmv_cents: gmv,
      platform_fees_cents: 0,
      refunds_cents: 0,
      payouts_cents: 0,
    },
  ],
});
const metricsRoutes = {
  'GET /v1/metrics/business': () => ({
    body: {
      data: {
        from: '2026-03-02',
        to: '2026-03-04',
        interval: 'day',
        event_id: null,
        series: [
          { period_start: '2026-03-02T00:00:00.000Z', ...figures(100_000) },
          { period_start: '2026-03-03T00:00:00.000Z', ...figures(50_000) },
        ],
        totals: figures(150_000),
      },
    },
  }),
};

describe('ops commands', () => {
  it('prints the inbox grouped by kind with counts, money, the command for each item and the totals', async () => {
    const cli = await harness({ routes: inboxRoutes });
    const { code, stdout } = await cli.run('ops', 'inbox');
    expect(code).toBe(0);
    expect(stdout).toContain('order_locked — 1, holding $1,500.00 USD');
    expect(stdout).toContain(`yardpass orders release ${orderId}`);
    expect(stdout).toContain('webhook_endpoint_failing — 1, holding -');
    expect(stdout).toContain('Total: 2 item(s), holding $1,500.00 USD');
    expect(stdout.indexOf('order_locked —')).toBeLessThan(stdout.indexOf('webhook_endpoint_failing —'));
  });

  it('answers the items and the summary as JSON with --json, passing --kind on', async () => {
    const cli = await harness({ routes: inboxRoutes });
    const { code, stdout } = await cli.run('ops', 'inbox', '--kind', 'order_locked', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      data: [{ id: orderId }, { id: endpointId }],
      summary: [{ count: 1 }, { count: 1 }],
    });
    expect(cli.requests.map((request) => request.query.kind)).toEqual(['order_locked', 'order_locked']);
  });

  it.each([
    [true, 0],
    [false, 1],
  ])('exits %s → %i from integrity, listing the failing rows', async (ok, expected) => {
    const cli = await harness({
      routes: { 'GET /v1/ops/integrity': () => ({ body: { data: report(ok) } }) },
    });
    const { code, stdout, stderr } = await cli.run('ops', 'integrity');
    expect(code).toBe(expected);
    if (ok) expect(stderr).toContain('Every integrity check passed');
    else {
      expect(stdout).toContain('✗ ledger transaction balance — 1 row(s)');
      expect(stdout).toContain('tx-1  {"sum_cents":777}');
      expect(stderr).toContain('Integrity checks failed');
    }
  });

  it('draws a GMV chart on a terminal only, and prints the table and totals either way', async () => {
    const tty = await harness({ tty: true, routes: metricsRoutes });
    const onTerminal = await tty.run('ops', 'metrics', '--from', '2026-03-02', '--to', '2026-03-04');
    expect(onTerminal.code).toBe(0);
    expect(onTerminal.stdout).toContain('GMV (USD)');
    expect(onTerminal.stdout).toContain(`2026-03-02  ${'█'.repeat(40)}`);
    expect(onTerminal.stdout).toContain(`2026-03-03  ${'█'.repeat(20)}${' '.repeat(20)}`);
    expect(tty.requests[0]!.query).toEqual({ from: '2026-03-02', to: '2026-03-04' });

    const piped = await harness({ routes: metricsRoutes });
    const { stdout } = await piped.run('ops', 'metrics');
    expect(stdout).not.toContain('█');
    expect(stdout).toContain('Proposal → order: 50.0 %');
    expect(stdout).toContain('Median negotiation: 2.0 h');
  });
});

describe('ops reconcile', () => {
  const runId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
  const run = (differences: object[]) => ({
    id: runId,
    provider: 'stripe',
    trigger: 'manual',
    period_start: '2026-03-02T00:00:00.000Z',
    period_end: '2026-03-03T00:00:00.000Z',
    status: 'completed',
    checked: { charges: 2, transfers: 1, refunds: 2, disputes: 0 },
    difference_count: differences.length,
    error: null,
    started_at: '2026-03-03T04:10:00.000Z',
    finished_at: '2026-03-03T04:10:01.000Z',
    differences,
  });
  const mismatch = {
    id: '0a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    object_type: 'charge',
    object_id: 'ch_2',
    issue: 'amount_mismatch',
    order_id: null,
    processor_amount_cents: 40_000,
    ledger_amount_cents: 50_000,
    currency: 'USD',
    detail: 'x',
  };

  it('runs one with --run and the period, and exits 1 listing the differences', async () => {
    const cli = await harness({
      routes: { 'POST /v1/ops/reconciliation:run': () => ({ status: 201, body: { data: run([mismatch]) } }) },
    });
    const { code, stdout, stderr } = await cli.run(
      'ops',
      'reconcile',
      '--run',
      '--from',
      '2026-03-02T00:00:00Z',
    );
    expect(code).toBe(1);
    expect(cli.requests[0]!.body).toEqual({ from: '2026-03-02T00:00:00Z' });
    expect(stdout).toContain('Compared 2 charges, 1 transfers, 2 refunds, 0 disputes.');
    expect(stdout).toContain('ch_2');
    expect(stderr).toContain('1 difference(s)');
  });

  it('shows the latest run without --run and exits 0 when it agrees', async () => {
    const cli = await harness({
      routes: {
        'GET /v1/ops/reconciliations': () => ({
          body: { data: [run([])], has_more: false, next_cursor: null },
        }),
        [`GET /v1/ops/reconciliations/${runId}`]: () => ({ body: { data: run([]) } }),
      },
    });
    const { code, stderr } = await cli.run('ops', 'reconcile');
    expect(code).toBe(0);
    expect(stderr).toContain('The processor and the ledger agree.');
  });
});
