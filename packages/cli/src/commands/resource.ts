import type { OperationId, Yardpass } from '@yardpass/sdk';
import type { Column } from '../output.js';
import type { Field } from '../fields.js';
import type { JsonObject } from '../json.js';

/** What the CLI needs of the SDK's `Page`: its items and the way to the next one. */
export interface PageLike {
  data: readonly unknown[];
  has_more: boolean;
  getNextPage(): PromiseLike<PageLike>;
}

interface CommandBase {
  /** The words after the group name, e.g. `create` or `profile get`. */
  path: string;
  /** The operation in openapi.yaml this command performs; commands.test.ts checks that `call` sends it. */
  operationId: OperationId;
  summary: string;
  /** Shown under "Examples:" in `--help`; each without the leading `$ `. */
  examples: readonly string[];
}

/** A command that pages through a list and prints a table. */
export interface ListCommand extends CommandBase {
  kind: 'list';
  filters?: readonly Field[];
  columns: readonly Column[];
  call(client: Yardpass, query: JsonObject): PromiseLike<PageLike>;
}

/** A command about one item: create, get, update, delete, or a custom action. */
export interface ItemCommand extends CommandBase {
  kind: 'item';
  /** Takes the id of an item of the group as its argument (chosen from a list on a terminal). */
  id?: boolean;
  /** The request body's properties, one flag each; `--data` supplies any of them as JSON. */
  fields?: readonly Field[];
  /** An update: no field is required, but at least one must be given. */
  partial?: boolean;
  /** Asks before running, e.g. `(what) => \`Delete ${what}?\``; `--yes` skips; without a terminal, `--yes` is required. */
  confirm?: (what: string) => string;
  /** Past tense for the success line on stderr, e.g. `Created` → "✓ Created event Summer Fest". */
  done?: string;
  /** A further message for stderr after success, e.g. to copy a secret now. */
  notice?: string;
  /** Prints nothing on stdout without `--json` (the answer only confirms what the success line says). */
  silent?: boolean;
  call(client: Yardpass, input: { id: string; body: JsonObject }): PromiseLike<unknown>;
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
  commands: readonly (ListCommand | ItemCommand)[];
}

/**
 * Hands what the user typed (flags and `--data`) to an SDK method as its parameter type. The CLI checks
 * only that required properties are present; the server validates the rest and names each bad field.
 */
export function unchecked<T>(input: JsonObject): T {
  return input as T;
}
