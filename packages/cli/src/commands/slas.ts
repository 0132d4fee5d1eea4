import type { Resource } from './resource.js';

const slaId = '7d8e9f01-2a3b-4c5d-8e6f-708192a3b4c5';

export const slas: Resource = {
  name: 'slas',
  noun: 'SLA',
  summary: 'Service levels of orders, evaluated against event stats and proofs',
  label: ['metric', 'status'],
  commands: [
    {
      kind: 'list',
      path: 'list',
      operationId: 'listSlas',
      summary: 'List SLAs, by due date',
      examples: ['yardpass slas list --status breached', 'yardpass slas list --order-id <order> --json'],
      filters: [
        { name: 'order_id', description: 'Only of this order' },
        { name: 'event_id', description: 'Only of this event' },
        { name: 'status', description: 'Only in this state', choices: ['pending', 'met', 'breached'] },
      ],
      columns: ['id', 'metric', 'target', 'actual', 'status', { key: 'due_at', as: 'time' }],
      call: (client, query) => client.slas.list(query),
    },
    {
      kind: 'item',
      path: 'evaluate',
      operationId: 'evaluateSla',
      summary: 'Evaluate an SLA now (a breach past its grace applies its penalty or make-good)',
      examples: [`yardpass slas evaluate ${slaId} --yes`],
      id: true,
      confirm: (what) => `Evaluate ${what}? A breach refunds its penalty to the sponsor.`,
      done: 'Evaluated',
      call: (client, { id }) => client.slas.evaluate(id),
    },
  ],
};
