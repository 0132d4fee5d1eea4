import { describe, expect, it } from 'vitest';
import { API_KEY, BASE_URL, harness } from '../../test/harness.js';

const config = {
  current_profile: 'default',
  profiles: {
    default: { base_url: BASE_URL, api_key: API_KEY },
    prod: { base_url: 'https://yardpass.example.com' },
  },
};

describe('yardpass config', () => {
  it('lists the profiles with shortened keys, marking the current one', async () => {
    const cli = await harness({ config });
    const { stdout } = await cli.run('config', 'list');
    expect(stdout.split('\n')).toEqual([
      '   PROFILE  BASE URL                      API KEY',
      `*  default  ${BASE_URL}          yp_test_0123…`,
      '   prod     https://yardpass.example.com  -',
      '',
    ]);
  });

  it('follows --profile and YARDPASS_PROFILE for the current profile', async () => {
    const flag = await (await harness({ config })).run('config', 'list', '--json', '--profile', 'prod');
    const env = await (
      await harness({ config, env: { YARDPASS_PROFILE: 'prod' } })
    ).run('config', 'get', 'base_url');
    expect(JSON.parse(flag.stdout)).toMatchObject({ current_profile: 'prod' });
    expect(env.stdout).toBe('https://yardpass.example.com\n');
  });

  it('sets a setting of the chosen profile, checking URLs', async () => {
    const cli = await harness({ config });
    expect(
      (await cli.run('config', 'set', 'base_url', 'http://localhost:4000/', '--profile', 'prod')).code,
    ).toBe(0);
    expect((await cli.readConfig()).profiles.prod).toEqual({ base_url: 'http://localhost:4000' });
    const bad = await cli.run('config', 'set', 'base_url', 'localhost');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"localhost" is not a URL');
  });

  it('switches the current profile, refusing an unknown one', async () => {
    const cli = await harness({ config });
    expect((await cli.run('config', 'use', 'prod')).code).toBe(0);
    expect((await cli.readConfig()).current_profile).toBe('prod');
    const unknown = await cli.run('config', 'use', 'staging');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No profile named "staging" (there are: default, prod)');
  });

  it('rejects unknown settings with exit code 2', async () => {
    const cli = await harness({ config });
    const { code, stderr } = await cli.run('config', 'get', 'colour');
    expect(code).toBe(2);
    expect(stderr).toContain('Allowed choices are base_url, api_key');
  });

  it('explains a config file that is not valid JSON', async () => {
    const cli = await harness({});
    const { writeFile } = await import('node:fs/promises');
    await writeFile(cli.configFile, '{ "profiles": ');
    const { code, stderr } = await cli.run('config', 'list');
    expect(code).toBe(2);
    expect(stderr).toContain(`${cli.configFile} is not a valid yardpass config file`);
  });
});
