import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { BlockedAddressError, guardedLookup, isBlockedAddress } from './address-guard';

const KEPT_BODY_BYTES = 2048;
// Read at most this much of an answer (to reuse the connection); the rest closes it.
const READ_BODY_BYTES = 64 * 1024;

export interface SendResult {
  /** `null` when no answer came: refused, timed out, blocked. */
  statusCode: number | null;
  latencyMs: number;
  /** The first 2 KiB of the answer's body, as text. */
  body: string | null;
  error: string | null;
  /** `Retry-After` in milliseconds, when the answer carried one. */
  retryAfterMs: number | null;
}

export interface Sender {
  send(input: { url: string; headers: Record<string, string>; body: string }): Promise<SendResult>;
  close(): void;
}

/**
 * POSTs webhooks with `node:http(s)`: redirects are never followed (a 3xx is a failed attempt), each
 * attempt is bounded by `timeoutMs`, and unless `allowPrivate` the URL must be https and every address it
 * resolves to must be public (checked at connect time, after DNS).
 */
export function createSender(options: { timeoutMs: number; allowPrivate: boolean }): Sender {
  const agentOptions = { keepAlive: true, maxSockets: 50 };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };
  // A set of attempts goes to one URL: it is parsed and checked once, not per attempt.
  const targets = new Map<string, http.RequestOptions | string>();

  function target(raw: string): http.RequestOptions | string {
    let found = targets.get(raw);
    if (found === undefined) {
      if (targets.size >= 1000) targets.clear();
      found = parseTarget(raw);
      targets.set(raw, found);
    }
    return found;
  }

  function parseTarget(raw: string): http.RequestOptions | string {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return 'invalid URL';
    }
    if (url.protocol !== 'https:' && !(options.allowPrivate && url.protocol === 'http:'))
      return `blocked: only https URLs receive webhooks (got ${url.protocol})`;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!options.allowPrivate && isIP(host) && isBlockedAddress(host))
      return `blocked: ${host} is a private, loopback, link-local or reserved address`;
    return {
      protocol: url.protocol,
      hostname: host,
      port: url.port,
      path: url.pathname + url.search,
      auth: url.username
        ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
        : undefined,
      method: 'POST',
      agent: agents[url.protocol as 'http:'],
      lookup: options.allowPrivate ? undefined : guardedLookup,
    };
  }

  function send(input: { url: string; headers: Record<string, string>; body: string }) {
    const started = performance.now();
    const failed = (error: string): SendResult => ({
      statusCode: null,
      latencyMs: Math.round(performance.now() - started),
      body: null,
      error,
      retryAfterMs: null,
    });
    const to = target(input.url);
    if (typeof to === 'string') return Promise.resolve(failed(to));

    const client = to.protocol === 'https:' ? https : http;
    return new Promise<SendResult>((resolve) => {
      let settled = false;
      const settle = (result: SendResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      const request = client.request(
        { ...to, headers: { ...input.headers, 'content-length': Buffer.byteLength(input.body) } },
        (response) => {
          const chunks: Buffer[] = [];
          let read = 0;
          response.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read <= READ_BODY_BYTES) chunks.push(chunk);
            else response.destroy();
          });
          const finish = () =>
            settle({
              statusCode: response.statusCode ?? null,
              latencyMs: Math.round(performance.now() - started),
              body: truncateUtf8(Buffer.concat(chunks), KEPT_BODY_BYTES),
              error: null,
              retryAfterMs: parseRetryAfter(response.headers['retry-after']),
            });
          response.on('end', finish);
          response.on('close', finish);
          response.on('error', finish);
        },
      );
      // The whole attempt, connection included, is bounded: one timer (cheaper than an AbortSignal each).
      const timer = setTimeout(() => {
        settle(failed(`timeout: no answer within ${options.timeoutMs} ms`));
        request.destroy();
      }, options.timeoutMs);
      request.on('error', (error: Error & { code?: string }) => {
        if (error instanceof BlockedAddressError) settle(failed(`blocked: ${error.message}`));
        else settle(failed(`${error.code ?? error.name}: ${error.message}`));
      });
      request.end(input.body);
    });
  }

  return {
    send,
    close: () => {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

/** The answer as text of at most `bytes` bytes of UTF-8 (PostgreSQL text holds no NUL, so those go). */
function truncateUtf8(buffer: Buffer, bytes: number): string {
  let text = buffer.subarray(0, bytes).toString('utf8').replaceAll('\0', '');
  // A character cut at the end, or invalid bytes, decode to U+FFFD (3 bytes): trim back within bounds.
  while (Buffer.byteLength(text) > bytes) text = text.slice(0, -1);
  return text;
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
