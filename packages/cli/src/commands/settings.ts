import type { Resource } from './resource.js';

export const settings: Resource = {
  name: 'settings',
  noun: 'order settings',
  summary: 'Your order windows: payment, review and auto-release time-outs',
  label: ['org_id'],
  commands: [
    {
      kind: 'item',
      path: 'show',
      operationId: 'getOrderSettings',
      summary: 'Show the payment, review and auto-release windows (defaults until set)',
      examples: ['yardpass settings show', 'yardpass settings show --json'],
      call: (client) => client.orders.retrieveSettings(),
    },
    {
      kind: 'item',
      path: 'set',
      operationId: 'putOrderSettings',
      summary: 'Set the windows of your orders as organizer (owner or admin)',
      examples: [
        'yardpass settings set --payment-window-hours 48',
        'yardpass settings set --review-window-days 5 --auto-release-after-days 14',
        'yardpass settings set --auto-release-after-days ""',
      ],
      fields: [
        {
          name: 'payment_window_hours',
          description: 'Unpaid orders expire after this many hours (default 72)',
          type: 'integer',
        },
        {
          name: 'review_window_days',
          description: 'Submitted deliverables are approved after this many days (default 7)',
          type: 'integer',
        },
        {
          name: 'auto_release_after_days',
          description: 'Release fulfilled orders this many days after the lock (empty: never, the default)',
          type: 'integer',
          nullable: true,
        },
      ],
      partial: true,
      done: 'Saved',
      call: (client, { body }) => client.orders.updateSettings(body),
    },
  ],
};
