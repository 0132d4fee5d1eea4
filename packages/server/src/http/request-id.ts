import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { type AppEnv, hasRequestHeaders } from './response';

const ACCEPTABLE = /^[\w.:-]{1,200}$/;

/**
 * Takes the caller's `X-Request-Id` when it is sane, else makes one; every response carries it.
 *
 * @example
 * app.use(requestId());
 */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const id = given && ACCEPTABLE.test(given) ? given : `req_${randomUUID().replaceAll('-', '')}`;
    c.set('requestId', id);
    c.set('responseHeaders', { 'x-request-id': id });
    await next();
    if (hasRequestHeaders(c.res)) return;
    for (const [name, value] of Object.entries(c.get('responseHeaders'))) c.res.headers.set(name, value);
  };
}
