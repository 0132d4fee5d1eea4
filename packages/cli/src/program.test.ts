import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { harness } from '../test/harness.js';
import { allCommands, createProgram } from './program.js';
import type { Prompts } from './prompts.js';

const TYPE = 'https://yardpass.dev/problems/';
const problem = (status: number, extra: Record<string, unknown> = {}) => ({
  status,
  body: {
    type: 'https://yardpass.dev/problems/x',
    title: 'Problem',
    status,
    request_id: 'req_test_1',
    ...extra,
  },
});

describe('createProgram', () => {
  it('shows an example in the --help of every command', () => {
    let help = '';
    const program = createProgram({
      createClient: () => Promise.reject(new Error('no client in this test')),
      prompts: {} as Prompts,
      stdin: Readable.from([]),
      stdout: { write: (text: string) => (help += text) },
      stderr: { write: () => true },
      env: {},
      version: '1.2.3',
    });
    const missing = allCommands(program.command)
      .filter((command) => command.name() !== '__complete')
      .filter((command) => {
        help = '';
        command.outputHelp();
        return !/Examples:\n {2}\$ yardpass/.test(help);
      })
      .map((command) => command.name());
    expect(missing).toEqual([]);
  });

  it('prints the version with --version', async () => {
    const cli = await harness({});
    expect(await cli.run('--version')).toEqual({ code: 0, stdout: '1.2.3\n', stderr: '' });
  });

  it('documents the exit codes in `help exit-codes`', async () => {
    const cli = await harness({});
    const { code, stdout } = await cli.run('help', 'exit-codes');
    expect(code).toBe(0);
    for (const line of [
      '0    Success.',
      '1    The API',
      '2    Invalid input, whether the CLI or the server (400, 422) caught it',
      '4    Authentication',
      '130  Interrupted',
    ]) {
      expect(stdout).toContain(line);
    }
  });

  it('shows help for a command named after `help`', async () => {
    const cli = await harness({});
    const { code, stdout } = await cli.run('help', 'sponsors', 'profile', 'set');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: yardpass sponsors profile set [options] [id]');
  });

  it.each([
    [['evnts', 'list'], "unknown command 'evnts'"],
    [['events', 'list', '--colour'], "unknown option '--colour'"],
    [['sponsors', 'list', '--visibility', 'secret'], 'Allowed choices are public, private'],
    [['help', 'nonsense'], 'No help for "nonsense"'],
  ])('exits with 2 on bad usage: %j', async (args, message) => {
    const cli = await harness({});
    const { code, stderr } = await cli.run(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('exits with 4 and says how to log in when no API key is configured', async () => {
    const cli = await harness({ config: { profiles: {} } });
    const { code, stderr } = await cli.run('events', 'list');
    expect(code).toBe(4);
    expect(stderr).toBe(
      'error No API key for profile "default". Run `yardpass login`, or set YARDPASS_API_KEY.\n',
    );
  });

  it('exits with 4 when the server rejects the key, naming the profile to log in again', async () => {
    const cli = await harness({
      routes: {
        'GET /v1/events': () => problem(401, { title: 'Unauthorized', detail: 'The API key was revoked.' }),
      },
    });
    const { code, stderr } = await cli.run('events', 'list');
    expect(code).toBe(4);
    expect(stderr).toContain('error The API key was revoked. (401)');
    expect(stderr).toContain('run `yardpass login` to store a valid one');
  });

  it('exits with 2 when the server refuses the input (400), listing each field error and the request id', async () => {
    const cli = await harness({
      routes: {
        'POST /v1/sponsors': () =>
          problem(400, {
            title: 'Invalid request',
            detail: 'The request body is invalid.',
            errors: [{ path: '/website_url', message: 'must be a URL' }],
          }),
      },
    });
    const { code, stdout, stderr } = await cli.run(
      'sponsors',
      'create',
      '--name',
      'Fizz',
      '--website-url',
      'fizz',
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      [
        'error The request body is invalid. (400)',
        '  /website_url: must be a URL',
        '  Request ID: req_test_1',
        '',
      ].join('\n'),
    );
  });

  it('explains a 404 and hides the stack trace unless --debug is given', async () => {
    const routes = {
      'GET /v1/events/e1': () => problem(404, { title: 'Not found', detail: 'No such event.' }),
    };
    const cli = await harness({ routes });
    const plain = await cli.run('events', 'get', 'e1');
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain(
      'Check the id: you see only what your organization owns or is a party to.',
    );
    expect(plain.stderr).not.toContain('    at ');
    const debug = await cli.run('events', 'get', 'e1', '--debug');
    expect(debug.stderr).toContain('    at ');
  });

  it('exits with 2 for a 422 (invalid input the server caught) and 1 for other refusals', async () => {
    const cli = await harness({
      routes: {
        'GET /v1/events/e1': () => problem(422, { detail: 'Bad date.' }),
        'DELETE /v1/events/e1': () => problem(409, { detail: 'In use.' }),
      },
    });
    expect((await cli.run('events', 'get', 'e1')).code).toBe(2);
    expect((await cli.run('events', 'delete', 'e1', '--yes')).code).toBe(1);
  });

  it.each([
    [
      'a 403 for the other party',
      403,
      { type: `${TYPE}wrong-side`, code: 'wrong-side', detail: 'Only the sponsor pays for an order.' },
      "This is the other party's step",
      /higher role/,
    ],
    [
      'a 403 for a missing role',
      403,
      { type: `${TYPE}forbidden`, code: 'forbidden', detail: 'Viewers have read-only access.' },
      'use a key with a higher role',
      /other party/,
    ],
    [
      'a 404 for an unknown route',
      404,
      {
        type: `${TYPE}route-not-found`,
        code: 'route-not-found',
        detail: 'No operation is served at GET /v1/events/e1.',
      },
      'The server does not serve this command',
      /Check the id/,
    ],
    [
      'a 409 for a final state',
      409,
      {
        type: `${TYPE}invalid-state`,
        code: 'invalid-state',
        detail: 'A refunded order cannot be locked.',
        current_status: 'refunded',
      },
      'It is refunded now',
      /retry|again/i,
    ],
    [
      'a 409 for a lost race',
      409,
      {
        type: `${TYPE}lock-conflict`,
        code: 'lock-conflict',
        detail: 'Another request changed the same data.',
      },
      'run the command again',
      /higher role/,
    ],
  ])('hints what fits %s', async (_, status, body, hint, unfit) => {
    const cli = await harness({ routes: { 'GET /v1/events/e1': () => problem(status, body) } });
    const { stderr } = await cli.run('events', 'get', 'e1');
    expect(stderr).toContain(hint);
    expect(stderr.replace(body.detail, '')).not.toMatch(unfit);
  });

  it('says which server it could not reach', async () => {
    const cli = await harness({
      routes: {
        'GET /v1/events': () => {
          throw new TypeError('fetch failed');
        },
      },
      env: { YARDPASS_BASE_URL: 'http://127.0.0.1:9' },
    });
    const { code, stderr } = await cli.run('events', 'list');
    expect(code).toBe(1);
    expect(stderr).toContain('Could not connect to http://127.0.0.1:9');
  });
});
