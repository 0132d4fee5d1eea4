import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { CliError } from './errors.js';
import { isRecord } from './json.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** The settings a profile can hold; `yardpass config get|set` accepts exactly these keys. */
export const PROFILE_KEYS = ['base_url', 'api_key'] as const;
export type ProfileKey = (typeof PROFILE_KEYS)[number];
/** What `webhooks listen` keeps for a profile between runs, as `stripe listen` does. */
export interface Listener {
  forward_to: string;
  secret: string;
}
export type Profile = Partial<Record<ProfileKey, string>> & { listen?: Listener };

export interface ConfigFile {
  current_profile?: string;
  profiles: Record<string, Profile>;
}

const DEFAULT_PROFILE = 'default';
export const DEFAULT_BASE_URL = 'http://localhost:3000';

/** The settings one invocation runs with, and where each came from (shown by `whoami`). */
export interface Settings {
  profile: string;
  baseUrl: string;
  apiKey: string | undefined;
  apiKeySource: 'YARDPASS_API_KEY' | 'profile' | undefined;
}

/** `$XDG_CONFIG_HOME/yardpass/config.json`, where XDG_CONFIG_HOME defaults to `~/.config`. */
export function configPath(env: Env): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.config');
  return join(base, 'yardpass', 'config.json');
}

export async function readConfig(path: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) return { profiles: {} };
    throw error;
  }
  try {
    return toConfigFile(JSON.parse(text));
  } catch (error) {
    throw new CliError(
      'config',
      `${path} is not a valid yardpass config file (${(error as Error).message}). Fix it, or delete it and run \`yardpass login\` again.`,
      { cause: error },
    );
  }
}

/** Writes atomically, readable only by the user: the file holds API keys. */
export async function writeConfig(path: string, config: ConfigFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, path);
}

/** Flags win over the environment, which wins over the config file. */
export function resolveSettings(options: { env: Env; config: ConfigFile; profileFlag?: string }): Settings {
  const { env, config } = options;
  const profile = options.profileFlag || env.YARDPASS_PROFILE || config.current_profile || DEFAULT_PROFILE;
  const stored = config.profiles[profile] ?? {};
  const apiKey = env.YARDPASS_API_KEY || stored.api_key;
  return {
    profile,
    baseUrl: env.YARDPASS_BASE_URL || stored.base_url || DEFAULT_BASE_URL,
    apiKey,
    apiKeySource: env.YARDPASS_API_KEY ? 'YARDPASS_API_KEY' : stored.api_key ? 'profile' : undefined,
  };
}

export function isProfileKey(key: string): key is ProfileKey {
  return (PROFILE_KEYS as readonly string[]).includes(key);
}

function toConfigFile(value: unknown): ConfigFile {
  if (!isRecord(value)) throw new Error('expected a JSON object');
  const stored = value.profiles ?? {};
  if (!isRecord(stored)) throw new Error('"profiles" is not an object');
  const profiles: Record<string, Profile> = {};
  for (const [name, entry] of Object.entries(stored)) {
    if (!isRecord(entry)) throw new Error(`profile "${name}" is not an object`);
    const profile: Profile = {};
    for (const key of PROFILE_KEYS) {
      const setting = entry[key];
      if (typeof setting === 'string') profile[key] = setting;
    }
    const { listen } = entry;
    if (isRecord(listen) && typeof listen.forward_to === 'string' && typeof listen.secret === 'string')
      profile.listen = { forward_to: listen.forward_to, secret: listen.secret };
    profiles[name] = profile;
  }
  const current = value.current_profile;
  return typeof current === 'string' ? { current_profile: current, profiles } : { profiles };
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
