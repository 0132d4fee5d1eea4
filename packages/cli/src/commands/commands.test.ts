import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isRecord, type JsonObject } from '../json.js';
import { resources } from './index.js';

// The contract, read the way the server reads it: every operation people call needs a command.
const spec = parse(readFileSync(new URL('../../../../openapi.yaml', import.meta.url), 'utf8')) as JsonObject;

interface Operation {
  operationId: string;
  internal: boolean;
  body: { properties: string[]; required: string[] } | undefined;
  query: string[];
}

function resolve(node: unknown): JsonObject {
  if (!isRecord(node)) return {};
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const target = ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((at, key) => (isRecord(at) ? at[key] : undefined), spec);
  return resolve(target);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

const operations: Operation[] = Object.values(resolve(spec.paths)).flatMap((pathItem) =>
  Object.entries(resolve(pathItem))
    .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
    .map(([, value]) => {
      const operation = resolve(value);
      const content = resolve(resolve(resolve(operation.requestBody).content)['application/json']);
      const schema = content.schema === undefined ? undefined : resolve(content.schema);
      return {
        operationId: String(operation.operationId),
        internal: operation['x-internal'] === true,
        body: schema && {
          properties: Object.keys(resolve(schema.properties)),
          required: strings(schema.required),
        },
        query: (Array.isArray(operation.parameters) ? operation.parameters : [])
          .map(resolve)
          .filter((parameter) => parameter.in === 'query')
          .map((parameter) => String(parameter.name))
          .filter((name) => name !== 'limit' && name !== 'starting_after'),
      };
    }),
);

const commands = resources.flatMap((resource) =>
  resource.commands.map((command) => ({ name: `${resource.name} ${command.path}`, command })),
);
const operationById = new Map(operations.map((operation) => [operation.operationId, operation]));

describe('the commands against openapi.yaml', () => {
  it('has a command for every operation that is not x-internal', () => {
    const implemented = new Set(commands.map(({ command }) => command.operationId));
    const missing = operations
      .filter((operation) => !operation.internal && !implemented.has(operation.operationId))
      .map((operation) => operation.operationId);
    expect(missing, `operations with no CLI command: ${missing.join(', ')}`).toEqual([]);
  });

  it.each(commands)('$name performs an operation of the contract', ({ command }) => {
    expect(operationById.get(command.operationId), command.operationId).toBeDefined();
  });

  it.each(commands.filter(({ command }) => command.kind === 'item'))(
    '$name has a flag for exactly the properties of its request body',
    ({ command }) => {
      const body = operationById.get(command.operationId)?.body;
      const fields = command.kind === 'item' ? (command.fields ?? []) : [];
      expect(fields.map((field) => field.name).sort()).toEqual([...(body?.properties ?? [])].sort());
      expect(
        fields
          .filter((field) => field.required)
          .map((field) => field.name)
          .sort(),
      ).toEqual([...(body?.required ?? [])].sort());
    },
  );

  it.each(commands.filter(({ command }) => command.kind === 'list'))(
    '$name has a flag for exactly the filters of its operation',
    ({ command }) => {
      const filters = command.kind === 'list' ? (command.filters ?? []) : [];
      expect(filters.map((field) => field.name).sort()).toEqual(
        [...(operationById.get(command.operationId)?.query ?? [])].sort(),
      );
    },
  );
});
