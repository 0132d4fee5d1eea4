import type { Logger, Yardpass } from '@yardpass/sdk';
import type { Command } from 'commander';
import type { Resource } from './commands/resource.js';
import {
  configPath,
  readConfig,
  resolveSettings,
  type ConfigFile,
  type Env,
  type Settings,
} from './config.js';
import { CliError } from './errors.js';
import type { Io, OutStream } from './output.js';
import type { Prompts } from './prompts.js';

export type InStream = AsyncIterable<string | Uint8Array> & { isTTY?: boolean };

export interface ClientOptions {
  apiKey: string;
  baseUrl: string;
  /** Set with `--debug`: writes each request, answer and retry to stderr. */
  logger: Logger | undefined;
}

/** Everything the program touches outside itself; `main` passes the real ones, tests their own. */
export interface ProgramDeps {
  /** Makes an SDK client; `main` loads the SDK only here, so `--help` never pays for it. */
  createClient(options: ClientOptions): Promise<Yardpass>;
  prompts: Prompts;
  stdin: InStream;
  stdout: OutStream;
  stderr: OutStream;
  env: Env;
  version: string;
  now?: () => Date;
  /** The resource groups to offer; all of `commands/index.ts` unless a test declares its own. */
  resources?: readonly Resource[];
}

/** The options every command accepts (`--profile`, `--debug`, `--no-input`). */
export interface GlobalOptions {
  profile?: string;
  debug?: boolean;
  input?: boolean;
}

/** What one command's action works with. */
export interface Context {
  io: Io;
  deps: ProgramDeps;
  /** Prompts may be shown: stdin and stdout are terminals, `CI` is unset and `--no-input` was not given. */
  interactive: boolean;
  debug: boolean;
  configPath: string;
  readConfig(): Promise<ConfigFile>;
  settings(): Promise<Settings>;
  /** A client for the resolved profile; fails with exit code 4 when no API key is configured. */
  client(): Promise<Yardpass>;
  logger: Logger | undefined;
}

export function createContext(options: { deps: ProgramDeps; io: Io; globals: GlobalOptions }): Context {
  const { deps, io, globals } = options;
  const path = configPath(deps.env);
  const ci = deps.env.CI !== undefined && deps.env.CI !== '' && deps.env.CI !== 'false';
  let settings: Promise<Settings> | undefined;
  const context: Context = {
    io,
    deps,
    interactive: Boolean(deps.stdin.isTTY && deps.stdout.isTTY && !ci && globals.input !== false),
    debug: globals.debug === true,
    logger: globals.debug ? debugLogger(io) : undefined,
    configPath: path,
    readConfig: () => readConfig(path),
    settings: () =>
      (settings ??= readConfig(path).then((config) =>
        resolveSettings({ env: deps.env, config, profileFlag: globals.profile }),
      )),
    async client() {
      const { apiKey, baseUrl, profile } = await context.settings();
      if (!apiKey) {
        throw new CliError(
          'not_logged_in',
          `No API key for profile "${profile}". Run \`yardpass login${profile === 'default' ? '' : ` --profile ${profile}`}\`, or set YARDPASS_API_KEY.`,
        );
      }
      return deps.createClient({ apiKey, baseUrl, logger: context.logger });
    },
  };
  return context;
}

/** Runs `handler` as `command`'s action, with a context made from the options it was given. */
export type Bind = (command: Command, handler: (context: Context) => void | Promise<void>) => Command;

/** `--debug`: one stderr line per request, answer and retry (the SDK never logs credentials). */
function debugLogger(io: Io): Logger {
  return (event) => {
    const line =
      event.type === 'request'
        ? `→ ${event.method} ${event.url} (attempt ${event.attempt})`
        : event.type === 'response'
          ? `← ${event.status} ${event.method} ${event.url} in ${event.durationMs} ms, request id ${event.requestId ?? 'none'}`
          : `↻ retrying ${event.method} ${event.url} in ${event.delayMs} ms: ${event.error.message}`;
    io.note(io.err.dim(line));
  };
}
