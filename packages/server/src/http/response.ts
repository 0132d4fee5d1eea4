import type { Context } from 'hono';

export interface AppEnv {
  Variables: {
    requestId: string;
    /** Headers for the final response, whoever builds it: the request id, rate-limit headers. */
    responseHeaders: Record<string, string>;
  };
}

/** Answers built by {@link jsonResponse}, which already carry the request's headers. */
const complete = new WeakSet<Response>();

/** Whether `response` was built with the request's headers already in it. */
export function hasRequestHeaders(response: Response): boolean {
  return complete.has(response);
}

/**
 * A JSON answer with the request's headers in it from the start. Adding them afterwards would make the
 * Node adapter turn the plain header object into `Headers` and back, on every request.
 *
 * @example
 * return jsonResponse(c, 201, { data: event }, { location: `/v1/events/${event.id}` });
 */
export function jsonResponse(
  c: Context<AppEnv>,
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): Response {
  return preparedResponse(c, status, JSON.stringify(body), {
    'content-type': 'application/json',
    ...headers,
  });
}

/** An answer whose body is ready (JSON text read from the database, or none), with the request's headers. */
export function preparedResponse(
  c: Context<AppEnv>,
  status: number,
  body: string | null,
  headers?: Record<string, string>,
): Response {
  const response = new Response(body, { status, headers: { ...c.get('responseHeaders'), ...headers } });
  complete.add(response);
  return response;
}
