import type { Resource } from './resource.js';

const payoutId = '3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d';

export const payouts: Resource = {
  name: 'payouts',
  noun: 'payout',
  summary: 'Transfers to your Stripe Connect account, one per released order',
  label: ['id', 'status'],
  commands: [
    {
      kind: 'list',
      path: 'list',
      operationId: 'listPayouts',
      summary: 'List payouts, newest first',
      examples: ['yardpass payouts list', 'yardpass payouts list --status failed'],
      filters: [
        { name: 'order_id', description: 'Only the payout of this order' },
        {
          name: 'status',
          description: 'Only payouts in this status',
          choices: ['pending', 'processing', 'awaiting_configuration', 'paid', 'failed', 'cancelled'],
        },
      ],
      columns: ['id', 'order_id', 'amount_cents', 'fee_cents', 'status', 'stripe_transfer_id', 'created_at'],
      call: (client, query) => client.payouts.list(query),
    },
    {
      kind: 'item',
      path: 'show',
      operationId: 'getPayout',
      summary: 'Show a payout',
      examples: [`yardpass payouts show ${payoutId}`],
      id: true,
      call: (client, { id }) => client.payouts.retrieve(id),
    },
    {
      kind: 'item',
      path: 'retry',
      operationId: 'retryPayout',
      summary: 'Try a failed or waiting payout again (never transfers twice)',
      examples: [`yardpass payouts retry ${payoutId}`, `yardpass payouts retry ${payoutId} --yes --json`],
      id: true,
      confirm: (what, { item }) =>
        `Try ${what} again${typeof item?.payout_failure_reason === 'string' ? ` (last: ${item.payout_failure_reason})` : ''}?`,
      done: 'Queued',
      call: (client, { id }) => client.payouts.retry(id),
    },
  ],
};
