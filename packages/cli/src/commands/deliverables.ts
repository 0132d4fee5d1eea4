import type { BodyField } from '../fields.js';
import type { Resource } from './resource.js';

const statuses = ['pending', 'submitted', 'approved', 'needs_changes', 'waived'] as const;
const sides = ['organizer', 'sponsor'] as const;

const evidenceRequired = {
  name: 'evidence_required',
  description: 'Whether a proof is needed before approval: true (default) or false',
  type: 'boolean',
} as const;

const createFields: readonly BodyField<'createDeliverable'>[] = [
  { name: 'type', description: 'What is owed, e.g. logo_placement', required: true },
  { name: 'order_id', description: 'The order it belongs to (gives the event, sponsor and package)' },
  { name: 'event_id', description: 'The event, without --order-id', ref: 'events' },
  { name: 'sponsor_id', description: 'The sponsor, without --order-id', ref: 'sponsors' },
  { name: 'package_id', description: 'The package it fulfils' },
  { name: 'spec', description: 'What exactly, as a JSON object', type: 'json' },
  { name: 'due_at', description: 'When it is due', type: 'time', nullable: true },
  { name: 'owner_side', description: 'Who must fulfil it (default organizer)', choices: sides },
  evidenceRequired,
];

const updateFields: readonly BodyField<'updateDeliverable'>[] = [
  { name: 'type', description: 'What is owed' },
  { name: 'spec', description: 'What exactly, as a JSON object', type: 'json' },
  { name: 'due_at', description: 'When it is due', type: 'time', nullable: true },
  evidenceRequired,
];

const deliverableId = '5b6c7d8e-9f01-4a23-8b45-6789abcdef01';

export const deliverables: Resource = {
  name: 'deliverables',
  noun: 'deliverable',
  summary: 'What each party owes under an order: the fulfilment queue, proofs and reviews',
  label: ['type', 'status', 'due_at'],
  commands: [
    {
      kind: 'list',
      path: 'list',
      operationId: 'listDeliverables',
      summary: 'The fulfilment queue, by due date',
      examples: [
        'yardpass deliverables list --status pending',
        'yardpass deliverables list --due-before 2026-07-01T00:00:00Z --json',
      ],
      filters: [
        { name: 'event_id', description: 'Only for this event' },
        { name: 'sponsor_id', description: 'Only for this sponsor' },
        { name: 'order_id', description: 'Only for this order' },
        { name: 'status', description: 'Only in this state', choices: statuses },
        { name: 'due_before', description: 'Only due before this time', type: 'time' },
      ],
      columns: [
        'id',
        'type',
        'status',
        'owner_side',
        'event_title',
        'sponsor_name',
        { key: 'due_at', as: 'time' },
      ],
      call: (client, query) => client.deliverables.list(query),
    },
    {
      kind: 'item',
      path: 'create',
      operationId: 'createDeliverable',
      summary: 'Add a deliverable by hand',
      examples: [
        'yardpass deliverables create --order-id <order> --type logo_placement --spec \'{"placement":"main_stage"}\' --due-at 2026-03-10T00:00:00Z',
        'yardpass deliverables create --order-id <order> --type thank_you_post --evidence-required false',
      ],
      fields: createFields,
      done: 'Created',
      call: (client, { body }) => client.deliverables.create(body),
    },
    {
      kind: 'item',
      path: 'show',
      operationId: 'getDeliverable',
      summary: 'Show a deliverable with its proofs and review history',
      examples: [`yardpass deliverables show ${deliverableId}`],
      id: true,
      call: (client, { id }) => client.deliverables.retrieve(id),
    },
    {
      kind: 'item',
      path: 'update',
      operationId: 'updateDeliverable',
      summary: 'Change a pending deliverable',
      examples: [`yardpass deliverables update ${deliverableId} --due-at 2026-03-12T00:00:00Z`],
      id: true,
      fields: updateFields,
      partial: true,
      done: 'Updated',
      call: (client, { id, body }) => client.deliverables.update(id, body),
    },
    {
      kind: 'item',
      path: 'submit-proof',
      operationId: 'submitDeliverableProof',
      summary: 'Submit proof of a deliverable you owe (it becomes submitted)',
      examples: [
        `yardpass deliverables submit-proof ${deliverableId} --asset-url https://cdn.example.com/proof.jpg --metrics '{"impressions":25000}'`,
      ],
      id: true,
      fields: [
        { name: 'asset_url', description: 'Where the evidence is', required: true },
        { name: 'metrics', description: 'What it proves, as JSON numbers', type: 'json' },
        { name: 'note', description: 'A note for the reviewer', nullable: true },
      ],
      done: 'Submitted proof of',
      call: (client, { id, body }) => client.deliverables.submitProof(id, body),
    },
    {
      kind: 'item',
      path: 'approve',
      operationId: 'approveDeliverable',
      summary: 'Approve a deliverable the other side submitted',
      examples: [`yardpass deliverables approve ${deliverableId}`],
      id: true,
      done: 'Approved',
      call: (client, { id }) => client.deliverables.approve(id),
    },
    {
      kind: 'item',
      path: 'request-changes',
      operationId: 'requestDeliverableChanges',
      summary: 'Send a submitted deliverable back, saying why',
      examples: [
        `yardpass deliverables request-changes ${deliverableId} --reason "Logo is not visible enough"`,
      ],
      id: true,
      fields: [{ name: 'reason', description: 'What must change', required: true }],
      done: 'Sent back',
      call: (client, { id, body }) => client.deliverables.requestChanges(id, body),
    },
    {
      kind: 'item',
      path: 'waive',
      operationId: 'waiveDeliverable',
      summary: 'Waive a deliverable, saying why (it no longer has to be fulfilled)',
      examples: [`yardpass deliverables waive ${deliverableId} --reason "Stage was cancelled" --yes`],
      id: true,
      fields: [{ name: 'reason', description: 'Why it is waived', required: true }],
      confirm: (what) => `Waive ${what}? It will count as fulfilled.`,
      done: 'Waived',
      call: (client, { id, body }) => client.deliverables.waive(id, body),
    },
  ],
};
