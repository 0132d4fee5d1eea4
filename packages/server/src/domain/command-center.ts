import type { Caller } from '../caller';
import {
  captureFeed,
  COMMAND_CENTER_CHANNEL,
  type CommandCenterRow,
  type CommandCenterThresholds,
  disableCommandCenter,
  enableCommandCenter,
  findAlert,
  findCommandCenter,
  listEventsAfter,
  listFeed,
  recordAlertAttempt,
  streamPositions,
  type AlertToSend,
} from '../db/command-center';
import { createNotificationHub, type NotificationHub } from '../db/notification-hub';
import type { Db } from '../db/pool';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { refusedUrl } from '../webhooks/address-guard';
import type { Sender } from '../webhooks/send';
import { actInWorkspaces, readWorkspacePage, recordWorkspaceAudit, requireWorkspace } from './workspaces';

/** What a stream sends: a new feed row (`feed.row`) or a change of an order, deliverable or proposal. */
export interface CommandCenterEvent {
  /** The event's position in the stream (digits), for Last-Event-ID. */
  id: string;
  type: string;
  workspace_id: string;
  created_at: string;
  data: Record<string, unknown>;
}

export interface CommandCenterInput {
  capture_rollups?: boolean;
  notify_slack_webhook?: string | null;
  currency?: string;
  thresholds?: CommandCenterThresholds;
}

const DEFAULT_THRESHOLDS: CommandCenterThresholds = {
  gmv_goal_percent: [50, 100],
  deliverables_overdue: 1,
  sla_at_risk: 1,
};

/** Stream events kept for resuming (Last-Event-ID); the feed keeps the history. */
export const STREAM_RETENTION_DAYS = 7;

/** The settings as the API shows them; the Slack URL is a credential, so only its origin is shown. */
function present(row: CommandCenterRow) {
  return {
    workspace_id: row.workspace_id,
    enabled: row.enabled_at !== null,
    capture_rollups: row.capture_rollups,
    notify_slack_webhook: row.notify_slack_webhook && `${new URL(row.notify_slack_webhook).origin}/…`,
    currency: row.currency,
    thresholds: row.thresholds,
    enabled_at: row.enabled_at,
    disabled_at: row.disabled_at,
    updated_at: row.updated_at,
  };
}

/**
 * Enables the workspace's command center (editors and owners). Settings the body leaves out keep their current
 * value (or the default on first enabling); `notify_slack_webhook: null` removes the Slack URL.
 */
export function enableCommandCenterFor(
  db: Db,
  options: { allowPrivate: boolean },
  caller: Caller,
  workspaceId: string,
  input: CommandCenterInput,
) {
  if (input.notify_slack_webhook) {
    const refused = refusedUrl(new URL(input.notify_slack_webhook), options.allowPrivate);
    if (refused)
      throw new ValidationError('The Slack webhook must be an https URL on the public internet.', [
        { path: '/notify_slack_webhook', message: refused },
      ]);
  }
  return db.tenant(caller.orgId, async (tx) => {
    const workspace = await requireWorkspace(tx, caller, workspaceId, 'editor');
    if (workspace.archived_at)
      throw new ConflictError({
        code: 'invalid_state',
        detail: 'The workspace is archived and read-only; its command center cannot be enabled.',
        extra: { current_status: 'archived' },
      });
    const current = await findCommandCenter(tx, workspace.id);
    const row = await enableCommandCenter(tx, {
      workspaceId: workspace.id,
      orgId: workspace.org_id,
      captureRollups: input.capture_rollups ?? current?.capture_rollups ?? true,
      slackWebhook:
        input.notify_slack_webhook === undefined
          ? (current?.notify_slack_webhook ?? null)
          : input.notify_slack_webhook,
      currency: input.currency ?? current?.currency ?? 'USD',
      thresholds: input.thresholds ?? current?.thresholds ?? DEFAULT_THRESHOLDS,
    });
    recordWorkspaceAudit(tx, caller, {
      workspaceId: workspace.id,
      action: 'command_center.enable',
      resourceType: 'command_center',
      resourceId: workspace.id,
      details: {
        capture_rollups: row.capture_rollups,
        slack: row.notify_slack_webhook !== null,
        currency: row.currency,
        thresholds: row.thresholds,
      },
    });
    return present(row);
  });
}

/** Disables the command center (editors and owners): no more feed rows, alerts or live events; settings kept. */
export function disableCommandCenterFor(db: Db, caller: Caller, workspaceId: string) {
  return db.tenant(caller.orgId, async (tx) => {
    const workspace = await requireWorkspace(tx, caller, workspaceId, 'editor');
    const row = await disableCommandCenter(tx, workspace.id);
    if (!row) throw new NotFoundError('command center (it was never enabled for this workspace)');
    recordWorkspaceAudit(tx, caller, {
      workspaceId: workspace.id,
      action: 'command_center.disable',
      resourceType: 'command_center',
      resourceId: workspace.id,
    });
    return present(row);
  });
}

/** The workspace's feed rows, newest first (members of the workspace). */
export function listFeedPage(
  db: Db,
  caller: Caller,
  workspaceId: string,
  query: { limit?: number; starting_after?: string },
) {
  return readWorkspacePage(
    db,
    caller,
    workspaceId,
    query,
    (tx, page) => listFeed(tx, { workspaceId, ...page }),
    (row) => row.slot,
  );
}

/** Every command-center stream of this process shares one LISTEN connection (see {@link createNotificationHub}). */
export type CommandCenterHub = NotificationHub<CommandCenterEvent>;

export function createCommandCenterHub(db: Db): CommandCenterHub {
  return createNotificationHub(db, COMMAND_CENTER_CHANNEL, (payload) => {
    const event = JSON.parse(payload) as Omit<CommandCenterEvent, 'id'> & { id: number };
    return { ...event, id: String(event.id) };
  });
}

const EVENT_ID = /^\d{1,18}$/;
const BACKLOG_BATCH = 500;
const MAX_BUFFERED = 10_000;

/**
 * Opens the workspace's stream for a member: authorized and listening before it answers, so every event
 * committed from then on is in it. It starts after `lastEventId` (resume), else just before the latest feed row.
 * Events come in commit order, each once: ids are given at commit under one lock (migration 0016), and the
 * stream skips any id it has passed. It ends when `signal` aborts, the LISTEN connection is lost or the client falls
 * MAX_BUFFERED events behind (the client
 * resumes with Last-Event-ID).
 */
export async function openCommandCenterStream(
  db: Db,
  hub: CommandCenterHub,
  caller: Caller,
  workspaceId: string,
  options: { lastEventId?: string; signal: AbortSignal },
): Promise<AsyncGenerator<CommandCenterEvent>> {
  if (options.lastEventId !== undefined && !EVENT_ID.test(options.lastEventId))
    throw new ValidationError('Last-Event-ID must be the id of an event this stream sent (digits).', [
      { path: '/headers/last-event-id', message: 'Must be digits.' },
    ]);
  await db.tenant(caller.orgId, (tx) => requireWorkspace(tx, caller, workspaceId, 'viewer'));
  const live: CommandCenterEvent[] = [];
  let lost = false;
  let wake: (() => void) | undefined;
  const unsubscribe = await hub.subscribe({
    onMessage: (event) => {
      if (event.workspace_id !== workspaceId || lost) return;
      // A client that stops reading is ended rather than buffered for without bound; it resumes from the table.
      if (live.length >= MAX_BUFFERED) lost = true;
      else live.push(event);
      wake?.();
    },
    onLost: () => {
      lost = true;
      wake?.();
    },
  });
  // A stream whose client leaves before it is read never runs its `finally`.
  options.signal.addEventListener('abort', () => void unsubscribe(), { once: true });
  let start: number;
  try {
    // Positions across all workspaces: the oldest event kept says whether the events after Last-Event-ID are.
    const positions = await db.system((tx) => streamPositions(tx, workspaceId));
    start = options.lastEventId === undefined ? positions.start : Number(options.lastEventId);
    if (positions.oldest !== null && start + 1 < positions.oldest)
      throw new ValidationError(
        `Last-Event-ID ${start} is older than the ${STREAM_RETENTION_DAYS} days of events kept; reconnect without it and read GET …/command-center/feed for the history.`,
        [{ path: '/headers/last-event-id', message: 'No longer resumable.' }],
      );
  } catch (error) {
    await unsubscribe();
    throw error;
  }
  const aborted = new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve();
    options.signal.addEventListener('abort', () => resolve(), { once: true });
  });

  return (async function* () {
    try {
      let cursor = start;
      for (let more = true; more && !options.signal.aborted;) {
        const backlog = await db.tenant(caller.orgId, async (tx) => {
          await actInWorkspaces(tx, caller);
          return listEventsAfter(tx, { workspaceId, afterId: cursor, limit: BACKLOG_BATCH });
        });
        for (const row of backlog) {
          cursor = row.id;
          yield {
            id: String(row.id),
            type: row.type,
            workspace_id: row.workspace_id,
            created_at: row.created_at,
            data: row.data,
          };
        }
        more = backlog.length === BACKLOG_BATCH;
      }
      while (!options.signal.aborted && !(lost && live.length === 0)) {
        const event = live.shift();
        if (!event) {
          await Promise.race([new Promise<void>((resolve) => (wake = resolve)), aborted]);
          wake = undefined;
          continue;
        }
        if (Number(event.id) <= cursor) continue;
        cursor = Number(event.id);
        yield event;
      }
    } finally {
      await unsubscribe();
    }
  })();
}

/** Every 5 minutes: a feed row for each enabled command center that captures rollups, set-based. */
export function captureCommandCenterFeed(db: Db, now: Date) {
  return db.system((tx) => captureFeed(tx, now));
}

/**
 * Posts one crossed threshold to the workspace's Slack incoming webhook, once: a sent alert is never sent again,
 * and a failed post throws after recording itself so the job is retried with backoff. Nothing is sent when the
 * command center was disabled or has no Slack URL.
 */
export async function sendCommandCenterAlert(
  deps: { db: Db; sender: Sender },
  alertId: string,
): Promise<'sent' | 'skipped'> {
  const alert = await deps.db.system((tx) => findAlert(tx, alertId));
  if (!alert || alert.sent_at || !alert.enabled || !alert.notify_slack_webhook) return 'skipped';
  const result = await deps.sender.send({
    url: alert.notify_slack_webhook,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(slackMessage(alert)),
  });
  const accepted = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const error = accepted
    ? null
    : (result.error ?? `Slack answered ${result.statusCode}: ${result.body ?? ''}`.slice(0, 500));
  await deps.db.system((tx) => recordAlertAttempt(tx, alert.id, error));
  if (error) throw new Error(`command-center alert ${alert.id}: ${error}`);
  return 'sent';
}

const money = (cents: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);

/** Slack's incoming-webhook JSON for a crossed threshold: `text` (the fallback) and Block Kit `blocks`. */
export function slackMessage(
  alert: Pick<AlertToSend, 'threshold' | 'previous_value' | 'value' | 'slot' | 'kpis' | 'workspace_name'>,
) {
  const kpis = alert.kpis as {
    currency: string;
    gmv_cents: number;
    goal_gmv_cents: number | null;
    escrow_cents: number;
    orders_total: number;
    deliverables_overdue: number;
    sla_at_risk: number;
    proposals_waiting: number;
  };
  const [kind, level] = alert.threshold.split(':');
  const headline =
    kind === 'gmv_goal_percent'
      ? `GMV reached ${level} % of the goal: ${money(kpis.gmv_cents, kpis.currency)} of ${money(kpis.goal_gmv_cents ?? 0, kpis.currency)}`
      : kind === 'deliverables_overdue'
        ? `${alert.value} deliverables are overdue (threshold ${level}, was ${alert.previous_value})`
        : `${alert.value} SLAs are at risk (threshold ${level}, was ${alert.previous_value})`;
  const field = (label: string, value: string | number) => ({ type: 'mrkdwn', text: `*${label}*\n${value}` });
  return {
    text: `${alert.workspace_name}: ${headline}`,
    blocks: [
      {
        type: 'header',
        text: { type: 'plain_text', text: `${alert.workspace_name} · command center`.slice(0, 150) },
      },
      { type: 'section', text: { type: 'mrkdwn', text: `*${headline}*` } },
      {
        type: 'section',
        fields: [
          field('GMV', money(kpis.gmv_cents, kpis.currency)),
          field('In escrow', money(kpis.escrow_cents, kpis.currency)),
          field('Orders', kpis.orders_total),
          field('Overdue deliverables', kpis.deliverables_overdue),
          field('SLAs at risk', kpis.sla_at_risk),
          field('Proposals waiting', kpis.proposals_waiting),
        ],
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `Feed slot ${alert.slot} (UTC)` }] },
    ],
  };
}
