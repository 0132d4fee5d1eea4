import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument, visit } from 'yaml';
import { z } from 'zod';
import type { FieldError } from './errors';
import type { operations } from './generated/openapi';

export type OperationId = keyof operations;

export type JsonSchema = Record<string, unknown>;
interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JsonSchema;
  $ref?: string;
}
interface OperationObject {
  operationId: OperationId;
  security?: unknown[];
  'x-rate-limit-bucket'?: 'read' | 'write' | 'report';
  'x-platform-operator'?: boolean;
  parameters?: ParameterObject[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: JsonSchema }> }>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject | ParameterObject[]>>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, ParameterObject>;
    responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
  };
}

/** One operation of the contract, with the validators derived from it. */
export interface Operation {
  id: OperationId;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The contract's path, e.g. `/v1/sponsorship-packages/{id}:publish`. */
  path: string;
  /** False for operations with `security: []` (health, metrics, the contract itself). */
  authenticated: boolean;
  pathParams: string[];
  query: z.ZodType<Record<string, unknown>> | undefined;
  queryTypes: Record<string, string>;
  body: z.ZodType | undefined;
  bodyRequired: boolean;
  /** What the schemas let through but PostgreSQL cannot store, for the query and the body (see `unstorable`). */
  unstorable(part: 'query' | 'body', value: unknown): FieldError[];
  /** Schemas of the JSON success answers by status, used to check responses in tests. */
  responses: Map<number, z.ZodType>;
  /** `x-rate-limit-bucket`, for operations costlier than their method suggests (reports). */
  rateLimitBucket: 'read' | 'write' | 'report' | undefined;
  /** `x-platform-operator`: a platform operator key may call it (operators may call nothing else). */
  forOperators: boolean;
}

/** openapi.yaml sits beside the bundle in dist, and at the repository root in source. */
export function specPath(): string {
  const candidates = ['./openapi.yaml', '../../../openapi.yaml', '../openapi.yaml'];
  for (const candidate of candidates) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error('openapi.yaml not found beside the server');
}

export interface Spec {
  document: OpenApiDocument;
  yaml: string;
  operations: Operation[];
  /** A validator for any schema of the contract (its `$ref`s resolve against components.schemas). */
  validator(schema: JsonSchema): z.ZodType;
}

/** Reads the contract and derives, once at start-up, the validators every request goes through. */
/**
 * The YAML's values as plain data, every Latin-1 string stored one byte a character. The contract has a few
 * non-ASCII characters, so V8 holds its text two bytes a character and so would every name sliced from it; the
 * first copy of a property name is the one V8 keeps, and one two-byte name (`max_per_sponsor`, read back from
 * a JSON column) makes `JSON.stringify` build the whole answer two bytes a character: twice the memory and
 * a slower write, on every list of packages.
 */
function parseYaml(text: string): unknown {
  const document = parseDocument(text);
  visit(document, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && LATIN1.test(node.value))
        node.value = Buffer.from(node.value, 'latin1').toString('latin1');
    },
  });
  return document.toJS();
}
const LATIN1 = /^[^\u0100-\uffff]*$/;

export function loadSpec(path = specPath()): Spec {
  const yaml = readFileSync(path, 'utf8');
  const document = parseYaml(yaml) as OpenApiDocument;
  const defs = document.components.schemas;
  // zod resolves `$ref`s against `$defs`; the contract keeps them under components.schemas.
  const toZod = (schema: JsonSchema) =>
    z.fromJSONSchema(
      JSON.parse(
        JSON.stringify({ ...schema, $defs: defs }).replaceAll('#/components/schemas/', '#/$defs/'),
      ) as JsonSchema,
    );
  const resolveParameter = (parameter: ParameterObject) =>
    parameter.$ref ? document.components.parameters[parameter.$ref.split('/').pop()!]! : parameter;

  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    const shared = (item.parameters as ParameterObject[] | undefined) ?? [];
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = item[method] as OperationObject | undefined;
      if (!op) continue;
      const parameters = [...shared, ...(op.parameters ?? [])].map(resolveParameter);
      const queryParameters = parameters.filter((parameter) => parameter.in === 'query');
      const querySchema: JsonSchema = {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          queryParameters.map((parameter) => [parameter.name, parameter.schema]),
        ),
        required: queryParameters
          .filter((parameter) => parameter.required)
          .map((parameter) => parameter.name),
      };
      const jsonBody = op.requestBody?.content['application/json']?.schema;
      const responses = new Map<number, z.ZodType>();
      for (const [status, response] of Object.entries(op.responses)) {
        const resolved = response.$ref
          ? document.components.responses[response.$ref.split('/').pop()!]!
          : response;
        const schema = resolved.content?.['application/json']?.schema;
        if (status.startsWith('2') && schema) responses.set(Number(status), toZod(schema));
      }
      operations.push({
        id: op.operationId,
        method,
        path,
        authenticated: !(Array.isArray(op.security) && op.security.length === 0),
        pathParams: parameters
          .filter((parameter) => parameter.in === 'path')
          .map((parameter) => parameter.name),
        query:
          queryParameters.length > 0 ? (toZod(querySchema) as z.ZodType<Record<string, unknown>>) : undefined,
        queryTypes: Object.fromEntries(
          queryParameters.map((parameter) => [
            parameter.name,
            typeof parameter.schema.type === 'string' ? parameter.schema.type : 'string',
          ]),
        ),
        body: jsonBody ? toZod(jsonBody) : undefined,
        bodyRequired: op.requestBody?.required ?? false,
        unstorable: (part, value) =>
          part === 'query'
            ? unstorable(value, [querySchema], defs, '/query')
            : unstorable(value, jsonBody ? [jsonBody] : [], defs, ''),
        responses,
        rateLimitBucket: op['x-rate-limit-bucket'],
        forOperators: op['x-platform-operator'] ?? false,
      });
    }
  }
  return { document, yaml, operations, validator: toZod };
}

const DATE = /^(\d{4})-\d{2}-\d{2}(?:[Tt ][\d:.]+(?:[Zz]|[+-](\d{2}):\d{2}))?$/;

/** The schemas a value must meet, with `$ref`s resolved and `allOf`/`anyOf`/`oneOf` flattened. */
function expand(schemas: JsonSchema[], defs: Record<string, JsonSchema>): JsonSchema[] {
  return schemas.flatMap((schema) => {
    const ref = typeof schema.$ref === 'string' ? defs[schema.$ref.split('/').pop()!] : undefined;
    const parts = ['allOf', 'anyOf', 'oneOf'].flatMap(
      (key) => (schema[key] as JsonSchema[] | undefined) ?? [],
    );
    return [schema, ...expand([...(ref ? [ref] : []), ...parts], defs)];
  });
}

/**
 * Valid by the contract, impossible for PostgreSQL: U+0000 in any text (a key or a value), and in `date` and
 * `date-time` fields the year 0000 or an offset beyond ±15:59. Refused before any SQL, with a pointer to each.
 */
export function unstorable(
  value: unknown,
  schemas: JsonSchema[],
  defs: Record<string, JsonSchema>,
  pointer: string,
): FieldError[] {
  const all = expand(schemas, defs);
  if (typeof value === 'string') {
    if (value.includes('\u0000'))
      return [
        {
          path: pointer || '/',
          message: 'Contains U+0000 (a NUL character), which cannot be stored; remove it.',
        },
      ];
    const date = all.some((schema) => schema.format === 'date-time' || schema.format === 'date')
      ? DATE.exec(value)
      : null;
    if (date && (date[1] === '0000' || Number(date[2] ?? 0) > 15))
      return [
        {
          path: pointer || '/',
          message: 'Out of range: use a year from 0001 and a UTC offset between -15:59 and +15:59.',
        },
      ];
    return [];
  }
  if (Array.isArray(value)) {
    const items = all.flatMap((schema) => (schema.items ? [schema.items as JsonSchema] : []));
    return value.flatMap((item, index) => unstorable(item, items, defs, `${pointer}/${index}`));
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const path = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (key.includes('\u0000'))
      return [
        {
          path: pointer || '/',
          message: 'The name contains U+0000 (a NUL character), which cannot be stored; remove it.',
        },
      ];
    const properties = all.flatMap((schema) => {
      const property = (schema.properties as Record<string, JsonSchema> | undefined)?.[key];
      const additional = schema.additionalProperties as JsonSchema | boolean | undefined;
      return property ? [property] : typeof additional === 'object' && additional ? [additional] : [];
    });
    return unstorable(item, properties, defs, path);
  });
}

/** Query strings carry text; turn numbers and booleans into what the contract's types expect. */
export function coerceQuery(
  raw: Record<string, string>,
  types: Record<string, string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    const type = types[name];
    if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) out[name] = Number(value);
    else if (type === 'boolean' && (value === 'true' || value === 'false')) out[name] = value === 'true';
    else out[name] = value;
  }
  return out;
}
