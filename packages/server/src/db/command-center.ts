import { enqueueSql } from './jobs';
import type { Cursor } from './pagination';
import type { Queryable, Tx } from './pool';

/** The channel each committed command-center event is notified on, with the whole event as JSON. */
export const COMMAND_CENTER_CHANNEL = 'yardpass_command_center';

export interface CommandCenterThresholds {
  /** Percentages of the workspace's `goal_gmv_cents` whose crossing notifies. */
  gmv_goal_percent?: number[];
  /** Notify when this many deliverables (or more) are overdue. */
  deliverables_overdue?: number;
  /** Notify when this many SLAs (or more) are at risk. */
  sla_at_risk?: number;
}

export interface CommandCenterRow {
  workspace_id: string;
  org_id: string;
  capture_rollups: boolean;
  notify_slack_webhook: string | null;
  currency: string;
  thresholds: CommandCenterThresholds;
  enabled_at: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

const centerColumns =
  'workspace_id, org_id, capture_rollups, notify_slack_webhook, currency, thresholds, enabled_at, disabled_at, created_at, updated_at';

export async function findCommandCenter(
  tx: Queryable,
  workspaceId: string,
): Promise<CommandCenterRow | undefined> {
  const { rows } = await tx.query<CommandCenterRow>(
    `select ${centerColumns} from sponsorship_command_centers where workspace_id = $1`,
    [workspaceId],
  );
  return rows[0];
}

/** Enables the workspace's command center with these settings (created on first use); keeps its first enabling time. */
export async function enableCommandCenter(
  tx: Tx,
  settings: {
    workspaceId: string;
    orgId: string;
    captureRollups: boolean;
    slackWebhook: string | null;
    currency: string;
    thresholds: CommandCenterThresholds;
  },
): Promise<CommandCenterRow> {
  const { rows } = await tx.query<CommandCenterRow>(
    `insert into sponsorship_command_centers as c
       (workspace_id, org_id, capture_rollups, notify_slack_webhook, currency, thresholds, enabled_at)
     values ($1, $2, $3, $4, $5, $6, now())
     on conflict (workspace_id) do update
       set capture_rollups = excluded.capture_rollups, notify_slack_webhook = excluded.notify_slack_webhook,
           currency = excluded.currency, thresholds = excluded.thresholds,
           enabled_at = coalesce(c.enabled_at, now()), disabled_at = null, updated_at = now()
     returning ${centerColumns}`,
    [
      settings.workspaceId,
      settings.orgId,
      settings.captureRollups,
      settings.slackWebhook,
      settings.currency,
      JSON.stringify(settings.thresholds),
    ],
  );
  return rows[0]!;
}

/** Disables the command center (settings kept); undefined when it was never enabled. */
export async function disableCommandCenter(
  tx: Tx,
  workspaceId: string,
): Promise<CommandCenterRow | undefined> {
  const { rows } = await tx.query<CommandCenterRow>(
    `update sponsorship_command_centers
        set disabled_at = case when enabled_at is null then disabled_at else now() end, enabled_at = null,
            updated_at = now()
      where workspace_id = $1 returning ${centerColumns}`,
    [workspaceId],
  );
  return rows[0];
}

export interface FeedRow {
  id: string;
  workspace_id: string;
  slot: string;
  kpis: Record<string, unknown>;
  changes: Record<string, unknown>;
  created_at: string;
}

export async function listFeed(
  tx: Queryable,
  filter: { workspaceId: string; limit: number; after?: Cursor },
): Promise<FeedRow[]> {
  const { rows } = await tx.query<FeedRow>(
    `select id, workspace_id, slot, kpis, changes, created_at from sponsorship_command_center_feed
      where workspace_id = $1 and ($2::timestamptz is null or (slot, id) < ($2, $3::uuid))
      order by slot desc, id desc limit $4`,
    [filter.workspaceId, filter.after?.value ?? null, filter.after?.id ?? null, filter.limit + 1],
  );
  return rows;
}

const SLOT_SECONDS = 300;

/**
 * One statement for every enabled command center that captures rollups: the KPIs of its workspace's scope
 * (`sponsorship_workspace_scope_orders`; proposals and matches of its linked packages and events) as one feed row
 * for the 5-minute slot of `now`, with what changed since its previous row; the thresholds that row crossed
 * become alerts, each with its `command-center.notify` job. A row that exists for the slot already (another run)
 * is left alone, and so nothing else of that run happens twice.
 */
export async function captureFeed(tx: Tx, now: Date): Promise<{ rows: number; alerts: number }> {
  const { rows } = await tx.query<{ rows: number; alerts: number }>(
    `with clock as (
       select $1::timestamptz as now,
              to_timestamp(floor(extract(epoch from $1::timestamptz) / ${SLOT_SECONDS}) * ${SLOT_SECONDS}) as slot
     ), centers as (
       select c.workspace_id, c.org_id, c.currency, c.thresholds,
              case when jsonb_typeof(w.settings -> 'goal_gmv_cents') = 'number'
                   then (w.settings ->> 'goal_gmv_cents')::numeric end as goal
         from sponsorship_command_centers c join sponsorship_workspaces w on w.id = c.workspace_id
        where c.enabled_at is not null and c.capture_rollups and w.archived_at is null
     ), scoped as (
       select c.workspace_id, c.currency as goal_currency, o.id, o.status, o.escrow_state, o.currency,
              o.amount_cents - o.refunded_cents as net_cents, o.funded_at
         from centers c
         join sponsorship_workspace_scope_orders s on s.workspace_id = c.workspace_id
         join sponsorship_orders o on o.id = s.order_id
     ), money as (
       select workspace_id,
              sum(net_cents) filter (where funded_at is not null and currency = goal_currency) as gmv_cents,
              sum(net_cents) filter (where escrow_state in ('funded', 'locked') and currency = goal_currency)
                as escrow_cents,
              count(*) as orders_total
         from scoped group by workspace_id
     ), by_state as (
       select workspace_id, jsonb_object_agg(status, n) as orders_by_state
         from (select workspace_id, status, count(*) as n from scoped group by 1, 2) s group by workspace_id
     ), by_currency as (
       select workspace_id, jsonb_object_agg(currency, cents) as gmv_by_currency
         from (select workspace_id, currency, sum(net_cents) as cents from scoped
                where funded_at is not null group by 1, 2) s group by workspace_id
     ), work as (
       select s.workspace_id,
              count(*) filter (where d.due_at >= clock.now and d.due_at < clock.now + interval '7 days')
                as deliverables_due,
              count(*) filter (where d.due_at < clock.now) as deliverables_overdue
         from scoped s cross join clock
         join deliverables d on d.order_id = s.id and d.status in ('pending', 'needs_changes')
        group by s.workspace_id
     ), slas as (
       select s.workspace_id,
              count(*) filter (where l.status = 'pending' and l.due_at < clock.now + interval '3 days') as sla_at_risk,
              count(*) filter (where l.status = 'breached') as sla_breached
         from scoped s cross join clock join sponsorship_slas l on l.order_id = s.id
        group by s.workspace_id
     ), linked_events as (
       select l.workspace_id, l.event_id from sponsorship_workspace_events l
        where l.workspace_id in (select workspace_id from centers)
       union
       select l.workspace_id, p.event_id from sponsorship_workspace_packages l
         join sponsorship_packages p on p.id = l.package_id
        where l.workspace_id in (select workspace_id from centers)
     ), proposals as (
       select workspace_id, count(distinct id) as proposals_waiting from (
         select l.workspace_id, t.id from sponsorship_workspace_packages l
           join proposal_threads t on t.package_id = l.package_id and t.status in ('sent', 'countered')
         union all
         select l.workspace_id, t.id from sponsorship_workspace_events l
           join proposal_threads t on t.event_id = l.event_id and t.status in ('sent', 'countered')
       ) t where workspace_id in (select workspace_id from centers) group by workspace_id
     ), matches as (
       select workspace_id,
              jsonb_agg(jsonb_build_object('event_id', event_id, 'sponsor_id', sponsor_id,
                                           'score', round(score::numeric, 4), 'best_package_id', best_package_id)
                        order by score desc, id) as top_matches
         from (select e.workspace_id, m.id, m.event_id, m.sponsor_id, m.score, m.best_package_id,
                      row_number() over (partition by e.workspace_id order by m.score desc, m.id) as rank
                 from linked_events e
                 join sponsorship_matches m on m.event_id = e.event_id and m.exclusion is null
                  and m.organizer_status <> 'dismissed') m
        where rank <= 5 group by workspace_id
     ), kpis as (
       select c.workspace_id, c.org_id, c.thresholds, jsonb_build_object(
                'currency', c.currency,
                'gmv_cents', coalesce(m.gmv_cents, 0),
                'goal_gmv_cents', c.goal,
                'goal_percent', case when c.goal > 0 then round(100 * coalesce(m.gmv_cents, 0) / c.goal, 1) end,
                'gmv_by_currency', coalesce(bc.gmv_by_currency, '{}'),
                'escrow_cents', coalesce(m.escrow_cents, 0),
                'orders_total', coalesce(m.orders_total, 0),
                'orders_by_state', coalesce(bs.orders_by_state, '{}'),
                'deliverables_due', coalesce(w.deliverables_due, 0),
                'deliverables_overdue', coalesce(w.deliverables_overdue, 0),
                'sla_at_risk', coalesce(l.sla_at_risk, 0),
                'sla_breached', coalesce(l.sla_breached, 0),
                'proposals_waiting', coalesce(p.proposals_waiting, 0),
                'top_matches', coalesce(tm.top_matches, '[]')) as kpis
         from centers c
         left join money m using (workspace_id)
         left join by_state bs using (workspace_id)
         left join by_currency bc using (workspace_id)
         left join work w using (workspace_id)
         left join slas l using (workspace_id)
         left join proposals p using (workspace_id)
         left join matches tm using (workspace_id)
     ), previous as (
       select distinct on (f.workspace_id) f.workspace_id, f.kpis
         from sponsorship_command_center_feed f cross join clock
        where f.workspace_id in (select workspace_id from centers) and f.slot < clock.slot
        order by f.workspace_id, f.slot desc
     ), inserted as (
       insert into sponsorship_command_center_feed (workspace_id, org_id, slot, kpis, changes)
       select k.workspace_id, k.org_id, clock.slot, k.kpis, yardpass_command_center_changes(p.kpis, k.kpis)
         from kpis k cross join clock left join previous p using (workspace_id)
       on conflict (workspace_id, slot) do nothing
       returning id, workspace_id, org_id, slot, kpis, changes, created_at
     ), staged as (
       insert into sponsorship_command_center_staged (workspace_id, org_id, type, data)
       select workspace_id, org_id, 'feed.row', jsonb_build_object('id', id, 'workspace_id', workspace_id,
                'slot', slot, 'kpis', kpis, 'changes', changes, 'created_at', created_at)
         from inserted
     ), levels as (
       -- Each threshold with the value it watches, in the previous row and in this one.
       select i.id as feed_id, i.workspace_id, i.org_id, t.threshold, t.level, t.before, t.after
         from inserted i join previous p using (workspace_id) join kpis k using (workspace_id)
         cross join lateral (
           select 'gmv_goal_percent:' || g.level as threshold, g.level::numeric as level,
                  coalesce((p.kpis ->> 'goal_percent')::numeric, 0) as before, (i.kpis ->> 'goal_percent')::numeric as after
             from jsonb_array_elements_text(coalesce(k.thresholds -> 'gmv_goal_percent', '[]')) as g(level)
           union all
           select key || ':' || value, value::numeric, coalesce((p.kpis ->> key)::numeric, 0), (i.kpis ->> key)::numeric
             from jsonb_each_text(k.thresholds) where key in ('deliverables_overdue', 'sla_at_risk')
         ) t
     ), alerts as (
       insert into sponsorship_command_center_alerts (workspace_id, org_id, feed_id, threshold, previous_value, value)
       select workspace_id, org_id, feed_id, threshold, before, after from levels
        where before < level and after >= level
       on conflict (feed_id, threshold) do nothing
       returning id
     ), jobs as (
       select ${enqueueSql('command-center.notify', { alert_id: 'id' }, { jobKey: `'command-center-alert:' || id`, maxAttempts: 10 })}
         from alerts
     )
     select (select count(*) from inserted)::int as rows, (select count(*) from jobs)::int as alerts`,
    [now.toISOString()],
  );
  return rows[0]!;
}

export interface CommandCenterEventRow {
  id: number;
  workspace_id: string;
  type: string;
  data: Record<string, unknown>;
  created_at: string;
}

/** The workspace's events after `afterId`, oldest first, at most `limit`. */
export async function listEventsAfter(
  q: Queryable,
  filter: { workspaceId: string; afterId: number; limit: number },
): Promise<CommandCenterEventRow[]> {
  const { rows } = await q.query<CommandCenterEventRow>(
    `select id, workspace_id, type, data, created_at from sponsorship_command_center_events
      where workspace_id = $1 and id > $2 order by id limit $3`,
    [filter.workspaceId, filter.afterId, filter.limit],
  );
  return rows;
}

/**
 * Where a stream without Last-Event-ID starts: just before the workspace's latest feed row (so it opens with the
 * current numbers and every change since), else after the last event there is. Also the oldest event kept, to
 * tell a Last-Event-ID older than that (the events between were pruned) from one that can be resumed.
 */
export async function streamPositions(
  q: Queryable,
  workspaceId: string,
): Promise<{ start: number; oldest: number | null }> {
  const { rows } = await q.query<{ start: number; oldest: number | null }>(
    `select coalesce((select id - 1 from sponsorship_command_center_events
                       where workspace_id = $1 and type = 'feed.row' order by id desc limit 1),
                     (select max(id) from sponsorship_command_center_events), 0) as start,
            (select min(id) from sponsorship_command_center_events) as oldest`,
    [workspaceId],
  );
  return rows[0]!;
}

/**
 * Deletes the events created before `before`, as a prefix of the stream (everything below the first event
 * kept), so the oldest id kept tells which Last-Event-IDs can still be resumed.
 */
export async function pruneEventsBefore(tx: Tx, before: Date): Promise<number> {
  const { rowCount } = await tx.query(
    `delete from sponsorship_command_center_events
      where id < coalesce((select min(id) from sponsorship_command_center_events where created_at >= $1),
                          (select max(id) + 1 from sponsorship_command_center_events))`,
    [before],
  );
  return rowCount ?? 0;
}

export interface AlertToSend {
  id: string;
  threshold: string;
  previous_value: number;
  value: number;
  sent_at: string | null;
  slot: string;
  kpis: Record<string, unknown>;
  workspace_name: string;
  notify_slack_webhook: string | null;
  enabled: boolean;
}

/** The alert with what its Slack message says and where it goes. */
export async function findAlert(tx: Queryable, id: string): Promise<AlertToSend | undefined> {
  const { rows } = await tx.query<AlertToSend>(
    `select a.id, a.threshold, a.previous_value::float8 as previous_value, a.value::float8 as value, a.sent_at,
            f.slot, f.kpis, w.name as workspace_name, c.notify_slack_webhook, c.enabled_at is not null as enabled
       from sponsorship_command_center_alerts a
       join sponsorship_command_center_feed f on f.id = a.feed_id
       join sponsorship_workspaces w on w.id = a.workspace_id
       join sponsorship_command_centers c on c.workspace_id = a.workspace_id
      where a.id = $1`,
    [id],
  );
  return rows[0];
}

/** Records one attempt to send the alert: `error` null when Slack accepted it (then it is never sent again). */
export async function recordAlertAttempt(tx: Tx, id: string, error: string | null): Promise<void> {
  await tx.query(
    `update sponsorship_command_center_alerts
        set attempts = attempts + 1, last_error = $2, sent_at = case when $2::text is null then now() end
      where id = $1 and sent_at is null`,
    [id, error],
  );
}
