import type { JsonObject } from '../json.js';
import { detail, table, type Io } from '../output.js';
import type { Resource } from './resource.js';
import { idOption } from './id-option.js';

interface EventStats {
  event_id: string;
  captured_at: string | null;
  metrics: Record<string, number>;
  snapshot_ids: Record<string, string>;
  audience: JsonObject;
}

function printStats(io: Io, stats: EventStats): void {
  if (stats.captured_at === null) {
    io.note('No rollup yet: send analytics, then `yardpass stats refresh`.');
    return;
  }
  const items = Object.entries(stats.metrics).map(([metric, value]) => ({
    metric,
    value,
    snapshot: stats.snapshot_ids[metric] ?? '',
  }));
  io.print(table({ items, columns: ['metric', 'value', 'snapshot'], io }));
  io.print('');
  io.print(
    detail({
      item: { captured_at: stats.captured_at, ...stats.audience, metrics: undefined },
      title: 'Shareable audience',
      io,
    }),
  );
}

export const stats: Resource = {
  name: 'stats',
  noun: 'stats',
  summary: 'Rolled-up event stats and the audience that may be shared',
  label: ['event_id'],
  commands: [
    {
      kind: 'custom',
      path: 'show',
      operationId: 'getEventStats',
      summary: "Show an event's latest metrics, their snapshot ids and its shareable audience",
      examples: [
        'yardpass stats show --event-id 5b8f0e1c-7a51-4c5e-9a55-1f6f0a6f9c21',
        'yardpass stats show --event-id <id> --json',
      ],
      configure: (command) =>
        idOption(command, 'event', 'The event')
          .option('--from <time>', 'Start of the series (default: 7 days before --to)')
          .option('--to <time>', 'End of the series (default: now)'),
      async run(input) {
        const { client, options, json, io } = input;
        const id = await input.chooseId({
          resource: 'events',
          given: options.eventId as string | undefined,
          name: '--event-id',
        });
        const query: { from?: string; to?: string } = {};
        if (typeof options.from === 'string') query.from = options.from;
        if (typeof options.to === 'string') query.to = options.to;
        const result = await client.stats.retrieve(id, query);
        if (json) io.json(result);
        else printStats(io, result);
      },
    },
    {
      kind: 'custom',
      path: 'refresh',
      operationId: 'refreshEventStats',
      summary: 'Roll up the event now instead of waiting for the hourly job',
      examples: ['yardpass stats refresh --event-id 5b8f0e1c-7a51-4c5e-9a55-1f6f0a6f9c21'],
      configure: (command) => idOption(command, 'event', 'The event'),
      async run(input) {
        const { client, options, json, io } = input;
        const id = await input.chooseId({
          resource: 'events',
          given: options.eventId as string | undefined,
          name: '--event-id',
        });
        const stop = io.spinner('Rolling up');
        const result = await client.stats.refresh(id).finally(stop);
        if (json) io.json(result);
        else {
          io.success(`Rolled up at ${result.captured_at ?? 'now'}`);
          printStats(io, result);
        }
      },
    },
  ],
};
