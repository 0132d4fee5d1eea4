/**
 * Regenerates the TypeScript types of the contract from openapi.yaml into each package that needs them.
 * `--check` writes nothing and fails when a committed file is stale (run in CI).
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const targets = ['packages/sdk/src/generated/openapi.ts', 'packages/server/src/generated/openapi.ts'];
const header = '// Generated from openapi.yaml by `pnpm gen` (openapi-typescript). Do not edit.\n\n';

const ast = await openapiTS(new URL('../openapi.yaml', import.meta.url), {
  alphabetize: false,
  defaultNonNullable: false,
});
const output = header + astToString(ast);
const check = process.argv.includes('--check');
const outputs = new Map(targets.map((target) => [target, output]));
outputs.set('packages/webhook-verifier/src/generated/events.ts', await webhookEventTypes());

const stale: string[] = [];
for (const [target, content] of outputs) {
  const current = await readFile(root(target), 'utf8').catch(() => '');
  if (current === content) continue;
  if (check) stale.push(target);
  else {
    await mkdir(dirname(root(target)), { recursive: true });
    await writeFile(root(target), content);
    console.log(`wrote ${target}`);
  }
}
if (stale.length > 0) {
  console.error(`Generated types are stale: ${stale.join(', ')}. Run \`pnpm gen\` and commit the result.`);
  process.exitCode = 1;
}

type Schema = Record<string, unknown>;

/**
 * The verifier's typed event union, from the contract's `webhooks` section: one `data` type per event
 * type, with the component schemas they use (and only those), so the zero-dependency verifier carries
 * its own types. Inline `data` schemas get a name from the type (`ping` → `PingData`).
 */
async function webhookEventTypes(): Promise<string> {
  const document = parse(await readFile(root('openapi.yaml'), 'utf8')) as {
    info: Schema;
    webhooks: Record<
      string,
      { post: { summary?: string; requestBody: { content: Record<string, { schema: Schema }> } } }
    >;
    components: { schemas: Record<string, Schema> };
  };
  const ref = '#/components/schemas/';
  const schemas: Record<string, Schema> = {};
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === '$ref' && typeof inner === 'string' && inner.startsWith(ref)) {
          const name = inner.slice(ref.length);
          if (!(name in schemas)) {
            schemas[name] = document.components.schemas[name]!;
            visit(schemas[name]);
          }
        } else visit(inner);
      }
    }
  };
  const inline = new Map<string, string>();
  const entries: { type: string; name: string; summary?: string }[] = [];
  for (const [type, item] of Object.entries(document.webhooks)) {
    const data = (
      item.post.requestBody.content['application/json']!.schema.properties as Record<string, Schema>
    ).data!;
    let name: string;
    if (typeof data.$ref === 'string') name = data.$ref.slice(ref.length);
    else {
      name = `${type.replace(/(^|[._])(\w)/g, (_, __: string, letter: string) => letter.toUpperCase())}Data`;
      schemas[name] = data;
      inline.set(name, type);
    }
    visit(data);
    entries.push({ type, name, summary: item.post.summary });
  }
  const names = [...new Set(entries.map((entry) => entry.name))].sort();
  const types = await openapiTS(
    { openapi: '3.1.0', info: document.info, paths: {}, components: { schemas } } as never,
    { alphabetize: true, defaultNonNullable: false, rootTypes: false },
  );
  return [
    '// Generated from the `webhooks` section of openapi.yaml by `pnpm gen` (openapi-typescript). Do not edit.\n',
    astToString(types).replace(
      /^export type (paths|webhooks|operations|\$defs) = Record<string, never>;\n/gm,
      '',
    ),
    ...names.map((name) => {
      const about = inline.has(name)
        ? `The \`data\` of \`${inline.get(name)}\` events.`
        : `The API's \`${name}\`, as event \`data\`.`;
      return `/** ${about} */\nexport type ${name} = components['schemas']['${name}'];`;
    }),
    '',
    '/** Every event type and the shape of its `data`. */',
    'export interface YardpassWebhookEventMap {',
    ...entries.map(
      ({ type, name, summary }) =>
        `  /** ${summary ?? type} */\n  ${/^\w+$/.test(type) ? type : `'${type}'`}: ${name};`,
    ),
    '}',
    '',
  ].join('\n');
}
