import { APIConnectionError, APIError, type YardpassError } from './errors.js';
import type { Http } from './http.js';
import type { Logger, QueryParams, RequestParams } from './options.js';
import { isRetryable, retryDelay, sleep } from './retry.js';

/** What every request of one client shares. */
export interface TransportConfig {
  /** Without a trailing slash. */
  baseUrl: string;
  /** Lower-case names: authentication, `x-org-id`, the client's default headers. */
  headers: Record<string, string>;
  timeout: number;
  maxRetries: number;
  http: Http;
  logger: Logger | undefined;
}

/** A successful answer and its parsed body (JSON, text, bytes for binary types, or `undefined` when empty). */
export interface RawResponse {
  response: Response;
  body: unknown;
}

export type Send = (params: RequestParams) => Promise<RawResponse>;

/**
 * Sends requests with retries: a connection error, a timeout or a retryable status is sent again,
 * with the same idempotency key, after a backoff; any other error status throws its `APIError`.
 */
export function createTransport(config: TransportConfig): Send {
  const { http } = config;
  // Without a logger no event is built: reading the request id costs a header lookup on every answer.
  const log: Logger | undefined = config.logger;
  // undici takes the origin and the path apart; a base URL may carry a path of its own (`…/yardpass`).
  const { origin, pathname } = new URL(config.baseUrl);
  const basePath = pathname.replace(/\/+$/, '');
  return async (params) => {
    const { method, signal } = params;
    const path = basePath + buildPath(params.path, params.query);
    const url = origin + path;
    const headers = buildHeaders(config.headers, params);
    const body = params.body === undefined ? undefined : JSON.stringify(params.body);
    const timeout = params.timeout ?? config.timeout;
    const maxRetries = params.maxRetries ?? config.maxRetries;
    const idempotencyKey = headers['idempotency-key'];

    for (let attempt = 1; ; attempt++) {
      log?.({ type: 'request', method, url, attempt, idempotencyKey });
      const started = log && Date.now();
      let error: YardpassError;
      try {
        const answer = await http({ method, origin, path, headers, body, timeout, signal });
        const { status } = answer;
        if (log) {
          const requestId = answer.headers.get('x-request-id');
          const durationMs = Date.now() - (started ?? 0);
          log({ type: 'response', method, url, attempt, status, requestId, durationMs });
        }
        if (status >= 200 && status < 300) return answer;
        const { statusText, headers: answerHeaders } = answer;
        error = APIError.from({ status, statusText, headers: answerHeaders, body: answer.body });
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

/** The operation's path and its query string. */
function buildPath(path: string, query: QueryParams | undefined): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) search.append(name, String(item));
    }
  }
  const queryString = search.toString();
  return `${path.startsWith('/') ? '' : '/'}${path}${queryString ? `?${queryString}` : ''}`;
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
