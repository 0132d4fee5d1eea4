import type { OperationBody, OperationId, OperationQuery, Yardpass } from '@yardpass/sdk';
import type { Command } from 'commander';
import type { InStream } from '../context.js';
import type { Profile } from '../config.js';
import type { Column, Io } from '../output.js';
import type { BodyField, Field, QueryField } from '../fields.js';
import type { JsonObject } from '../json.js';
import type { Prompts } from '../prompts.js';

/** What the CLI needs of the SDK's `Page`: its items and the way to the next one. */
export interface PageLike {
  data: readonly unknown[];
  has_more: boolean;
  getNextPage(): PromiseLike<PageLike>;
}

interface CommandBase<K extends OperationId = OperationId> {
  /** The words after the group name, e.g. `create` or `profile get`. */
  path: string;
  /** The operation in openapi.yaml this command performs; commands.test.ts checks that `call` sends it. */
  operationId: K;
  summary: string;
  /** Shown under "Examples:" in `--help`; each without the leading `$ `. */
  examples: readonly string[];
}

/**
 * A command that pages through a list and prints a table, declared for operation `K`: its filters are the
 * operation's query parameters and `call` gets them typed as the SDK method takes them.
 */
export interface ListCommandOf<K extends OperationId> extends CommandBase<K> {
  kind: 'list';
  filters?: readonly QueryField<K>[];
  columns: readonly Column[];
  call(client: Yardpass, query: OperationQuery<K>): PromiseLike<PageLike>;
}

/** A list command as `buildResource` runs it: the query as the user typed it (see {@link Resource}). */
export interface ListCommand extends CommandBase {
  kind: 'list';
  filters?: readonly Field[];
  columns: readonly Column[];
  call(client: Yardpass, query: JsonObject): PromiseLike<PageLike>;
}

/**
 * A command about one item (create, get, update, delete, or a custom action), declared for operation `K`:
 * its fields are properties of the operation's request body and `call` gets the body typed as the SDK
 * method takes it.
 */
export interface ItemCommandOf<K extends OperationId> extends ItemBase<K> {
  /** The request body's properties, one flag each; `--data` supplies any of them as JSON. */
  fields?: readonly BodyField<K>[];
  call(client: Yardpass, input: { id: string; body: OperationBody<K> }): PromiseLike<unknown>;
}

/** An item command as `buildResource` runs it: the body as the user typed it (see {@link Resource}). */
export interface ItemCommand extends ItemBase<OperationId> {
  fields?: readonly Field[];
  call(client: Yardpass, input: { id: string; body: JsonObject }): PromiseLike<unknown>;
}

interface ItemBase<K extends OperationId> extends CommandBase<K> {
  kind: 'item';
  /** Takes the id of an item of the group as its argument (chosen from a list on a terminal). */
  id?: boolean;
  /** An update: no field is required, but at least one must be given. */
  partial?: boolean;
  /**
   * Asks before running, e.g. `(what) => \`Delete ${what}?\``; `--yes` skips; without a terminal, `--yes`
   * is required. Money-moving and destructive commands declare it. `item` is the item as fetched (with the
   * group's `retrieve`, else its `get` or `show` item command), `body` what will be sent, so the question can say what will happen, e.g.
   * `(what, { item }) => \`Fund ${what} with ${money(item)}?\``.
   */
  confirm?: (what: string, details: { item: JsonObject | undefined; body: JsonObject }) => string;
  /** Past tense for the success line on stderr, e.g. `Created` → "✓ Created event Summer Fest". */
  done?: string;
  /** A further message for stderr after success, e.g. to copy a secret now. */
  notice?: string;
  /** Prints nothing on stdout without `--json` (the answer only confirms what the success line says). */
  silent?: boolean;
}

/**
 * A command that does more than one request or more than print an answer: an interactive loop
 * (`proposals negotiate`), a stream (`webhooks listen`), a file download (`reports roi --out`). It declares
 * its own arguments and options in `configure`; `--json` (and `--yes` with `confirm: true`) are added
 * for it. `run` gets what the item and list commands use, so it behaves the same way: data on stdout,
 * messages on stderr, prompts only when `interactive`, usage errors (`usageError` from `errors.ts`, exit
 * code 2) for missing values otherwise.
 */
export interface CustomCommand extends CommandBase {
  kind: 'custom';
  /** Other operations it performs, besides `operationId` (counted by commands.test.ts). */
  alsoPerforms?: readonly OperationId[];
  /** Adds `-y, --yes`, which `run`'s `confirm()` honours. */
  confirm?: boolean;
  configure?(command: Command): void;
  run(input: CustomRun): Promise<void>;
}

/** What a {@link CustomCommand}'s `run` works with. */
export interface CustomRun {
  client: Yardpass;
  /** The command's arguments, as declared in `configure`. */
  args: readonly string[];
  /** The command's options (commander's camelCase names), `json` and `yes` included. */
  options: Record<string, unknown>;
  /** `--json` was given: print the API's JSON with `io.json`. */
  json: boolean;
  /** The profile in use: its name, server, what is stored for it, and `save` to remember more for it. */
  profile: {
    name: string;
    baseUrl: string;
    stored: Profile;
    save(update: Partial<Profile>): Promise<void>;
  };
  io: Io;
  prompts: Prompts;
  /** Prompts may be shown: stdin and stdout are terminals, CI is unset, and `--no-input` was not given. */
  interactive: boolean;
  stdin: InStream;
  /**
   * Asks `message` on a terminal; resolves when confirmed or `--yes` was given. Otherwise throws a
   * usage error (exit code 2): declined, or no terminal to ask on and no `--yes`.
   */
  confirm(message: string): Promise<void>;
  /**
   * The id given, else one chosen on a terminal from the first page of group `resource`'s list (e.g.
   * `'proposals'`); without a terminal a usage error naming `name` (e.g. `<id>` or `--order`).
   */
  chooseId(options: { resource: string; given: string | undefined; name: string }): Promise<string>;
}

/**
 * A resource group such as `yardpass events …`, declared as data and turned into commands by
 * `buildResource`. Adding a group means writing one of these and listing it in `commands/index.ts`.
 */
export interface Resource {
  /** The command group, e.g. `events`. */
  name: string;
  /** One item, for messages: `event`. */
  noun: string;
  summary: string;
  /** The keys that name an item in prompts and messages: the first is its name, the rest are hints. */
  label: readonly string[];
  /** Fetches one item, to show in confirmations; defaults to the group's `get` or `show` item command. */
  retrieve?: (client: Yardpass, id: string) => PromiseLike<unknown>;
  /**
   * Each list and item command is declared for its `operationId` ({@link ListCommandOf}, {@link ItemCommandOf}),
   * so its fields and `call` are checked against the SDK's request types. `buildResource` runs them as
   * {@link ListCommand} and {@link ItemCommand}, with what the user typed: the CLI has coerced each flag to
   * its field's type and checked the required ones; `--data` may carry anything else, which the server
   * validates, naming each bad property.
   */
  commands: readonly Declared[];
}

/** A list or item command declared for any one operation, or a custom command. */
type Declared = { [K in OperationId]: ListCommandOf<K> | ItemCommandOf<K> }[OperationId] | CustomCommand;

/** A group's commands as `buildResource` runs them (see {@link Resource.commands}). */
export function commandsOf(resource: Resource): readonly (ListCommand | ItemCommand | CustomCommand)[] {
  return resource.commands;
}
