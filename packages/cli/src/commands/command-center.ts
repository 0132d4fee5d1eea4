import type { CommandCenterEvent, components } from '@yardpass/sdk';
import { usageError } from '../errors.js';
import { formatMoney, formatTime, table, type Io } from '../output.js';
import type { CustomRun, Resource } from './resource.js';

type Kpis = components['schemas']['CommandCenterKpis'];
type Thresholds = components['schemas']['CommandCenterThresholds'];

const workspaceId = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
const WAITING = new Set(['sent', 'countered']);
const RECENT = 8;

/** What the dashboard shows: the latest feed row's numbers, moved by the live changes since, and those changes. */
export interface Dashboard {
  workspaceId: string;
  kpis: Kpis | null;
  slot: string | null;
  recent: { at: string; text: string }[];
}

interface OrderChange {
  order_id: string;
  status: string;
  escrow_state: string;
  amount_cents: number;
  refunded_cents: number;
  currency: string;
  previous: { status: string; escrow_state: string; refunded_cents: number } | null;
}

const short = (id: unknown) => String(id).slice(0, 8);

function signedMoney(cents: number, currency: string): string {
  return `${cents < 0 ? '-' : '+'}${formatMoney(Math.abs(cents), currency, { code: false })}`;
}

/** An order's part of GMV (funded, net of refunds) and of escrow (funded or locked), in the dashboard's currency. */
function orderMoney(
  kpis: Kpis,
  state: { escrow_state: string; amount_cents: number; refunded_cents: number },
  currency: string,
) {
  if (currency !== kpis.currency) return { gmv: 0, escrow: 0 };
  const net = state.amount_cents - state.refunded_cents;
  return {
    gmv: state.escrow_state === 'pending' ? 0 : net,
    escrow: state.escrow_state === 'funded' || state.escrow_state === 'locked' ? net : 0,
  };
}

/** The changes of a feed row in a few words: "GMV +$5,000.00 · active +1 · overdue +1". */
function describeChanges(changes: Record<string, unknown>, currency: string): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(changes)) {
    if (key.endsWith('_cents') && typeof value === 'number')
      parts.push(
        `${key === 'gmv_cents' ? 'GMV' : key.replace(/_cents$/, '')} ${signedMoney(value, currency)}`,
      );
    else if (key === 'orders_by_state' && typeof value === 'object' && value)
      for (const [state, n] of Object.entries(value))
        parts.push(`${state} ${Number(n) > 0 ? '+' : ''}${String(n)}`);
    else if (typeof value === 'number' && key !== 'goal_percent' && key !== 'orders_total')
      parts.push(`${key.replaceAll('_', ' ')} ${value > 0 ? '+' : ''}${value}`);
  }
  return parts.join(' · ') || 'no change';
}

/** The dashboard after one event of the stream. */
export function applyEvent(board: Dashboard, event: CommandCenterEvent): Dashboard {
  const data = event.data as Record<string, unknown>;
  const recent = (text: string) => [{ at: event.created_at, text }, ...board.recent].slice(0, RECENT);
  if (event.type === 'feed.row') {
    const kpis = data.kpis as Kpis;
    return {
      ...board,
      kpis,
      slot: data.slot as string,
      recent: recent(
        `feed         ${describeChanges(data.changes as Record<string, unknown>, kpis.currency)}`,
      ),
    };
  }
  if (event.type === 'order.changed') {
    const order = data as unknown as OrderChange;
    const from = order.previous ? `${order.previous.status} → ` : 'new, ';
    const text = `order        ${short(order.order_id)} ${from}${order.status} (${formatMoney(order.amount_cents, order.currency, { code: false })}, escrow ${order.escrow_state})`;
    if (!board.kpis) return { ...board, recent: recent(text) };
    const kpis = { ...board.kpis, orders_by_state: { ...board.kpis.orders_by_state } };
    const after = orderMoney(kpis, order, order.currency);
    const before = order.previous
      ? orderMoney(kpis, { ...order, ...order.previous }, order.currency)
      : { gmv: 0, escrow: 0 };
    kpis.gmv_cents += after.gmv - before.gmv;
    kpis.escrow_cents += after.escrow - before.escrow;
    if (kpis.goal_gmv_cents)
      kpis.goal_percent = Math.round((1000 * kpis.gmv_cents) / kpis.goal_gmv_cents) / 10;
    if (order.previous)
      kpis.orders_by_state[order.previous.status] = (kpis.orders_by_state[order.previous.status] ?? 1) - 1;
    else kpis.orders_total += 1;
    kpis.orders_by_state[order.status] = (kpis.orders_by_state[order.status] ?? 0) + 1;
    return { ...board, kpis, recent: recent(text) };
  }
  const previous = (data.previous as { status?: string } | null)?.status;
  const move = `${previous ? `${previous} → ` : 'new, '}${String(data.status)}`;
  if (event.type === 'proposal.changed') {
    const text = `proposal     ${short(data.proposal_id)} ${move}`;
    if (!board.kpis) return { ...board, recent: recent(text) };
    const delta =
      Number(WAITING.has(String(data.status))) - Number(previous !== undefined && WAITING.has(previous));
    return {
      ...board,
      kpis: { ...board.kpis, proposals_waiting: board.kpis.proposals_waiting + delta },
      recent: recent(text),
    };
  }
  return {
    ...board,
    recent: recent(
      `${event.type.replace('.changed', '').padEnd(12)} ${short(data.deliverable_id ?? data.id)} ${move}`,
    ),
  };
}

/** A bar of `width` cells filled to `percent` (capped at 100). */
export function bar(percent: number, width: number): string {
  const filled = Math.round((Math.min(Math.max(percent, 0), 100) / 100) * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
}

/** The dashboard as lines of text for a terminal `columns` wide. */
export function renderDashboard(board: Dashboard, io: Io, columns: number): string {
  const { bold, dim, green, yellow, red } = io.out;
  const lines = [
    bold(`Command center · workspace ${board.workspaceId}`),
    dim('─'.repeat(Math.min(columns, 72))),
  ];
  const kpis = board.kpis;
  if (!kpis) {
    lines.push('Waiting for the first feed row (written every 5 minutes); live changes are listed below.');
  } else {
    const money = (cents: number) => formatMoney(cents, kpis.currency, { code: false });
    lines.push(
      `${bold('GMV')}           ${money(kpis.gmv_cents)}${kpis.goal_gmv_cents ? ` of ${money(kpis.goal_gmv_cents)} goal` : ' (no goal set)'}`,
    );
    if (kpis.goal_percent !== null) {
      const paint =
        kpis.goal_percent >= 100 ? green : kpis.goal_percent >= 50 ? yellow : (text: string) => text;
      lines.push(
        `              ${paint(bar(kpis.goal_percent, Math.max(10, Math.min(40, columns - 30))))} ${kpis.goal_percent.toFixed(1)} %`,
      );
    }
    const states = Object.entries(kpis.orders_by_state)
      .filter(([, n]) => n > 0)
      .map(([state, n]) => `${state} ${n}`)
      .join(' · ');
    lines.push(
      `${bold('In escrow')}     ${money(kpis.escrow_cents)}`,
      `${bold('Orders')}        ${kpis.orders_total}${states ? `  (${states})` : ''}`,
      `${bold('Deliverables')}  due ${kpis.deliverables_due} · ${kpis.deliverables_overdue > 0 ? red(`overdue ${kpis.deliverables_overdue}`) : 'overdue 0'}`,
      `${bold('SLAs')}          ${kpis.sla_at_risk > 0 ? yellow(`at risk ${kpis.sla_at_risk}`) : 'at risk 0'} · breached ${kpis.sla_breached}`,
      `${bold('Proposals')}     ${kpis.proposals_waiting} waiting`,
    );
    if (kpis.top_matches.length > 0)
      lines.push(
        `${bold('Top matches')}   ${kpis.top_matches.map((match) => `${match.score.toFixed(2)} ${short(match.sponsor_id)}`).join(' · ')}`,
      );
    lines.push(dim(`Feed row of ${formatTime(board.slot)}; orders and proposals live since.`));
  }
  lines.push('', bold('What changed'));
  if (board.recent.length === 0) lines.push(dim('  Nothing yet.'));
  for (const change of board.recent) lines.push(`  ${dim(formatTime(change.at).slice(11))}  ${change.text}`);
  lines.push('', dim('^C to stop'));
  return lines.map((line) => line.slice(0, columns + 40)).join('\n');
}

async function workspaceOf(run: CustomRun): Promise<string> {
  return run.chooseId({ resource: 'workspaces', given: run.args[0], name: '<workspace>' });
}

function numberList(value: string | undefined, flag: string): number[] | undefined {
  if (value === undefined) return undefined;
  const numbers = value.split(',').map((part) => Number(part.trim()));
  if (numbers.some((n) => !Number.isFinite(n) || n <= 0))
    throw usageError(`${flag} takes positive numbers separated by commas, e.g. 50,100; got "${value}".`);
  return numbers;
}

function count(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw usageError(`${flag} takes a whole number of at least 1; got "${value}".`);
  return n;
}

async function enable(run: CustomRun) {
  const { client, options, json, io } = run;
  const id = await workspaceOf(run);
  const thresholds: Thresholds = {};
  const percents = numberList(options.gmvGoalPercent as string | undefined, '--gmv-goal-percent');
  if (percents) thresholds.gmv_goal_percent = percents;
  const overdue = count(options.deliverablesOverdue as string | undefined, '--deliverables-overdue');
  if (overdue) thresholds.deliverables_overdue = overdue;
  const atRisk = count(options.slaAtRisk as string | undefined, '--sla-at-risk');
  if (atRisk) thresholds.sla_at_risk = atRisk;
  const slack = options.slackWebhook as string | undefined;
  const currency = options.currency as string | undefined;
  const center = await client.commandCenter.enable(id, {
    ...(options.captureRollups === false ? { capture_rollups: false } : {}),
    ...(options.rollups === true ? { capture_rollups: true } : {}),
    ...(slack !== undefined ? { notify_slack_webhook: slack || null } : {}),
    ...(currency !== undefined ? { currency } : {}),
    ...(Object.keys(thresholds).length > 0 ? { thresholds } : {}),
  });
  if (json) return io.json(center);
  io.success(`Enabled the command center of workspace ${id}`);
  io.print(
    [
      `Feed every 5 minutes  ${center.capture_rollups ? 'on' : 'off'}`,
      `Slack                 ${center.notify_slack_webhook ?? 'none'}`,
      `Currency              ${center.currency}`,
      `Thresholds            ${JSON.stringify(center.thresholds)}`,
    ].join('\n'),
  );
  io.note(`Watch it live: yardpass command-center watch ${id}`);
}

async function disable(run: CustomRun) {
  const { client, json, io } = run;
  const id = await workspaceOf(run);
  const center = await client.commandCenter.disable(id);
  if (json) return io.json(center);
  io.success(`Disabled the command center of workspace ${id} (settings and feed kept)`);
}

async function feed(run: CustomRun) {
  const { client, options, json, io } = run;
  const id = await workspaceOf(run);
  const limit = options.limit === undefined ? 12 : Number(options.limit);
  const page = await client.commandCenter.feed(id, { limit });
  if (json) return io.json(page.data);
  if (page.data.length === 0) {
    io.note('No feed rows yet: one is written every 5 minutes while the command center is enabled.');
    return;
  }
  io.print(
    table({
      items: page.data.map((row) => ({
        slot: row.slot,
        gmv: formatMoney(row.kpis.gmv_cents, row.kpis.currency, { code: false }),
        goal: row.kpis.goal_percent === null ? '-' : `${row.kpis.goal_percent} %`,
        escrow: formatMoney(row.kpis.escrow_cents, row.kpis.currency, { code: false }),
        orders: row.kpis.orders_total,
        overdue: row.kpis.deliverables_overdue,
        sla_risk: row.kpis.sla_at_risk,
        proposals: row.kpis.proposals_waiting,
        changes: describeChanges(row.changes, row.kpis.currency),
      })),
      columns: [
        { key: 'slot', as: 'time' },
        'gmv',
        'goal',
        'escrow',
        'orders',
        'overdue',
        'sla_risk',
        'proposals',
        'changes',
      ],
      io,
    }),
  );
}

/**
 * `command-center watch`: on a terminal a dashboard redrawn in place on each event (the last frame stays on the
 * screen after ^C); JSON lines with --json or when piped.
 */
async function watch(run: CustomRun) {
  const { client, json, io } = run;
  const id = await workspaceOf(run);
  const live = !json && io.stdout.isTTY === true;
  let board: Dashboard = { workspaceId: id, kpis: null, slot: null, recent: [] };
  const draw = () =>
    io.stdout.write(`\u001b[H\u001b[2J${renderDashboard(board, io, io.stdout.columns ?? 80)}\n`);
  if (live) draw();
  const stream = client.commandCenter.stream(id, {
    onConnect: () => {
      if (!live) io.note(`Streaming the command center of workspace ${id} as JSON lines (^C to stop).`);
    },
  });
  for await (const event of stream) {
    if (!live) {
      io.print(JSON.stringify(event));
      continue;
    }
    board = applyEvent(board, event);
    draw();
  }
}

export const commandCenter: Resource = {
  name: 'command-center',
  noun: 'command center',
  summary: "A workspace's live command center: KPIs every 5 minutes, what changes, Slack on thresholds",
  label: ['workspace_id'],
  commands: [
    {
      kind: 'custom',
      path: 'enable',
      operationId: 'enableCommandCenter',
      summary: 'Enable the command center of a workspace (editor): feed, stream, Slack notifications',
      examples: [
        `yardpass command-center enable ${workspaceId} --slack-webhook https://hooks.slack.com/services/T0/B0/XXXX`,
        `yardpass command-center enable ${workspaceId} --gmv-goal-percent 25,50,100 --deliverables-overdue 3`,
      ],
      configure: (command) =>
        command
          .argument('[workspace]', 'The workspace id (chosen from a list on a terminal)')
          .option('--slack-webhook <url>', 'A Slack incoming-webhook URL ("" removes it)')
          .option('--no-capture-rollups', 'No feed row every 5 minutes (the live stream runs anyway)')
          .option('--rollups', 'Write the feed row every 5 minutes again')
          .option('--currency <code>', 'The currency GMV is counted in against the goal, e.g. USD')
          .option('--gmv-goal-percent <list>', 'Notify when GMV crosses these % of the goal, e.g. 50,100')
          .option('--deliverables-overdue <n>', 'Notify when this many deliverables are overdue')
          .option('--sla-at-risk <n>', 'Notify when this many SLAs are at risk'),
      run: enable,
    },
    {
      kind: 'custom',
      path: 'disable',
      operationId: 'disableCommandCenter',
      summary: 'Disable the command center of a workspace (settings and feed kept)',
      examples: [`yardpass command-center disable ${workspaceId}`],
      configure: (command) => command.argument('[workspace]', 'The workspace id'),
      run: disable,
    },
    {
      kind: 'custom',
      path: 'feed',
      operationId: 'listCommandCenterFeed',
      summary: "The workspace's KPIs every 5 minutes, newest first, with what changed",
      examples: [
        `yardpass command-center feed ${workspaceId}`,
        `yardpass command-center feed ${workspaceId} --json`,
      ],
      configure: (command) =>
        command
          .argument('[workspace]', 'The workspace id')
          .option('--limit <n>', 'How many rows (default 12)'),
      run: feed,
    },
    {
      kind: 'custom',
      path: 'watch',
      operationId: 'streamCommandCenter',
      summary: 'A live dashboard of the workspace (JSON lines with --json or when piped)',
      examples: [
        `yardpass command-center watch ${workspaceId}`,
        `yardpass command-center watch ${workspaceId} --json | jq .type`,
      ],
      configure: (command) => command.argument('[workspace]', 'The workspace id'),
      run: watch,
    },
  ],
};
