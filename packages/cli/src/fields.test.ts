import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { coerce, readData, type Field } from './fields.js';

const field = (overrides: Partial<Field>): Field => ({ name: 'value', description: 'A value', ...overrides });
const stdin = (text: string) => Readable.from([text]);

describe('coerce', () => {
  it.each([
    [field({}), 'Austin', 'Austin'],
    [field({ nullable: true }), '', null],
    [field({ type: 'integer' }), '150000', 150000],
    [field({ type: 'list' }), ['a, b', 'c'], ['a', 'b', 'c']],
    [field({ type: 'json' }), '{"a":1}', { a: 1 }],
    [field({ type: 'time' }), '2026-07-01T20:00:00+02:00', '2026-07-01T18:00:00.000Z'],
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
  ])('explains what is wrong with a bad value', (spec, raw, message) => {
    expect(() => coerce(spec, raw)).toThrow(message);
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
