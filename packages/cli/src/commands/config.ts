import { Argument, Command } from 'commander';
import { DEFAULT_BASE_URL, PROFILE_KEYS, isProfileKey, writeConfig, type Profile } from '../config.js';
import type { Bind, Context } from '../context.js';
import { usageError } from '../errors.js';
import { table } from '../output.js';
import { checkUrl } from './auth.js';
import { withExamples } from './help.js';

export function configCommand({ bind }: { bind: Bind }): Command {
  const config = new Command('config').description(`Profiles and their settings: ${PROFILE_KEYS.join(', ')}`);
  withExamples(config, ['yardpass config list', 'yardpass config use prod']);

  const list = config
    .command('list')
    .description('List profiles (API keys shortened); * marks the current one')
    .option('--json', 'Print the profiles as JSON');
  withExamples(list, ['yardpass config list']);
  bind(list, (context) => runList(context, list.opts()));

  const get = config
    .command('get')
    .description('Print one setting of the profile (the one given by --profile, or the current one)')
    .addArgument(new Argument('<key>', 'The setting').choices(PROFILE_KEYS));
  withExamples(get, ['yardpass config get base_url', 'yardpass config get api_key --profile prod']);
  bind(get, (context) => runGet(context, get.args[0] ?? ''));

  const set = config
    .command('set')
    .description('Change one setting of the profile (the one given by --profile, or the current one)')
    .addArgument(new Argument('<key>', 'The setting').choices(PROFILE_KEYS))
    .argument('<value>', 'The new value');
  withExamples(set, ['yardpass config set base_url https://yardpass.example.com --profile prod']);
  bind(set, (context) => runSet(context, set.args[0] ?? '', set.args[1] ?? ''));

  const use = config
    .command('use')
    .description('Make a profile the current one')
    .argument('<profile>', 'The profile to use from now on');
  withExamples(use, ['yardpass config use prod']);
  bind(use, (context) => runUse(context, use.args[0] ?? ''));

  return config;
}

async function runList(context: Context, values: { json?: boolean }): Promise<void> {
  const { io } = context;
  const config = await context.readConfig();
  const { profile: current } = await context.settings();
  const names = Object.keys(config.profiles);
  if (values.json) {
    const profiles = Object.fromEntries(names.map((name) => [name, masked(config.profiles[name] ?? {})]));
    return io.json({ current_profile: current, profiles });
  }
  if (names.length === 0) return io.note('No profiles yet. Run `yardpass login` to create one.');
  const items = names.map((name) => ({
    current: name === current ? '*' : ' ',
    profile: name,
    ...masked(config.profiles[name] ?? {}),
  }));
  io.print(
    table({ items, columns: [{ key: 'current', header: ' ' }, 'profile', 'base_url', 'api_key'], io }),
  );
}

async function runGet(context: Context, key: string): Promise<void> {
  const profileKey = checkKey(key);
  const { profile } = await context.settings();
  const value = (await context.readConfig()).profiles[profile]?.[profileKey];
  if (value !== undefined) return context.io.print(value);
  const fallback = profileKey === 'base_url' ? ` (${DEFAULT_BASE_URL} is used)` : '';
  context.io.note(`${profileKey} is not set in profile "${profile}"${fallback}.`);
}

async function runSet(context: Context, key: string, value: string): Promise<void> {
  const profileKey = checkKey(key);
  const { profile } = await context.settings();
  const config = await context.readConfig();
  config.profiles[profile] = {
    ...config.profiles[profile],
    [profileKey]: profileKey === 'base_url' ? checkUrl(value) : value.trim(),
  };
  config.current_profile ??= profile;
  await writeConfig(context.configPath, config);
  context.io.success(`Set ${profileKey} of profile "${profile}".`);
  if (profileKey === 'api_key') context.io.note('Check it with `yardpass whoami`.');
}

async function runUse(context: Context, profile: string): Promise<void> {
  const config = await context.readConfig();
  if (!config.profiles[profile]) {
    const known = Object.keys(config.profiles);
    throw usageError(
      `No profile named "${profile}"${known.length ? ` (there are: ${known.join(', ')})` : ''}. Create it with \`yardpass login --profile ${profile}\`.`,
    );
  }
  config.current_profile = profile;
  await writeConfig(context.configPath, config);
  context.io.success(`Now using profile "${profile}".`);
}

function checkKey(key: string) {
  if (!isProfileKey(key))
    throw usageError(`Unknown setting "${key}"; the settings are ${PROFILE_KEYS.join(' and ')}.`);
  return key;
}

function masked(profile: Profile): Profile {
  const key = profile.api_key;
  return key === undefined
    ? profile
    : { ...profile, api_key: key.length > 12 ? `${key.slice(0, 12)}…` : key };
}
