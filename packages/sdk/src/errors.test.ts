import { http, HttpResponse } from 'msw';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { BASE_URL, createClient, useServer } from '../test/msw.js';
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  PreconditionFailedError,
  RateLimitError,
  UnprocessableEntityError,
  YardpassError,
  type ClientErrorCode,
  type YardpassErrorCode,
} from './index.js';

const server = useServer();
const eventId = 'e0000000-0000-4000-8000-000000000001';

/** The error `GET /v1/events/{id}` rejects with when the server answers `response`. */
async function errorFor(response: Response): Promise<unknown> {
  server.use(http.get(`${BASE_URL}/v1/events/:id`, () => response));
  return createClient({ maxRetries: 0 })
    .events.retrieve(eventId)
    .then(
      () => undefined,
      (error: unknown) => error,
    );
}

const problem = (status: number, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  HttpResponse.json(
    { type: 'https://yardpass.dev/problems/example', title: 'Example', status, ...body },
    { status, headers: { 'content-type': 'application/problem+json', ...headers } },
  );

describe('API errors', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [412, PreconditionFailedError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [418, APIError],
  ])('throws for %i a %o', async (status, ErrorClass) => {
    const error = await errorFor(problem(status));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(YardpassError);
    expect(error).toMatchObject({ status, name: ErrorClass.name });
  });

  it('carries the problem, its field errors, extra members, headers and request id', async () => {
    const error = await errorFor(
      problem(
        422,
        {
          type: 'https://yardpass.dev/problems/validation',
          title: 'Invalid request',
          detail: 'Two fields are invalid.',
          request_id: 'req_body',
          current_status: 'published',
          errors: [
            { path: '/title', message: 'must not be empty' },
            { path: '/ends_at', message: 'must not be before starts_at' },
          ],
        },
        { 'x-request-id': 'req_123' },
      ),
    );
    expect(error).toMatchObject({
      code: 'validation',
      type: 'https://yardpass.dev/problems/validation',
      title: 'Invalid request',
      detail: 'Two fields are invalid.',
      requestId: 'req_123',
      errors: [
        { path: '/title', message: 'must not be empty' },
        { path: '/ends_at', message: 'must not be before starts_at' },
      ],
      problem: { current_status: 'published' },
      message:
        'Invalid request: Two fields are invalid. (/title: must not be empty; /ends_at: must not be before starts_at)',
    });
    expect((error as APIError).headers.get('x-request-id')).toBe('req_123');
  });

  it('takes the code from the problem, else from its type (servers that predate the code member)', async () => {
    const withCode = await errorFor(
      problem(409, { type: 'https://yardpass.dev/problems/in-use', code: 'in-use' }),
    );
    const typeOnly = await errorFor(problem(422, { type: 'https://yardpass.dev/problems/below-price' }));
    const notAProblem = await errorFor(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect([withCode, typeOnly, notAProblem].map((error) => (error as APIError).code)).toEqual([
      'in-use',
      'below-price',
      'http-502',
    ]);
  });

  it("types the code as the contract's error codes and the SDK's own", () => {
    expectTypeOf<YardpassError['code']>().toEqualTypeOf<YardpassErrorCode | ClientErrorCode>();
    expectTypeOf<'currency-mismatch'>().toMatchTypeOf<YardpassErrorCode>();
    expectTypeOf<'route-not-found'>().toMatchTypeOf<YardpassErrorCode>();
    const check = (error: YardpassError) =>
      // @ts-expect-error a misspelt code is not one the API or the SDK can answer
      error.code === 'not-foud';
    expect(check(new YardpassError('x', { code: 'user-abort' }))).toBe(false);
  });

  it('takes the request id from the body when the header is missing', async () => {
    const error = await errorFor(problem(404, { title: 'Not found', request_id: 'req_body' }));
    expect(error).toMatchObject({ requestId: 'req_body', message: 'Not found', errors: [] });
  });

  it('keeps the message on one line', async () => {
    const error = await errorFor(problem(400, { detail: 'first line\n  second line' }));
    expect((error as Error).message).toBe('Example: first line second line');
  });

  it('describes an answer that is not a problem, e.g. a proxy page', async () => {
    const error = await errorFor(
      new HttpResponse('<html>upstream unavailable</html>', {
        status: 502,
        statusText: 'Bad Gateway',
        headers: { 'content-type': 'text/html' },
      }),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({
      code: 'http-502',
      type: 'about:blank',
      title: 'Bad Gateway',
      detail: '<html>upstream unavailable</html>',
      message: 'Bad Gateway: <html>upstream unavailable</html>',
    });
  });

  it('ignores malformed field errors rather than failing on them', async () => {
    const error = await errorFor(
      problem(400, { errors: [{ path: '/a', message: 'bad' }, 'oops', { path: 1 }] }),
    );
    expect(error).toMatchObject({ errors: [{ path: '/a', message: 'bad' }] });
  });

  it('throws invalid-json when a success answer is not the JSON it claims', async () => {
    const error = await errorFor(
      new HttpResponse('{"data": ', { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    expect(error).toBeInstanceOf(YardpassError);
    expect(error).toMatchObject({ code: 'invalid-json' });
  });
});
