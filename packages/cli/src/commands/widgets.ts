import { usageError } from '../errors.js';
import { detail, table } from '../output.js';
import type { Command } from 'commander';
import type { CustomRun, Resource } from './resource.js';

const workspaceId = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
const types = ['marketplace_card', 'package_list', 'kpi_tile', 'leaderboard'] as const;

/** `<workspace-id> <widget-id>`: the workspace chosen from a list on a terminal, the widget id required. */
async function target(input: CustomRun): Promise<{ id: string; widgetId: string }> {
  const id = await input.chooseId({ resource: 'workspaces', given: input.args[0], name: '<workspace-id>' });
  const widgetId = input.args[1];
  if (!widgetId) throw usageError(`Missing <widget-id>: see \`yardpass widgets list ${id}\`.`);
  return { id, widgetId };
}

const twoIds = (command: Command) =>
  command.argument('[workspace-id]', 'The workspace').argument('[widget-id]', 'Your id of the widget');

function parseConfig(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw usageError(`--config must be a JSON object, e.g. '{"metric":"gmv_cents"}'; got ${text}.`);
}

export const widgets: Resource = {
  name: 'widgets',
  noun: 'widget',
  summary: "Workspaces' embeddable widgets: cards, package lists, KPI tiles, leaderboards",
  label: ['widget_id', 'widget_type'],
  commands: [
    {
      kind: 'custom',
      path: 'put',
      operationId: 'putWidget',
      summary: 'Create or replace a widget (editor); the same definition twice changes nothing',
      examples: [
        `yardpass widgets put ${workspaceId} hero-card --type marketplace_card --package-id <package-id> --config '{"highlight":"Platinum"}' --published`,
        `yardpass widgets put ${workspaceId} gmv --type kpi_tile --config '{"metric":"gmv_cents"}' --published`,
      ],
      configure: (command) =>
        twoIds(command)
          .requiredOption('--type <type>', `Widget type: ${types.join(', ')}`)
          .option('--package-id <id>', 'The package a marketplace_card shows')
          .option(
            '--config <json>',
            'The widget config, as a JSON object (see the API reference, WidgetType)',
          )
          .option('--published', 'Serve it without credentials at /v1/public/widgets/<public_id>'),
      async run(input) {
        const { client, options, json, io } = input;
        const type = options.type as string;
        if (!(types as readonly string[]).includes(type))
          throw usageError(`--type must be one of ${types.join(', ')}; got ${type}.`);
        const widget = await client.widgets.put(await target(input), {
          widget_type: type as (typeof types)[number],
          ...(options.packageId ? { package_id: options.packageId as string } : {}),
          ...(options.config !== undefined ? { config: parseConfig(options.config as string) } : {}),
          published: options.published === true,
        });
        if (json) io.json(widget);
        else {
          io.success(`Saved widget ${widget.widget_id}`);
          if (widget.published) io.note(`Public at /v1/public/widgets/${widget.public_id}`);
        }
      },
    },
    {
      kind: 'custom',
      path: 'list',
      operationId: 'listWidgets',
      summary: "List a workspace's widgets with their metrics",
      examples: [`yardpass widgets list ${workspaceId}`],
      configure: (command) => command.argument('[workspace-id]', 'The workspace'),
      async run(input) {
        const { client, json, io } = input;
        const id = await input.chooseId({
          resource: 'workspaces',
          given: input.args[0],
          name: '<workspace-id>',
        });
        const items = await client.widgets.list(id, { limit: 100 }).toArray();
        if (json) io.json(items);
        else if (items.length === 0) io.note('No widgets.');
        else
          io.print(
            table({
              items: items.map((item) => ({ ...item, ...item.metrics })),
              columns: ['widget_id', 'widget_type', 'published', 'public_id', 'views', 'leads'],
              io,
            }),
          );
      },
    },
    {
      kind: 'custom',
      path: 'show',
      operationId: 'getWidget',
      summary: 'Show a widget with its metrics',
      examples: [`yardpass widgets show ${workspaceId} hero-card`],
      configure: twoIds,
      async run(input) {
        const { client, json, io } = input;
        const widget = await client.widgets.retrieve(await target(input));
        if (json) io.json(widget);
        else io.print(detail({ item: widget, io }));
      },
    },
    {
      kind: 'custom',
      path: 'delete',
      operationId: 'deleteWidget',
      summary: 'Delete a widget; its public id stops answering',
      examples: [`yardpass widgets delete ${workspaceId} hero-card --yes`],
      confirm: true,
      configure: twoIds,
      async run(input) {
        const { client, json, io } = input;
        const at = await target(input);
        await input.confirm(`Delete widget ${at.widgetId}? Pages embedding it get 404.`);
        const widget = await client.widgets.del(at);
        if (json) io.json(widget);
        else io.success(`Deleted widget ${widget.widget_id}`);
      },
    },
    {
      kind: 'custom',
      path: 'public',
      operationId: 'getPublicWidget',
      summary: "Show a published widget's public data, as an embedding page gets it",
      examples: ['yardpass widgets public <public-id> --json'],
      configure: (command) => command.argument('<public-id>', 'The widget’s public_id'),
      async run(input) {
        const { client, args, json, io } = input;
        const data = await client.widgets.retrievePublic(args[0]!);
        if (json) io.json(data);
        else io.print(detail({ item: data, io }));
      },
    },
    {
      kind: 'custom',
      path: 'record-event',
      operationId: 'recordPublicWidgetEvent',
      summary:
        'Record a view, a "Request Proposal" click (lead) or an error of a published widget, as an embedding page does',
      examples: ['yardpass widgets record-event <public-id> --type lead'],
      configure: (command) =>
        command
          .argument('<public-id>', 'The widget’s public_id')
          .requiredOption('--type <type>', 'view, lead or error')
          .option('--detail <text>', 'What went wrong, for an error'),
      async run(input) {
        const { client, args, options, json, io } = input;
        const type = options.type as string;
        if (type !== 'view' && type !== 'lead' && type !== 'error')
          throw usageError(`--type must be view, lead or error; got ${type}.`);
        const result = await client.widgets.recordEvent(args[0]!, {
          type,
          ...(options.detail !== undefined ? { detail: options.detail as string } : {}),
        });
        if (json) io.json(result);
        else io.success(`Recorded a ${type}`);
      },
    },
  ],
};
