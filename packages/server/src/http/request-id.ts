import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

export interface AppEnv {
  Variables: {
    requestId: string;
    /** Headers for the final response, whoever builds it (rate-limit headers, for instance). */
    responseHeaders: Record<string, string>;
  };
}

const ACCEPTABLE = /^[\w.:-]{1,200}$/;

/** Takes the caller's `X-Request-Id` when it is sane, else makes one; every response carries it. */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const id = given && ACCEPTABLE.test(given) ? given : `req_${randomUUID().replaceAll('-', '')}`;
    c.set('requestId', id);
    c.set('responseHeaders', {});
    await next();
    c.res.headers.set('X-Request-Id', id);
    for (const [name, value] of Object.entries(c.get('responseHeaders'))) c.res.headers.set(name, value);
  };
}
