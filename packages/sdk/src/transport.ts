import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  YardpassError,
} from './errors.js';
import type { Fetch, Logger, QueryParams, RequestParams } from './options.js';
import { isRetryable, retryDelay, sleep } from './retry.js';

/** What every request of one client shares. */
export interface TransportConfig {
  /** Without a trailing slash. */
  baseUrl: string;
  /** Lower-case names: authentication, `x-org-id`, the client's default headers. */
  headers: Record<string, string>;
  timeout: number;
  maxRetries: number;
  fetch: Fetch;
  logger: Logger | undefined;
}

/** A successful answer and its parsed body (JSON, text, bytes for binary types, or `undefined` when empty). */
export interface RawResponse {
  response: Response;
  body: unknown;
}

export type Send = (params: RequestParams) => Promise<RawResponse>;

// setTimeout fires at once for delays beyond a signed 32-bit integer.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Sends requests with retries: a connection error, a timeout or a retryable status is sent again,
 * with the same idempotency key, after a backoff; any other error status throws its `APIError`.
 */
export function createTransport(config: TransportConfig): Send {
  // Without a logger no event is built: reading the request id costs a header lookup on every answer.
  const log: Logger | undefined = config.logger;
  return async (params) => {
    const { method, signal } = params;
    const url = buildUrl(config.baseUrl, params.path, params.query);
    const headers = buildHeaders(config.headers, params);
    const init: RequestInit = {
      method,
      headers,
      ...(params.body === undefined ? {} : { body: JSON.stringify(params.body) }),
    };
    const timeout = params.timeout ?? config.timeout;
    const maxRetries = params.maxRetries ?? config.maxRetries;
    const idempotencyKey = headers['idempotency-key'];

    for (let attempt = 1; ; attempt++) {
      log?.({ type: 'request', method, url, attempt, idempotencyKey });
      const started = log && Date.now();
      let error: YardpassError;
      try {
        const { response, body } = await attemptOnce({ fetch: config.fetch, url, init, timeout, signal });
        if (log) {
          const requestId = response.headers.get('x-request-id');
          const durationMs = Date.now() - (started ?? 0);
          log({ type: 'response', method, url, attempt, status: response.status, requestId, durationMs });
        }
        if (response.ok) return { response, body };
        const { status, statusText } = response;
        error = APIError.from({ status, statusText, headers: response.headers, body });
      } catch (thrown) {
        if (!(thrown instanceof APIConnectionError)) throw thrown;
        error = thrown;
      }
      const retryable = attempt <= maxRetries && isRetryable(error);
      const delayMs = retryable
        ? retryDelay(attempt - 1, error instanceof APIError ? error.headers : undefined)
        : undefined;
      if (delayMs === undefined) throw error;
      log?.({ type: 'retry', method, url, attempt, delayMs, error });
      await sleep(delayMs, signal);
    }
  };
}

/** One attempt, bounded by `timeout` and the caller's `signal`, answer body included. */
async function attemptOnce(options: {
  fetch: Fetch;
  url: string;
  init: RequestInit;
  timeout: number;
  signal: AbortSignal | undefined;
}): Promise<RawResponse> {
  const { fetch, url, init, timeout, signal } = options;
  if (signal?.aborted) throw new APIUserAbortError({ cause: signal.reason });
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(
    () => {
      timedOut = true;
      controller.abort();
    },
    Math.min(timeout, MAX_TIMER_MS),
  );
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    return { response, body: await readBody(response) };
  } catch (error) {
    if (signal?.aborted) throw new APIUserAbortError({ cause: error });
    if (timedOut) throw new APIConnectionTimeoutError(timeout);
    if (error instanceof YardpassError) throw error;
    throw new APIConnectionError(`Connection error: ${rootMessage(error)}`, { cause: error });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

// Answers that are bytes, not text (a PDF report, an export): read as such, never decoded as UTF-8.
const BINARY_TYPES = /^\s*(application\/(pdf|octet-stream|zip|gzip)|image\/|audio\/|video\/|font\/)/i;

async function readBody(response: Response): Promise<unknown> {
  // An event stream is handed over unread: its reader consumes events as they arrive.
  if (response.ok && /^\s*text\/event-stream/i.test(response.headers.get('content-type') ?? ''))
    return response.body ?? undefined;
  if (BINARY_TYPES.test(response.headers.get('content-type') ?? '')) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.length === 0 ? undefined : bytes;
  }
  const text = await response.text();
  if (text === '') return undefined;
  if (!/[/+]json\b/i.test(response.headers.get('content-type') ?? '')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    // An error status keeps its text as the problem's detail; a success must be what the spec says.
    if (!response.ok) return text;
    throw new YardpassError(`The server answered ${response.status} with invalid JSON.`, {
      code: 'invalid-json',
      cause,
    });
  }
}

function buildUrl(baseUrl: string, path: string, query: QueryParams | undefined): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) search.append(name, String(item));
    }
  }
  const queryString = search.toString();
  return `${baseUrl}${path.startsWith('/') ? '' : '/'}${path}${queryString ? `?${queryString}` : ''}`;
}

function buildHeaders(defaults: Record<string, string>, params: RequestParams): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', ...defaults };
  if (params.body !== undefined) headers['content-type'] = 'application/json';
  if (params.orgId) headers['x-org-id'] = params.orgId;
  for (const [name, value] of Object.entries(params.headers ?? {})) headers[name.toLowerCase()] = value;
  if (params.idempotencyKey) headers['idempotency-key'] = params.idempotencyKey;
  else if (params.method !== 'GET') headers['idempotency-key'] ??= randomUUID();
  return headers;
}

function randomUUID(): string {
  if (typeof globalThis.crypto?.randomUUID === 'function') return globalThis.crypto.randomUUID();
  // Node 18 has no global `crypto` unless started with --experimental-global-webcrypto.
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
    (Number(digit) ^ ((Math.random() * 16) >> (Number(digit) / 4))).toString(16),
  );
}

/** The innermost cause's message: undici says "fetch failed", its cause says "connect ECONNREFUSED …". */
function rootMessage(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}
