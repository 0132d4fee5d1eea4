import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';

export interface AppEnv {
  Variables: {
    requestId: string;
    /** Headers for the final response, whoever builds it: the request id, rate-limit headers. */
    responseHeaders: Record<string, string>;
  };
}

const ACCEPTABLE = /^[\w.:-]{1,200}$/;

/** Answers built by {@link jsonResponse}, which already carry the request's headers. */
const complete = new WeakSet<Response>();

/** Takes the caller's `X-Request-Id` when it is sane, else makes one; every response carries it. */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const id = given && ACCEPTABLE.test(given) ? given : `req_${randomUUID().replaceAll('-', '')}`;
    c.set('requestId', id);
    c.set('responseHeaders', { 'x-request-id': id });
    await next();
    if (complete.has(c.res)) return;
    for (const [name, value] of Object.entries(c.get('responseHeaders'))) c.res.headers.set(name, value);
  };
}

/**
 * A JSON answer with the request's headers in it from the start. Adding them afterwards would make the
 * Node adapter turn the plain header object into `Headers` and back, on every request.
 */
export function jsonResponse(
  c: Context<AppEnv>,
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): Response {
  const response = new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...c.get('responseHeaders'), ...headers },
  });
  complete.add(response);
  return response;
}
