import { optional, type BodyField } from '../fields.js';
import type { Resource } from './resource.js';

const fields: readonly BodyField<'createPackageTemplate'>[] = [
  { name: 'title', description: 'Title, e.g. "Gold Stage Sponsor"', required: true },
  { name: 'tier', description: 'Tier, e.g. gold', required: true },
  { name: 'price_cents', description: 'Price in minor units, e.g. 150000', type: 'integer', required: true },
  { name: 'currency', description: 'ISO 4217 currency, e.g. USD', required: true },
  { name: 'benefits', description: 'Benefits as JSON, e.g. {"booth":"10x10"}', type: 'json' },
];

export const packageTemplates: Resource = {
  name: 'package-templates',
  noun: 'package template',
  summary: 'Reusable package templates (title, tier, price, benefits)',
  label: ['title', 'tier'],
  commands: [
    {
      kind: 'list',
      path: 'list',
      operationId: 'listPackageTemplates',
      summary: 'List your templates, newest first',
      examples: ['yardpass package-templates list'],
      columns: ['id', 'title', 'tier', 'price_cents', { key: 'created_at', header: 'CREATED', as: 'time' }],
      call: (client, query) => client.packageTemplates.list(query),
    },
    {
      kind: 'item',
      path: 'create',
      operationId: 'createPackageTemplate',
      summary: 'Create a template',
      examples: [
        'yardpass package-templates create --title Gold --tier gold --price-cents 150000 --currency USD',
      ],
      fields,
      done: 'Created',
      call: (client, { body }) => client.packageTemplates.create(body),
    },
    {
      kind: 'item',
      path: 'get',
      operationId: 'getPackageTemplate',
      summary: 'Show a template',
      examples: ['yardpass package-templates get <id>'],
      id: true,
      call: (client, { id }) => client.packageTemplates.retrieve(id),
    },
    {
      kind: 'item',
      path: 'update',
      operationId: 'updatePackageTemplate',
      summary: 'Change a template (packages made from it keep their values)',
      examples: ['yardpass package-templates update <id> --price-cents 175000'],
      id: true,
      fields: optional(fields),
      partial: true,
      done: 'Updated',
      call: (client, { id, body }) => client.packageTemplates.update(id, body),
    },
    {
      kind: 'item',
      path: 'delete',
      operationId: 'deletePackageTemplate',
      summary: 'Delete a template',
      examples: ['yardpass package-templates delete <id> --yes'],
      id: true,
      confirm: (what) => `Delete ${what}?`,
      done: 'Deleted',
      silent: true,
      call: (client, { id }) => client.packageTemplates.del(id),
    },
  ],
};
