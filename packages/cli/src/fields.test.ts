import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Yardpass } from '@yardpass/sdk';
import type { Resource } from './commands/resource.js';
import { coerce, readData, type BodyField, type Field, type QueryField } from './fields.js';

const field = (overrides: Partial<Field>): Field => ({ name: 'value', description: 'A value', ...overrides });
const stdin = (text: string) => Readable.from([text]);

describe('coerce', () => {
  it.each([
    [field({}), 'Austin', 'Austin'],
    [field({ nullable: true }), '', null],
    [field({ type: 'integer' }), '150000', 150000],
    [field({ type: 'list' }), ['a, b', 'c'], ['a', 'b', 'c']],
    [field({ type: 'json' }), '{"a":1}', { a: 1 }],
    [field({ type: 'json-array' }), '[{"metric":"leads","target":4}]', [{ metric: 'leads', target: 4 }]],
    [field({ type: 'time' }), '2026-07-01T20:00:00+02:00', '2026-07-01T18:00:00.000Z'],
    [field({ type: 'boolean' }), 'false', false],
    [field({ name: 'currency' }), 'usd', 'USD'],
    [field({ name: 'currency' }), 'EUR', 'EUR'],
  ])('turns %j with %j into %j', (spec, raw, expected) => {
    expect(coerce(spec, raw)).toEqual(expected);
  });

  it.each([
    [
      field({ name: 'price_cents', type: 'integer' }),
      '15.00',
      '--price-cents must be a whole number of minor units',
    ],
    [field({ name: 'starts_at', type: 'time' }), 'tomorrow', '--starts-at must be a date and time'],
    [field({ name: 'target_audience', type: 'json' }), '"x"', '--target-audience must be a JSON object'],
    [
      field({ name: 'sla_terms', type: 'json-array' }),
      '{"metric":"leads"}',
      '--sla-terms must be a JSON array',
    ],
    [field({ name: 'enabled', type: 'boolean' }), 'yes', '--enabled must be true or false'],
    [field({ name: 'currency' }), 'XYZ', '--currency must be an ISO 4217 currency code'],
  ])('explains what is wrong with a bad value', (spec, raw, message) => {
    expect(() => coerce(spec, raw)).toThrow(message);
  });
});

// Checked by `pnpm --filter @yardpass/cli typecheck`: the tables' fields come from the SDK's request types,
// so a property renamed or retyped in openapi.yaml fails the CLI's build.
describe('BodyField and QueryField', () => {
  it('accepts only properties of the operation, with a type that fits each', () => {
    const fields: readonly BodyField<'createEvent'>[] = [
      { name: 'title', description: 'Title', required: true },
      { name: 'starts_at', description: 'Start', type: 'time' },
      { name: 'brand_safety_tags', description: 'Tags', type: 'list' },
      // @ts-expect-error createEvent has no `name` (a renamed property in the contract fails here)
      { name: 'name', description: 'Name' },
      // @ts-expect-error `title` is a string in the contract, not an integer
      { name: 'title', description: 'Title', type: 'integer' },
      // @ts-expect-error `title` cannot be null, so the flag may not clear it
      { name: 'title', description: 'Title', nullable: true },
    ];
    const filters: readonly QueryField<'listSponsors'>[] = [
      { name: 'visibility', description: 'Visibility', choices: ['public', 'private'] },
      // @ts-expect-error `hidden` is not a visibility of the contract
      { name: 'visibility', description: 'Visibility', choices: ['hidden'] },
    ];
    expectTypeOf<BodyField<'createEvent'>['name']>().toEqualTypeOf<
      Extract<keyof Parameters<Yardpass['events']['create']>[0], string>
    >();
    expect([...fields, ...filters].map((spec) => spec.name)).toContain('starts_at');
  });

  it('types the body a command hands to its SDK method by its operationId', () => {
    const resource: Resource = {
      name: 'events',
      noun: 'event',
      summary: 'Events',
      label: ['title'],
      commands: [
        {
          kind: 'item',
          path: 'create',
          operationId: 'createEvent',
          summary: 'Create',
          examples: [],
          fields: [{ name: 'title', description: 'Title', required: true }],
          call: (client, { body }) => {
            expectTypeOf(body.title).toEqualTypeOf<string>();
            return client.events.create(body);
          },
        },
        {
          kind: 'item',
          path: 'sponsor',
          operationId: 'createSponsor',
          summary: 'Create a sponsor',
          examples: [],
          // @ts-expect-error the fields of createSponsor, not createEvent
          fields: [{ name: 'title', description: 'Title' }],
          // @ts-expect-error a sponsor's body is not an event's
          call: (client, { body }) => client.events.create(body),
        },
      ],
    };
    expect(resource.commands.map((command) => command.operationId)).toEqual(['createEvent', 'createSponsor']);
  });
});

describe('readData', () => {
  it('reads inline JSON, a file after @, or standard input for -', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'yardpass-data-')), 'body.json');
    await writeFile(file, '{"from":"file"}');
    expect(await readData('{"from":"inline"}', stdin(''))).toEqual({ from: 'inline' });
    expect(await readData(`@${file}`, stdin(''))).toEqual({ from: 'file' });
    expect(await readData('-', stdin('{"from":"stdin"}'))).toEqual({ from: 'stdin' });
  });
});
