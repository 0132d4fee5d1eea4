import { APIConnectionError, APIError, APIUserAbortError, type YardpassError } from './errors.js';

const RETRYABLE_CONFLICTS = new Set([
  'https://yardpass.dev/problems/idempotency-in-progress',
  'https://yardpass.dev/problems/lock-conflict',
]);
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/** A server asking for a longer wait than this is not retried: the caller learns at once. */
const MAX_RETRY_AFTER_MS = 60_000;

/** Whether a failed attempt may succeed when sent again with the same idempotency key. */
export function isRetryable(error: YardpassError): boolean {
  if (error instanceof APIConnectionError) return true;
  if (!(error instanceof APIError)) return false;
  const { status } = error;
  return (
    status === 408 ||
    status === 429 ||
    status >= 500 ||
    (status === 409 && RETRYABLE_CONFLICTS.has(error.type))
  );
}

/**
 * Milliseconds to wait before retry number `retry` (0 for the first): what `retry-after-ms` or
 * `Retry-After` asks for, else exponential backoff with jitter. `undefined` when the server asks for
 * more than a minute.
 */
export function retryDelay(retry: number, headers: Headers | undefined): number | undefined {
  const asked = headers && retryAfter(headers);
  if (asked !== undefined) return asked <= MAX_RETRY_AFTER_MS ? asked : undefined;
  // Up to a quarter less than the exponential step, so that many clients do not retry in lockstep.
  return Math.min(BASE_DELAY_MS * 2 ** retry, MAX_DELAY_MS) * (1 - Math.random() * 0.25);
}

function retryAfter(headers: Headers): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && isNumber(ms)) return Number(ms);
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  if (isNumber(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function isNumber(text: string): boolean {
  return /^\s*\d+(\.\d+)?\s*$/.test(text);
}

/** Waits `ms`, or rejects with `APIUserAbortError` as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new APIUserAbortError({ cause: signal.reason }));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new APIUserAbortError({ cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
