import type { Yardpass } from '@yardpass/sdk';
import { Command } from 'commander';
import { DEFAULT_BASE_URL, writeConfig } from '../config.js';
import type { Bind, Context } from '../context.js';
import { CliError, usageError } from '../errors.js';
import { readText } from '../fields.js';
import { detail } from '../output.js';
import { withExamples } from './help.js';

type CurrentOrganization = Awaited<ReturnType<Yardpass['organizations']['retrieveCurrent']>>;

export function authCommands({ bind }: { bind: Bind }): Command[] {
  const login = new Command('login')
    .description('Store an API key for a server, after checking that it works')
    .option('--api-key <key>', 'The API key (yp_test_… or yp_live_…); - reads it from standard input')
    .option('--base-url <url>', `The server's URL (default ${DEFAULT_BASE_URL})`)
    .option('--json', 'Print the organization as JSON');
  withExamples(login, [
    'yardpass login',
    'yardpass login --base-url https://yardpass.example.com --profile prod',
    'printenv YARDPASS_KEY | yardpass login --api-key - --base-url http://localhost:3000',
  ]);
  bind(login, (context) => runLogin(context, login.opts()));

  const logout = new Command('logout').description(
    "Forget the profile's API key (the key itself stays valid)",
  );
  withExamples(logout, ['yardpass logout', 'yardpass logout --profile prod']);
  bind(logout, runLogout);

  const whoami = new Command('whoami')
    .description('Show the organization, key and server you are using')
    .option('--json', 'Print the organization as JSON');
  withExamples(whoami, ['yardpass whoami', 'yardpass whoami --profile prod --json']);
  bind(whoami, (context) => runWhoami(context, whoami.opts()));

  return [login, logout, whoami];
}

async function runLogin(
  context: Context,
  values: { apiKey?: string; baseUrl?: string; json?: boolean },
): Promise<void> {
  const { io, interactive } = context;
  const { prompts, stdin, env } = context.deps;
  let apiKey = values.apiKey === '-' ? (await readText(stdin)).trim() : values.apiKey;
  if (!apiKey && !interactive) {
    throw usageError(
      'Missing --api-key (or --api-key - to read it from standard input); there is no terminal to ask on.',
    );
  }
  const settings = await context.settings();
  const baseUrl = checkUrl(
    values.baseUrl ??
      (interactive
        ? await prompts.input({ message: 'Server URL:', default: settings.baseUrl, validate: validateUrl })
        : settings.baseUrl),
  );
  apiKey ||= await prompts.password({
    message: `API key for ${baseUrl}:`,
    validate: (text) =>
      text.trim() ? true : 'Paste a key; create one with `yardpass keys create` or in the dashboard.',
  });
  apiKey = apiKey.trim();

  const client = await context.deps.createClient({ apiKey, baseUrl, logger: context.logger });
  const stop = io.spinner(`Checking the key with ${baseUrl}…`);
  let organization: CurrentOrganization;
  try {
    organization = await client.organizations.retrieveCurrent();
  } catch (error) {
    const { AuthenticationError } = await import('@yardpass/sdk');
    if (!(error instanceof AuthenticationError)) throw error;
    throw new CliError(
      'not_logged_in',
      `${baseUrl} rejected the key: ${error.detail ?? error.title} Nothing was saved; check the key and try again.`,
      { cause: error },
    );
  } finally {
    stop();
  }

  const { profile } = settings;
  const config = await context.readConfig();
  config.profiles[profile] = { ...config.profiles[profile], base_url: baseUrl, api_key: apiKey };
  config.current_profile ??= profile;
  await writeConfig(context.configPath, config);

  if (values.json) io.json(organization);
  io.success(`Logged in to ${organization.name} as ${actingAs(organization)}.`);
  io.note(`Saved as profile "${profile}" in ${context.configPath}.`);
  if (config.current_profile !== profile) {
    io.note(`Use it with --profile ${profile}, or make it the default: yardpass config use ${profile}`);
  }
  if (env.YARDPASS_API_KEY)
    io.warn('YARDPASS_API_KEY is set and overrides the stored key until you unset it.');
}

async function runLogout(context: Context): Promise<void> {
  const { profile } = await context.settings();
  const config = await context.readConfig();
  const stored = config.profiles[profile];
  if (!stored?.api_key) return context.io.note(`Profile "${profile}" has no API key stored; nothing to do.`);
  delete stored.api_key;
  await writeConfig(context.configPath, config);
  context.io.success(`Forgot the API key of profile "${profile}".`);
  context.io.note('The key still works until it is revoked: `yardpass keys revoke <id>`.');
}

async function runWhoami(context: Context, values: { json?: boolean }): Promise<void> {
  const { io } = context;
  const settings = await context.settings();
  const client = await context.client();
  const stop = io.spinner('Asking the server…');
  let organization: CurrentOrganization;
  try {
    organization = await client.organizations.retrieveCurrent();
  } finally {
    stop();
  }
  if (values.json) return io.json(organization);
  const source = settings.apiKeySource === 'YARDPASS_API_KEY' ? ' (key from YARDPASS_API_KEY)' : '';
  io.print(
    detail({
      item: {
        organization: `${organization.name} (${organization.id})`,
        acting_as: actingAs(organization),
        server: settings.baseUrl,
        profile: `${settings.profile}${source}`,
      },
      io,
    }),
  );
}

/** `API key yp_test_3f9a… (admin, test mode)` or `user ana@example.com (owner)`. */
function actingAs(organization: CurrentOrganization): string {
  const { caller } = organization;
  if (caller.kind === 'api_key') {
    return `API key ${caller.api_key_prefix ?? ''}… (${caller.role}${caller.mode ? `, ${caller.mode} mode` : ''})`;
  }
  return `user ${caller.email ?? caller.user_id ?? ''} (${caller.role})`;
}

function validateUrl(text: string): true | string {
  try {
    checkUrl(text);
    return true;
  } catch (error) {
    return (error as Error).message;
  }
}

/** An http(s) URL without a trailing slash, or a usage error. */
export function checkUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw usageError(`"${text}" is not a URL; give one like ${DEFAULT_BASE_URL}.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError(`The server URL must start with http:// or https://; got "${text}".`);
  }
  return url.href.replace(/\/+$/, '');
}
