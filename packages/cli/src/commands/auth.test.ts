import { stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_KEY, BASE_URL, harness } from '../../test/harness.js';

const current = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Organizer Co',
  created_at: '2026-05-01T00:00:00Z',
  caller: { kind: 'api_key', role: 'owner', api_key_id: 'k1', api_key_prefix: 'yp_test_0123', mode: 'test' },
};
const routes = { 'GET /v1/organizations/current': () => ({ body: { data: current } }) };

describe('yardpass login', () => {
  it('checks the key with the server, then stores the profile in a file only the user can read', async () => {
    const cli = await harness({ routes, config: { profiles: {} } });
    const { code, stderr } = await cli.run('login', '--api-key', API_KEY, '--base-url', `${BASE_URL}/`);
    expect(code).toBe(0);
    expect(cli.requests[0]?.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
    expect(await cli.readConfig()).toEqual({
      current_profile: 'default',
      profiles: { default: { base_url: BASE_URL, api_key: API_KEY } },
    });
    expect((await stat(cli.configFile)).mode & 0o777).toBe(0o600);
    expect(stderr).toContain('✓ Logged in to Organizer Co as API key yp_test_0123… (owner, test mode).');
  });

  it('asks for the URL and the key on a terminal', async () => {
    const cli = await harness({ routes, tty: true, answers: [BASE_URL, API_KEY], config: { profiles: {} } });
    const { code } = await cli.run('login', '--profile', 'staging');
    expect(code).toBe(0);
    expect(cli.asked).toEqual(['Server URL:', `API key for ${BASE_URL}:`]);
    expect((await cli.readConfig()).profiles.staging).toEqual({ base_url: BASE_URL, api_key: API_KEY });
  });

  it('reads the key from standard input with --api-key -', async () => {
    const cli = await harness({ routes, stdin: `${API_KEY}\n`, config: { profiles: {} } });
    const { code } = await cli.run('login', '--api-key', '-', '--base-url', BASE_URL);
    expect(code).toBe(0);
    expect((await cli.readConfig()).profiles.default?.api_key).toBe(API_KEY);
  });

  it('keeps the current profile and says how to use a new one', async () => {
    const cli = await harness({ routes });
    const { stderr } = await cli.run(
      'login',
      '--profile',
      'prod',
      '--api-key',
      API_KEY,
      '--base-url',
      BASE_URL,
    );
    expect((await cli.readConfig()).current_profile).toBe('default');
    expect(stderr).toContain('Use it with --profile prod, or make it the default: yardpass config use prod');
  });

  it('stores nothing and exits with 4 when the server rejects the key', async () => {
    const cli = await harness({
      config: { profiles: {} },
      routes: {
        'GET /v1/organizations/current': () => ({
          status: 401,
          body: { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Unknown API key.' },
        }),
      },
    });
    const { code, stderr } = await cli.run('login', '--api-key', 'yp_test_wrong', '--base-url', BASE_URL);
    expect(code).toBe(4);
    expect(stderr).toContain(
      `${BASE_URL} rejected the key: Unknown API key. Nothing was saved; check the key and try again.`,
    );
    expect(await cli.readConfig()).toEqual({ profiles: {} });
  });

  it.each([
    [['login'], 'Missing --api-key'],
    [
      ['login', '--api-key', API_KEY, '--base-url', 'ftp://example.com'],
      'must start with http:// or https://',
    ],
  ])('fails with exit code 2 without asking: %j', async (args, message) => {
    const cli = await harness({ routes });
    const { code, stderr } = await cli.run(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(cli.requests).toEqual([]);
  });
});

describe('yardpass whoami', () => {
  it('shows the organization, the key, the server and the profile', async () => {
    const cli = await harness({ routes });
    const { code, stdout } = await cli.run('whoami');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        `Organization  Organizer Co (${current.id})`,
        'Acting as     API key yp_test_0123… (owner, test mode)',
        `Server        ${BASE_URL}`,
        'Profile       default',
        '',
      ].join('\n'),
    );
  });

  it('uses YARDPASS_API_KEY and YARDPASS_BASE_URL over the profile, and says so', async () => {
    const cli = await harness({
      routes,
      env: { YARDPASS_API_KEY: 'yp_test_env', YARDPASS_BASE_URL: BASE_URL },
    });
    const { stdout } = await cli.run('whoami');
    expect(cli.requests[0]?.headers.get('authorization')).toBe('Bearer yp_test_env');
    expect(stdout).toContain('Profile       default (key from YARDPASS_API_KEY)');
  });

  it('prints the API answer with --json', async () => {
    const cli = await harness({ routes });
    const { stdout } = await cli.run('whoami', '--json');
    expect(JSON.parse(stdout)).toEqual(current);
  });
});

describe('yardpass logout', () => {
  it("forgets the profile's key but keeps its URL", async () => {
    const cli = await harness({});
    const { code } = await cli.run('logout');
    expect(code).toBe(0);
    expect((await cli.readConfig()).profiles.default).toEqual({ base_url: BASE_URL });
  });
});
