import type { BodyField, QueryField } from '../fields.js';
import type { JsonObject } from '../json.js';
import { formatMoney } from '../output.js';
import type { Resource } from './resource.js';

const orderId = '7d3c5b1a-2e4f-4a6b-8c9d-0e1f2a3b4c5d';
const statuses = [
  'pending',
  'active',
  'completed',
  'cancelled',
  'refunded',
  'partially_refunded',
  'expired',
] as const;
const escrowStates = ['pending', 'funded', 'locked', 'released', 'refunded', 'partially_refunded'] as const;

const listFilters: readonly QueryField<'listOrders'>[] = [
  { name: 'event_id', description: 'Only orders of this event' },
  { name: 'status', description: 'Only orders in this status', choices: statuses },
  { name: 'escrow_state', description: 'Only orders whose money is here', choices: escrowStates },
  {
    name: 'disputed',
    description: 'Only orders held by an open dispute (true) or without one (false)',
    type: 'boolean',
  },
];

const createFields: readonly BodyField<'createOrder'>[] = [
  { name: 'package_id', description: 'The package to order one unit of', required: true, ref: 'packages' },
  { name: 'sponsor_id', description: 'The sponsor (brand) ordering', required: true, ref: 'sponsors' },
  {
    name: 'variant_id',
    description: 'A variant of the package (its price, currency, units and guarantees apply)',
  },
  { name: 'event_id', description: "The package's event (checked when given)" },
  {
    name: 'amount_cents',
    description: "Amount in minor units (default: the package's price)",
    type: 'integer',
  },
  { name: 'currency', description: "ISO 4217 code (default: the package's)" },
  {
    name: 'cancellation_policy',
    description: 'JSON, e.g. {"window_days":14,"penalty_pct":0.1}',
    type: 'json',
  },
  {
    name: 'release_policy',
    description: "whole_order or per_deliverable (milestones; default: the package's)",
    choices: ['whole_order', 'per_deliverable'],
  },
  {
    name: 'release_weights',
    description: 'Milestone weights by benefit as JSON, e.g. {"booth":3} (others weigh 1)',
    type: 'json',
  },
];

/** `$1,500.00 USD`, or what is left of it after refunds. */
function amountOf(item: JsonObject | undefined, field = 'amount_cents'): string {
  const cents = item?.[field];
  const currency = typeof item?.currency === 'string' ? item.currency : 'USD';
  return typeof cents === 'number' ? formatMoney(cents, currency) : 'its amount';
}

/**
 * What a release moves: the amount left after refunds, the platform fee fixed at lock, and the organizer's net,
 * e.g. `$1,500.00 USD of order … : $1,350.00 USD to the organizer, $150.00 USD platform fee (10 %)`.
 */
function releaseSplit(item: JsonObject | undefined, what: string): string {
  const fee = item?.application_fee_cents;
  if (typeof item?.amount_cents !== 'number' || typeof fee !== 'number')
    return `${refundable(item)} of ${what} to the organizer (less the platform fee)`;
  const currency = typeof item.currency === 'string' ? item.currency : 'USD';
  const left = item.amount_cents - (typeof item.refunded_cents === 'number' ? item.refunded_cents : 0);
  const bps = typeof item.platform_fee_bps === 'number' ? ` (${item.platform_fee_bps / 100} %)` : '';
  return `${formatMoney(left, currency)} of ${what}: ${formatMoney(left - fee, currency)} to the organizer, ${formatMoney(fee, currency)} platform fee${bps}`;
}

function refundable(item: JsonObject | undefined): string {
  if (typeof item?.amount_cents !== 'number') return 'what is left of it';
  const refunded = typeof item.refunded_cents === 'number' ? item.refunded_cents : 0;
  return formatMoney(item.amount_cents - refunded, typeof item.currency === 'string' ? item.currency : 'USD');
}

export const orders: Resource = {
  name: 'orders',
  noun: 'order',
  summary: 'Sponsorship orders: pay into escrow, lock, release, cancel, refund',
  label: ['id', 'status'],
  commands: [
    {
      kind: 'list',
      path: 'list',
      operationId: 'listOrders',
      summary: 'List orders you are a party to, newest first',
      examples: ['yardpass orders list', 'yardpass orders list --escrow-state funded --json'],
      filters: listFilters,
      columns: ['id', 'amount_cents', 'status', 'escrow_state', 'created_by_side', 'created_at'],
      call: (client, query) => client.orders.list(query),
    },
    {
      kind: 'item',
      path: 'create',
      operationId: 'createOrder',
      summary: 'Order one unit of a package (reserves it)',
      examples: [
        'yardpass orders create --package-id <package> --sponsor-id <sponsor>',
        'yardpass orders create --package-id <package> --sponsor-id <sponsor> --cancellation-policy \'{"window_days":14,"penalty_pct":0.1}\'',
        'yardpass orders create --package-id <package> --sponsor-id <sponsor> --release-policy per_deliverable --release-weights \'{"booth":3}\'',
      ],
      fields: createFields,
      done: 'Created',
      call: (client, { body }) => client.orders.create(body),
    },
    {
      kind: 'item',
      path: 'show',
      operationId: 'getOrder',
      summary: 'Show an order with its ledger, payout and refunds',
      examples: [`yardpass orders show ${orderId}`, `yardpass orders show ${orderId} --json | jq .ledger`],
      id: true,
      call: (client, { id }) => client.orders.retrieve(id),
    },
    {
      kind: 'item',
      path: 'fund',
      operationId: 'fundOrder',
      summary: 'Pay for an order (sponsor); the money is held in escrow',
      examples: [
        `yardpass orders fund ${orderId} --payment-method-id pm_card_visa`,
        `yardpass orders fund ${orderId} --payment-method-id pm_card_visa --yes --json`,
      ],
      id: true,
      fields: [
        {
          name: 'payment_method_id',
          description: 'A Stripe PaymentMethod id, e.g. pm_card_visa',
          required: true,
        },
      ],
      confirm: (what, { item, body }) =>
        `Charge ${amountOf(item)} to ${String(body.payment_method_id)} for ${what}? It is held in escrow until release.`,
      done: 'Funded',
      call: (client, { id, body }) => client.orders.fund(id, body),
    },
    {
      kind: 'item',
      path: 'lock',
      operationId: 'lockOrder',
      summary: 'Lock a funded order for release (organizer)',
      examples: [`yardpass orders lock ${orderId}`],
      id: true,
      done: 'Locked',
      call: (client, { id }) => client.orders.lock(id),
    },
    {
      kind: 'item',
      path: 'release',
      operationId: 'releaseOrder',
      summary: 'Release escrow to the organizer and queue the payout',
      examples: [`yardpass orders release ${orderId} --yes`],
      id: true,
      confirm: (what, { item }) => `Release ${releaseSplit(item, what)}? This cannot be undone.`,
      done: 'Released',
      call: (client, { id }) => client.orders.release(id),
    },
    {
      kind: 'item',
      path: 'cancel',
      operationId: 'cancelOrder',
      summary: 'Cancel an order before it is locked; a paid order is refunded by its cancellation policy',
      examples: [`yardpass orders cancel ${orderId} --reason "Budget cut" --yes`],
      id: true,
      fields: [{ name: 'reason', description: 'Why, for the other party' }],
      confirm: (what, { item }) =>
        `Cancel ${what}? Up to ${refundable(item)} goes back to the sponsor, less any cancellation penalty.`,
      done: 'Cancelled',
      call: (client, { id, body }) => client.orders.cancel(id, body),
    },
    {
      kind: 'item',
      path: 'refund',
      operationId: 'refundOrder',
      summary: 'Refund all or part of an order (organizer)',
      examples: [
        `yardpass orders refund ${orderId} --yes`,
        `yardpass orders refund ${orderId} --amount-cents 25000 --reason "Smaller stage"`,
      ],
      id: true,
      fields: [
        {
          name: 'amount_cents',
          description: 'How much, in minor units (default: all that is left)',
          type: 'integer',
        },
        { name: 'reason', description: 'Why, for the sponsor' },
      ],
      confirm: (what, { item, body }) =>
        `Refund ${typeof body.amount_cents === 'number' ? amountOf({ ...item, amount_cents: body.amount_cents }) : refundable(item)} of ${what} to the sponsor?`,
      done: 'Refunded',
      call: (client, { id, body }) => client.orders.refund(id, body),
    },
    {
      kind: 'list',
      path: 'disputes list',
      operationId: 'listOrders',
      summary: "Orders held by an open dispute of the sponsor's bank (release and payout wait)",
      examples: ['yardpass orders disputes list', 'yardpass orders disputes list --json | jq ".[].dispute"'],
      filters: listFilters,
      columns: ['id', 'amount_cents', 'status', 'escrow_state', 'updated_at'],
      call: (client, query) => client.orders.list({ disputed: true, ...query }),
    },
    {
      kind: 'item',
      path: 'disputes close',
      operationId: 'closeSandboxDispute',
      summary: "Close an order's sandbox dispute as won or lost (sandbox payments only)",
      examples: [
        `yardpass orders disputes close ${orderId} --outcome won`,
        `yardpass orders disputes close ${orderId} --outcome lost --yes`,
      ],
      id: true,
      fields: [
        {
          name: 'outcome',
          description: 'won lifts the hold; lost gives the money back to the sponsor',
          required: true,
          choices: ['won', 'lost'],
        },
      ],
      confirm: (what, { body }) =>
        body.outcome === 'lost'
          ? `Close the dispute of ${what} as lost? The bank keeps the money, with Stripe's dispute fee.`
          : `Close the dispute of ${what} as won? The hold lifts.`,
      done: 'Closed the dispute of',
      call: (client, { id, body }) => client.orders.closeSandboxDispute(id, body),
    },
  ],
};
