import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_KEY, BASE_URL, createClient, envelope, useServer } from '../test/msw.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  ConflictError,
  InternalServerError,
  RateLimitError,
  type LogEvent,
} from './index.js';

const server = useServer();
const sponsor = { id: 'a0000000-0000-4000-8000-000000000001', name: 'Fizz Cola' };
const problem = (status: number, type: string) =>
  HttpResponse.json(
    { type: `https://yardpass.dev/problems/${type}`, title: type, status },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );

/** Answers `answers` in turn (the last one again once they run out) and records each request. */
function answerInTurn(method: 'get' | 'post', path: string, answers: (() => Response)[]) {
  const requests: Request[] = [];
  server.use(
    http[method](`${BASE_URL}${path}`, ({ request }) => {
      requests.push(request);
      const answer = answers[Math.min(requests.length, answers.length) - 1];
      return answer ? answer() : HttpResponse.error();
    }),
  );
  return requests;
}

const ok = () => HttpResponse.json(envelope(sponsor));
const created = () => HttpResponse.json(envelope(sponsor), { status: 201 });
const unavailable = () => problem(503, 'unavailable');

describe('retries', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.spyOn(Math, 'random').mockReturnValue(0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends again after 0.5 s, then 1 s, and resolves when an attempt succeeds', async () => {
    const requests = answerInTurn('get', `/v1/sponsors/${sponsor.id}`, [unavailable, unavailable, ok]);
    const result = createClient().sponsors.retrieve(sponsor.id);

    await vi.advanceTimersByTimeAsync(499);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual(sponsor);
    expect(requests).toHaveLength(3);
  });

  it('waits up to a quarter less than the exponential step (jitter) and never more than 8 s', async () => {
    vi.mocked(Math.random).mockReturnValue(0.999);
    answerInTurn('get', '/v1/sponsors', [unavailable]);
    const delays: number[] = [];
    const logger = (event: LogEvent) => event.type === 'retry' && delays.push(event.delayMs);
    const result = createClient({ maxRetries: 6, logger }).sponsors.list();
    const settled = expect(result).rejects.toBeInstanceOf(InternalServerError);

    await vi.runAllTimersAsync();
    await settled;
    const steps = [500, 1000, 2000, 4000, 8000, 8000];
    expect(delays).toHaveLength(steps.length);
    delays.forEach((delay, index) => expect(delay).toBeCloseTo((steps[index] ?? 0) * (1 - 0.999 * 0.25)));
  });

  it('throws the last error after maxRetries retries (2 by default)', async () => {
    const requests = answerInTurn('get', '/v1/sponsors', [unavailable]);
    const result = createClient().sponsors.list();
    const settled = expect(result).rejects.toMatchObject({ status: 503, code: 'unavailable' });
    await vi.runAllTimersAsync();
    await settled;
    expect(requests).toHaveLength(3);
  });

  it.each([
    ['the client', { maxRetries: 0 }, {}, 1],
    ['the request', { maxRetries: 5 }, { maxRetries: 1 }, 2],
  ])('takes maxRetries from %s', async (_, clientOptions, requestOptions, attempts) => {
    const requests = answerInTurn('get', '/v1/sponsors', [unavailable]);
    const result = createClient(clientOptions).sponsors.list({}, requestOptions);
    const settled = expect(result).rejects.toBeInstanceOf(InternalServerError);
    await vi.runAllTimersAsync();
    await settled;
    expect(requests).toHaveLength(attempts);
  });

  it.each([
    ['Retry-After in seconds', { 'retry-after': '3' }, 3000],
    ['Retry-After as an HTTP date', { 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }, 5000],
    ['retry-after-ms', { 'retry-after-ms': '1500', 'retry-after': '9' }, 1500],
  ])('waits as long as %s asks', async (_, headers, expected) => {
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const requests = answerInTurn('get', '/v1/sponsors', [
      () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'Too many requests', status: 429 },
          { status: 429, headers },
        ),
      () => HttpResponse.json({ data: [], has_more: false, next_cursor: null }),
    ]);
    const result = createClient().sponsors.list();
    await vi.advanceTimersByTimeAsync(expected - 1);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toMatchObject({ data: [] });
    expect(requests).toHaveLength(2);
  });

  it('does not retry when Retry-After asks for more than a minute', async () => {
    const requests = answerInTurn('get', '/v1/sponsors', [
      () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'Slow down', status: 429 },
          { status: 429, headers: { 'retry-after': '120' } },
        ),
    ]);
    const error: unknown = await createClient()
      .sponsors.list()
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers.get('retry-after')).toBe('120');
    expect(requests).toHaveLength(1);
  });

  it.each([
    [408, 'request-timeout'],
    [409, 'idempotency-in-progress'],
    [409, 'lock-conflict'],
    [429, 'rate-limited'],
    [500, 'internal'],
    [502, 'bad-gateway'],
  ])('retries %i %s', async (status, type) => {
    const requests = answerInTurn('post', '/v1/sponsors', [() => problem(status, type), created]);
    const result = createClient().sponsors.create({ name: 'Fizz Cola' });
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual(sponsor);
    expect(requests).toHaveLength(2);
  });

  it.each([
    [400, 'validation'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [409, 'conflict'],
    [412, 'precondition-failed'],
    [422, 'idempotency-key-reused'],
  ])('does not retry %i %s', async (status, type) => {
    const requests = answerInTurn('post', '/v1/sponsors', [() => problem(status, type), created]);
    await expect(createClient().sponsors.create({ name: 'Fizz Cola' })).rejects.toMatchObject({
      status,
      code: type,
    });
    expect(requests).toHaveLength(1);
  });

  it('retries a connection error and throws APIConnectionError when they persist', async () => {
    const requests = answerInTurn('get', '/v1/sponsors', [() => HttpResponse.error()]);
    const result = createClient().sponsors.list();
    const settled = expect(result).rejects.toSatisfy(
      (error) =>
        error instanceof APIConnectionError &&
        error.cause instanceof Error &&
        error.code === 'connection-error',
    );
    await vi.runAllTimersAsync();
    await settled;
    expect(requests).toHaveLength(3);
  });

  it('tells the logger about each attempt, answer and retry, without the credentials', async () => {
    answerInTurn('post', '/v1/sponsors', [
      () => problem(409, 'idempotency-in-progress'),
      () => HttpResponse.json(envelope(sponsor), { status: 201, headers: { 'x-request-id': 'req_2' } }),
    ]);
    const events: LogEvent[] = [];
    const result = createClient({ logger: (event) => events.push(event) }).sponsors.create({
      name: 'Fizz Cola',
    });
    await vi.runAllTimersAsync();
    await result;

    const url = `${BASE_URL}/v1/sponsors`;
    expect(events.map((event) => [event.type, event.attempt])).toEqual([
      ['request', 1],
      ['response', 1],
      ['retry', 1],
      ['request', 2],
      ['response', 2],
    ]);
    expect(events[0]).toMatchObject({ method: 'POST', url, idempotencyKey: expect.any(String) });
    expect(events[2]).toMatchObject({ delayMs: 500, error: expect.any(ConflictError) });
    expect(events[4]).toMatchObject({ status: 201, requestId: 'req_2', durationMs: expect.any(Number) });
    expect(JSON.stringify(events)).not.toContain(API_KEY);
  });
});

describe('idempotency keys', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('sends the same generated key with every retry of a write', async () => {
    const requests = answerInTurn('post', '/v1/sponsors', [unavailable, unavailable, created]);
    const result = createClient().sponsors.create({ name: 'Fizz Cola' });
    await vi.runAllTimersAsync();
    await result;

    const keys = requests.map((request) => request.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys).toEqual([keys[0], keys[0], keys[0]]);
  });

  it('generates a new key for each call', async () => {
    const requests = answerInTurn('post', '/v1/sponsors', [created]);
    const yardpass = createClient();
    await yardpass.sponsors.create({ name: 'Fizz Cola' });
    await yardpass.sponsors.create({ name: 'Fizz Cola' });
    expect(requests[0]?.headers.get('idempotency-key')).not.toBe(requests[1]?.headers.get('idempotency-key'));
  });

  it.each([
    ['the idempotencyKey option', { idempotencyKey: 'import-42' }],
    ['an Idempotency-Key header', { headers: { 'Idempotency-Key': 'import-42' } }],
  ])('uses the key given by %s', async (_, options) => {
    const requests = answerInTurn('post', '/v1/sponsors', [unavailable, created]);
    const result = createClient().sponsors.create({ name: 'Fizz Cola' }, options);
    await vi.runAllTimersAsync();
    await result;
    expect(requests.map((request) => request.headers.get('idempotency-key'))).toEqual([
      'import-42',
      'import-42',
    ]);
  });

  it.each([
    [
      'PATCH',
      (yardpass: ReturnType<typeof createClient>) => yardpass.sponsors.update(sponsor.id, { name: 'Fizz' }),
    ],
    ['DELETE', (yardpass: ReturnType<typeof createClient>) => yardpass.sponsors.del(sponsor.id)],
    ['PUT', (yardpass: ReturnType<typeof createClient>) => yardpass.sponsors.updateProfile(sponsor.id, {})],
  ])('sends one with %s', async (method, call) => {
    const keys: (string | null)[] = [];
    server.use(
      http.all(`${BASE_URL}/v1/sponsors/*`, ({ request }) => {
        expect(request.method).toBe(method);
        keys.push(request.headers.get('idempotency-key'));
        return HttpResponse.json(envelope(sponsor));
      }),
    );
    await call(createClient());
    expect(keys).toEqual([expect.any(String)]);
  });

  it('sends none with a GET', async () => {
    const requests = answerInTurn('get', `/v1/sponsors/${sponsor.id}`, [ok]);
    await createClient().sponsors.retrieve(sponsor.id);
    expect(requests[0]?.headers.has('idempotency-key')).toBe(false);
  });
});

describe('timeouts and aborts', () => {
  /** Never answers; resolves `started` when the request arrives. */
  function hang() {
    let arrived: () => void = () => {};
    const started = new Promise<void>((resolve) => (arrived = resolve));
    const requests = answerInTurn('get', '/v1/sponsors', []);
    server.use(
      http.get(`${BASE_URL}/v1/sponsors`, ({ request }) => {
        requests.push(request);
        arrived();
        return new Promise<Response>(() => {});
      }),
    );
    return { started, requests };
  }

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.spyOn(Math, 'random').mockReturnValue(0);
  });
  afterEach(() => vi.useRealTimers());

  it('gives up on an attempt after `timeout` ms, retries, then throws APIConnectionTimeoutError', async () => {
    const { requests } = hang();
    const result = createClient({ timeout: 1000, maxRetries: 1 }).sponsors.list();
    const settled = expect(result).rejects.toBeInstanceOf(APIConnectionTimeoutError);

    await vi.advanceTimersByTimeAsync(999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1 + 500);
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1000);
    await settled;
  });

  it('takes the timeout of the request over the client', async () => {
    hang();
    const result = createClient({ timeout: 60_000, maxRetries: 0 }).sponsors.list({}, { timeout: 50 });
    const settled = expect(result).rejects.toMatchObject({ code: 'connection-timeout' });
    await vi.advanceTimersByTimeAsync(50);
    await settled;
  });

  it('rejects with APIUserAbortError when the signal aborts during a request', async () => {
    const { started } = hang();
    const controller = new AbortController();
    const result = createClient().sponsors.list({}, { signal: controller.signal });
    await started;
    controller.abort();
    await expect(result).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('stops waiting to retry as soon as the signal aborts', async () => {
    const requests = answerInTurn('get', '/v1/sponsors', [unavailable]);
    const controller = new AbortController();
    const result = createClient().sponsors.list({}, { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    await expect(result).rejects.toMatchObject({ code: 'user-abort' });
    expect(requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const requests = answerInTurn('get', '/v1/sponsors', [ok]);
    const result = createClient().sponsors.list({}, { signal: AbortSignal.abort() });
    await expect(result).rejects.toBeInstanceOf(APIUserAbortError);
    expect(requests).toHaveLength(0);
  });
});
