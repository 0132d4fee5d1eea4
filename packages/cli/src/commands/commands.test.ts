import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Yardpass } from '@yardpass/sdk';
import { isRecord, type JsonObject } from '../json.js';
import { resources } from './index.js';
import { commandsOf } from './resource.js';

// The contract, read the way the server reads it: every operation people call needs a command.
const spec = parse(readFileSync(new URL('../../../../openapi.yaml', import.meta.url), 'utf8')) as JsonObject;

interface Operation {
  operationId: string;
  /** `METHOD /path`, with `x` for each path parameter. */
  route: string;
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

const operations: Operation[] = Object.entries(resolve(spec.paths)).flatMap(([path, pathItem]) =>
  Object.entries(resolve(pathItem))
    .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
    .map(([method, value]) => {
      const operation = resolve(value);
      const content = resolve(resolve(resolve(operation.requestBody).content)['application/json']);
      const schema = content.schema === undefined ? undefined : resolve(content.schema);
      return {
        operationId: String(operation.operationId),
        route: `${method.toUpperCase()} ${path.replace(/\{\w+\}/g, 'x')}`,
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
  commandsOf(resource).map((command) => ({ name: `${resource.name} ${command.path}`, command })),
);
const operationById = new Map(operations.map((operation) => [operation.operationId, operation]));

describe('the commands against openapi.yaml', () => {
  it('has a command for every operation that is not x-internal', () => {
    const implemented = new Set<string>(
      commands.flatMap(({ command }) => [
        command.operationId,
        ...(command.kind === 'custom' ? (command.alsoPerforms ?? []) : []),
      ]),
    );
    const missing = operations
      .filter((operation) => !operation.internal && !implemented.has(operation.operationId))
      .map((operation) => operation.operationId);
    expect(missing, `operations with no CLI command: ${missing.join(', ')}`).toEqual([]);
  });

  it('names only operations of the spec', () => {
    const unknown = commands
      .flatMap(({ command }) => [
        command.operationId,
        ...(command.kind === 'custom' ? (command.alsoPerforms ?? []) : []),
      ])
      .filter((operationId) => !operationById.has(operationId));
    expect(unknown).toEqual([]);
  });

  // Custom commands (loops, streams, downloads) are tested by their own files.
  it.each(commands.filter(({ command }) => command.kind !== 'custom'))(
    '$name sends the operation it names',
    async ({ command }) => {
      const sent: string[] = [];
      const client = new Yardpass({
        apiKey: 'yp_test_x',
        baseUrl: 'http://yardpass.test',
        maxRetries: 0,
        fetch: (url, init) => {
          sent.push(`${init.method ?? 'GET'} ${new URL(url).pathname}`);
          const body =
            command.kind === 'list' ? { data: [], has_more: false, next_cursor: null } : { data: {} };
          return Promise.resolve(Response.json(body));
        },
      });
      if (command.kind === 'list') await command.call(client, {});
      else if (command.kind === 'item') await command.call(client, { id: 'x', body: {} });
      expect(sent).toEqual([operationById.get(command.operationId)?.route]);
    },
  );

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
