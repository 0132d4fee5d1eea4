import { z } from 'zod';
import type { Caller } from '../caller';
import type { Db } from '../db/pool';
import {
  type CachedWidget,
  deleteWidget as deleteWidgetRow,
  dropWidgetCache,
  findCachedWidget,
  findPublishedWidget,
  findWidget,
  insertWidgetEvent,
  isOwnPackage,
  listWidgets,
  refreshWorkspaceWidgetCache,
  upsertWidget,
  type WidgetMetricName,
  type WidgetRow,
  type WidgetType,
} from '../db/widgets';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../errors';
import { emitEvent } from '../webhooks/emit';
import { readWorkspacePage, recordWorkspaceAudit, requireWorkspace } from './workspaces';

const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((value) => !value.includes('\u0000'), 'Contains U+0000 (a NUL character); remove it.');
const metrics = z
  .array(z.enum(['views', 'leads', 'conversion_rate']))
  .max(3)
  .optional();
const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'An ISO-4217 code in capitals, e.g. USD.')
  .optional();

/** What each widget type's `config` may hold (see `WidgetType` in openapi.yaml). */
const configs: Record<WidgetType, z.ZodType<Record<string, unknown>>> = {
  marketplace_card: z.strictObject({ highlight: text(50).optional(), cta: text(40).optional(), metrics }),
  package_list: z.strictObject({
    title: text(100).optional(),
    limit: z.int().min(1).max(50).optional(),
    sort: z.enum(['price_desc', 'price_asc', 'title']).optional(),
    cta: text(40).optional(),
    metrics,
  }),
  kpi_tile: z.strictObject({
    metric: z.enum(['gmv_cents', 'orders', 'sponsors', 'packages_available']),
    label: text(60).optional(),
    currency,
    metrics,
  }),
  leaderboard: z.strictObject({
    title: text(100).optional(),
    limit: z.int().min(1).max(20).optional(),
    currency,
    metrics,
  }),
};

const WIDGET_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A widget id outside the contract's pattern names no widget. */
function knownWidgetId(widgetId: string): string {
  if (!WIDGET_ID.test(widgetId)) throw new NotFoundError('widget');
  return widgetId;
}

/** A widget as the API answers it: its metrics (those the config names, all when it names none), no internal key. */
function present(row: WidgetRow) {
  const { id: _id, views, leads, ...widget } = row;
  const all = { views, leads, conversion_rate: views === 0 ? null : leads / views };
  const named = (row.config.metrics as WidgetMetricName[] | undefined) ?? [];
  const shown = named.length > 0 ? named : (Object.keys(all) as WidgetMetricName[]);
  return { ...widget, metrics: Object.fromEntries(shown.map((name) => [name, all[name]])) };
}

function checkConfig(input: { widget_type: WidgetType; package_id?: string | null; config?: object }) {
  const parsed = configs[input.widget_type].safeParse(input.config ?? {});
  if (!parsed.success)
    throw new ValidationError(
      `The config does not fit a ${input.widget_type} widget; see WidgetType in the API reference.`,
      parsed.error.issues.map((issue) => ({
        path: `/config${issue.path.map((part) => `/${String(part)}`).join('')}`,
        message: issue.message,
      })),
    );
  const card = input.widget_type === 'marketplace_card';
  if (card !== Boolean(input.package_id))
    throw new ValidationError(
      card
        ? 'A marketplace_card shows one package: give its `package_id`.'
        : `A ${input.widget_type} takes no package_id.`,
      [{ path: '/package_id', message: card ? 'Required for marketplace_card.' : 'Leave it out or null.' }],
    );
  return parsed.data;
}

export function putWidget(
  db: Db,
  caller: Caller,
  workspaceId: string,
  widgetId: string,
  input: { widget_type: WidgetType; package_id?: string | null; config?: object; published?: boolean },
) {
  if (!WIDGET_ID.test(widgetId))
    throw new ValidationError('A widget id is 1 to 64 letters, digits, `-` or `_`.', [
      { path: '/widgetId', message: 'Use letters, digits, `-` and `_` only, at most 64.' },
    ]);
  const config = checkConfig(input);
  return db.tenant(caller.orgId, async (tx) => {
    const workspace = await requireWorkspace(tx, caller, workspaceId, 'editor');
    if (workspace.archived_at)
      throw new ConflictError({
        code: 'invalid_state',
        detail: 'The workspace is archived and read-only.',
        extra: { current_status: 'archived' },
      });
    if (input.package_id && !(await isOwnPackage(tx, caller.orgId, input.package_id)))
      throw new AppError({
        code: 'unprocessable',
        status: 422,
        title: 'Unprocessable request',
        detail: 'The package is not one of your organization’s; a card shows only your own packages.',
        errors: [
          { path: '/package_id', message: `No package of your organization has the id ${input.package_id}.` },
        ],
      });
    const { row, changed } = await upsertWidget(tx, {
      workspaceId,
      orgId: caller.orgId,
      widgetId,
      packageId: input.package_id ?? null,
      widgetType: input.widget_type,
      config,
      published: input.published ?? false,
    });
    const widget = present(row);
    if (changed) {
      if (!row.published) await dropWidgetCache(tx, workspaceId);
      recordWorkspaceAudit(tx, caller, {
        workspaceId,
        action: 'widget.put',
        resourceType: 'widget',
        resourceId: widgetId,
        details: { widget_type: row.widget_type, published: row.published },
      });
      await emitEvent(tx, caller.orgId, 'widget.updated', widget);
    }
    return widget;
  });
}

export function getWidget(db: Db, caller: Caller, workspaceId: string, widgetId: string) {
  return db.tenant(caller.orgId, async (tx) => {
    await requireWorkspace(tx, caller, workspaceId, 'viewer');
    const row = await findWidget(tx, workspaceId, knownWidgetId(widgetId));
    if (!row) throw new NotFoundError('widget');
    return present(row);
  });
}

export async function listWidgetsPage(
  db: Db,
  caller: Caller,
  workspaceId: string,
  query: { limit?: number; starting_after?: string },
) {
  const page = await readWorkspacePage(
    db,
    caller,
    workspaceId,
    query,
    (tx, at) => listWidgets(tx, { workspaceId, ...at }),
    (row) => row.widget_id,
  );
  return { ...page, data: page.data.map(present) };
}

export function deleteWidget(db: Db, caller: Caller, workspaceId: string, widgetId: string) {
  return db.tenant(caller.orgId, async (tx) => {
    await requireWorkspace(tx, caller, workspaceId, 'editor');
    const row = await findWidget(tx, workspaceId, knownWidgetId(widgetId));
    if (!row || !(await deleteWidgetRow(tx, workspaceId, widgetId))) throw new NotFoundError('widget');
    recordWorkspaceAudit(tx, caller, {
      workspaceId,
      action: 'widget.delete',
      resourceType: 'widget',
      resourceId: widgetId,
    });
    return present(row);
  });
}

/**
 * A published widget's public body and ETag. One read of the cache when it is current; otherwise the workspace's
 * cache is rebuilt first (`refreshWorkspaceWidgetCache`). 404 for anything not published.
 */
export async function getPublicWidget(db: Db, publicId: string): Promise<CachedWidget> {
  const cached = await findCachedWidget(db.pool, publicId);
  if (cached?.fresh) return cached;
  const rebuilt = await db.system(async (tx) => {
    const widget = await findPublishedWidget(tx, publicId);
    if (!widget) return undefined;
    await refreshWorkspaceWidgetCache(tx, widget.workspace_id);
    return findCachedWidget(tx, publicId);
  });
  if (!rebuilt) throw new NotFoundError('published widget');
  return rebuilt;
}

/** Records a view, lead or error reported by an embedded widget. */
export async function recordWidgetEvent(
  db: Db,
  publicId: string,
  event: { type: 'view' | 'lead' | 'error'; detail?: string },
): Promise<void> {
  const recorded = await db.system((tx) =>
    insertWidgetEvent(tx, { publicId, type: event.type, detail: event.detail ?? null }),
  );
  if (!recorded) throw new NotFoundError('published widget');
}
