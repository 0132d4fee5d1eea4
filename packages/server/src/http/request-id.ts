import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { type AppEnv, preparedAnswerOf } from './response';

const ACCEPTABLE = /^[\w.:-]{1,200}$/;

// New ids are this process's random prefix and a counter, 32 hex digits: unique across processes without
// drawing random bytes for each request.
const PREFIX = randomBytes(8).toString('hex');
let sequence = 0;

/** The caller's `X-Request-Id` when it is sane, else a new one. */
export function requestIdOf(given: string | null | undefined): string {
  if (given && ACCEPTABLE.test(given)) return given;
  sequence = (sequence + 1) % Number.MAX_SAFE_INTEGER;
  return `req_${PREFIX}${sequence.toString(16).padStart(16, '0')}`;
}

/**
 * Takes the caller's `X-Request-Id` when it is sane, else makes one; every response carries it.
 *
 * @example
 * app.use(requestId());
 */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = requestIdOf(c.req.header('x-request-id'));
    c.set('requestId', id);
    c.set('responseHeaders', { 'x-request-id': id });
    await next();
    if (preparedAnswerOf(c.res)) return;
    for (const [name, value] of Object.entries(c.get('responseHeaders'))) c.res.headers.set(name, value);
  };
}
