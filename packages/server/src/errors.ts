/** A field-level problem in a request, located by a JSON pointer (`/price_cents`, `/benefits/0`). */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * The one error type of the server. `code` is stable and machine-readable; it becomes the problem `type`
 * (`https://yardpass.dev/problems/<code>`). Only the HTTP edge turns these into responses.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly errors: FieldError[] | undefined;
  /** Extra members for the problem body, e.g. `current_status`. */
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(options: {
    code: string;
    status: number;
    title: string;
    detail: string;
    errors?: FieldError[];
    extra?: Record<string, unknown>;
    headers?: Record<string, string>;
    cause?: unknown;
  }) {
    super(options.detail, { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.status = options.status;
    this.title = options.title;
    this.errors = options.errors;
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
  }
}

type Details = { detail: string; extra?: Record<string, unknown>; cause?: unknown };

export class ValidationError extends AppError {
  constructor(detail: string, errors: FieldError[] = []) {
    super({ code: 'validation', status: 400, title: 'Invalid request', detail, errors });
  }
}

export class AuthenticationError extends AppError {
  constructor(detail: string) {
    super({
      code: 'unauthenticated',
      status: 401,
      title: 'Authentication required',
      detail,
      headers: { 'WWW-Authenticate': 'Bearer' },
    });
  }
}

export class ForbiddenError extends AppError {
  /** `wrong_side`: the other party of the deal does this (only the sponsor funds an order), whatever the role. */
  constructor(detail: string, options: { code: 'forbidden' | 'wrong_side' } = { code: 'forbidden' }) {
    super({ code: options.code, status: 403, title: 'Not allowed', detail });
  }
}

export class NotFoundError extends AppError {
  constructor(resource: string) {
    super({ code: 'not_found', status: 404, title: 'Not found', detail: `No such ${resource}.` });
  }
}

export class ConflictError extends AppError {
  constructor({ code = 'conflict', detail, extra, cause }: Details & { code?: string }) {
    super({ code, status: 409, title: 'Conflict', detail, extra, cause });
  }
}

export class PreconditionFailedError extends AppError {
  constructor({ detail, extra }: Details) {
    super({ code: 'precondition_failed', status: 412, title: 'Precondition failed', detail, extra });
  }
}

export class UnprocessableError extends AppError {
  constructor({ code = 'unprocessable', detail, extra }: Details & { code?: string }) {
    super({ code, status: 422, title: 'Unprocessable request', detail, extra });
  }
}

export class RateLimitedError extends AppError {
  constructor(detail: string, headers: Record<string, string>) {
    super({ code: 'rate_limited', status: 429, title: 'Too many requests', detail, headers });
  }
}
