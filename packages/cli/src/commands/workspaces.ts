import { optional, type BodyField } from '../fields.js';
import { table } from '../output.js';
import { usageError } from '../errors.js';
import type { CustomRun, Resource } from './resource.js';

const roles = ['owner', 'editor', 'viewer'] as const;
const workspaceId = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';

const fields: readonly BodyField<'createWorkspace'>[] = [
  { name: 'name', description: 'Workspace name', required: true },
  {
    name: 'slug',
    description: 'Unique in the organization: lowercase letters, digits, dashes',
    required: true,
  },
  { name: 'default_role', description: 'Role of invited members (default viewer)', choices: roles },
  { name: 'auto_invite', description: 'Emails to invite (pending until each first signs in)', type: 'list' },
  {
    name: 'settings',
    description: 'JSON, e.g. {"timezone":"America/Los_Angeles","goal_gmv_cents":12500000}',
    type: 'json',
  },
];

const updateFields: readonly BodyField<'updateWorkspace'>[] = [
  ...optional(fields.filter((field) => field.name !== 'auto_invite' && field.name !== 'settings')),
  { name: 'settings', description: 'Settings to change, as JSON; null removes one', type: 'json' },
] as readonly BodyField<'updateWorkspace'>[];

const linkFields: readonly BodyField<'linkWorkspaceResources'>[] = [
  { name: 'event_ids', description: 'Event ids', type: 'list' },
  { name: 'package_ids', description: 'Package ids', type: 'list' },
  { name: 'order_ids', description: 'Order ids', type: 'list' },
];

/** The workspace id argument of a custom command: given, or chosen from a list on a terminal. */
const chooseWorkspace = (input: CustomRun) =>
  input.chooseId({ resource: 'workspaces', given: input.args[0], name: '<workspace-id>' });

export const workspaces: Resource = {
  name: 'workspaces',
  noun: 'workspace',
  summary: 'Sponsorship workspaces: members, roles, grouped events, packages and orders, audit log',
  label: ['name', 'slug'],
  commands: [
    {
      kind: 'list',
      path: 'list',
      operationId: 'listWorkspaces',
      summary: 'List the workspaces you see',
      examples: ['yardpass workspaces list', 'yardpass workspaces list --archived --json'],
      filters: [{ name: 'archived', description: 'List archived workspaces instead', type: 'boolean' }],
      columns: ['id', 'slug', 'name', 'role', 'created_at'],
      call: (client, query) => client.workspaces.list(query),
    },
    {
      kind: 'item',
      path: 'create',
      operationId: 'createWorkspace',
      summary: 'Create a workspace (you become its owner)',
      examples: [
        'yardpass workspaces create --name "Premium Sponsors" --slug premium-sponsors --auto-invite manager@brand.com',
      ],
      fields,
      done: 'Created',
      call: (client, { body }) => client.workspaces.create(body),
    },
    {
      kind: 'item',
      path: 'show',
      operationId: 'getWorkspace',
      summary: 'Show a workspace',
      examples: [`yardpass workspaces show ${workspaceId}`],
      id: true,
      call: (client, { id }) => client.workspaces.retrieve(id),
    },
    {
      kind: 'item',
      path: 'update',
      operationId: 'updateWorkspace',
      summary: "Change a workspace's name, slug, default role or settings (owner)",
      examples: [`yardpass workspaces update ${workspaceId} --settings '{"goal_gmv_cents":20000000}'`],
      id: true,
      fields: updateFields,
      partial: true,
      done: 'Updated',
      call: (client, { id, body }) => client.workspaces.update(id, body),
    },
    {
      kind: 'item',
      path: 'archive',
      operationId: 'archiveWorkspace',
      summary: 'Archive a workspace: read-only, and its widgets stop being served',
      examples: [`yardpass workspaces archive ${workspaceId} --yes`],
      id: true,
      confirm: (what) => `Archive ${what}? It becomes read-only and its public widgets stop answering.`,
      done: 'Archived',
      call: (client, { id }) => client.workspaces.archive(id),
    },
    {
      kind: 'custom',
      path: 'members list',
      operationId: 'listWorkspaceMembers',
      summary: "List a workspace's members and pending invitations",
      examples: [`yardpass workspaces members list ${workspaceId}`],
      configure: (command) => command.argument('[workspace-id]', 'The workspace'),
      async run(input) {
        const { client, json, io } = input;
        const items = await client.workspaces
          .listMembers(await chooseWorkspace(input), { limit: 100 })
          .toArray();
        if (json) io.json(items);
        else if (items.length === 0) io.note('No members.');
        else io.print(table({ items, columns: ['id', 'email', 'role', 'status', 'joined_at'], io }));
      },
    },
    {
      kind: 'item',
      path: 'members add',
      operationId: 'addWorkspaceMember',
      summary: 'Add a member by email (owner)',
      examples: [`yardpass workspaces members add ${workspaceId} --email ana@example.com --role editor`],
      id: true,
      fields: [
        { name: 'email', description: 'Their email', required: true },
        { name: 'role', description: "Role (default: the workspace's default role)", choices: roles },
      ],
      done: 'Added a member to',
      call: (client, { id, body }) => client.workspaces.addMember(id, body),
    },
    {
      kind: 'custom',
      path: 'members remove',
      operationId: 'removeWorkspaceMember',
      summary: 'Remove a member or cancel an invitation (owner)',
      examples: [`yardpass workspaces members remove ${workspaceId} <member-id> --yes`],
      confirm: true,
      configure: (command) =>
        command.argument('[workspace-id]', 'The workspace').argument('[member-id]', 'The membership'),
      async run(input) {
        const { client, args, json, io } = input;
        const id = await chooseWorkspace(input);
        const memberId = args[1];
        if (!memberId)
          throw usageError('Missing <member-id>: see `yardpass workspaces members list <workspace-id>`.');
        await input.confirm(`Remove member ${memberId} from the workspace?`);
        const member = await client.workspaces.removeMember({ id, memberId });
        if (json) io.json(member);
        else io.success(`Removed ${member.email ?? member.id}`);
      },
    },
    {
      kind: 'item',
      path: 'links',
      operationId: 'getWorkspaceLinks',
      summary: 'Show the events, packages and orders a workspace groups',
      examples: [`yardpass workspaces links ${workspaceId}`],
      id: true,
      call: (client, { id }) => client.workspaces.links(id),
    },
    {
      kind: 'item',
      path: 'link',
      operationId: 'linkWorkspaceResources',
      summary: 'Add events, packages or orders to a workspace (editor)',
      examples: [`yardpass workspaces link ${workspaceId} --event-ids <event-id>,<event-id>`],
      id: true,
      fields: linkFields,
      partial: true,
      done: 'Linked to',
      call: (client, { id, body }) => client.workspaces.link(id, body),
    },
    {
      kind: 'item',
      path: 'unlink',
      operationId: 'unlinkWorkspaceResources',
      summary: 'Remove events, packages or orders from a workspace (editor)',
      examples: [`yardpass workspaces unlink ${workspaceId} --order-ids <order-id>`],
      id: true,
      fields: linkFields,
      partial: true,
      done: 'Unlinked from',
      call: (client, { id, body }) => client.workspaces.unlink(id, body),
    },
    {
      kind: 'custom',
      path: 'audit',
      operationId: 'listWorkspaceAudit',
      summary: "A workspace's audit log, newest first (kept 30 days)",
      examples: [
        `yardpass workspaces audit ${workspaceId}`,
        `yardpass workspaces audit ${workspaceId} --json`,
      ],
      configure: (command) =>
        command.argument('[workspace-id]', 'The workspace').option('--limit <n>', 'Entries to show', '50'),
      async run(input) {
        const { client, options, json, io } = input;
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1)
          throw usageError('--limit must be a positive whole number.');
        const items = await client.workspaces
          .listAudit(await chooseWorkspace(input), { limit: Math.min(limit, 100) })
          .toArray({ limit });
        if (json) io.json(items);
        else if (items.length === 0) io.note('No entries.');
        else
          io.print(
            table({
              items,
              columns: ['created_at', 'action', 'resource_type', 'resource_id', 'actor_type'],
              io,
            }),
          );
      },
    },
  ],
};
