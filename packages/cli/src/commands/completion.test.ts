import { describe, expect, it } from 'vitest';
import { harness } from '../../test/harness.js';

describe('yardpass __complete', () => {
  it.each([
    [[''], ['login', 'logout', 'whoami', 'config', 'events']],
    [['ev'], ['events']],
    [
      ['events', ''],
      ['list', 'create', 'get', 'update', 'delete', 'help'],
    ],
    [
      ['sponsors', 'profile', ''],
      ['get', 'set', 'help'],
    ],
    [
      ['events', 'list', '--st'],
      ['--starts-after', '--starts-before'],
    ],
    [
      ['--profile', ''],
      ['default', 'prod'],
    ],
    [['config', 'use', 'p'], ['prod']],
    [
      ['config', 'get', ''],
      ['base_url', 'api_key'],
    ],
    [
      ['sponsors', 'create', '--visibility', 'p'],
      ['public', 'private'],
    ],
  ])('completes %j with %j', async (words, expected) => {
    const cli = await harness({ config: { profiles: { default: {}, prod: {} } } });
    const { code, stdout } = await cli.run('__complete', '--', ...words);
    expect(code).toBe(0);
    expect(stdout.split('\n').filter(Boolean)).toEqual(expect.arrayContaining(expected));
    if (words.at(-1) !== '') expect(stdout.split('\n').filter(Boolean)).toEqual(expected);
  });

  it.each(['bash', 'zsh', 'fish'])('prints a %s script that asks __complete', async (shell) => {
    const cli = await harness({});
    const { code, stdout } = await cli.run('completion', shell);
    expect(code).toBe(0);
    expect(stdout).toContain('yardpass __complete --');
  });
});
