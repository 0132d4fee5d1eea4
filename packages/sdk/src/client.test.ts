import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_KEY, BASE_URL, createClient, envelope, useServer } from '../test/msw.js';
import { Yardpass, YardpassError, type Fetch } from './index.js';

const server = useServer();
const id = 'e0000000-0000-4000-8000-000000000001';
const event = { id, title: 'Summer Fest' };

/** Answers every request with `answer` and records them. */
function record(answer: () => Response = () => HttpResponse.json(envelope(event))) {
  const requests: Request[] = [];
  server.use(
    http.all('*', ({ request }) => {
      requests.push(request);
      return answer();
    }),
  );
  return requests;
}

describe('new Yardpass()', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('reads YARDPASS_API_KEY and YARDPASS_BASE_URL when not given', async () => {
    vi.stubEnv('YARDPASS_API_KEY', 'yp_test_from_env');
    vi.stubEnv('YARDPASS_BASE_URL', 'https://env.yardpass.test/');
    const requests = record();
    const yardpass = new Yardpass({ fetch: (url, init) => fetch(url, init) });
    expect(yardpass.baseUrl).toBe('https://env.yardpass.test');
    await yardpass.events.retrieve(id);
    expect(requests[0]?.url).toBe(`https://env.yardpass.test/v1/events/${id}`);
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer yp_test_from_env');
  });

  it('prefers the options over the environment', () => {
    vi.stubEnv('YARDPASS_BASE_URL', 'https://env.yardpass.test');
    expect(new Yardpass({ apiKey: API_KEY, baseUrl: 'https://given.yardpass.test' }).baseUrl).toBe(
      'https://given.yardpass.test',
    );
  });

  it('defaults to the dev server, 60 s and 2 retries', () => {
    vi.stubEnv('YARDPASS_BASE_URL', '');
    expect(new Yardpass({ apiKey: API_KEY })).toMatchObject({
      baseUrl: 'http://localhost:3000',
      timeout: 60_000,
      maxRetries: 2,
    });
  });

  it('says how to authenticate when there are no credentials', () => {
    vi.stubEnv('YARDPASS_API_KEY', '');
    expect(() => new Yardpass()).toThrowError(
      expect.objectContaining({
        code: 'missing-credentials',
        message: expect.stringContaining('YARDPASS_API_KEY'),
      }),
    );
  });

  it.each([
    ['both apiKey and token', { apiKey: API_KEY, token: 'jwt' }],
    ['a baseUrl that is not a URL', { apiKey: API_KEY, baseUrl: 'yardpass.test' }],
    ['a baseUrl that is not http(s)', { apiKey: API_KEY, baseUrl: 'ftp://yardpass.test' }],
    ['a timeout of 0', { apiKey: API_KEY, timeout: 0 }],
    ['a negative maxRetries', { apiKey: API_KEY, maxRetries: -1 }],
    ['a fractional maxRetries', { apiKey: API_KEY, maxRetries: 1.5 }],
  ])('refuses %s', (_, options) => {
    expect(() => new Yardpass(options)).toThrowError(expect.objectContaining({ code: 'invalid-option' }));
  });
});

describe('requests', () => {
  it('authenticates with the API key and asks for JSON', async () => {
    const requests = record();
    await createClient().events.retrieve(id);
    const headers = requests[0]?.headers;
    expect(headers?.get('authorization')).toBe(`Bearer ${API_KEY}`);
    expect(headers?.get('accept')).toBe('application/json');
    expect(headers?.has('content-type')).toBe(false);
    expect(headers?.has('x-org-id')).toBe(false);
  });

  it('sends a token with the organization of the client, or of the request', async () => {
    const requests = record();
    const yardpass = new Yardpass({
      token: 'jwt.token',
      orgId: 'org_a',
      baseUrl: BASE_URL,
      fetch: (u, i) => fetch(u, i),
    });
    await yardpass.events.retrieve(id);
    await yardpass.events.retrieve(id, { orgId: 'org_b' });
    expect(requests.map((request) => request.headers.get('x-org-id'))).toEqual(['org_a', 'org_b']);
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer jwt.token');
  });

  it('sends default headers, overridden by the headers of a request', async () => {
    const requests = record();
    const yardpass = createClient({ defaultHeaders: { 'X-Team': 'growth', 'X-Trace': 'client' } });
    await yardpass.events.retrieve(id, { headers: { 'x-trace': 'request', 'If-Match': '"3"' } });
    const headers = requests[0]?.headers;
    expect([headers?.get('x-team'), headers?.get('x-trace'), headers?.get('if-match')]).toEqual([
      'growth',
      'request',
      '"3"',
    ]);
  });

  it('sends the body as JSON and resolves to the `data` of the answer', async () => {
    const requests = record(() => HttpResponse.json(envelope(event), { status: 201 }));
    const created = await createClient().events.create({
      title: 'Summer Fest',
      starts_at: '2026-07-01T18:00:00Z',
      ends_at: '2026-07-01T23:00:00Z',
    });
    expect(created).toEqual(event);
    expect(requests[0]?.method).toBe('POST');
    expect(requests[0]?.headers.get('content-type')).toBe('application/json');
    expect(await requests[0]?.json()).toEqual({
      title: 'Summer Fest',
      starts_at: '2026-07-01T18:00:00Z',
      ends_at: '2026-07-01T23:00:00Z',
    });
  });

  it('keeps the colon of a custom action literal and percent-encodes the id', async () => {
    const requests = record();
    await createClient().apiKeys.revoke('key/1 ?#');
    expect(requests[0]?.method).toBe('POST');
    expect(requests[0]?.url).toBe(`${BASE_URL}/v1/api-keys/key%2F1%20%3F%23:revoke`);
  });

  it.each(['', '.', '..'])('rejects the id %j without sending anything', async (badId) => {
    const requests = record();
    await expect(createClient().events.retrieve(badId)).rejects.toMatchObject({ code: 'invalid-argument' });
    expect(requests).toHaveLength(0);
  });

  it('joins a base URL that has a path of its own', async () => {
    const requests = record();
    await createClient({ baseUrl: `${BASE_URL}/yardpass/` }).events.retrieve(id);
    expect(requests[0]?.url).toBe(`${BASE_URL}/yardpass/v1/events/${id}`);
  });

  it('resolves to undefined for 204 No Content', async () => {
    record(() => new HttpResponse(null, { status: 204 }));
    await expect(createClient().members.remove(id)).resolves.toBeUndefined();
  });

  it('resolves a delete to what the server answers', async () => {
    record(() => HttpResponse.json(envelope({ id, deleted: true })));
    await expect(createClient().events.del(id)).resolves.toEqual({ id, deleted: true });
  });

  it('calls the given fetch with the URL and the request', async () => {
    const calls: Parameters<Fetch>[] = [];
    const yardpass = new Yardpass({
      apiKey: API_KEY,
      baseUrl: BASE_URL,
      fetch: (...args) => {
        calls.push(args);
        return Promise.resolve(Response.json(envelope(event)));
      },
    });
    await yardpass.events.retrieve(id);
    expect(calls).toEqual([[`${BASE_URL}/v1/events/${id}`, expect.objectContaining({ method: 'GET' })]]);
  });

  it('lets a resource method be called detached from its resource', async () => {
    record();
    const { retrieve } = createClient().events;
    await expect(retrieve(id)).resolves.toEqual(event);
  });
});

describe('withResponse()', () => {
  it('gives the result with the answer, its request id and whether it was replayed', async () => {
    record(() =>
      HttpResponse.json(envelope(event), {
        status: 201,
        headers: { 'x-request-id': 'req_9', 'idempotent-replayed': 'true' },
      }),
    );
    const { data, response, requestId, replayed } = await createClient()
      .sponsors.create({ name: 'Fizz Cola' }, { idempotencyKey: 'k1' })
      .withResponse();
    expect(data).toEqual(event);
    expect(response.status).toBe(201);
    expect([requestId, replayed]).toEqual(['req_9', true]);
  });

  it('says replayed: false for a first answer', async () => {
    record();
    const { replayed, requestId } = await createClient().events.retrieve(id).withResponse();
    expect([replayed, requestId]).toEqual([false, null]);
  });
});

describe('request()', () => {
  it('sends any method, path, query and body, and resolves to the body as is', async () => {
    const requests = record(() => HttpResponse.json({ data: [event], has_more: false, next_cursor: null }));
    const body = await createClient().request({
      method: 'POST',
      path: 'v1/anything:act',
      query: { tag: ['a', 'b'], limit: 5, archived: false, skipped: undefined, nothing: null },
      body: { note: 'hi' },
    });
    expect(body).toEqual({ data: [event], has_more: false, next_cursor: null });
    expect(requests[0]?.url).toBe(`${BASE_URL}/v1/anything:act?tag=a&tag=b&limit=5&archived=false`);
    expect(await requests[0]?.json()).toEqual({ note: 'hi' });
    expect(requests[0]?.headers.get('idempotency-key')).toEqual(expect.any(String));
  });

  it('resolves to the text of an answer that is not JSON', async () => {
    record(() => HttpResponse.text('ok'));
    await expect(createClient().request({ method: 'GET', path: '/healthz' })).resolves.toBe('ok');
  });

  it('resolves to the text of CSV, and to the bytes of a PDF, unchanged', async () => {
    const csv = 'date,impressions\r\n2026-07-01,1200\r\n';
    record(() => new HttpResponse(csv, { headers: { 'content-type': 'text/csv; charset=utf-8' } }));
    await expect(createClient().request({ method: 'GET', path: '/v1/reports/roi' })).resolves.toBe(csv);

    // Not valid UTF-8: decoding it as text would replace these bytes.
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0xe2, 0xe3, 0xcf, 0xd3, 0xff]);
    record(() => new HttpResponse(pdf, { headers: { 'content-type': 'application/pdf' } }));
    const bytes = await createClient().request<Uint8Array>({ method: 'GET', path: '/v1/reports/roi' });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes]).toEqual([...pdf]);
  });

  it('throws the same errors as the methods', async () => {
    record(() =>
      HttpResponse.json(
        { type: 'https://yardpass.dev/problems/not-found', title: 'Not found', status: 404 },
        { status: 404 },
      ),
    );
    const error: unknown = await createClient()
      .request({ method: 'GET', path: '/v1/nothing' })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(YardpassError);
    expect(error).toMatchObject({ status: 404, code: 'not-found' });
  });
});
