import { createHmac, randomBytes } from 'node:crypto';
import type { WebhookEventType } from '@yardpass/sdk';
import { usageError } from '../errors.js';
import { optional, type BodyField } from '../fields.js';
import type { JsonObject } from '../json.js';
import { detail, formatTime, table, type Io } from '../output.js';
import type { CustomRun, Resource } from './resource.js';

const endpointId = '3f6c2a9e-8b1d-4c7e-a5f0-9d2b7e4c1a38';
const eventId = '8a1f5c3e-2d7b-4e9a-b6c0-5f3d1e8a2b7c';
const deliveryId = 'c4e8a2f6-1b9d-4f3a-8e7c-2a6b0d4f9e15';

const endpointFields: readonly BodyField<'createWebhookEndpoint'>[] = [
  { name: 'url', description: 'Where events are POSTed (https)', required: true },
  { name: 'description', description: 'What the endpoint is for', nullable: true },
  {
    name: 'event_types',
    description: 'Only these event types (default all; see `yardpass webhooks event-types`)',
    type: 'list',
    nullable: true,
  },
  { name: 'enabled', description: 'true or false (default true)', type: 'boolean' },
];

/** The item shown by `get` commands: its fields, then one table row per delivery or attempt. */
function printWithRows(io: Io, title: string, item: JsonObject, rowsKey: string, columns: string[]): void {
  const { [rowsKey]: rows, ...rest } = item;
  io.print(detail({ item: rest, title, io }));
  if (Array.isArray(rows) && rows.length > 0) {
    io.print('');
    io.print(table({ items: rows as JsonObject[], columns, io }));
  }
}

function requireArg(args: readonly string[], name: string): string {
  const [value] = args;
  if (!value) throw usageError(`Missing ${name}.`);
  return value;
}

/** `v1,<base64 HMAC-SHA256 of id.timestamp.body>` keyed with the secret's bytes (Standard Webhooks). */
function signature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** `webhooks listen`: streams the organization's events and POSTs each, signed, to a local URL. */
async function listen(input: CustomRun): Promise<void> {
  const { client, options, io, json, profile } = input;
  // Like `stripe listen`: the URL and the secret are kept for the profile, so a backend configured with
  // the secret once keeps verifying after a restart.
  const kept = profile.stored.listen;
  const forwardTo = (options.forwardTo as string | undefined) ?? kept?.forward_to;
  if (!forwardTo)
    throw usageError(
      'Missing --forward-to: the local URL to send events to, e.g. http://localhost:4242/webhooks (kept for the profile after this run).',
    );
  if (!/^https?:\/\//.test(forwardTo))
    throw usageError(
      `--forward-to must be an http(s) URL, e.g. http://localhost:4242/webhooks (got ${forwardTo}).`,
    );
  if (new URL(forwardTo).origin === new URL(profile.baseUrl).origin)
    throw usageError(
      `--forward-to is the Yardpass server itself (${profile.baseUrl}); forward to your own backend, e.g. http://localhost:4242/webhooks.`,
    );
  const secret =
    (options.secret as string | undefined) ?? kept?.secret ?? `whsec_${randomBytes(24).toString('base64')}`;
  if (!secret.startsWith('whsec_')) throw usageError('--secret must be a whsec_… signing secret.');
  if (kept?.forward_to !== forwardTo || kept.secret !== secret)
    await profile.save({ listen: { forward_to: forwardTo, secret } });
  const types = (options.events as string | undefined)
    ?.split(',')
    .map((type) => type.trim())
    .filter(Boolean);
  let announced = false;
  const stream = client.webhooks.events.stream({
    types: types as WebhookEventType[] | undefined,
    onConnect: () => {
      if (announced) return io.note('Reconnected; resuming after the last event.');
      announced = true;
      io.note(`Ready! Forwarding events to ${forwardTo}${types ? ` (${types.join(', ')})` : ''}.`);
      io.note(
        `Your webhook signing secret is ${secret} (kept for profile "${profile.name}"; --secret changes it; ^C to stop)`,
      );
    },
  });
  for await (const event of stream) {
    const body = JSON.stringify(event);
    const timestamp = Math.floor(Date.now() / 1000);
    let outcome: { status: number | null; error?: string };
    try {
      const response = await fetch(forwardTo, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
        headers: {
          'content-type': 'application/json',
          'webhook-id': event.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signature(secret, event.id, timestamp, body),
          'x-yardpass-event': event.type,
        },
        body,
      });
      await response.arrayBuffer();
      outcome = { status: response.status };
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause;
      outcome = { status: null, error: (cause ?? (error as Error)).message };
    }
    if (json) io.json({ id: event.id, type: event.type, created_at: event.created_at, ...outcome });
    else {
      const result =
        outcome.status === null
          ? io.out.red(`error: ${outcome.error}`)
          : outcome.status < 300
            ? io.out.green(String(outcome.status))
            : io.out.red(String(outcome.status));
      io.print(`${formatTime(event.created_at)}  --> ${event.type} [${event.id}]  <-- ${result}`);
    }
  }
}

export const webhooks: Resource = {
  name: 'webhooks',
  noun: 'webhook endpoint',
  summary: 'Webhooks to your backend: endpoints, events, deliveries, replays, and a local listener',
  label: ['url', 'description'],
  retrieve: (client, id) => client.webhooks.endpoints.retrieve(id),
  commands: [
    {
      kind: 'list',
      path: 'endpoints list',
      operationId: 'listWebhookEndpoints',
      summary: 'List webhook endpoints (never their secrets)',
      examples: ['yardpass webhooks endpoints list', 'yardpass webhooks endpoints list --json'],
      columns: ['id', 'url', 'enabled', 'disabled_reason', 'event_types', 'failing_since'],
      call: (client, query) => client.webhooks.endpoints.list(query),
    },
    {
      kind: 'item',
      path: 'endpoints create',
      operationId: 'createWebhookEndpoint',
      summary: 'Create a webhook endpoint; its signing secret is shown only once',
      examples: [
        'yardpass webhooks endpoints create --url https://example.com/hooks',
        'yardpass webhooks endpoints create --url https://example.com/hooks --event-types order.funded --event-types payout.completed',
      ],
      fields: endpointFields,
      done: 'Created',
      notice:
        'Copy the secret now: it is never shown again (rotate it with `webhooks endpoints rotate-secret`).',
      call: (client, { body }) => client.webhooks.endpoints.create(body),
    },
    {
      kind: 'item',
      path: 'endpoints get',
      operationId: 'getWebhookEndpoint',
      summary: 'Show a webhook endpoint',
      examples: [`yardpass webhooks endpoints get ${endpointId}`],
      id: true,
      call: (client, { id }) => client.webhooks.endpoints.retrieve(id),
    },
    {
      kind: 'item',
      path: 'endpoints update',
      operationId: 'updateWebhookEndpoint',
      summary: 'Change a webhook endpoint, or enable or disable it',
      examples: [
        `yardpass webhooks endpoints update ${endpointId} --enabled true`,
        `yardpass webhooks endpoints update ${endpointId} --event-types ""`,
      ],
      id: true,
      fields: optional(endpointFields),
      partial: true,
      done: 'Updated',
      call: (client, { id, body }) => client.webhooks.endpoints.update(id, body),
    },
    {
      kind: 'item',
      path: 'endpoints delete',
      operationId: 'deleteWebhookEndpoint',
      summary: 'Delete a webhook endpoint',
      examples: [`yardpass webhooks endpoints delete ${endpointId} --yes`],
      id: true,
      confirm: (what) => `Delete ${what}? Events will no longer be sent to it.`,
      done: 'Deleted',
      silent: true,
      call: (client, { id }) => client.webhooks.endpoints.del(id),
    },
    {
      kind: 'item',
      path: 'endpoints rotate-secret',
      operationId: 'rotateWebhookEndpointSecret',
      summary:
        'Issue a new signing secret; the old one keeps signing beside it for the overlap (default 24 h)',
      examples: [
        `yardpass webhooks endpoints rotate-secret ${endpointId}`,
        `yardpass webhooks endpoints rotate-secret ${endpointId} --overlap-seconds 0 --yes`,
      ],
      id: true,
      fields: [
        {
          name: 'overlap_seconds',
          description: 'How long the old secret keeps signing (default 86400)',
          type: 'integer',
        },
      ],
      confirm: (what) => `Rotate the signing secret of ${what}?`,
      done: 'Rotated the secret of',
      notice: 'Copy the new secret now: it is never shown again.',
      call: (client, { id, body }) => client.webhooks.endpoints.rotateSecret(id, body),
    },
    {
      kind: 'item',
      path: 'endpoints test',
      operationId: 'testWebhookEndpoint',
      summary: 'Send a ping event to a webhook endpoint',
      examples: [`yardpass webhooks endpoints test ${endpointId}`],
      id: true,
      done: 'Sent a ping to',
      call: (client, { id }) => client.webhooks.endpoints.test(id),
    },
    {
      kind: 'custom',
      path: 'endpoints replay-failed',
      operationId: 'replayFailedWebhookDeliveries',
      summary: 'Send again every failed or dead-lettered delivery to an endpoint since a time',
      examples: [`yardpass webhooks endpoints replay-failed ${endpointId} --since 2026-01-01T00:00:00Z`],
      configure: (command) =>
        command
          .argument('[id]', 'The endpoint')
          .option('--since <time>', 'Deliveries of events created at or after this time')
          .option('--until <time>', 'Deliveries of events created before this time (default now)'),
      async run(input) {
        const { client, options, io, json } = input;
        const id = await input.chooseId({ resource: 'webhooks', given: input.args[0], name: '<id>' });
        const since = options.since as string | undefined;
        if (!since) throw usageError('Missing --since: replay deliveries of events created since when?');
        const result = await client.webhooks.endpoints.replayFailed(id, {
          since,
          ...(options.until ? { until: options.until as string } : {}),
        });
        if (json) io.json(result);
        else io.success(`Queued ${result.replayed} deliveries again`);
      },
    },
    {
      kind: 'list',
      path: 'event-types',
      operationId: 'listWebhookEventTypes',
      summary: 'List the event types (with --json: each with the JSON Schema of its payload)',
      examples: ['yardpass webhooks event-types', 'yardpass webhooks event-types --json'],
      columns: ['type', 'description'],
      call: (client) => client.webhooks.eventTypes.list(),
    },
    {
      kind: 'list',
      path: 'events list',
      operationId: 'listWebhookEvents',
      summary: 'List webhook events, newest first',
      examples: ['yardpass webhooks events list', 'yardpass webhooks events list --type order.funded'],
      filters: [{ name: 'type', description: 'Only events of this type' }],
      columns: ['id', 'type', { key: 'created_at', header: 'CREATED', as: 'time' }],
      call: (client, query) => client.webhooks.events.list(query),
    },
    {
      kind: 'custom',
      path: 'events get',
      operationId: 'getWebhookEvent',
      summary: 'Show an event with its deliveries',
      examples: [`yardpass webhooks events get ${eventId}`, `yardpass webhooks events get ${eventId} --json`],
      configure: (command) => command.argument('<id>', 'The event'),
      async run({ client, args, io, json }) {
        const event = await client.webhooks.events.retrieve(requireArg(args, '<id>'));
        if (json) return io.json(event);
        const { data: _data, ...shown } = event;
        printWithRows(io, `${event.type} ${event.id}`, shown, 'deliveries', [
          'id',
          'endpoint_id',
          'status',
          'attempt_count',
          'next_attempt_at',
          'last_error',
        ]);
      },
    },
    {
      kind: 'list',
      path: 'deliveries list',
      operationId: 'listWebhookDeliveries',
      summary: 'List deliveries, newest first (--status dead for the dead letters)',
      examples: [
        'yardpass webhooks deliveries list --status dead',
        `yardpass webhooks deliveries list --endpoint-id ${endpointId}`,
      ],
      filters: [
        {
          name: 'status',
          description: 'Only deliveries in this state',
          choices: ['pending', 'failed', 'succeeded', 'dead'],
        },
        { name: 'endpoint_id', description: 'Only deliveries to this endpoint' },
        { name: 'event_id', description: 'Only deliveries of this event' },
      ],
      columns: [
        'id',
        'event_type',
        'endpoint_id',
        'status',
        'attempt_count',
        { key: 'last_attempt_at', header: 'LAST ATTEMPT', as: 'time' },
        'last_error',
      ],
      call: (client, query) => client.webhooks.deliveries.list(query),
    },
    {
      kind: 'custom',
      path: 'deliveries get',
      operationId: 'getWebhookDelivery',
      summary: 'Show a delivery with every attempt (status, latency, response, error)',
      examples: [`yardpass webhooks deliveries get ${deliveryId}`],
      configure: (command) => command.argument('<id>', 'The delivery'),
      async run({ client, args, io, json }) {
        const delivery = await client.webhooks.deliveries.retrieve(requireArg(args, '<id>'));
        if (json) return io.json(delivery);
        printWithRows(io, `delivery ${delivery.id}`, delivery, 'attempts', [
          'attempt',
          'attempted_at',
          'status_code',
          'latency_ms',
          'error',
        ]);
      },
    },
    {
      kind: 'custom',
      path: 'replay',
      operationId: 'replayWebhookDelivery',
      summary: 'Send a delivery again now (e.g. a dead letter, once your endpoint is fixed)',
      examples: [`yardpass webhooks replay ${deliveryId}`],
      configure: (command) => command.argument('<delivery-id>', 'The delivery to send again'),
      async run({ client, args, io, json }) {
        const delivery = await client.webhooks.deliveries.replay(requireArg(args, '<delivery-id>'));
        if (json) io.json(delivery);
        else io.success(`Queued delivery ${delivery.id} of ${delivery.event_type} again`);
      },
    },
    {
      kind: 'custom',
      path: 'trigger',
      operationId: 'triggerWebhookEvent',
      summary: 'Make the server emit a sample event of a type to your own endpoints',
      examples: ['yardpass webhooks trigger order.funded', 'yardpass webhooks trigger ping --json'],
      configure: (command) =>
        command.argument('<type>', 'An event type (see `yardpass webhooks event-types`)'),
      async run({ client, args, io, json }) {
        const type = requireArg(args, '<type>');
        const event = await client.webhooks.events.trigger({ type });
        if (json) io.json(event);
        else io.success(`Triggered ${event.type} ${event.id}`);
      },
    },
    {
      kind: 'custom',
      path: 'listen',
      operationId: 'streamWebhookEvents',
      summary: "Forward your organization's events, signed, to a local URL as they happen",
      examples: [
        'yardpass webhooks listen --forward-to http://localhost:4242/webhooks',
        'yardpass webhooks listen --events order.funded,payout.completed',
        'yardpass webhooks listen --forward-to http://localhost:4242/webhooks --secret whsec_… --json',
      ],
      configure: (command) =>
        command
          .option('--forward-to <url>', 'The local URL to POST each event to (kept for the profile)')
          .option('--events <types>', 'Comma-separated event types (default all)')
          .option(
            '--secret <whsec>',
            'Sign with this secret instead of the one kept for the profile (made on first use)',
          ),
      run: listen,
    },
  ],
};
