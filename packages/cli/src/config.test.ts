import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configPath, readConfig, resolveSettings, writeConfig, type ConfigFile } from './config.js';

const config: ConfigFile = {
  current_profile: 'work',
  profiles: {
    work: { base_url: 'https://work.example', api_key: 'yp_live_work' },
    play: { base_url: 'https://play.example', api_key: 'yp_test_play' },
  },
};

describe('configPath', () => {
  it.each([
    [{ XDG_CONFIG_HOME: '/xdg', HOME: '/home/ana' }, '/xdg/yardpass/config.json'],
    [{ HOME: '/home/ana' }, '/home/ana/.config/yardpass/config.json'],
    [{ XDG_CONFIG_HOME: 'relative', HOME: '/home/ana' }, '/home/ana/.config/yardpass/config.json'],
  ])('with %j is %s', (env, expected) => {
    expect(configPath(env)).toBe(expected);
  });
});

describe('resolveSettings', () => {
  it.each([
    [
      'the current profile',
      {},
      undefined,
      { profile: 'work', apiKey: 'yp_live_work', baseUrl: 'https://work.example' },
    ],
    ['--profile', { YARDPASS_PROFILE: 'work' }, 'play', { profile: 'play', apiKey: 'yp_test_play' }],
    ['YARDPASS_PROFILE', { YARDPASS_PROFILE: 'play' }, undefined, { profile: 'play' }],
    [
      'YARDPASS_API_KEY and YARDPASS_BASE_URL',
      { YARDPASS_API_KEY: 'yp_test_env', YARDPASS_BASE_URL: 'http://env' },
      undefined,
      { profile: 'work', apiKey: 'yp_test_env', baseUrl: 'http://env', apiKeySource: 'YARDPASS_API_KEY' },
    ],
    [
      'an unknown profile',
      {},
      'new',
      { profile: 'new', apiKey: undefined, baseUrl: 'http://localhost:3000' },
    ],
  ])('follows %s', (_case, env, profileFlag, expected) => {
    expect(resolveSettings({ env, config, profileFlag })).toMatchObject(expected);
  });
});

describe('writeConfig', () => {
  it('writes a file only its owner can read, which readConfig reads back', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'yardpass-config-')), 'yardpass', 'config.json');
    await writeConfig(path, config);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readConfig(path)).toEqual(config);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(config);
  });

  it('reads a missing file as no profiles', async () => {
    expect(await readConfig('/nonexistent/yardpass/config.json')).toEqual({ profiles: {} });
  });
});
