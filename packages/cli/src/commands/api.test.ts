import { describe, expect, it } from 'vitest';
import { API_KEY, harness, page } from '../../test/harness.js';

describe('yardpass api', () => {
  it('sends any request with the profile key and prints the JSON answer', async () => {
    const cli = await harness({ routes: { 'GET /v1/events': () => page([]) } });
    const { code, stdout } = await cli.run('api', 'get', 'v1/events', '-q', 'limit=5', '-q', 'city=Austin');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ data: [], has_more: false, next_cursor: null });
    expect(cli.requests[0]).toMatchObject({
      method: 'GET',
      path: '/v1/events',
      query: { limit: '5', city: 'Austin' },
    });
    expect(cli.requests[0]?.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
  });

  it('sends --data as the JSON body', async () => {
    const cli = await harness({
      routes: { 'POST /v1/sponsors': ({ body }) => ({ status: 201, body: { data: body } }) },
    });
    const { stdout } = await cli.run('api', 'POST', '/v1/sponsors', '--data', '{"name":"Fizz"}');
    expect(cli.requests[0]?.body).toEqual({ name: 'Fizz' });
    expect(JSON.parse(stdout)).toEqual({ data: { name: 'Fizz' } });
  });

  it('prints an answer that is not JSON as text', async () => {
    const text = '# TYPE http_requests_total counter\nhttp_requests_total 3\n';
    const cli = await harness({
      routes: { 'GET /metrics': () => ({ body: text, headers: { 'content-type': 'text/plain' } }) },
    });
    const { stdout } = await cli.run('api', 'GET', '/metrics');
    expect(stdout).toBe(text);
  });

  it('writes a binary answer to stdout unchanged, but not onto a terminal', async () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0xff, 0x00, 0xe2]);
    const routes = {
      'GET /v1/reports/roi': () => ({ body: pdf, headers: { 'content-type': 'application/pdf' } }),
    };
    const piped = await harness({ routes });
    const written = await piped.run('api', 'GET', '/v1/reports/roi', '-q', 'format=pdf');
    expect(written.code).toBe(0);
    expect([...piped.stdoutBytes()]).toEqual([...pdf]);

    const terminal = await harness({ routes, tty: true });
    const refused = await terminal.run('api', 'GET', '/v1/reports/roi', '-q', 'format=pdf');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('redirect it to a file');
    expect(terminal.stdoutBytes()).toHaveLength(0);
  });

  it.each([
    [['api', 'FETCH', '/v1/events'], 'Unknown method "FETCH"'],
    [['api', 'GET', '/v1/events', '-q', 'limit'], '-q takes key=value; got "limit"'],
  ])('rejects bad usage with exit code 2: %j', async (args, message) => {
    const cli = await harness({});
    const { code, stderr } = await cli.run(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});
