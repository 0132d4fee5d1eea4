import { readFile } from 'node:fs/promises';
import type { OperationBody, OperationId, OperationQuery } from '@yardpass/sdk';
import { Option } from 'commander';
import { usageError } from './errors.js';
import { isRecord, type JsonObject } from './json.js';

/** How a flag's text becomes the property's value. */
export type FieldType =
  'string' | 'integer' | 'number' | 'boolean' | 'list' | 'numbers' | 'json' | 'json-array' | 'time';

/**
 * One property of a request body or query, offered as a flag `--snake-name`, as the commands use it.
 * Tables declare fields as {@link BodyField} or {@link QueryField}, which check each one against the contract.
 */
export interface Field {
  /** The property's name in the API, e.g. `starts_at` (the flag is `--starts-at`). */
  name: string;
  description: string;
  /** Absent for a string. */
  type?: FieldType;
  /** Must be given when creating; asked for on a terminal, else a usage error naming the flag. */
  required?: boolean;
  choices?: readonly string[];
  /** An empty value (`--city ""`) sends `null`, clearing the property. */
  nullable?: boolean;
  /** The value is the id of a resource of this group (e.g. `events`); on a terminal, chosen from a list. */
  ref?: string;
}

/** The `type` (and `choices`) that fit a property whose value in the contract is `V`. */
type TypeFor<V> = [V] extends [number]
  ? { type: 'integer' | 'number' }
  : [V] extends [boolean]
    ? { type: 'boolean' }
    : [V] extends [readonly string[]]
      ? { type: 'list' }
      : [V] extends [readonly number[]]
        ? { type: 'numbers' }
        : [V] extends [string]
          ? { type?: 'string' | 'time'; choices?: readonly V[] }
          : [V] extends [readonly unknown[]]
            ? { type: 'json-array' }
            : { type: 'json' };

/** The field for property `Name` of value `V`: `nullable` only where the contract allows `null`. */
type FieldFor<Name extends string, V> = Omit<Field, 'name' | 'type' | 'choices' | 'nullable'> & {
  name: Name;
} & TypeFor<NonNullable<V>> &
  (null extends V ? { nullable?: boolean } : { nullable?: false });

/** A field of object type `Shape`: the name is one of its properties and the type fits that property. */
export type FieldOf<Shape> = [Shape] extends [never]
  ? never
  : { [P in keyof Shape & string]-?: FieldFor<P, Shape[P]> }[keyof Shape & string];

/**
 * A property of operation `K`'s request body, checked against the SDK's types (generated from openapi.yaml):
 * a property renamed or retyped in the contract fails the CLI's build.
 *
 * @example
 * ```ts
 * const fields: readonly BodyField<'createEvent'>[] = [{ name: 'title', description: 'Title', required: true }];
 * ```
 */
export type BodyField<K extends OperationId> = FieldOf<OperationBody<K>>;

/** A query parameter of operation `K`, checked like {@link BodyField}. */
export type QueryField<K extends OperationId> = FieldOf<OperationQuery<K>>;

/** What a flag's raw values look like after commander: repeated list flags accumulate. */
type Raw = string | string[];

export function flagOf(field: Field): string {
  return `--${field.name.replace(/_/g, '-')}`;
}

/** The flag for a field; `clearable` mentions that an empty value clears it (not said when creating). */
export function optionFor(field: Field, options: { clearable: boolean }): Option {
  const placeholder =
    field.type === 'list' || field.type === 'numbers'
      ? 'values'
      : field.type === 'json' || field.type === 'json-array'
        ? 'json'
        : (field.type ?? 'value');
  const notes = [
    field.type === 'list' || field.type === 'numbers' ? 'comma-separated or repeated' : undefined,
    field.required ? 'required' : undefined,
    field.nullable && options.clearable ? 'empty to clear' : undefined,
  ].filter(Boolean);
  const description = notes.length ? `${field.description} (${notes.join('; ')})` : field.description;
  const option = new Option(`${flagOf(field)} <${placeholder}>`, description);
  if (field.choices) option.choices(field.choices);
  if (field.type === 'boolean') option.choices(['true', 'false']);
  if (field.type === 'list' || field.type === 'numbers')
    option.argParser((value: string, previous: Raw | undefined) => [...toArray(previous), value]);
  return option;
}

/** Turns one flag's raw text into the JSON value the API expects, or says exactly what is wrong. */
export function coerce(field: Field, raw: Raw): unknown {
  const flag = flagOf(field);
  const text = Array.isArray(raw) ? raw.join(',') : raw;
  if (field.nullable && text === '') return null;
  switch (field.type) {
    case 'integer': {
      if (!/^-?\d+$/.test(text.trim())) {
        const hint = field.name.endsWith('_cents') ? ' of minor units, e.g. 150000 for 1,500.00' : '';
        throw usageError(`${flag} must be a whole number${hint}; got "${text}".`);
      }
      return Number(text);
    }
    case 'number':
    case 'numbers': {
      const numbers = text.split(',').map((item) => item.trim());
      if (numbers.some((item) => !/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(item)))
        throw usageError(
          `${flag} must be ${field.type === 'number' ? 'a number' : 'numbers'}, e.g. 0.75; got "${text}".`,
        );
      return field.type === 'number' ? Number(text) : numbers.map(Number);
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false')
        throw usageError(`${flag} must be true or false; got "${text}".`);
      return text === 'true';
    case 'list':
      return text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
    case 'json':
      return parseJsonObject(text, flag);
    case 'json-array':
      return parseJsonArray(text, flag);
    case 'time': {
      const date = new Date(text);
      if (Number.isNaN(date.getTime())) {
        throw usageError(`${flag} must be a date and time, e.g. 2026-07-01T18:00:00Z; got "${text}".`);
      }
      return date.toISOString();
    }
    default:
      // Every `currency` of the contract is an ISO 4217 code: refuse a made-up one before any request.
      return field.name === 'currency' ? currencyCode(text, flag) : text;
  }
}

let currencies: ReadonlySet<string> | undefined;

/** `usd` → `USD`; a code Intl does not know (`XYZ`) is a usage error. */
export function currencyCode(text: string, flag: string): string {
  const code = text.trim().toUpperCase();
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  if (!currencies.has(code))
    throw usageError(`${flag} must be an ISO 4217 currency code, e.g. USD or EUR; got "${text}".`);
  return code;
}

/** `--data` as inline JSON, `@file.json`, or `-` for standard input. */
export async function readData(source: string, stdin: AsyncIterable<string | Uint8Array>): Promise<unknown> {
  const where = source === '-' ? 'standard input' : source.startsWith('@') ? source.slice(1) : undefined;
  let text = source;
  if (source === '-') text = await readText(stdin);
  else if (where) {
    try {
      text = await readFile(where, 'utf8');
    } catch (error) {
      throw usageError(`--data: cannot read ${where} (${(error as Error).message}).`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw usageError(`--data: ${where ?? 'the value'} is not valid JSON (${(error as Error).message}).`);
  }
}

function parseJsonObject(text: string, what: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw usageError(`${what} must be a JSON object (${(error as Error).message}).`);
  }
  if (!isRecord(value)) throw usageError(`${what} must be a JSON object, e.g. {"key": "value"}.`);
  return value;
}

/** A list of objects (SLA terms, say), as a JSON array; the server checks each item. */
function parseJsonArray(text: string, what: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw usageError(`${what} must be a JSON array (${(error as Error).message}).`);
  }
  if (!Array.isArray(value)) throw usageError(`${what} must be a JSON array, e.g. [{"key": "value"}].`);
  return value;
}

export async function readText(stream: AsyncIterable<string | Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

function toArray(value: Raw | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The same fields with none required, for updates. */
export function optional<F extends Field>(fields: readonly F[]): F[] {
  return fields.map((field) => ({ ...field, required: false }));
}
