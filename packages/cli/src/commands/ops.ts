import type { OperationResult } from '@yardpass/sdk';
import { CliError } from '../errors.js';
import type { JsonObject } from '../json.js';
import { formatMoney, table, type Io } from '../output.js';
import type { Resource } from './resource.js';
import { idOption } from './id-option.js';

type InboxItem = OperationResult<'getOpsInbox'>[number];
type Kind = InboxItem['kind'];
type Metrics = OperationResult<'getBusinessMetrics'>;
type Integrity = OperationResult<'getOpsIntegrity'>;

const money = (lines: readonly { amount_cents: number; currency: string | null }[]) =>
  lines
    .filter((line) => line.currency !== null && line.amount_cents !== 0)
    .map((line) => formatMoney(line.amount_cents, line.currency!))
    .join(' + ') || '-';

/** The inbox as a table per kind, each headed by its count and money, and the totals by currency last. */
function printInbox(
  io: Io,
  items: readonly InboxItem[],
  summary: OperationResult<'getOpsInboxSummary'>,
  shown: number,
): void {
  if (summary.length === 0) {
    io.success('Nothing is stuck.');
    return;
  }
  // The summary lists the kinds in the inbox's own order.
  for (const kind of new Set(summary.map((line) => line.kind))) {
    const lines = summary.filter((line) => line.kind === kind);
    const count = lines.reduce((sum, line) => sum + line.count, 0);
    io.print(io.out.bold(`${kind} — ${count}, holding ${money(lines)}`));
    const rows: JsonObject[] = items
      .filter((item) => item.kind === kind)
      .map(({ action, ...item }) => ({ ...item, command: action.command }));
    io.print(
      table({
        items: rows,
        columns: ['id', { key: 'since', as: 'time' }, 'amount_cents', 'why', 'command'],
        io,
      }),
    );
    io.print('');
  }
  const byCurrency = new Map<string, number>();
  for (const line of summary)
    if (line.currency)
      byCurrency.set(line.currency, (byCurrency.get(line.currency) ?? 0) + line.amount_cents);
  const total = summary.reduce((sum, line) => sum + line.count, 0);
  io.print(
    `Total: ${total} item(s), holding ${money([...byCurrency].map(([currency, amount_cents]) => ({ currency, amount_cents })))}`,
  );
  if (shown < total)
    io.note(`Showing the oldest ${shown} of ${total}; raise --limit or use --kind to see more.`);
}

function printIntegrity(io: Io, report: Integrity): void {
  for (const check of report.checks) {
    const mark = check.passed
      ? io.out.green('✓')
      : check.severity === 'warning'
        ? io.out.yellow('!')
        : io.out.red('✗');
    io.print(
      `${mark} ${check.name.replaceAll('_', ' ')}${check.passed ? '' : ` — ${check.rows.length}${check.more ? '+' : ''} row(s)`}`,
    );
    for (const row of check.rows) io.print(`    ${row.id}  ${JSON.stringify(row.detail)}`);
  }
}

const BAR_WIDTH = 40;

/** A horizontal bar per period of one currency's GMV: enough to see a trend on a terminal. */
function chart(io: Io, metrics: Metrics): string[] {
  const currencies = [...new Set(metrics.totals.money.map((line) => line.currency))];
  return currencies.flatMap((currency) => {
    const values = metrics.series.map((period) => ({
      label: period.period_start.slice(0, 10),
      value: period.money.find((line) => line.currency === currency)?.gmv_cents ?? 0,
    }));
    const max = Math.max(...values.map((entry) => entry.value), 1);
    return [
      io.out.bold(`GMV (${currency})`),
      ...values.map(
        ({ label, value }) =>
          `${label}  ${'█'.repeat(Math.round((value / max) * BAR_WIDTH)).padEnd(BAR_WIDTH)}  ${formatMoney(value, currency)}`,
      ),
      '',
    ];
  });
}

const percent = (value: number | null) => (value === null ? '-' : `${(value * 100).toFixed(1)} %`);

function printMetrics(io: Io, metrics: Metrics): void {
  if (io.stdout.isTTY) for (const line of chart(io, metrics)) io.print(line);
  const rows = metrics.series.map((period) => ({
    period: period.period_start.slice(0, 10),
    packages: period.packages_created,
    proposals: period.proposals,
    conversion: percent(period.conversion_rate),
    on_time: percent(period.on_time_rate),
    sla_compliance: percent(period.sla_compliance_rate),
    gmv: period.money.map((line) => formatMoney(line.gmv_cents, line.currency)).join(' + ') || '-',
  }));
  io.print(
    table({
      items: rows,
      columns: ['period', 'packages', 'proposals', 'conversion', 'on_time', 'sla_compliance', 'gmv'],
      io,
    }),
  );
  const { totals } = metrics;
  io.print('');
  io.print(
    [
      `Packages per event: ${totals.packages_per_event?.toFixed(2) ?? '-'}`,
      `Proposal → order: ${percent(totals.conversion_rate)}`,
      `Median negotiation: ${totals.median_negotiation_seconds === null ? '-' : `${(totals.median_negotiation_seconds / 3600).toFixed(1)} h`}`,
      `Deliverables on time: ${percent(totals.on_time_rate)}`,
      `SLA compliance: ${percent(totals.sla_compliance_rate)}`,
    ].join('\n'),
  );
  io.print('');
  io.print(
    table({
      items: totals.money.map((line) => ({ ...line })),
      columns: [
        'currency',
        'orders_funded',
        'gmv_cents',
        'platform_fees_cents',
        'refunds_cents',
        'payouts_cents',
      ],
      io,
    }),
  );
}

type Reconciliation = OperationResult<'getReconciliation'>;

function printReconciliation(io: Io, run: Reconciliation): void {
  io.print(
    `Run ${run.id} (${run.provider}, ${run.trigger}) of ${run.period_start} → ${run.period_end}: ${run.status}`,
  );
  if (run.error) io.print(`  ${run.error}`);
  const checked = Object.entries(run.checked)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(', ');
  if (checked) io.print(`Compared ${checked}.`);
  if (run.differences.length > 0)
    io.print(
      table({
        items: run.differences.map((difference) => ({ ...difference })),
        columns: [
          'issue',
          'object_type',
          'object_id',
          'processor_amount_cents',
          'ledger_amount_cents',
          'currency',
          'order_id',
        ],
        io,
      }),
    );
}

export const ops: Resource = {
  name: 'ops',
  noun: 'item',
  summary: 'What is stuck, whether the money is right, how the business runs (admins and platform operators)',
  label: ['id'],
  commands: [
    {
      kind: 'custom',
      path: 'inbox',
      operationId: 'getOpsInbox',
      alsoPerforms: ['getOpsInboxSummary'],
      summary: 'Stuck work by kind, oldest first, with the money it holds and the command that moves it',
      examples: ['yardpass ops inbox', 'yardpass ops inbox --kind order_locked', 'yardpass ops inbox --json'],
      configure: (command) =>
        command
          .option('--kind <kind>', 'Only one kind, as the table headings name them (e.g. order_locked)')
          .option('--limit <n>', 'At most this many items (default 200)'),
      async run({ client, options, json, io }) {
        const kind = options.kind as Kind | undefined;
        const limit = Number(options.limit ?? 200);
        const query = kind ? { kind } : {};
        const items: InboxItem[] = [];
        for await (const item of client.ops.inbox({ ...query, limit: Math.min(limit, 100) })) {
          if (items.length >= limit) break;
          items.push(item);
        }
        const summary = await client.ops.inboxSummary(query);
        if (json) io.json({ data: items, summary });
        else printInbox(io, items, summary, items.length);
      },
    },
    {
      kind: 'custom',
      path: 'integrity',
      operationId: 'getOpsIntegrity',
      summary: 'Run the integrity checks; exits 1 when one fails (for cron)',
      examples: ['yardpass ops integrity', 'yardpass ops integrity --json || page-oncall'],
      async run({ client, json, io }) {
        const report = await client.ops.integrity();
        if (json) io.json(report);
        else printIntegrity(io, report);
        if (!report.ok)
          throw new CliError(
            'check_failed',
            'Integrity checks failed: see the rows above, fix them, run again.',
          );
        if (!json) io.success('Every integrity check passed.');
      },
    },
    {
      kind: 'custom',
      path: 'reconcile',
      operationId: 'listReconciliations',
      alsoPerforms: ['getReconciliation', 'runReconciliation'],
      summary:
        'Show the latest Stripe-vs-ledger reconciliation, or --run one now; exits 1 on differences (platform operators)',
      examples: [
        'yardpass ops reconcile',
        'yardpass ops reconcile --run',
        'yardpass ops reconcile --run --from 2026-03-01T00:00:00Z --to 2026-03-02T00:00:00Z --json',
      ],
      configure: (command) =>
        command
          .option('--run', 'Reconcile now instead of showing the latest run')
          .option('--from <time>', 'With --run: start of the period (default: yesterday 00:00 UTC)')
          .option('--to <time>', 'With --run: end of the period, exclusive (default: today 00:00 UTC)'),
      async run({ client, options, json, io }) {
        let run: Reconciliation;
        if (options.run) {
          const body: { from?: string; to?: string } = {};
          if (typeof options.from === 'string') body.from = options.from;
          if (typeof options.to === 'string') body.to = options.to;
          const stop = io.spinner('Reconciling with the payment processor');
          run = await client.ops.runReconciliation(body).finally(stop);
        } else {
          const [latest] = (await client.ops.reconciliations({ limit: 1 })).data;
          if (!latest) {
            io.note('No reconciliation has run yet: `yardpass ops reconcile --run`.');
            return;
          }
          run = await client.ops.reconciliation(latest.id);
        }
        if (json) io.json(run);
        else printReconciliation(io, run);
        if (run.status !== 'completed' || run.difference_count > 0)
          throw new CliError(
            'check_failed',
            run.status === 'completed'
              ? `${run.difference_count} difference(s) between the processor and the ledger: see the table above.`
              : 'The reconciliation did not complete: see the error above, then run it again.',
          );
        if (!json) io.success('The processor and the ledger agree.');
      },
    },
    {
      kind: 'custom',
      path: 'metrics',
      operationId: 'getBusinessMetrics',
      summary: 'Business metrics by day, week or month (a chart of GMV on a terminal)',
      examples: [
        'yardpass ops metrics',
        'yardpass ops metrics --from 2026-01-01 --to 2026-04-01 --interval month',
        'yardpass ops metrics --event-id <id> --json',
      ],
      configure: (command) =>
        idOption(command, 'event', 'Only this event')
          .option('--from <date>', 'First day (default: 30 days before --to)')
          .option('--to <date>', 'Day after the last (default: tomorrow)')
          .option('--interval <interval>', 'day, week or month (default day)'),
      async run({ client, options, json, io }) {
        const query: Record<string, string> = {};
        for (const [flag, name] of [
          ['from', 'from'],
          ['to', 'to'],
          ['interval', 'interval'],
          ['eventId', 'event_id'],
        ] as const)
          if (typeof options[flag] === 'string') query[name] = options[flag];
        const metrics = await client.ops.businessMetrics(query);
        if (json) io.json(metrics);
        else printMetrics(io, metrics);
      },
    },
  ],
};
