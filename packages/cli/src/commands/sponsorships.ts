import type { BodyField } from '../fields.js';
import type { Resource } from './resource.js';

const activation = ['draft', 'in_progress', 'complete'] as const;

const fields: readonly BodyField<'upsertEventSponsorship'>[] = [
  { name: 'event_id', description: 'The event', required: true, ref: 'events' },
  { name: 'sponsor_id', description: 'The sponsor', required: true, ref: 'sponsors' },
  { name: 'tier', description: 'The tier, e.g. gold', required: true },
  { name: 'amount_cents', description: 'Amount, in minor units', type: 'integer' },
  { name: 'currency', description: 'ISO 4217 currency (default USD)' },
  { name: 'benefits', description: 'Benefits as a JSON object', type: 'json' },
  { name: 'activation_status', description: 'Move the activation forward', choices: activation },
];

export const sponsorships: Resource = {
  name: 'sponsorships',
  noun: 'event sponsorship',
  summary: 'Who sponsors which event at which tier, and its activation',
  label: ['tier', 'activation_status'],
  commands: [
    {
      kind: 'list',
      path: 'list',
      operationId: 'listEventSponsorships',
      summary: 'List event sponsorships, most recently changed first',
      examples: ['yardpass sponsorships list --activation-status in_progress'],
      filters: [
        { name: 'event_id', description: 'Only of this event' },
        { name: 'sponsor_id', description: 'Only of this sponsor' },
        { name: 'activation_status', description: 'Only in this state', choices: activation },
      ],
      columns: [
        'id',
        'tier',
        'activation_status',
        'amount_cents',
        'currency',
        { key: 'updated_at', as: 'time' },
      ],
      call: (client, query) => client.eventSponsorships.list(query),
    },
    {
      kind: 'item',
      path: 'upsert',
      operationId: 'upsertEventSponsorship',
      summary: 'Create or update the sponsorship of an event by a sponsor at a tier',
      examples: [
        'yardpass sponsorships upsert --event-id <event> --sponsor-id <sponsor> --tier gold --amount-cents 2500000',
      ],
      fields,
      done: 'Saved',
      call: (client, { body }) => client.eventSponsorships.upsert(body),
    },
  ],
};
