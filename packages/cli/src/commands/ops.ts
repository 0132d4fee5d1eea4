import type { OperationResult } from '@yardpass/sdk';
import { CliError } from '../errors.js';
import type { JsonObject } from '../json.js';
import { formatMoney, table, type Io } from '../output.js';
import type { Resource } from './resource.js';

type InboxItem = OperationResult<'getOpsInbox'>[number];
type Kind = InboxItem['kind'];
type Metrics = OperationResult<'getBusinessMetrics'>;
type Integrity = OperationResult<'getOpsIntegrity'>;

const KINDS: readonly Kind[] = [
  'order_awaiting_funding',
  'deliverable_awaiting_review',
  'deliverable_past_due',
  'proposal_follow_up',
  'order_disputed',
  'order_locked',
  'payout_failed',
  'payout_awaiting_configuration',
  'webhook_endpoint_failing',
  'webhook_delivery_dead',
];

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
  for (const kind of KINDS) {
    const lines = summary.filter((line) => line.kind === kind);
    if (lines.length === 0) continue;
    const count = lines.reduce((sum, line) => sum + line.count, 0);
    io.print(io.out.bold(`${kind.replaceAll('_', ' ')} — ${count}, holding ${money(lines)}`));
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
          .option('--kind <kind>', `Only one kind: ${KINDS.join(', ')}`)
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
      path: 'metrics',
      operationId: 'getBusinessMetrics',
      summary: 'Business metrics by day, week or month (a chart of GMV on a terminal)',
      examples: [
        'yardpass ops metrics',
        'yardpass ops metrics --from 2026-01-01 --to 2026-04-01 --interval month',
        'yardpass ops metrics --event <id> --json',
      ],
      configure: (command) =>
        command
          .option('--from <date>', 'First day (default: 30 days before --to)')
          .option('--to <date>', 'Day after the last (default: tomorrow)')
          .option('--interval <interval>', 'day, week or month (default day)')
          .option('--event <id>', 'Only this event'),
      async run({ client, options, json, io }) {
        const query: Record<string, string> = {};
        for (const [flag, name] of [
          ['from', 'from'],
          ['to', 'to'],
          ['interval', 'interval'],
          ['event', 'event_id'],
        ] as const)
          if (typeof options[flag] === 'string') query[name] = options[flag];
        const metrics = await client.ops.businessMetrics(query);
        if (json) io.json(metrics);
        else printMetrics(io, metrics);
      },
    },
  ],
};
