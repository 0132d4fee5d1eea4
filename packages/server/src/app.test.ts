import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('system routes', () => {
  it('answers /healthz without credentials', async () => {
    const res = await api(server, undefined)('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok' });
  });

  it('reports ready when the database is reachable and migrated', async () => {
    const res = await api(server, undefined)('GET', '/readyz');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok', checks: { database: 'ok', migrations: 'ok' } });
  });

  it('serves Prometheus metrics with request counts by route and status', async () => {
    await api(server, server.organizer)('GET', '/v1/events');
    const res = await api(server, undefined)('GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/http_requests_total\{method="GET",route="\/v1\/events",status="200"\} \d+/);
    expect(res.text).toContain('http_request_duration_seconds_bucket');
    expect(res.text).toContain('yardpass_job_queue_depth');
  });

  it('serves the contract as JSON and YAML, and an interactive reference', async () => {
    const json = await api(server, undefined)('GET', '/openapi.json');
    expect(json.json.openapi).toBe('3.1.0');
    const yaml = await api(server, undefined)('GET', '/openapi.yaml');
    expect(yaml.text).toMatch(/^openapi: 3\.1\.0/);
    const docs = await api(server, undefined)('GET', '/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toContain('text/html');
    expect(docs.text).toContain('/openapi.json');
  });
});

describe('request handling', () => {
  it('echoes a sane X-Request-Id and makes one otherwise', async () => {
    const given = await api(server, server.organizer)('GET', '/v1/events', {
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const made = await api(server, server.organizer)('GET', '/v1/events', {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(made.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await api(server, server.organizer)('GET', '/v1/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.json).toMatchObject({
      type: 'https://yardpass.dev/problems/route-not-found',
      code: 'route-not-found',
      status: 404,
      request_id: res.headers.get('x-request-id'),
    });
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const res = await api(server, server.organizer)('POST', '/v1/events', { rawBody: '{"title": ' });
    expect(res.status).toBe(400);
    expect(res.json.detail).toMatch(/not valid JSON/);
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers a body over 1 MiB with 413', async () => {
    const res = await api(server, server.organizer)('POST', '/v1/events', {
      rawBody: JSON.stringify({ title: 'x'.repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
    expect(res.json.type).toBe('https://yardpass.dev/problems/payload-too-large');
  });

  it('answers a non-JSON content type with 415', async () => {
    const res = await api(server, server.organizer)('POST', '/v1/events', {
      rawBody: 'title=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
  });

  it('rejects unknown query parameters, naming them', async () => {
    const res = await api(server, server.organizer)('GET', '/v1/events?colour=blue');
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ path: '/query', message: expect.stringContaining('colour') }]);
  });
});
