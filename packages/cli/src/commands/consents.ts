import { usageError } from '../errors.js';
import { table } from '../output.js';
import type { Resource } from './resource.js';
import { idOption } from './id-option.js';

const SCOPES = ['aggregated', 'cohort', 'pseudonymous'];

export const consents: Resource = {
  name: 'consents',
  noun: 'audience consent',
  summary: 'Which audience segments of an event may be shared with sponsors (age:18-24, city:Austin)',
  label: ['segment_key', 'scope'],
  commands: [
    {
      kind: 'custom',
      path: 'list',
      operationId: 'listAudienceConsents',
      summary: "List an event's audience consents",
      examples: ['yardpass consents list --event-id 5b8f0e1c-7a51-4c5e-9a55-1f6f0a6f9c21'],
      configure: (command) => idOption(command, 'event', 'The event'),
      async run(input) {
        const { client, options, json, io } = input;
        const id = await input.chooseId({
          resource: 'events',
          given: options.eventId as string | undefined,
          name: '--event-id',
        });
        const items = [];
        for await (const consent of client.audienceConsents.list(id, { limit: 100 })) items.push(consent);
        if (json) io.json(items);
        else if (items.length === 0) io.note('No consents: no audience segment of this event is shared.');
        else
          io.print(
            table({
              items,
              columns: ['id', 'segment_key', 'scope', { key: 'expires_at', header: 'EXPIRES', as: 'time' }],
              io,
            }),
          );
      },
    },
    {
      kind: 'custom',
      path: 'put',
      operationId: 'putAudienceConsent',
      summary: 'Consent to sharing a segment (or change when that consent expires)',
      examples: [
        'yardpass consents put --event-id <id> --segment age:18-24 --scope aggregated',
        'yardpass consents put --event-id <id> --segment city:Austin --scope cohort --expires-at 2027-01-01T00:00:00Z',
      ],
      configure: (command) =>
        idOption(command, 'event', 'The event')
          .option('--segment <key>', 'The segment, e.g. age:18-24 or city:Austin')
          .option('--scope <scope>', `One of ${SCOPES.join(', ')}`, 'aggregated')
          .option('--expires-at <time>', 'When the consent ends (default: never)'),
      async run(input) {
        const { client, options, json, io } = input;
        const id = await input.chooseId({
          resource: 'events',
          given: options.eventId as string | undefined,
          name: '--event-id',
        });
        const segment = options.segment as string | undefined;
        if (!segment) throw usageError('Missing --segment, e.g. --segment age:18-24.');
        const scope = options.scope as string;
        if (!SCOPES.includes(scope)) throw usageError(`--scope must be one of ${SCOPES.join(', ')}.`);
        const consent = await client.audienceConsents.put(id, {
          segment_key: segment,
          scope: scope as 'aggregated',
          expires_at: (options.expiresAt as string | undefined) ?? null,
        });
        if (json) io.json(consent);
        else io.success(`Consented: ${consent.segment_key} (${consent.scope})`);
      },
    },
    {
      kind: 'custom',
      path: 'delete',
      operationId: 'deleteAudienceConsent',
      summary: 'Withdraw a consent',
      examples: ['yardpass consents delete 2f1c… --event-id <id> --yes'],
      confirm: true,
      configure: (command) => idOption(command.argument('[consent-id]', 'The consent'), 'event', 'The event'),
      async run(input) {
        const { client, args, options, json, io } = input;
        const eventId = await input.chooseId({
          resource: 'events',
          given: options.eventId as string | undefined,
          name: '--event-id',
        });
        const consentId = args[0];
        if (!consentId)
          throw usageError('Missing <consent-id>: see `yardpass consents list --event-id <id>`.');
        await input.confirm(`Withdraw consent ${consentId}? The segment stops being shared at once.`);
        const result = await client.audienceConsents.del({ id: eventId, consent_id: consentId });
        if (json) io.json(result);
        else io.success('Withdrawn');
      },
    },
  ],
};
