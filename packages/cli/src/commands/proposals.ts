import type { components } from '@yardpass/sdk';
import { usageError } from '../errors.js';
import { readData } from '../fields.js';
import { formatMoney, formatTime, type Io } from '../output.js';
import type { CustomRun, Resource } from './resource.js';

type Proposal = components['schemas']['Proposal'];
type Offer = components['schemas']['ProposalOffer'];

const proposalId = '3d6a9c1e-5f7b-4a2c-9e8d-1b2c3d4e5f6a';
const STATUSES = ['draft', 'sent', 'countered', 'accepted', 'rejected', 'withdrawn', 'expired'] as const;
const OPEN = ['draft', 'sent', 'countered'];

function describeOffer(offer: Offer | null | undefined, currency: string): string {
  if (!offer) return 'no offer';
  const parts = [formatMoney(offer.price_cents, offer.currency ?? currency)];
  if (offer.requested_benefits?.length) parts.push(`asks for ${offer.requested_benefits.join(', ')}`);
  if (offer.benefits_delta && Object.keys(offer.benefits_delta).length > 0)
    parts.push(`changes ${JSON.stringify(offer.benefits_delta)}`);
  if (offer.variant_id) parts.push(`for variant ${offer.variant_id}`);
  if (offer.sla_terms_delta?.length)
    parts.push(`guarantees: ${offer.sla_terms_delta.map((term) => term.summary ?? term.metric).join(' ')}`);
  return parts.join('; ');
}

/** The thread as a reader wants it: who, where it stands, whose turn, then the messages oldest first. */
export function renderThread(proposal: Proposal, io: Io): string {
  const { bold, dim, green, yellow } = io.out;
  const currency = proposal.latest_offer?.currency ?? 'USD';
  const turn =
    proposal.turn === null
      ? dim('closed')
      : proposal.turn === proposal.your_side
        ? green('your turn')
        : yellow(`waiting for the ${proposal.turn}`);
  const lines = [
    bold(`${proposal.sponsor_name} × ${proposal.event_title}`),
    `Status   ${proposal.status} (${turn})   You are the ${proposal.your_side}`,
    `Offer    ${proposal.latest_offer ? `${describeOffer(proposal.latest_offer, currency)} — from the ${proposal.latest_offer.side}` : 'none yet'}`,
  ];
  if (proposal.order_id) lines.push(`Order    ${proposal.order_id}`);
  if (proposal.closed_reason) lines.push(`Reason   ${proposal.closed_reason}`);
  lines.push('');
  for (const message of proposal.messages ?? []) {
    const who = message.side === proposal.your_side ? 'You' : `The ${message.side}`;
    lines.push(dim(`${formatTime(message.created_at)}  ${who}`));
    if (message.body) lines.push(`  ${message.body}`);
    if (message.offer) lines.push(`  ${bold('Offer:')} ${describeOffer(message.offer, currency)}`);
  }
  return lines.join('\n');
}

type Action = 'counter' | 'accept' | 'reject' | 'message' | 'send' | 'withdraw' | 'refresh' | 'quit';

function actionsFor(proposal: Proposal): { name: string; value: Action }[] {
  const mine = proposal.turn === proposal.your_side;
  const offering = (proposal.latest_offer?.side ?? proposal.created_by_side) === proposal.your_side;
  const actions: { name: string; value: Action }[] = [];
  if (proposal.status === 'draft') {
    actions.push(
      { name: 'Send it to the other side', value: 'send' },
      { name: 'Change the offer', value: 'counter' },
    );
  } else if (mine) {
    if (proposal.latest_offer)
      actions.push({ name: 'Accept the offer (creates the order)', value: 'accept' });
    actions.push({ name: 'Counter-offer', value: 'counter' }, { name: 'Reject', value: 'reject' });
  } else {
    actions.push(
      { name: 'Change my offer', value: 'counter' },
      { name: 'Check for an answer', value: 'refresh' },
    );
  }
  actions.push({ name: 'Write a message (no offer)', value: 'message' });
  if (offering) actions.push({ name: 'Withdraw', value: 'withdraw' });
  actions.push({ name: 'Quit', value: 'quit' });
  return actions;
}

const whole = (value: string) =>
  /^\d+$/.test(value.trim()) && Number(value) > 0 ? true : 'A whole number of minor units, e.g. 160000';

async function negotiate(run: CustomRun) {
  const { client, args, json, io, prompts, interactive } = run;
  const confirm = (message: string) => run.confirm(message);
  const id = await run.chooseId({ resource: 'proposals', given: args[0], name: '<id>' });
  if (!interactive)
    throw usageError(
      'negotiate asks questions and needs a terminal; use `yardpass proposals message|accept|reject` in scripts.',
    );
  const load = (): Promise<Proposal> => client.proposals.retrieve(id);
  let proposal = await load();
  for (;;) {
    io.note(`\n${renderThread(proposal, io)}\n`);
    if (!OPEN.includes(proposal.status)) {
      io.note(`The proposal is ${proposal.status}; nothing more to negotiate.`);
      break;
    }
    const action = await prompts.select<Action>({ message: 'What next?', choices: actionsFor(proposal) });
    if (action === 'quit') break;
    if (action === 'refresh') {
      proposal = await load();
      continue;
    }
    if (action === 'counter') {
      const price = await prompts.input({ message: 'Price (minor units, e.g. 160000):', validate: whole });
      const body = await prompts.input({ message: 'Message (optional):' });
      await client.proposals.message(id, { body, offer: { price_cents: Number(price) } });
    } else if (action === 'message') {
      const body = await prompts.input({
        message: 'Message:',
        validate: (v) => (v.trim() ? true : 'Say something'),
      });
      await client.proposals.message(id, { body });
    } else if (action === 'accept') {
      const offer = proposal.latest_offer!;
      await confirm(
        `Accept ${formatMoney(offer.price_cents, offer.currency ?? 'USD')}? This creates the order.`,
      );
      const accepted = await client.proposals.accept(id);
      io.success(`Accepted: order ${accepted.order_id ?? ''} created`);
    } else if (action === 'reject') {
      const reason = await prompts.input({ message: 'Reason (optional):' });
      await client.proposals.reject(id, reason ? { reason } : {});
      io.success('Rejected');
    } else if (action === 'withdraw') {
      await confirm('Withdraw? The thread closes for both sides.');
      await client.proposals.withdraw(id, {});
      io.success('Withdrawn');
    } else {
      await client.proposals.send(id);
      io.success('Sent');
    }
    proposal = await load();
  }
  if (json) io.json(proposal);
}

async function show(run: CustomRun) {
  const { client, args, json, io } = run;
  const id = await run.chooseId({ resource: 'proposals', given: args[0], name: '<id>' });
  const proposal = await client.proposals.retrieve(id);
  if (json) io.json(proposal);
  else io.print(renderThread(proposal, io));
}

export const proposals: Resource = {
  name: 'proposals',
  noun: 'proposal',
  summary: 'Negotiate sponsorships: proposals, offers and counter-offers',
  label: ['sponsor_name', 'event_title'],
  commands: [
    {
      kind: 'list',
      path: 'list',
      operationId: 'listProposals',
      summary: 'The inbox: threads you are a party to, most recent first',
      examples: ['yardpass proposals list', 'yardpass proposals list --status countered --side organizer'],
      filters: [
        { name: 'event_id', description: 'Only threads about this event' },
        { name: 'status', description: 'Only threads in this status', choices: STATUSES },
        {
          name: 'side',
          description: 'Only threads where you are this side',
          choices: ['organizer', 'sponsor'],
        },
      ],
      columns: [
        'id',
        'sponsor_name',
        'event_title',
        'status',
        'turn',
        'message_count',
        { key: 'updated_at', header: 'UPDATED', as: 'time' },
      ],
      call: (client, query) => client.proposals.list(query),
    },
    {
      kind: 'item',
      path: 'create',
      operationId: 'createProposal',
      summary: 'Start a proposal (a draft until sent); your side comes from your organization',
      examples: [
        'yardpass proposals create --event-id <event> --sponsor-id <sponsor> --package-id <package> --initial-message \'{"body":"Hi!","offer":{"price_cents":140000}}\'',
      ],
      fields: [
        { name: 'event_id', description: 'The event', required: true },
        { name: 'sponsor_id', description: 'The sponsor', required: true },
        { name: 'package_id', description: 'The package the offer is for' },
        {
          name: 'initial_message',
          description: 'First message as JSON: {"body","offer":{"price_cents",…}}',
          type: 'json',
        },
      ],
      done: 'Started',
      call: (client, { body }) => client.proposals.create(body),
    },
    {
      kind: 'custom',
      path: 'show',
      operationId: 'getProposal',
      summary: 'Show a thread: status, whose turn, the offer, the messages',
      examples: [`yardpass proposals show ${proposalId}`],
      configure: (command) => command.argument('[id]', 'The proposal'),
      run: show,
    },
    {
      kind: 'item',
      path: 'message',
      operationId: 'createProposalMessage',
      summary: 'Add a message, optionally with a (counter-)offer',
      examples: [
        `yardpass proposals message ${proposalId} --body "Meet in the middle?" --offer '{"price_cents":160000}'`,
      ],
      id: true,
      fields: [
        { name: 'body', description: 'The message' },
        {
          name: 'offer',
          description: 'An offer as JSON: {"price_cents","requested_benefits","benefits_delta"}',
          type: 'json',
        },
      ],
      done: 'Sent a message on',
      call: (client, { id, body }) => client.proposals.message(id, body),
    },
    {
      kind: 'custom',
      path: 'offer',
      operationId: 'createProposalMessage',
      summary: 'Make a (counter-)offer: a price, optionally for a variant and with countered SLA terms',
      examples: [
        `yardpass proposals offer ${proposalId} --price-cents 58000 --variant-id <variant>`,
        `yardpass proposals offer ${proposalId} --price-cents 58000 --sla-terms-delta '[{"metric":"impressions","target":6000,"breach_policy":{"action":"penalty_fixed","penalty_cents":5000}}]'`,
      ],
      configure: (command) =>
        command
          .argument('[proposal-id]', 'The proposal')
          .option('--price-cents <n>', 'The price offered, in minor units')
          .option(
            '--variant-id <id>',
            "A variant of the proposal's package: its price list and guarantees apply",
          )
          .option(
            '--sla-terms-delta <terms>',
            'Countered guarantees: a JSON array of SLA terms (replacing the terms of the same metric), @file or -',
          )
          .option('--body <text>', 'A message to go with it', ''),
      async run(input) {
        const { client, args, options, json, io } = input;
        const id = await input.chooseId({ resource: 'proposals', given: args[0], name: '<proposal-id>' });
        const price = (options.priceCents as string | undefined) ?? '';
        if (!/^\d+$/.test(price))
          throw usageError('--price-cents must be a whole number of minor units, e.g. 58000.');
        const offer: Offer = { price_cents: Number(price) };
        if (options.variantId) offer.variant_id = options.variantId as string;
        if (options.slaTermsDelta !== undefined) {
          const delta = await readData(options.slaTermsDelta as string, input.stdin);
          if (!Array.isArray(delta)) throw usageError('--sla-terms-delta must be a JSON array of SLA terms.');
          offer.sla_terms_delta = delta as NonNullable<Offer['sla_terms_delta']>;
        }
        const message = await client.proposals.message(id, { body: options.body as string, offer });
        if (json) io.json(message);
        else io.success(`Offered ${describeOffer(message.offer, offer.currency ?? 'USD')} on proposal ${id}`);
      },
    },
    {
      kind: 'item',
      path: 'send',
      operationId: 'sendProposal',
      summary: 'Send a draft to the other side',
      examples: [`yardpass proposals send ${proposalId}`],
      id: true,
      done: 'Sent',
      call: (client, { id }) => client.proposals.send(id),
    },
    {
      kind: 'item',
      path: 'accept',
      operationId: 'acceptProposal',
      summary: 'Accept the latest offer, creating its order',
      examples: [`yardpass proposals accept ${proposalId} --yes`],
      id: true,
      confirm: (what, { item }) => {
        const offer = item?.latest_offer as Offer | null | undefined;
        return `Accept ${offer ? formatMoney(offer.price_cents, offer.currency ?? 'USD') : 'the offer'} on ${what}? This creates the order.`;
      },
      done: 'Accepted',
      call: (client, { id }) => client.proposals.accept(id),
    },
    {
      kind: 'item',
      path: 'reject',
      operationId: 'rejectProposal',
      summary: 'Reject the latest offer, closing the thread',
      examples: [`yardpass proposals reject ${proposalId} --reason "Over budget" --yes`],
      id: true,
      fields: [{ name: 'reason', description: 'Why, for the other side' }],
      confirm: (what) => `Reject ${what}? The thread closes for both sides.`,
      done: 'Rejected',
      call: (client, { id, body }) => client.proposals.reject(id, body),
    },
    {
      kind: 'item',
      path: 'withdraw',
      operationId: 'withdrawProposal',
      summary: 'Withdraw your offer, closing the thread',
      examples: [`yardpass proposals withdraw ${proposalId} --yes`],
      id: true,
      fields: [{ name: 'reason', description: 'Why, for the other side' }],
      confirm: (what) => `Withdraw ${what}? The thread closes for both sides.`,
      done: 'Withdrew',
      call: (client, { id, body }) => client.proposals.withdraw(id, body),
    },
    {
      kind: 'custom',
      path: 'negotiate',
      operationId: 'createProposalMessage',
      alsoPerforms: ['getProposal', 'acceptProposal', 'rejectProposal', 'sendProposal', 'withdrawProposal'],
      summary: 'Negotiate on a terminal: see the thread and whose turn it is, then counter, accept or reject',
      examples: [`yardpass proposals negotiate ${proposalId}`],
      confirm: true,
      configure: (command) => command.argument('[id]', 'The proposal'),
      run: negotiate,
    },
  ],
};
