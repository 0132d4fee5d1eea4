import type { Resource } from './resource.js';

export const payoutConfig: Resource = {
  name: 'payout-config',
  noun: 'payout configuration',
  summary: 'Where you are paid: your Stripe Connect account and the platform fee',
  label: ['org_id'],
  commands: [
    {
      kind: 'item',
      path: 'show',
      operationId: 'getPayoutConfiguration',
      summary: 'Show the payout settings and the fee limits',
      examples: ['yardpass payout-config show'],
      call: (client) => client.payoutConfig.retrieve(),
    },
    {
      kind: 'item',
      path: 'set',
      operationId: 'putPayoutConfiguration',
      summary: 'Set the Connect account and/or the platform fee (owner or admin)',
      examples: [
        'yardpass payout-config set --stripe-connect-account-id acct_1Nv0FGQ9RKHgCVdK',
        'yardpass payout-config set --platform-fee-bps 1000',
      ],
      fields: [
        {
          name: 'stripe_connect_account_id',
          description: 'Your Stripe Connect account, acct_…',
          nullable: true,
        },
        {
          name: 'platform_fee_bps',
          description: 'Platform fee in basis points (1000 = 10 %)',
          type: 'integer',
        },
      ],
      partial: true,
      done: 'Saved',
      call: (client, { body }) => client.payoutConfig.update(body),
    },
    {
      kind: 'item',
      path: 'onboard',
      operationId: 'onboardPayoutConfiguration',
      summary: 'Get a Stripe Connect onboarding link (creates the account when missing)',
      examples: [
        'yardpass payout-config onboard --return-url https://app.example/done --refresh-url https://app.example/retry',
      ],
      fields: [
        { name: 'return_url', description: 'Where Stripe sends you when onboarding is done', required: true },
        { name: 'refresh_url', description: 'Where Stripe sends you when the link expired', required: true },
      ],
      call: (client, { body }) => client.payoutConfig.onboard(body),
    },
  ],
};
