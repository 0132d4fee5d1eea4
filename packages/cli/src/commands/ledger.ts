import type { Resource } from './resource.js';

export const ledger: Resource = {
  name: 'ledger',
  noun: 'ledger entry',
  summary: 'The double-entry ledger of your orders (owner or admin)',
  label: ['id'],
  commands: [
    {
      kind: 'list',
      path: 'accounts',
      operationId: 'listLedgerAccounts',
      summary: 'List ledger accounts with posted and pending balances',
      examples: ['yardpass ledger accounts', 'yardpass ledger accounts --kind escrow --json'],
      filters: [
        {
          name: 'kind',
          description: 'Only accounts of this kind',
          choices: ['stripe_clearing', 'platform_fees', 'escrow', 'organizer_payable'],
        },
        { name: 'currency', description: 'Only accounts in this currency' },
      ],
      columns: ['code', 'kind', 'currency', 'balance_cents', 'pending_cents'],
      call: (client, query) => client.ledger.accounts(query),
    },
    {
      kind: 'list',
      path: 'transactions',
      operationId: 'listLedgerTransactions',
      summary: 'List ledger transactions, newest first',
      examples: [
        'yardpass ledger transactions --order-id <order>',
        'yardpass ledger transactions --status pending',
      ],
      filters: [
        { name: 'order_id', description: 'Only transactions of this order' },
        {
          name: 'kind',
          description: 'Only transactions of this kind',
          choices: ['fund', 'lock', 'refund', 'penalty', 'transfer', 'reversal'],
        },
        {
          name: 'status',
          description: 'Only transactions in this state',
          choices: ['pending', 'posted', 'voided'],
        },
      ],
      columns: ['reference', 'kind', 'status', 'description', 'created_at'],
      call: (client, query) => client.ledger.transactions(query),
    },
  ],
};
