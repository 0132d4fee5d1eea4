import { optional, type BodyField } from '../fields.js';
import type { Resource } from './resource.js';

const fields: readonly BodyField<'createEvent'>[] = [
  { name: 'title', description: 'Title', required: true },
  { name: 'description', description: 'Description', nullable: true },
  { name: 'starts_at', description: 'Start time, e.g. 2026-07-01T18:00:00Z', type: 'time', required: true },
  { name: 'ends_at', description: 'End time, not before the start', type: 'time', required: true },
  { name: 'venue', description: 'Venue', nullable: true },
  { name: 'city', description: 'City', nullable: true },
  { name: 'country', description: 'Country code, ISO 3166-1 alpha-2 (e.g. US)', nullable: true },
  { name: 'category', description: 'Category, e.g. music', nullable: true },
  { name: 'target_audience', description: 'Who the event reaches, as a JSON object', type: 'json' },
  { name: 'brand_safety_tags', description: 'Brand-safety tags', type: 'list' },
  {
    name: 'embedding',
    description: 'Embedding of the description, for matching (comma-separated numbers)',
    type: 'numbers',
    nullable: true,
  },
];

export const events: Resource = {
  name: 'events',
  noun: 'event',
  summary: 'Events your organization runs and sells sponsorships of',
  label: ['title', 'starts_at'],
  commands: [
    {
      kind: 'list',
      path: 'list',
      operationId: 'listEvents',
      summary: 'List events, by start time',
      examples: [
        'yardpass events list',
        'yardpass events list --city Austin --starts-after 2026-01-01 --json',
        'yardpass events list --owner me',
      ],
      filters: [
        {
          name: 'owner',
          description: "Only the organization's own events (else marketplace events too)",
          choices: ['me'],
        },
        { name: 'category', description: 'Only events of this category' },
        { name: 'city', description: 'Only events in this city' },
        { name: 'starts_after', description: 'Only events starting at or after this time', type: 'time' },
        { name: 'starts_before', description: 'Only events starting before this time', type: 'time' },
      ],
      columns: ['id', 'title', { key: 'starts_at', header: 'STARTS', as: 'time' }, 'city', 'category'],
      call: (client, query) => client.events.list(query),
    },
    {
      kind: 'item',
      path: 'create',
      operationId: 'createEvent',
      summary: 'Create an event',
      examples: [
        'yardpass events create --title "Summer Fest" --starts-at 2026-07-01T18:00:00Z --ends-at 2026-07-01T23:00:00Z',
        'yardpass events create --data @event.json --city Austin',
      ],
      fields,
      done: 'Created',
      call: (client, { body }) => client.events.create(body),
    },
    {
      kind: 'item',
      path: 'get',
      operationId: 'getEvent',
      summary: 'Show an event',
      examples: ['yardpass events get 5b8f0e1c-7a51-4c5e-9a55-1f6f0a6f9c21', 'yardpass events get'],
      id: true,
      call: (client, { id }) => client.events.retrieve(id),
    },
    {
      kind: 'item',
      path: 'update',
      operationId: 'updateEvent',
      summary: 'Change an event',
      examples: [
        'yardpass events update 5b8f0e1c-7a51-4c5e-9a55-1f6f0a6f9c21 --venue "Zilker Park" --city Austin',
      ],
      id: true,
      fields: optional(fields),
      partial: true,
      done: 'Updated',
      call: (client, { id, body }) => client.events.update(id, body),
    },
    {
      kind: 'item',
      path: 'delete',
      operationId: 'deleteEvent',
      summary: 'Delete an event',
      examples: ['yardpass events delete 5b8f0e1c-7a51-4c5e-9a55-1f6f0a6f9c21 --yes'],
      id: true,
      confirm: (what) => `Delete ${what}? This cannot be undone.`,
      done: 'Deleted',
      silent: true,
      call: (client, { id }) => client.events.del(id),
    },
  ],
};
