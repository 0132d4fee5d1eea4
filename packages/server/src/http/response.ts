import type { Context } from 'hono';

export interface AppEnv {
  Variables: {
    requestId: string;
    /** Headers for the final response, whoever builds it: the request id, rate-limit headers. */
    responseHeaders: Record<string, string>;
  };
}

/** What {@link preparedResponse} built each answer from, so it can be stored without reading the body back. */
export interface PreparedAnswer {
  status: number;
  body: string | null;
  headers: Record<string, string>;
}
const prepared = new WeakMap<Response, PreparedAnswer>();

/** The parts of an answer built by {@link preparedResponse} (which already carries the request's headers). */
export function preparedAnswerOf(response: Response): PreparedAnswer | undefined {
  return prepared.get(response);
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
  json = JSON.stringify(body),
): Response {
  return preparedResponse(c, status, json, {
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
  const answer = { status, body, headers: { ...c.get('responseHeaders'), ...headers } };
  const response = new Response(body, answer);
  prepared.set(response, answer);
  return response;
}
