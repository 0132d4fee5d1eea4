import type { components } from '../generated/openapi';
import type { Cursor } from './pagination';
import type { Queryable, Tx } from './pool';

export type WidgetType = components['schemas']['WidgetType'];
export type WidgetMetricName = 'views' | 'leads' | 'conversion_rate';

export interface WidgetRow {
  /** Internal key: the pagination tie-breaker, never answered. */
  id: string;
  widget_id: string;
  workspace_id: string;
  package_id: string | null;
  widget_type: WidgetType;
  config: Record<string, unknown>;
  published: boolean;
  public_id: string;
  views: number;
  leads: number;
  created_at: string;
  updated_at: string;
}

const columns = `w.id, w.widget_id, w.workspace_id, w.package_id, w.widget_type, w.config, w.published, w.public_id,
  w.created_at, w.updated_at,
  (select count(*) from sponsorship_workspace_widget_events e where e.widget_pk = w.id and e.type = 'view')::int as views,
  (select count(*) from sponsorship_workspace_widget_events e where e.widget_pk = w.id and e.type = 'lead')::int as leads`;

/**
 * Creates the widget or replaces its definition; `changed` is false when it existed already exactly so (the row is
 * then left alone: no write, no `updated_at`).
 */
export async function upsertWidget(
  tx: Tx,
  widget: {
    workspaceId: string;
    orgId: string;
    widgetId: string;
    packageId: string | null;
    widgetType: WidgetType;
    config: Record<string, unknown>;
    published: boolean;
  },
): Promise<{ row: WidgetRow; changed: boolean }> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into sponsorship_workspace_widgets as w (workspace_id, org_id, widget_id, package_id, widget_type, config, published)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (workspace_id, widget_id) do update
       set package_id = excluded.package_id, widget_type = excluded.widget_type, config = excluded.config,
           published = excluded.published, updated_at = now()
       where (w.package_id, w.widget_type, w.config, w.published)
             is distinct from (excluded.package_id, excluded.widget_type, excluded.config, excluded.published)
     returning w.id`,
    [
      widget.workspaceId,
      widget.orgId,
      widget.widgetId,
      widget.packageId,
      widget.widgetType,
      widget.config,
      widget.published,
    ],
  );
  const row = await findWidget(tx, widget.workspaceId, widget.widgetId);
  return { row: row!, changed: rows.length > 0 };
}

export async function findWidget(
  tx: Queryable,
  workspaceId: string,
  widgetId: string,
): Promise<WidgetRow | undefined> {
  const { rows } = await tx.query<WidgetRow>(
    `select ${columns} from sponsorship_workspace_widgets w where w.workspace_id = $1 and w.widget_id = $2`,
    [workspaceId, widgetId],
  );
  return rows[0];
}

export async function listWidgets(
  tx: Queryable,
  filter: { workspaceId: string; limit: number; after?: Cursor },
): Promise<WidgetRow[]> {
  const { rows } = await tx.query<WidgetRow>(
    `select ${columns} from sponsorship_workspace_widgets w
      where w.workspace_id = $1 and ($2::text is null or (w.widget_id, w.id) > ($2, $3::uuid))
      order by w.widget_id, w.id limit $4`,
    [filter.workspaceId, filter.after?.value ?? null, filter.after?.id ?? null, filter.limit + 1],
  );
  return rows;
}

export async function deleteWidget(tx: Tx, workspaceId: string, widgetId: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    'delete from sponsorship_workspace_widgets where workspace_id = $1 and widget_id = $2',
    [workspaceId, widgetId],
  );
  return rowCount === 1;
}

/** Whether `packageId` is one of the organization's packages (other organizations' listed ones are visible too). */
export async function isOwnPackage(tx: Queryable, orgId: string, packageId: string): Promise<boolean> {
  const { rows } = await tx.query('select 1 from sponsorship_packages where id = $1 and org_id = $2', [
    packageId,
    orgId,
  ]);
  return rows.length === 1;
}

/** Drops the cached public bodies of a workspace's widgets that are no longer published (or of all of them). */
export async function dropWidgetCache(tx: Tx, workspaceId: string): Promise<void> {
  await tx.query(
    `delete from sponsorship_workspace_widget_cache c
      where c.workspace_id = $1
        and not exists (select from sponsorship_workspace_widgets w
                          join sponsorship_workspaces ws on ws.id = w.workspace_id
                         where w.id = c.widget_pk and w.published and ws.archived_at is null)`,
    [workspaceId],
  );
}

export interface CachedWidget {
  /** The public body as JSON text, sent as it is. */
  body: string;
  etag: string;
  /** Built at the current version of its inputs. */
  fresh: boolean;
  workspace_id: string;
}

/**
 * The cached public body of a published widget. Needs no tenant: the cache and the inputs' versions are readable
 * by anyone (row-level security), which keeps the public read to one statement.
 */
export async function findCachedWidget(q: Queryable, publicId: string): Promise<CachedWidget | undefined> {
  const { rows } = await q.query<CachedWidget>(
    `select c.body::text as body, c.etag, c.inputs_version = i.version as fresh, c.workspace_id
       from sponsorship_workspace_widget_cache c
       join sponsorship_workspace_widget_inputs i on i.workspace_id = c.workspace_id
      where c.public_id = $1`,
    [publicId],
  );
  return rows[0];
}

/** The workspace of a published widget of a live workspace, by its public id. */
export async function findPublishedWidget(
  tx: Queryable,
  publicId: string,
): Promise<{ id: string; workspace_id: string; org_id: string } | undefined> {
  const { rows } = await tx.query<{ id: string; workspace_id: string; org_id: string }>(
    `select w.id, w.workspace_id, w.org_id from sponsorship_workspace_widgets w
       join sponsorship_workspaces ws on ws.id = w.workspace_id
      where w.public_id = $1 and w.published and ws.archived_at is null`,
    [publicId],
  );
  return rows[0];
}

// A package as a public card shows it: no id, no counts beyond what is left to buy.
const publicPackage = (p: string) => `jsonb_build_object(
  'title', ${p}.title, 'tier', ${p}.tier, 'price_cents', ${p}.price_cents, 'currency', ${p}.currency,
  'available', case when ${p}.is_active and ${p}.archived_at is null then ${p}.inventory - ${p}.sold else 0 end,
  'sold_out', not (${p}.is_active and ${p}.archived_at is null and ${p}.sold < ${p}.inventory))`;

const PAID = `o.escrow_state in ('funded', 'locked', 'released')`;
const LIVE = `o.status not in ('cancelled', 'expired')`;

/**
 * The guide's `refresh_workspace_widget_cache`: rebuilds the public body of every published widget of the workspace
 * in one statement (only the fields each type shows, see `PublicWidget` in openapi.yaml) and drops those of
 * widgets no longer published. Serialized per workspace; a build that finds the cache already at the current
 * version of its inputs writes nothing. Runs as the system (a sponsor's orders are read for the organizer's KPIs).
 */
export async function refreshWorkspaceWidgetCache(tx: Tx, workspaceId: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtext('widget-cache'), hashtext($1))`, [workspaceId]);
  // The version is read before the inputs: a change committed during the build leaves the cache stale, not wrong.
  await tx.query(
    `with version as (select version from sponsorship_workspace_widget_inputs where workspace_id = $1),
     widgets as (
       select w.* from sponsorship_workspace_widgets w
         join sponsorship_workspaces ws on ws.id = w.workspace_id
        where w.workspace_id = $1 and w.published and ws.archived_at is null
          and not exists (select from sponsorship_workspace_widget_cache c, version v
                           where c.widget_pk = w.id and c.inputs_version = v.version)
     ),
     scope_packages as (
       select p.* from sponsorship_packages p
        where p.id in (select package_id from sponsorship_workspace_packages where workspace_id = $1)
           or p.event_id in (select event_id from sponsorship_workspace_events where workspace_id = $1)
     ),
     scope_orders as (
       select o.* from sponsorship_orders o
        where o.id in (select order_id from sponsorship_workspace_scope_orders where workspace_id = $1)
     ),
     bodies as (
       select w.id as widget_pk, w.public_id, w.org_id,
         jsonb_build_object('widget_type', w.widget_type, 'public_id', w.public_id) || case w.widget_type
           when 'marketplace_card' then (
             select jsonb_build_object('highlight', w.config->>'highlight',
                      'cta', coalesce(w.config->>'cta', 'Request Proposal'), 'package', ${publicPackage('p')})
               from sponsorship_packages p where p.id = w.package_id)
           when 'package_list' then jsonb_build_object(
             'title', w.config->>'title', 'cta', coalesce(w.config->>'cta', 'Request Proposal'),
             'packages', coalesce((
               select jsonb_agg(${publicPackage('l')} order by
                        case when coalesce(w.config->>'sort', 'price_desc') = 'price_desc' then -l.price_cents
                             when w.config->>'sort' = 'price_asc' then l.price_cents end,
                        l.title, l.id)
                 from (select * from scope_packages p
                        where p.is_active and p.archived_at is null and p.visibility <> 'private'
                        order by case when coalesce(w.config->>'sort', 'price_desc') = 'price_desc' then -p.price_cents
                                      when w.config->>'sort' = 'price_asc' then p.price_cents end,
                                 p.title, p.id
                        limit coalesce((w.config->>'limit')::int, 10)) l), '[]'::jsonb))
           when 'kpi_tile' then (
             select jsonb_build_object('metric', w.config->>'metric',
                      'label', coalesce(w.config->>'label', case w.config->>'metric' when 'gmv_cents' then 'GMV'
                        when 'orders' then 'Orders' when 'sponsors' then 'Sponsors' else 'Packages available' end),
                      'value', case w.config->>'metric'
                        when 'gmv_cents' then (select coalesce(sum(o.amount_cents), 0) from scope_orders o
                                                where ${PAID} and o.currency = coalesce(w.config->>'currency', 'USD'))
                        when 'orders' then (select count(*) from scope_orders o where ${LIVE})
                        when 'sponsors' then (select count(distinct o.sponsor_id) from scope_orders o where ${LIVE})
                        else (select coalesce(sum(p.inventory - p.sold), 0) from scope_packages p
                               where p.is_active and p.archived_at is null) end,
                      'goal', case when w.config->>'metric' = 'gmv_cents'
                        then (ws.settings->>'goal_gmv_cents')::bigint end,
                      'currency', case when w.config->>'metric' = 'gmv_cents'
                        then coalesce(w.config->>'currency', 'USD') end)
               from sponsorship_workspaces ws where ws.id = w.workspace_id)
           else jsonb_build_object(
             'title', w.config->>'title', 'currency', coalesce(w.config->>'currency', 'USD'),
             'entries', coalesce((
               select jsonb_agg(jsonb_build_object('rank', t.rank, 'sponsor_name', t.sponsor_name,
                        'amount_cents', t.amount_cents) order by t.rank)
                 from (select row_number() over (order by sum(o.amount_cents) desc, o.sponsor_id) as rank,
                              case when s.visibility = 'public' then s.name end as sponsor_name,
                              sum(o.amount_cents) as amount_cents
                         from scope_orders o join sponsors s on s.id = o.sponsor_id
                        where ${PAID} and o.currency = coalesce(w.config->>'currency', 'USD')
                        group by o.sponsor_id, s.visibility, s.name
                        order by 1 limit coalesce((w.config->>'limit')::int, 5)) t), '[]'::jsonb))
         end as body
       from widgets w
     )
     insert into sponsorship_workspace_widget_cache (public_id, widget_pk, workspace_id, org_id, inputs_version, body, etag)
     select b.public_id, b.widget_pk, $1, b.org_id, v.version, b.body, md5(b.body::text) from bodies b, version v
     on conflict (public_id) do update
       set inputs_version = excluded.inputs_version, body = excluded.body, etag = excluded.etag, built_at = now()`,
    [workspaceId],
  );
  await dropWidgetCache(tx, workspaceId);
}

/** Records a view, lead or error of a published widget; false when no published widget has the public id. */
export async function insertWidgetEvent(
  tx: Tx,
  event: { publicId: string; type: 'view' | 'lead' | 'error'; detail: string | null },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `insert into sponsorship_workspace_widget_events (widget_pk, workspace_id, org_id, type, detail)
     select w.id, w.workspace_id, w.org_id, $2, $3 from sponsorship_workspace_widgets w
       join sponsorship_workspaces ws on ws.id = w.workspace_id
      where w.public_id = $1 and w.published and ws.archived_at is null`,
    [event.publicId, event.type, event.detail],
  );
  return rowCount === 1;
}
