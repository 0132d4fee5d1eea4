import { optional, type BodyField } from '../fields.js';
import type { Resource } from './resource.js';

const visibility = ['public', 'private'] as const;

const fields: readonly BodyField<'createSponsor'>[] = [
  { name: 'name', description: 'Brand name', required: true },
  { name: 'logo_url', description: 'Logo URL', nullable: true },
  { name: 'website_url', description: 'Website URL', nullable: true },
  { name: 'industry', description: 'Industry, e.g. beverages', nullable: true },
  { name: 'visibility', description: 'Who can see the sponsor (default private)', choices: visibility },
  {
    name: 'attribution_utm_sources',
    description: 'utm_source values attributed to it in ROI reports',
    type: 'list',
  },
  {
    name: 'attribution_promo_codes',
    description: 'Promo codes attributed to it in ROI reports',
    type: 'list',
  },
];

const profileFields: readonly BodyField<'putSponsorProfile'>[] = [
  { name: 'industry', description: 'Industry', nullable: true },
  { name: 'categories', description: 'Event categories of interest', type: 'list' },
  {
    name: 'budget_min_cents',
    description: 'Smallest budget, in minor units',
    type: 'integer',
    nullable: true,
  },
  {
    name: 'budget_max_cents',
    description: 'Largest budget, in minor units',
    type: 'integer',
    nullable: true,
  },
  { name: 'currency', description: 'Budget currency, ISO 4217 (default USD)' },
  { name: 'target_audience', description: 'The audience sought, as a JSON object', type: 'json' },
  { name: 'regions', description: 'Regions of interest', type: 'list' },
  { name: 'objectives', description: 'Objectives, in words', nullable: true },
  {
    name: 'activation_preferences',
    description: 'Preferences as JSON, e.g. {"avoid_tags":["gambling"]}',
    type: 'json',
  },
  {
    name: 'embedding',
    description: 'Embedding of the objectives, for matching (comma-separated numbers)',
    type: 'numbers',
    nullable: true,
  },
];

const sponsorId = '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5';

export const sponsors: Resource = {
  name: 'sponsors',
  noun: 'sponsor',
  summary: 'Brands that sponsor events, and their profiles',
  label: ['name', 'industry'],
  commands: [
    {
      kind: 'list',
      path: 'list',
      operationId: 'listSponsors',
      summary: 'List sponsors, by name',
      examples: ['yardpass sponsors list', 'yardpass sponsors list --visibility public --json'],
      filters: [
        { name: 'industry', description: 'Only sponsors in this industry' },
        { name: 'visibility', description: 'Only public or private sponsors', choices: visibility },
      ],
      columns: ['id', 'name', 'industry', 'visibility', 'created_at'],
      call: (client, query) => client.sponsors.list(query),
    },
    {
      kind: 'item',
      path: 'create',
      operationId: 'createSponsor',
      summary: 'Create a sponsor',
      examples: ['yardpass sponsors create --name "Fizz Cola" --industry beverages --visibility public'],
      fields,
      done: 'Created',
      call: (client, { body }) => client.sponsors.create(body),
    },
    {
      kind: 'item',
      path: 'get',
      operationId: 'getSponsor',
      summary: 'Show a sponsor',
      examples: [`yardpass sponsors get ${sponsorId}`],
      id: true,
      call: (client, { id }) => client.sponsors.retrieve(id),
    },
    {
      kind: 'item',
      path: 'update',
      operationId: 'updateSponsor',
      summary: 'Change a sponsor',
      examples: [`yardpass sponsors update ${sponsorId} --website-url https://fizz.example`],
      id: true,
      fields: optional(fields),
      partial: true,
      done: 'Updated',
      call: (client, { id, body }) => client.sponsors.update(id, body),
    },
    {
      kind: 'item',
      path: 'delete',
      operationId: 'deleteSponsor',
      summary: 'Delete a sponsor',
      examples: [`yardpass sponsors delete ${sponsorId} --yes`],
      id: true,
      confirm: (what) => `Delete ${what}? This cannot be undone.`,
      done: 'Deleted',
      silent: true,
      call: (client, { id }) => client.sponsors.del(id),
    },
    {
      kind: 'item',
      path: 'profile get',
      operationId: 'getSponsorProfile',
      summary: "Show a sponsor's profile (what matching uses)",
      examples: [`yardpass sponsors profile get ${sponsorId}`],
      id: true,
      call: (client, { id }) => client.sponsors.retrieveProfile(id),
    },
    {
      kind: 'item',
      path: 'profile set',
      operationId: 'putSponsorProfile',
      summary: "Replace a sponsor's profile; properties left out are reset",
      examples: [
        `yardpass sponsors profile set ${sponsorId} --categories music,food --budget-min-cents 500000 --budget-max-cents 2500000`,
        `yardpass sponsors profile get ${sponsorId} --json | jq 'del(.sponsor_id, .updated_at) | .regions = ["US-TX"]' | yardpass sponsors profile set ${sponsorId} --data -`,
      ],
      id: true,
      fields: profileFields,
      done: 'Saved the profile of',
      call: (client, { id, body }) => client.sponsors.updateProfile(id, body),
    },
  ],
};
