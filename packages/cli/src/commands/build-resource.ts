import type { Yardpass } from '@yardpass/sdk';
import { Command } from 'commander';
import { writeConfig } from '../config.js';
import type { Bind, Context } from '../context.js';
import { CliError, usageError } from '../errors.js';
import { coerce, flagOf, optionFor, readData, type Field } from '../fields.js';
import { isRecord, type JsonObject } from '../json.js';
import { detail, formatTime, table } from '../output.js';
import { commandPath, withExamples } from './help.js';
import {
  commandsOf,
  type CustomCommand,
  type ItemCommand,
  type ListCommand,
  type PageLike,
  type Resource,
} from './resource.js';

const SYNONYMS: Readonly<Record<string, string>> = { get: 'show', show: 'get' };

type FlagValues = Record<string, string | string[] | boolean | undefined>;

/**
 * Turns a declared resource group into `yardpass <group> <command>` commands: into `group` when given (the
 * program adds each group by name and summary first, and builds its commands only when they are used).
 */
export function buildResource(options: {
  resource: Resource;
  resources: readonly Resource[];
  bind: Bind;
  group?: Command;
}): Command {
  const { resource, bind } = options;
  const group = options.group ?? new Command(resource.name).description(resource.summary);
  for (const spec of resource.commands) {
    const words = spec.path.split(' ');
    const parent = words.slice(0, -1).reduce((at, word) => subgroup({ parent: at, word, resource }), group);
    const name = words.at(-1) ?? spec.path;
    const command = parent.command(name).description(spec.summary);
    // Groups name their one-item view `get` or `show`: either word works in every group.
    const other = SYNONYMS[name];
    if (
      other &&
      !resource.commands.some((sibling) => sibling.path === [...words.slice(0, -1), other].join(' '))
    )
      command.alias(other);
    withExamples(command, spec.examples);
    if (spec.kind === 'list') {
      addList(command, spec);
      bind(command, (context) => runList({ context, command, resource, spec }));
    } else if (spec.kind === 'custom') {
      spec.configure?.(command);
      if (spec.confirm) command.option('-y, --yes', 'Do not ask for confirmation');
      command.option('--json', `Print the API's JSON answer`);
      bind(command, (context) => runCustom({ context, command, spec, resources: options.resources }));
    } else {
      addItem(command, spec, resource);
      bind(command, (context) => runItem({ context, command, resource, spec, resources: options.resources }));
    }
  }
  return withExamples(
    group,
    resource.commands.map((spec) => spec.examples[0] ?? ''),
  );
}

function subgroup(options: { parent: Command; word: string; resource: Resource }): Command {
  const { parent, word, resource } = options;
  const existing = parent.commands.find((command) => command.name() === word);
  if (existing) return existing;
  const specs = resource.commands.filter((spec) => spec.path.startsWith(`${word} `));
  const command = parent
    .command(word)
    .description(
      `The ${resource.noun}'s ${word}: ${specs.map((spec) => spec.path.slice(word.length + 1)).join(', ')}`,
    );
  return withExamples(
    command,
    specs.map((spec) => spec.examples[0] ?? ''),
  );
}

function addList(command: Command, spec: ListCommand): void {
  for (const field of spec.filters ?? []) command.addOption(optionFor(field, { clearable: false }));
  command
    .option('--limit <n>', 'How many to show; pages are fetched as needed', '20')
    .option('--json', 'Print the items as a JSON array, exactly as the API returns them');
}

function addItem(command: Command, spec: ItemCommand, resource: Resource): void {
  if (spec.id) command.argument('[id]', `The ${resource.noun}'s id (chosen from a list on a terminal)`);
  for (const field of spec.fields ?? []) command.addOption(optionFor(field, { clearable: spec.id === true }));
  if (spec.fields?.length) {
    command.option(
      '--data <json>',
      'The request body as JSON, @file.json, or - for standard input; flags win',
    );
  }
  if (spec.confirm) command.option('-y, --yes', 'Do not ask for confirmation');
  command.option('--json', `Print the API's JSON answer`);
}

async function runList(options: {
  context: Context;
  command: Command;
  resource: Resource;
  spec: ListCommand;
}): Promise<void> {
  const { context, command, resource, spec } = options;
  const { io } = context;
  const values = command.opts<FlagValues & { limit: string; json?: boolean }>();
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1)
    throw usageError(`--limit must be a positive whole number; got "${values.limit}".`);
  const query = flagBody(command, spec.filters ?? []);
  const client = await context.client();
  const stop = io.spinner(`Fetching ${resource.name}…`);
  let result: { items: unknown[]; more: boolean };
  try {
    result = await collect(spec.call(client, { ...query, limit: Math.min(limit, 100) }), limit);
  } finally {
    stop();
  }
  if (values.json) return io.json(result.items);
  if (result.items.length === 0) return io.note(`No ${resource.name} found.`);
  io.print(table({ items: result.items.filter(isRecord), columns: spec.columns, io }));
  if (result.more) io.note(io.err.dim(`Showing the first ${limit}; pass --limit to see more.`));
}

/** Follows `next_cursor` until `limit` items are in hand. */
async function collect(
  first: PromiseLike<PageLike>,
  limit: number,
): Promise<{ items: unknown[]; more: boolean }> {
  let page = await first;
  const items = [...page.data];
  while (items.length < limit && page.has_more) {
    page = await page.getNextPage();
    items.push(...page.data);
  }
  return { items: items.slice(0, limit), more: page.has_more || items.length > limit };
}

async function runItem(options: {
  context: Context;
  command: Command;
  resource: Resource;
  resources: readonly Resource[];
  spec: ItemCommand;
}): Promise<void> {
  const { context, command, resource, spec } = options;
  const { io, interactive } = context;
  const values = command.opts<FlagValues & { data?: string; json?: boolean; yes?: boolean }>();
  const fields = spec.fields ?? [];
  let id = command.args[0];

  // Everything that needs no server comes first, so bad usage fails at once and never waits on input.
  const body = { ...(await dataBody(values.data, context)), ...flagBody(command, fields) };
  if (spec.partial && Object.keys(body).length === 0) {
    throw usageError(`Nothing to change: pass at least one of ${fields.map(flagOf).join(', ')}, or --data.`);
  }
  const missing = fields.filter((field) => field.required && !(field.name in body));
  if (!interactive) {
    if (spec.id && !id)
      throw usageError(`Missing the ${resource.noun} id: \`${commandPath(command)} <id>\`.`);
    if (missing.length)
      throw usageError(
        `Missing ${missing.map(flagOf).join(', ')} (or put ${missing.length > 1 ? 'them' : 'it'} in --data).`,
      );
    if (spec.confirm && !values.yes) {
      throw usageError(
        `Refusing to ${spec.path} ${resource.noun} ${id ?? ''} without confirmation: pass --yes (no terminal to ask on).`,
      );
    }
  }

  const client = await context.client();
  // The item itself, when known: chosen from the list, or fetched to show in the confirmation.
  let known: JsonObject | undefined;
  if (spec.id && !id) {
    known = await choose({ context, client, resource, message: `Which ${resource.noun}?` });
    id = String(known.id);
  }
  const target = id ?? '';
  for (const field of missing) {
    body[field.name] = await ask({ context, client, field, resources: options.resources });
  }
  if (spec.confirm && !values.yes) {
    known ??= await retrieveForDescription({ client, resource, id: target });
    const yes = await context.deps.prompts.confirm({
      message: spec.confirm(describe({ resource, item: known, id: target }), { item: known, body }),
      default: false,
    });
    if (!yes) throw new CliError('usage', 'Cancelled: nothing was changed.');
  }

  const stop = io.spinner(`${spec.summary}…`);
  let result: unknown;
  try {
    result = await spec.call(client, { id: target, body });
  } finally {
    stop();
  }
  const item = isRecord(result) ? result : undefined;
  // An answer that is not JSON (CSV, plain text) is data as it came.
  if (typeof result === 'string') io.print(result);
  else if (result instanceof Uint8Array) io.bytes(result, 'binary');
  else if (values.json) io.json(result);
  else if (!spec.silent && item) io.print(detail({ item, title: labelOf(resource, item)?.name, io }));
  if (spec.done) {
    // Name the item acted on: a deletion answers only `{ id, deleted }`, and some actions answer something
    // else (a message on a proposal); then it is named as it was known before, or by its id.
    const same = item !== undefined && (target === '' || item.id === target);
    const named = same && labelOf(resource, item) ? item : (known ?? (target ? undefined : item));
    io.success(`${spec.done} ${describe({ resource, item: named, id: target })}`);
  }
  if (spec.notice) io.warn(spec.notice);
}

async function runCustom(options: {
  context: Context;
  command: Command;
  spec: CustomCommand;
  resources: readonly Resource[];
}): Promise<void> {
  const { context, command, spec, resources } = options;
  const values = command.opts<Record<string, unknown>>();
  const client = await context.client();
  const settings = await context.settings();
  await spec.run({
    client,
    args: command.args,
    options: values,
    json: values.json === true,
    profile: {
      name: settings.profile,
      baseUrl: settings.baseUrl,
      stored: (await context.readConfig()).profiles[settings.profile] ?? {},
      async save(update) {
        const config = await context.readConfig();
        config.profiles[settings.profile] = { ...config.profiles[settings.profile], ...update };
        await writeConfig(context.configPath, config);
      },
    },
    io: context.io,
    prompts: context.deps.prompts,
    interactive: context.interactive,
    stdin: context.deps.stdin,
    async confirm(message) {
      if (values.yes === true) return;
      if (!context.interactive) {
        throw usageError(
          `Refusing to ${commandPath(command).replace(/^yardpass /, '')} without confirmation: pass --yes (no terminal to ask on).`,
        );
      }
      if (!(await context.deps.prompts.confirm({ message, default: false })))
        throw new CliError('usage', 'Cancelled: nothing was changed.');
    },
    async chooseId({ resource: name, given, name: what }) {
      if (given) return given;
      const resource = resources.find((candidate) => candidate.name === name);
      if (!context.interactive || !resource)
        throw usageError(`Missing ${what}: \`${commandPath(command)} ${what}\`.`);
      const item = await choose({ context, client, resource, message: `Which ${resource.noun}?` });
      return String(item.id);
    },
  });
}

async function dataBody(source: string | undefined, context: Context): Promise<JsonObject> {
  if (source === undefined) return {};
  if (source === '-' && context.deps.stdin.isTTY)
    context.io.note('Reading JSON from the terminal; end with Ctrl+D.');
  const data = await readData(source, context.deps.stdin);
  if (!isRecord(data)) throw usageError('--data must be a JSON object, e.g. {"title": "Summer Fest"}.');
  return data;
}

function flagBody(command: Command, fields: readonly Field[]): JsonObject {
  const values = command.opts<FlagValues>();
  const body: JsonObject = {};
  for (const field of fields) {
    const option = command.options.find((candidate) => candidate.long === flagOf(field));
    const raw = option ? values[option.attributeName()] : undefined;
    if (typeof raw === 'string' || Array.isArray(raw)) body[field.name] = coerce(field, raw);
  }
  return body;
}

async function ask(options: {
  context: Context;
  client: Yardpass;
  field: Field;
  resources: readonly Resource[];
}): Promise<unknown> {
  const { context, client, field } = options;
  const { prompts } = context.deps;
  const message = `${field.description}:`;
  const referenced = field.ref
    ? options.resources.find((resource) => resource.name === field.ref)
    : undefined;
  if (referenced) return String((await choose({ context, client, resource: referenced, message })).id);
  if (field.choices) {
    return prompts.select({
      message,
      choices: field.choices.map((choice) => ({ name: choice, value: choice })),
    });
  }
  const validate = (text: string): true | string => {
    if (text.trim() === '') return `${flagOf(field)} is required`;
    try {
      coerce(field, text);
      return true;
    } catch (error) {
      return (error as Error).message;
    }
  };
  return coerce(field, await prompts.input({ message, validate }));
}

/** Asks which item, from the first page of the group's list. */
async function choose(options: {
  context: Context;
  client: Yardpass;
  resource: Resource;
  message: string;
}): Promise<JsonObject> {
  const { context, client, resource } = options;
  const list = commandsOf(resource).find((spec): spec is ListCommand => spec.kind === 'list');
  if (!list) throw usageError(`Pass the ${resource.noun} id.`);
  const stop = context.io.spinner(`Fetching ${resource.name}…`);
  let page: PageLike;
  try {
    page = await list.call(client, { limit: 100 });
  } finally {
    stop();
  }
  const items = page.data.filter(isRecord);
  if (items.length === 0) {
    throw usageError(`There are no ${resource.name} to choose from yet.`);
  }
  return context.deps.prompts.select({
    message: options.message,
    choices: items.map((item) => {
      const label = labelOf(resource, item);
      return {
        name: label ? [label.name, label.hint].filter(Boolean).join('  ') : String(item.id),
        value: item,
        description: String(item.id),
      };
    }),
  });
}

async function retrieveForDescription(options: {
  client: Yardpass;
  resource: Resource;
  id: string;
}): Promise<JsonObject | undefined> {
  const { resource, client, id } = options;
  const get = commandsOf(resource).find(
    (spec): spec is ItemCommand => spec.kind === 'item' && (spec.path === 'get' || spec.path === 'show'),
  );
  const retrieve =
    resource.retrieve ?? (get && ((_: Yardpass, at: string) => get.call(client, { id: at, body: {} })));
  if (!retrieve) return undefined;
  const item = await retrieve(client, id);
  return isRecord(item) ? item : undefined;
}

function labelOf(resource: Resource, item: JsonObject): { name: string; hint: string } | undefined {
  const [nameKey, ...hintKeys] = resource.label;
  const name = nameKey === undefined ? undefined : item[nameKey];
  if (typeof name !== 'string' || name === '') return undefined;
  const hint = hintKeys
    .map((key) => (key.endsWith('_at') ? formatTime(item[key]) : item[key]))
    .filter((value) => typeof value === 'string' && value !== '')
    .join(' · ');
  return { name, hint };
}

/** `event "Summer Fest" (3f6c…)`, or `event 3f6c…` when the item has no name. */
function describe(options: { resource: Resource; item: JsonObject | undefined; id: string }): string {
  const { resource, item } = options;
  const id = typeof item?.id === 'string' ? item.id : options.id;
  const label = item ? labelOf(resource, item) : undefined;
  return label && label.name !== id ? `${resource.noun} "${label.name}" (${id})` : `${resource.noun} ${id}`;
}
