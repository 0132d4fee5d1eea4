import type { components } from './generated/openapi.js';

/**
 * An RFC 9457 problem, as the API answers errors; extra members (e.g. `current_status`) are kept.
 *
 * @example
 * ```ts
 * const problem: Problem = error.problem; // { type, title, status, detail, request_id, errors, … }
 * ```
 */
export type Problem = components['schemas']['Problem'];
/**
 * One invalid field of a problem: a JSON pointer into the request and what is wrong with it.
 *
 * @example
 * ```ts
 * const field: ProblemFieldError = { path: '/title', message: 'must not be empty' };
 * ```
 */
export type ProblemFieldError = NonNullable<Problem['errors']>[number];

const PROBLEM_BASE = 'https://yardpass.dev/problems/';

/**
 * The `code` of a problem the API answers, e.g. `not-found` or `currency-mismatch`: the `ErrorCode`s of
 * openapi.yaml, each explained in docs/errors.md. A server newer than this SDK may answer a code outside
 * this union, so keep a default branch when you switch on it.
 *
 * @example
 * ```ts
 * const code: YardpassErrorCode = 'currency-mismatch';
 * if (error instanceof APIError && error.code === 'currency-mismatch') console.error('Order in the package currency.');
 * ```
 */
export type YardpassErrorCode = components['schemas']['ErrorCode'];

/**
 * The `code` of an error the SDK raises itself, without a problem from the API (`http-<status>` is an
 * error answer that was not a problem, e.g. from a proxy).
 *
 * @example
 * ```ts
 * const code: ClientErrorCode = 'connection-timeout';
 * ```
 */
export type ClientErrorCode =
  | 'connection-error'
  | 'connection-timeout'
  | 'user-abort'
  | 'missing-credentials'
  | 'invalid-option'
  | 'invalid-argument'
  | 'invalid-json'
  | 'invalid-stream'
  | 'no-next-page'
  | `http-${number}`;

/**
 * The base of every error the SDK throws. `code` is stable and machine-readable: a
 * {@link YardpassErrorCode} for API errors (`validation`, `not-found`, …), else a {@link ClientErrorCode}
 * (`connection-error`, `connection-timeout`, `user-abort`, …).
 *
 * @example
 * ```ts
 * try {
 *   await yardpass.events.retrieve(id);
 * } catch (error) {
 *   if (error instanceof YardpassError) console.error(error.code, error.message);
 * }
 * ```
 */
export class YardpassError extends Error {
  override readonly name: string = 'YardpassError';
  readonly code: YardpassErrorCode | ClientErrorCode;

  constructor(message: string, options: { code: YardpassErrorCode | ClientErrorCode; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.code = options.code;
  }
}

/**
 * The API answered with an error status. Subclasses by status: {@link BadRequestError} (400),
 * {@link AuthenticationError} (401), {@link PermissionDeniedError} (403), {@link NotFoundError} (404),
 * {@link ConflictError} (409), {@link PreconditionFailedError} (412), {@link UnprocessableEntityError} (422),
 * {@link RateLimitError} (429) and {@link InternalServerError} (5xx).
 *
 * @example
 * ```ts
 * try {
 *   await yardpass.events.create({ title: '', starts_at, ends_at });
 * } catch (error) {
 *   if (error instanceof APIError) {
 *     console.error(error.status, error.title, error.requestId);
 *     for (const field of error.errors) console.error(`${field.path}: ${field.message}`);
 *   }
 * }
 * ```
 */
export class APIError extends YardpassError {
  override readonly name: string = 'APIError';
  /** The HTTP status. */
  readonly status: number;
  /** The answer's headers, e.g. `retry-after` or `ratelimit-remaining`. */
  readonly headers: Headers;
  /** The `X-Request-Id` of the answer: quote it when asking for support. */
  readonly requestId: string | null;
  /** The whole problem body, extra members included. */
  readonly problem: Problem;
  /** The problem type, e.g. `https://yardpass.dev/problems/validation`. */
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  /** The invalid fields, for a validation problem; empty otherwise. */
  readonly errors: ProblemFieldError[];

  constructor(options: { status: number; headers: Headers; problem: Problem }) {
    const { status, headers, problem } = options;
    // The type's last segment for servers that predate the `code` member; a newer server's code may be
    // outside YardpassErrorCode (see there).
    const code =
      problem.code ??
      (problem.type.startsWith(PROBLEM_BASE)
        ? (problem.type.slice(PROBLEM_BASE.length) as YardpassErrorCode)
        : (`http-${status}` as const));
    super(describe(problem), { code });
    this.status = status;
    this.headers = headers;
    this.requestId = headers.get('x-request-id') ?? problem.request_id ?? null;
    this.problem = problem;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
  }

  /** The error for an answer: the subclass of its status, with its body read as a problem. */
  static from(options: { status: number; statusText: string; headers: Headers; body: unknown }): APIError {
    const problem = asProblem(options);
    // Redirects are not followed on Node (a POST would lose its body on the way); say where the API went.
    const location = options.status >= 300 && options.status < 400 ? options.headers.get('location') : null;
    if (location && problem.type === 'about:blank')
      problem.detail = `Redirected to ${location}; requests are not redirected, so set baseUrl to the address the API answers on.`;
    const ErrorClass = errorClassFor(options.status);
    return new ErrorClass({ status: options.status, headers: options.headers, problem });
  }
}

/**
 * 400: the request is malformed; `errors` names each invalid field.
 *
 * @example
 * ```ts
 * if (error instanceof BadRequestError) for (const { path, message } of error.errors) console.error(path, message);
 * ```
 */
export class BadRequestError extends APIError {
  override readonly name: string = 'BadRequestError';
}
/**
 * 401: missing, malformed, expired or revoked credentials.
 *
 * @example
 * ```ts
 * if (error instanceof AuthenticationError) console.error('Check YARDPASS_API_KEY.');
 * ```
 */
export class AuthenticationError extends APIError {
  override readonly name: string = 'AuthenticationError';
}
/**
 * 403: the caller's role does not allow this.
 *
 * @example
 * ```ts
 * if (error instanceof PermissionDeniedError) console.error('Ask an owner or admin.');
 * ```
 */
export class PermissionDeniedError extends APIError {
  override readonly name: string = 'PermissionDeniedError';
}
/**
 * 404: no such resource in the caller's organization.
 *
 * @example
 * ```ts
 * const event = await yardpass.events.retrieve(id).catch((error: unknown) => {
 *   if (error instanceof NotFoundError) return null;
 *   throw error;
 * });
 * ```
 */
export class NotFoundError extends APIError {
  override readonly name: string = 'NotFoundError';
}
/**
 * 409: a conflicting state or duplicate (retried automatically when a lock or the same key is in progress).
 *
 * @example
 * ```ts
 * if (error instanceof ConflictError) console.error(error.problem.current_status);
 * ```
 */
export class ConflictError extends APIError {
  override readonly name: string = 'ConflictError';
}
/**
 * 412: the `If-Match` version is stale; fetch the resource again and retry.
 *
 * @example
 * ```ts
 * if (error instanceof PreconditionFailedError) return retryWithFreshVersion();
 * ```
 */
export class PreconditionFailedError extends APIError {
  override readonly name: string = 'PreconditionFailedError';
}
/**
 * 422: a business rule refuses the request, or the `Idempotency-Key` was used for another request.
 *
 * @example
 * ```ts
 * if (error instanceof UnprocessableEntityError) console.error(error.detail);
 * ```
 */
export class UnprocessableEntityError extends APIError {
  override readonly name: string = 'UnprocessableEntityError';
}
/**
 * 429: too many requests; `headers.get('retry-after')` says how many seconds to wait.
 *
 * @example
 * ```ts
 * if (error instanceof RateLimitError) await sleep(Number(error.headers.get('retry-after') ?? 1) * 1000);
 * ```
 */
export class RateLimitError extends APIError {
  override readonly name: string = 'RateLimitError';
}
/**
 * 5xx: the server failed (retried automatically).
 *
 * @example
 * ```ts
 * if (error instanceof InternalServerError) console.error(`Server error, request id ${error.requestId}`);
 * ```
 */
export class InternalServerError extends APIError {
  override readonly name: string = 'InternalServerError';
}

/**
 * No answer: the connection failed (`cause` says why). Retried automatically before it is thrown.
 *
 * @example
 * ```ts
 * if (error instanceof APIConnectionError) console.error(`Cannot reach Yardpass: ${String(error.cause)}`);
 * ```
 */
export class APIConnectionError extends YardpassError {
  override readonly name: string = 'APIConnectionError';

  constructor(message: string, options: { cause?: unknown; code?: ClientErrorCode } = {}) {
    super(message, { code: options.code ?? 'connection-error', cause: options.cause });
  }
}

/**
 * No answer within `timeout` milliseconds, on every attempt.
 *
 * @example
 * ```ts
 * if (error instanceof APIConnectionTimeoutError) console.error('Yardpass is slow; try a larger timeout.');
 * ```
 */
export class APIConnectionTimeoutError extends APIConnectionError {
  override readonly name: string = 'APIConnectionTimeoutError';

  constructor(timeout: number) {
    super(
      `Request timed out after ${timeout} ms; pass a larger \`timeout\` if the call is expected to be slow.`,
      {
        code: 'connection-timeout',
      },
    );
  }
}

/**
 * The caller's `signal` aborted the call.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * setTimeout(() => controller.abort(), 1000);
 * await yardpass.events.list({}, { signal: controller.signal }); // rejects with APIUserAbortError
 * ```
 */
export class APIUserAbortError extends YardpassError {
  override readonly name: string = 'APIUserAbortError';

  constructor(options: { cause?: unknown } = {}) {
    super('Request was aborted.', { code: 'user-abort', cause: options.cause });
  }
}

function errorClassFor(status: number): typeof APIError {
  if (status >= 500) return InternalServerError;
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    case 412:
      return PreconditionFailedError;
    case 422:
      return UnprocessableEntityError;
    case 429:
      return RateLimitError;
    default:
      return APIError;
  }
}

/** The body as a problem; a body that is not one (a proxy's HTML page, say) becomes its `detail`. */
function asProblem(options: { status: number; statusText: string; body: unknown }): Problem {
  const { status, statusText, body } = options;
  if (isRecord(body) && typeof body.type === 'string' && typeof body.title === 'string') {
    const { detail, errors } = body;
    return {
      ...body,
      type: body.type,
      title: body.title,
      status: typeof body.status === 'number' ? body.status : status,
      detail: typeof detail === 'string' ? detail : undefined,
      errors: Array.isArray(errors) ? errors.filter(isFieldError) : undefined,
    };
  }
  const text = typeof body === 'string' ? body.trim() : body === undefined ? '' : JSON.stringify(body);
  return {
    type: 'about:blank',
    title: statusText || `HTTP ${status}`,
    status,
    ...(text ? { detail: text.length > 200 ? `${text.slice(0, 200)}…` : text } : {}),
  };
}

/** One line: `Title: detail (/path: message; …)`. */
function describe(problem: Problem): string {
  const head = problem.detail ? `${problem.title}: ${problem.detail}` : problem.title;
  const fields = (problem.errors ?? []).map((field) => `${field.path || '(body)'}: ${field.message}`);
  const line = fields.length > 0 ? `${head} (${fields.join('; ')})` : head;
  return line.replace(/\s*\n\s*/g, ' ');
}

function isFieldError(value: unknown): value is ProblemFieldError {
  return isRecord(value) && typeof value.path === 'string' && typeof value.message === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
