import type { YardpassError } from './errors.js';

/**
 * A `fetch` implementation: the runtime's global `fetch`, undici's, or a test double.
 *
 * @example
 * ```ts
 * const yardpass = new Yardpass({ apiKey, fetch: (url, init) => fetch(url, init) });
 * ```
 */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * What the `logger` hook receives: each attempt as it starts, each answer, and each retry with the
 * reason and the wait. No event carries the credentials.
 *
 * @example
 * ```ts
 * const logger = (event: LogEvent) => {
 *   if (event.type === 'retry') console.warn(`retry ${event.attempt} in ${event.delayMs} ms: ${event.error.message}`);
 * };
 * ```
 */
export type LogEvent =
  | { type: 'request'; method: string; url: string; attempt: number; idempotencyKey: string | undefined }
  | {
      type: 'response';
      method: string;
      url: string;
      attempt: number;
      status: number;
      requestId: string | null;
      durationMs: number;
    }
  | { type: 'retry'; method: string; url: string; attempt: number; delayMs: number; error: YardpassError };

/**
 * A telemetry hook, called synchronously for every {@link LogEvent}; it should not throw.
 *
 * @example
 * ```ts
 * const yardpass = new Yardpass({
 *   logger: (event) => console.debug(`[yardpass] ${event.type} ${event.method} ${event.url}`),
 * });
 * ```
 */
export type Logger = (event: LogEvent) => void;

/**
 * Options of `new Yardpass(…)`. Every one is optional: credentials and the URL fall back to
 * `YARDPASS_API_KEY` and `YARDPASS_BASE_URL`.
 *
 * @example
 * ```ts
 * const yardpass = new Yardpass({ apiKey: 'yp_test_…', baseUrl: 'https://yardpass.example.com', maxRetries: 4 });
 * ```
 */
export interface ClientOptions {
  /** An organization API key, `yp_test_…` or `yp_live_…`. Default: `YARDPASS_API_KEY`. */
  apiKey?: string | undefined;
  /** A JWT, instead of an API key; pass `orgId` with it. */
  token?: string | undefined;
  /** The organization to act in, sent as `X-Org-Id` (needed with a JWT, ignored with an API key). */
  orgId?: string | undefined;
  /** The server's URL. Default: `YARDPASS_BASE_URL`, else `http://localhost:3000` (`yardpass-server dev`). */
  baseUrl?: string | undefined;
  /** Milliseconds each attempt may take, answer body included. Default 60 000. */
  timeout?: number | undefined;
  /** Retries after a connection error, 408, 409 conflict in progress, 429 or 5xx. Default 2. */
  maxRetries?: number | undefined;
  /** The `fetch` to use. Default: undici with keep-alive on Node, the global `fetch` elsewhere. */
  fetch?: Fetch | undefined;
  /** Receives request, response and retry events, e.g. for tracing or metrics. */
  logger?: Logger | undefined;
  /** Headers sent with every request. */
  defaultHeaders?: Record<string, string> | undefined;
}

/**
 * Options of one call; each method takes them as its last argument.
 *
 * @example
 * ```ts
 * await yardpass.events.create(body, { idempotencyKey: `import-${row.id}`, timeout: 10_000 });
 * ```
 */
export interface RequestOptions {
  /** The `Idempotency-Key` of a POST, PUT, PATCH or DELETE. Default: a new UUID, kept across retries. */
  idempotencyKey?: string | undefined;
  /** Milliseconds this call's attempts may each take. */
  timeout?: number | undefined;
  /** Retries for this call. */
  maxRetries?: number | undefined;
  /** Cancels the call, including a wait between retries; it then rejects with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  /** Extra headers, e.g. `If-Match`; they override the client's. */
  headers?: Record<string, string> | undefined;
  /** The organization to act in for this call (`X-Org-Id`). */
  orgId?: string | undefined;
}

/**
 * A request method the API serves.
 *
 * @example
 * ```ts
 * const method: HttpMethod = 'PATCH';
 * ```
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type QueryValue = string | number | boolean;
/**
 * Query parameters; arrays repeat the name, `undefined` and `null` are left out.
 *
 * @example
 * ```ts
 * const query: QueryParams = { limit: 50, tag: ['music', 'outdoor'], city: undefined }; // ?limit=50&tag=music&tag=outdoor
 * ```
 */
export type QueryParams = Record<string, QueryValue | readonly QueryValue[] | null | undefined>;

/**
 * One request of {@link Yardpass.request}: any method and path, with the client's authentication,
 * retries and errors.
 *
 * @example
 * ```ts
 * const body = await yardpass.request({ method: 'GET', path: '/v1/events', query: { limit: 5 } });
 * ```
 */
export interface RequestParams extends RequestOptions {
  method: HttpMethod;
  /** The path under the base URL, e.g. `/v1/events`. */
  path: string;
  query?: QueryParams | undefined;
  /** Sent as JSON. */
  body?: unknown;
}
