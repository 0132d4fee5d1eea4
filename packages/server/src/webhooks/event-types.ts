type JsonSchema = Record<string, unknown>;

export interface WebhookEventType {
  type: string;
  description: string;
  /** JSON Schema of the whole payload with the component schemas it uses under `$defs`. */
  schema: JsonSchema;
}

const REF = '#/components/schemas/';

/**
 * The event types of the contract's `webhooks` section, each with a self-contained JSON Schema of its
 * payload: `$ref`s to components become `$defs` (only those reachable), so consumers can generate types.
 */
export function webhookEventTypes(document: {
  webhooks?: Record<string, { post?: { summary?: string; requestBody?: unknown } }>;
  components: { schemas: Record<string, JsonSchema> };
}): WebhookEventType[] {
  const components = document.components.schemas;
  return Object.entries(document.webhooks ?? {}).map(([type, item]) => {
    const body = item.post?.requestBody as
      { content: { 'application/json': { schema: JsonSchema } } } | undefined;
    const payload = body?.content['application/json'].schema ?? {};
    const $defs: Record<string, JsonSchema> = {};
    const visit = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (key === '$ref' && typeof inner === 'string' && inner.startsWith(REF)) {
            const name = inner.slice(REF.length);
            if (!(name in $defs) && components[name]) {
              $defs[name] = components[name];
              visit(components[name]);
            }
          } else visit(inner);
        }
      }
    };
    visit(payload);
    const schema = JSON.parse(
      JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        ...payload,
        ...(Object.keys($defs).length > 0 ? { $defs } : {}),
      }).replaceAll(REF, '#/$defs/'),
    ) as JsonSchema;
    return { type, description: item.post?.summary ?? type, schema };
  });
}

/**
 * A plausible value for a JSON Schema (for `trigger`): examples and defaults first, then enums and
 * consts, formats, and the required properties of objects. Deterministic, so samples are stable.
 */
export function sampleOf(schema: JsonSchema, root: JsonSchema, name = ''): unknown {
  if (typeof schema.$ref === 'string') {
    const target = (root.$defs as Record<string, JsonSchema> | undefined)?.[schema.$ref.split('/').pop()!];
    return target ? sampleOf(target, root, name) : {};
  }
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if ('const' in schema) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum.find((value) => value !== null) ?? null;
  if (Array.isArray(schema.allOf)) {
    return Object.assign(
      {},
      ...schema.allOf.map((part) => sampleOf(part as JsonSchema, root, name) as object),
    ) as unknown;
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) return sampleOf(options[0] as JsonSchema, root, name);
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  const type = types.find((t) => t !== 'null') ?? (schema.properties ? 'object' : 'null');
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((schema.required as string[] | undefined) ?? Object.keys(properties));
      return Object.fromEntries(
        Object.entries(properties)
          .filter(([key]) => required.has(key))
          .map(([key, value]) => [key, sampleOf(value, root, key)]),
      );
    }
    case 'array': {
      const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const items = (schema.items ?? {}) as JsonSchema;
      return Array.from({ length: min }, () => sampleOf(items, root, name));
    }
    case 'integer':
    case 'number': {
      const minimum = typeof schema.minimum === 'number' ? schema.minimum : 0;
      const sample = /_cents$/.test(name) ? 150_000 : Math.max(minimum, 1);
      return typeof schema.maximum === 'number' ? Math.min(sample, schema.maximum) : sample;
    }
    case 'boolean':
      return false;
    case 'string':
      return sampleString(schema, name);
    default:
      return null;
  }
}

function sampleString(schema: JsonSchema, name: string): string {
  switch (schema.format) {
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    case 'date-time':
      return '2026-01-01T00:00:00.000Z';
    case 'date':
      return '2026-01-01';
    case 'uri':
      return 'https://example.com/sample';
    case 'email':
      return 'sample@example.com';
  }
  if (name === 'currency' || schema.pattern === '^[A-Z]{3}$') return 'USD';
  if (name === 'country') return 'US';
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  return `sample ${name || 'text'}`
    .padEnd(min, '.')
    .slice(0, (schema.maxLength as number | undefined) ?? 100);
}
