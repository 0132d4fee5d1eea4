import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestOrg, type TestServer } from '../../../test/server';
import { loadSpec, type JsonSchema, type Operation } from '../src/spec';
import { seedCommerce } from './commerce-fixtures';

/**
 * A fuzz test over every operation of openapi.yaml, derived from the contract alone: valid requests
 * generated from its schemas, then hostile mutations of them. Every answer must be listed for the operation,
 * match its schema and never be a 5xx; a refused request must write nothing.
 * `YARDPASS_FUZZ_CASES` sets the requests per operation (long runs: 500), `YARDPASS_FUZZ_SEED` replays a run.
 */
const CASES = Number(process.env.YARDPASS_FUZZ_CASES ?? 4);
const SEED = Number(process.env.YARDPASS_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

const spec = loadSpec();
const { schemas, parameters: sharedParameters } = spec.document.components;
const operations = spec.operations.filter((operation) => operation.authenticated);

interface RawOperation {
  parameters?: (JsonSchema & { $ref?: string })[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: JsonSchema }> }>;
}
const raw = (operation: Operation) =>
  spec.document.paths[operation.path]![operation.method] as unknown as RawOperation;

/** mulberry32: small, seedable, good enough to pick cases. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof random>;

const resolve = (schema: JsonSchema): JsonSchema =>
  typeof schema.$ref === 'string' ? resolve(schemas[schema.$ref.split('/').pop()!]!) : schema;

const NUMBERS = [1e308, 2 ** 63, -(2 ** 63), 2 ** 53 + 2, -1, 0, 1.5, -0.000001];
const DATES = [
  '9999-12-31T23:59:59+15:59',
  '0001-01-01T00:00:00-15:59',
  '2027-01-01T00:00:00+18:00',
  '0000-01-01T00:00:00Z',
  '2027-02-29T00:00:00Z',
  '1970-01-01T00:00:00.123456789Z',
];
const STRINGS = [
  'a\u0000b',
  '\u0001\u001b[31m\u007f',
  '\ud800',
  'x'.repeat(100_000),
  '',
  ' ',
  '🙂'.repeat(300),
];
const WRONG_TYPES: unknown[] = [[], {}, 'text', 42, true, null, [[[]]]];
const DEEP = '(deeply nested)';

/** What a case can draw ids from: ids of the caller's resources by list path, and other tenants' ids. */
interface Pools {
  own: Map<string, string[]>;
  foreign: string[];
}
const allOwn = (pools: Pools) => [...pools.own.values()].flat();

function sampleString(schema: JsonSchema, rng: Random, pools: Pools): string {
  const format = schema.format as string | undefined;
  if (format === 'uuid')
    return rng.chance(0.8) && allOwn(pools).length ? rng.pick(allOwn(pools)) : randomUUID();
  if (format === 'date-time') return new Date(Date.now() + rng.next() * 90 * 86_400_000).toISOString();
  if (format === 'date')
    return new Date(Date.now() + rng.next() * 90 * 86_400_000).toISOString().slice(0, 10);
  if (format === 'email') return `fuzz-${Math.floor(rng.next() * 1e9)}@example.com`;
  if (format === 'uri' || format === 'url') return 'https://example.com/fuzz';
  const min = (schema.minLength as number | undefined) ?? 1;
  const max = Math.max(min, Math.min((schema.maxLength as number | undefined) ?? 24, min + 16));
  if (typeof schema.pattern === 'string') {
    const pattern = new RegExp(schema.pattern);
    const fits = ['USD', 'EUR', 'fuzz', 'fuzz-slug', 'a', 'A1', '#336699', 'abc_123', 'GB']
      .concat(typeof schema.example === 'string' ? [schema.example] : [])
      .filter((value) => pattern.test(value) && value.length >= min && value.length <= max);
    if (fits.length) return rng.pick(fits);
  }
  const length = min + Math.floor(rng.next() * (max - min + 1));
  return 'fuzz yardpass '.repeat(Math.ceil(length / 14)).slice(0, length);
}

/** A value that the schema accepts (most of the time: formats and patterns are approximated). */
function sample(input: JsonSchema, rng: Random, pools: Pools, depth = 0): unknown {
  const schema = resolve(input);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return rng.pick(schema.enum as unknown[]);
  if (Array.isArray(schema.allOf)) {
    const parts = (schema.allOf as JsonSchema[]).map((part) => sample(part, rng, pools, depth));
    return parts.every((part) => part && typeof part === 'object' && !Array.isArray(part))
      ? Object.assign({}, ...parts)
      : parts.at(-1);
  }
  const choices = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  if (choices) return sample(rng.pick(choices), rng, pools, depth);
  let type = schema.type as string | string[] | undefined;
  if (Array.isArray(type))
    type = rng.chance(0.1) && type.includes('null') ? 'null' : type.find((t) => t !== 'null');
  type ??= schema.properties ? 'object' : schema.items ? 'array' : 'string';
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return rng.chance(0.5);
    case 'integer':
    case 'number': {
      const min =
        (schema.minimum as number | undefined) ?? ((schema.exclusiveMinimum as number | undefined) ?? -1) + 1;
      const max = (schema.maximum as number | undefined) ?? min + 100_000;
      const value = min + rng.next() * (Math.min(max, min + 100_000) - min);
      return type === 'integer' ? Math.floor(value) : value;
    }
    case 'array': {
      const min = (schema.minItems as number | undefined) ?? 0;
      const max = Math.min((schema.maxItems as number | undefined) ?? 3, min + 2);
      const count = depth > 3 ? min : min + Math.floor(rng.next() * (max - min + 1));
      const items = Array.from({ length: count }, () =>
        sample((schema.items as JsonSchema) ?? {}, rng, pools, depth + 1),
      );
      return schema.uniqueItems
        ? [...new Map(items.map((item) => [JSON.stringify(item), item])).values()]
        : items;
    }
    case 'object': {
      const required = new Set((schema.required as string[] | undefined) ?? []);
      const out: Record<string, unknown> = {};
      for (const [name, property] of Object.entries((schema.properties as Record<string, JsonSchema>) ?? {}))
        if (required.has(name) || (depth < 3 && rng.chance(0.5)))
          out[name] = sample(property, rng, pools, depth + 1);
      return out;
    }
    default:
      return sampleString(schema, rng, pools);
  }
}

interface Request {
  path: string;
  query: Record<string, string>;
  body: unknown;
  rawBody?: string;
  headers: Record<string, string>;
}

/** JSON pointers of the values in a body, as [parent, key] pairs a mutation can replace. */
function slots(value: unknown): [Record<string, unknown> | unknown[], string | number][] {
  if (!value || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  return entries.flatMap(([key, item]) => [[value as Record<string, unknown>, key] as const, ...slots(item)]);
}

function setSlot(
  request: Request,
  rng: Random,
  make: (current: unknown) => unknown,
  only?: (v: unknown) => boolean,
) {
  const candidates = slots(request.body).filter(([parent, key]) =>
    only ? only((parent as Record<string | number, unknown>)[key]) : true,
  );
  if (candidates.length) {
    const [parent, key] = rng.pick(candidates);
    (parent as Record<string | number, unknown>)[key] = make(
      (parent as Record<string | number, unknown>)[key],
    );
  } else if (request.body && typeof request.body === 'object' && !Array.isArray(request.body)) {
    (request.body as Record<string, unknown>).fuzz = make(undefined);
  } else {
    const names = Object.keys(request.query);
    const value = make(undefined);
    request.query[names.length ? rng.pick(names) : 'fuzz'] = (
      typeof value === 'string' ? value : JSON.stringify(value)
    ).slice(0, 2_000);
  }
}

const isDate = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value);
const isUuid = (value: unknown) => typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value);

/** The hostile changes a case can make to a valid request. */
const MUTATIONS: Record<string, (request: Request, rng: Random, pools: Pools) => void> = {
  'U+0000 and control characters': (request, rng) =>
    setSlot(
      request,
      rng,
      () => rng.pick(STRINGS),
      (v) => typeof v === 'string',
    ),
  'huge and negative numbers': (request, rng) =>
    setSlot(
      request,
      rng,
      () => rng.pick(NUMBERS),
      (v) => typeof v === 'number',
    ),
  'extreme dates and offsets': (request, rng) => {
    setSlot(request, rng, () => rng.pick(DATES), isDate);
    const dated = Object.keys(request.query).filter((name) => isDate(request.query[name]));
    if (dated.length) request.query[rng.pick(dated)] = rng.pick(DATES);
  },
  'wrong types': (request, rng) => setSlot(request, rng, () => rng.pick(WRONG_TYPES)),
  'deep nesting': (request, rng) => {
    // Built as text: 20,000 levels are more than JSON.stringify's recursion takes.
    setSlot(request, rng, () => DEEP);
    const nested = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    request.rawBody = JSON.stringify(request.body ?? {}).replace(`"${DEEP}"`, nested);
    for (const [name, value] of Object.entries(request.query))
      // Query strings stay under the HTTP server's header limit (16 KiB answers 431 before any route runs).
      if (value === DEEP) request.query[name] = nested.slice(19_500, 20_500);
  },
  'unknown fields': (request) => {
    request.rawBody = JSON.stringify(request.body ?? {}).replace(
      /^\{/,
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{}},"unknown_field":1,',
    );
  },
  "other tenants' ids": (request, rng, pools) => {
    request.path = request.path.replace(/[0-9a-f-]{36}/gi, () => rng.pick(pools.foreign));
    setSlot(request, rng, () => rng.pick(pools.foreign), isUuid);
  },
  'hostile query strings': (request, rng) => {
    const names = Object.keys(request.query);
    request.query[names.length && rng.chance(0.8) ? rng.pick(names) : 'unknown'] = rng.pick([
      ...STRINGS.slice(0, 3),
      ...DATES,
      '-1',
      '1e400',
      '[]',
      '%',
    ]);
  },
  'hostile headers': (request, rng) => {
    if (rng.chance(0.5)) request.headers['idempotency-key'] = rng.pick(['', 'k'.repeat(300)]);
    else request.headers['x-org-id'] = rng.pick(['not-a-uuid', '', randomUUID()]);
  },
  'broken JSON': (request, rng) => {
    request.rawBody = rng.pick(['{"a":', '[', 'null', '"text"', '{"a":1}{', '\u0000']);
  },
};

let server: TestServer;
let outsider: TestOrg;
let pools: Pools;
let fingerprintSql: string;

/** Lists every list operation of the contract as `org`, collecting ids by list path. */
async function collectIds(org: TestOrg): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  const lists = operations.filter(
    (op) =>
      op.method === 'get' &&
      op.pathParams.length === 0 &&
      !raw(op).responses['200']?.content?.['text/event-stream'],
  );
  for (const operation of lists) {
    const res = await api(server, org)('GET', operation.path);
    const rows: unknown = res.json?.data;
    if (!Array.isArray(rows)) continue;
    const ids = rows.flatMap((row: { id?: unknown }) => (typeof row?.id === 'string' ? [row.id] : []));
    if (ids.length) found.set(operation.path, ids);
  }
  return found;
}

const fingerprint = async () =>
  (await server.db.system((tx) => tx.query<{ f: string }>(fingerprintSql))).rows[0]!.f;

beforeAll(async () => {
  server = await startTestServer({
    YARDPASS_RATE_LIMIT_READ_PER_MINUTE: '10000000',
    YARDPASS_RATE_LIMIT_WRITE_PER_MINUTE: '10000000',
    YARDPASS_RATE_LIMIT_REPORT_PER_MINUTE: '10000000',
  });
  outsider = await server.createOrg('Outsider Ltd');
  const deal = await seedCommerce(server);
  await api(server, server.sponsor)('POST', '/v1/sponsorship-orders', {
    body: { package_id: deal.packageId, sponsor_id: deal.sponsorId },
  });
  await seedCommerce(server, { organizer: outsider, sponsorOrg: outsider });
  const own = await collectIds(server.organizer);
  // The fuzzer keeps its own credentials and membership: revoking them would turn every later case into a 401.
  own.delete('/v1/api-keys');
  own.delete('/v1/members');
  pools = { own, foreign: [...(await collectIds(outsider)).values()].flat() };

  // Rows and last changes of every table a request can write; idempotency and rate-limit records are
  // written for refused requests too, by design.
  const { rows } = await server.db.system((tx) =>
    tx.query<{ table_name: string; updated: boolean }>(
      `select t.table_name, exists (select 1 from information_schema.columns c
          where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'updated_at') as updated
         from information_schema.tables t
        where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
          and t.table_name not in ('idempotency_keys', 'rate_limit_counters', 'api_keys')`,
    ),
  );
  // An array, not concat_ws's arguments: a function takes at most 100, and there are more tables than that.
  fingerprintSql = `select array_to_string(array[${rows
    .map(({ table_name, updated }) => {
      const table = `"${table_name}"`;
      return `(select count(*) from ${table})::text${updated ? `, (select max(updated_at) from ${table})::text` : ''}`;
    })
    .join(', ')}], ',') as f`;
}, 120_000);
afterAll(() => server.close());

function buildRequest(operation: Operation, rng: Random): Request {
  const definition = raw(operation);
  const params = (definition.parameters ?? []).map((parameter) =>
    parameter.$ref ? sharedParameters[parameter.$ref.split('/').pop()!]! : parameter,
  ) as { name: string; in: string; required?: boolean; schema: JsonSchema }[];
  const listPath = operation.path.replace(/\/\{id\}.*$/, '');
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const ids = name === 'id' ? pools.own.get(listPath) : undefined;
    return encodeURIComponent(
      ids && rng.chance(0.8) ? rng.pick(ids) : rng.chance(0.7) ? rng.pick(allOwn(pools)) : randomUUID(),
    );
  });
  const query: Record<string, string> = {};
  for (const parameter of params.filter((p) => p.in === 'query'))
    if (parameter.required || rng.chance(0.4))
      query[parameter.name] = String(sample(parameter.schema, rng, pools));
  const schema = definition.requestBody?.content['application/json']?.schema;
  const headers: Record<string, string> = {};
  if (operation.method !== 'get' && rng.chance(0.5)) headers['idempotency-key'] = randomUUID();
  return { path, query, body: schema ? sample(schema, rng, pools) : undefined, headers };
}

const validators = new Map<JsonSchema, ReturnType<typeof spec.validator>>();
const validator = (schema: JsonSchema) => {
  if (!validators.has(schema)) validators.set(schema, spec.validator(schema));
  return validators.get(schema)!;
};

/** The schema the contract gives this operation's answer with this status, if the status is listed. */
function documented(operation: Operation, status: number, contentType: string) {
  const responses = raw(operation).responses;
  const response = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
  if (!response) return undefined;
  const resolved = response.$ref
    ? spec.document.components.responses[response.$ref.split('/').pop()!]!
    : response;
  const media = contentType.split(';')[0]!.trim();
  return { schema: resolved.content?.[media]?.schema, media, listed: Object.keys(resolved.content ?? {}) };
}

describe(`the contract under fuzzing (${CASES} cases per operation, YARDPASS_FUZZ_SEED=${SEED})`, () => {
  it.each(operations.map((operation) => [operation.id, operation] as const))(
    '%s never answers 5xx or off-contract, and a refusal writes nothing',
    async (id, operation) => {
      const rng = random(SEED + [...id].reduce((sum, char) => sum * 31 + char.charCodeAt(0), 0));
      const problems: string[] = [];
      for (let i = 0; i < CASES; i++) {
        const request = buildRequest(operation, rng);
        const mutation = i === 0 ? 'valid' : rng.pick(Object.keys(MUTATIONS));
        if (mutation !== 'valid') MUTATIONS[mutation]!(request, rng, pools);
        const search = new URLSearchParams(request.query).toString();
        const url = `${request.path}${search ? `?${search}` : ''}`;
        const before = await fingerprint();
        const abort = new AbortController();
        const res = await fetch(`${server.baseUrl}${url}`, {
          method: operation.method.toUpperCase(),
          headers: {
            authorization: `Bearer ${server.organizer.apiKey}`,
            ...(operation.body ? { 'content-type': 'application/json' } : {}),
            ...request.headers,
          },
          body: operation.body ? (request.rawBody ?? JSON.stringify(request.body ?? {})) : undefined,
          signal: abort.signal,
        });
        const contentType = res.headers.get('content-type') ?? '';
        // A stream stays open: its status and headers are the answer to check.
        const text = contentType.startsWith('text/event-stream') ? (abort.abort(), '') : await res.text();
        const where = `${mutation}: ${operation.method.toUpperCase()} ${url.slice(0, 200)} → ${res.status} ${text.slice(0, 300)}`;
        if (res.status >= 500) {
          problems.push(where);
          continue;
        }
        const expected = documented(operation, res.status, contentType);
        if (!expected) problems.push(`status not in the contract: ${where}`);
        else if (text && expected.media.endsWith('json')) {
          if (!expected.schema) problems.push(`content type ${contentType} not documented: ${where}`);
          else {
            const parsed = validator(expected.schema).safeParse(JSON.parse(text));
            if (!parsed.success)
              problems.push(
                `body off-contract (${JSON.stringify(parsed.error.issues).slice(0, 300)}): ${where}`,
              );
          }
        }
        if (res.status >= 400 && (await fingerprint()) !== before)
          problems.push(`refused but wrote: ${where}`);
      }
      expect(problems, problems.join('\n')).toEqual([]);
    },
    120_000,
  );

  it('kept its own credentials through the run, and its write detector sees a write', async () => {
    expect((await api(server, server.organizer)('GET', '/v1/organizations/current')).status).toBe(200);
    const before = await fingerprint();
    const created = await api(server, server.organizer)('POST', '/v1/sponsors', {
      body: { name: 'Detected' },
    });
    expect(created.status).toBe(201);
    expect(await fingerprint()).not.toBe(before);
  });
});
