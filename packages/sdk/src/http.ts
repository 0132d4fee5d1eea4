import type * as events from 'node:events';
import type * as undici from 'undici';
import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError, YardpassError } from './errors.js';
import type { Fetch, HttpMethod } from './options.js';

/** One attempt of a request, as the transport hands it to the HTTP layer. */
export interface Attempt {
  method: HttpMethod;
  /** Scheme, host and port, e.g. `https://yardpass.example.com`. */
  origin: string;
  /** Everything after the origin: the client's base path, the operation's path and the query. */
  path: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string | undefined;
  /** Milliseconds the attempt may take, answer body included. */
  timeout: number;
  signal: AbortSignal | undefined;
}

/** An answer with its body already read: parsed JSON, text, bytes for binary types, an event stream, or `undefined`. */
export interface Answer {
  status: number;
  statusText: string;
  headers: Headers;
  body: unknown;
  /** The answer as a `Response` (its body already read), for `.withResponse()`. */
  response: Response;
}

/** Sends one attempt. Throws `APIUserAbortError`, `APIConnectionTimeoutError` or `APIConnectionError`. */
export type Http = (attempt: Attempt) => Promise<Answer>;

// setTimeout fires at once for delays beyond a signed 32-bit integer.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What aborts an attempt: an `AbortController`, or for undici an `EventEmitter` (much cheaper to make). */
interface Aborter<Signal> {
  signal: Signal;
  abort(): void;
}

/**
 * Runs `send` with `aborter`'s signal, aborted when the attempt's `timeout` passes or the caller's `signal`
 * aborts, and turns what it throws into the SDK's connection errors.
 */
async function bounded<Signal>(
  attempt: Attempt,
  aborter: Aborter<Signal>,
  send: (signal: Signal) => Promise<Answer>,
): Promise<Answer> {
  const { signal, timeout } = attempt;
  if (signal?.aborted) throw new APIUserAbortError({ cause: signal.reason });
  const onAbort = () => aborter.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(
    () => {
      timedOut = true;
      aborter.abort();
    },
    Math.min(timeout, MAX_TIMER_MS),
  );
  try {
    return await send(aborter.signal);
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

/** What reading an answer's body needs, from a `Response` or from undici's answer. */
interface BodySource {
  ok: boolean;
  status: number;
  contentType: string;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
  stream(): ReadableStream<Uint8Array> | undefined;
}

// Answers that are bytes, not text (a PDF report, an export): read as such, never decoded as UTF-8.
const BINARY_TYPES = /^\s*(application\/(pdf|octet-stream|zip|gzip)|image\/|audio\/|video\/|font\/)/i;

async function readBody(source: BodySource): Promise<unknown> {
  const { ok, contentType } = source;
  // An event stream is handed over unread: its reader consumes events as they arrive.
  if (ok && /^\s*text\/event-stream/i.test(contentType)) return source.stream();
  if (BINARY_TYPES.test(contentType)) {
    const bytes = new Uint8Array(await source.arrayBuffer());
    return bytes.length === 0 ? undefined : bytes;
  }
  const text = await source.text();
  if (text === '') return undefined;
  if (!/[/+]json\b/i.test(contentType)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    // An error status keeps its text as the problem's detail; a success must be what the spec says.
    if (!ok) return text;
    throw new YardpassError(`The server answered ${source.status} with invalid JSON.`, {
      code: 'invalid-json',
      cause,
    });
  }
}

/** Sends with a `fetch`: the runtime's, or the one given to the client. */
export function fetchHttp(fetch: Fetch): Http {
  return (attempt) =>
    bounded(attempt, new AbortController(), async (signal) => {
      const { method, headers, body } = attempt;
      const response = await fetch(attempt.origin + attempt.path, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
        signal,
      });
      const { ok, status, statusText } = response;
      return {
        status,
        statusText,
        headers: response.headers,
        response,
        body: await readBody({
          ok,
          status,
          contentType: response.headers.get('content-type') ?? '',
          text: () => response.text(),
          arrayBuffer: () => response.arrayBuffer(),
          stream: () => response.body ?? undefined,
        }),
      };
    });
}

type Undici = typeof undici;
type Events = typeof events;

/**
 * Sends with undici's request API over a keep-alive Agent of the client's own: a fraction of the work of
 * undici's `fetch` per call. The `Headers` and `Response` of the answer are only built when asked for.
 */
export function undiciHttp({ Agent, Headers, Response }: Undici, { EventEmitter }: Events): Http {
  // Every attempt is bounded by the SDK's own `timeout`, so undici's timeouts (300 s by default) are turned
  // off: they must never cut a request that the caller allowed to take longer.
  const agent = new Agent({ headersTimeout: 0, bodyTimeout: 0 });
  // undici takes an EventEmitter as the abort signal (its documented alternative to an AbortSignal).
  const aborter = () => {
    const signal = new EventEmitter();
    return { signal, abort: () => signal.emit('abort') };
  };
  return (attempt) =>
    bounded(attempt, aborter(), async (signal) => {
      const { method, origin, path, headers, body } = attempt;
      const answer = await agent.request({ method, origin, path, headers, body, signal });
      const { statusCode: status, statusText } = answer;
      const contentType = answer.headers['content-type'];
      let built: InstanceType<Undici['Headers']> | undefined;
      let response: InstanceType<Undici['Response']> | undefined;
      const headersOf = () => {
        if (built) return built;
        built = new Headers();
        for (const [name, value] of Object.entries(answer.headers))
          for (const item of Array.isArray(value) ? value : [value ?? '']) built.append(name, item);
        return built;
      };
      const read = await readBody({
        ok: status >= 200 && status < 300,
        status,
        contentType: (Array.isArray(contentType) ? contentType[0] : contentType) ?? '',
        text: () => answer.body.text(),
        arrayBuffer: () => answer.body.arrayBuffer(),
        stream: () => answer.body.body,
      });
      return {
        status,
        statusText,
        body: read,
        get headers() {
          return headersOf() as unknown as globalThis.Headers;
        },
        get response() {
          // The body was read above, as it is for a `fetch` answer.
          response ??= new Response(null, { status, statusText, headers: headersOf() });
          return response as unknown as globalThis.Response;
        },
      };
    });
}

/**
 * How a client sends when no `fetch` is given. On Node (≥ 20.18.1, what undici 7 supports) with undici's
 * request API over a keep-alive Agent of the client's own; everywhere else (Bun, Deno, edge runtimes,
 * browsers, older Node) with the runtime's global `fetch`.
 */
export function defaultHttp(runtime: Runtime = currentRuntime()): Http {
  const global = fetchHttp((url, init) => globalThis.fetch(url, init));
  if (!supportsUndici(runtime)) return global;
  // Once loaded, calls go straight to undici: no extra promise per request.
  let loaded: Http | undefined;
  let loading: Promise<Http> | undefined;
  return (attempt) =>
    loaded
      ? loaded(attempt)
      : (loading ??= loadUndici(global).then((http) => (loaded = http))).then((http) => http(attempt));
}

async function loadUndici(fallback: Http): Promise<Http> {
  // A computed specifier and the ignore comments keep bundlers for edge runtimes from pulling undici
  // (and node:net) in; where it cannot be loaded (a bundle without node_modules) the global fetch serves.
  const specifier = 'undici';
  const eventsSpecifier = 'node:events';
  try {
    return undiciHttp(
      (await import(/* webpackIgnore: true */ /* @vite-ignore */ specifier)) as Undici,
      (await import(/* webpackIgnore: true */ /* @vite-ignore */ eventsSpecifier)) as Events,
    );
  } catch {
    return fallback;
  }
}

/** What decides the default: the Node version, if this is Node (and not Bun or Deno posing as it). */
export interface Runtime {
  node: string | undefined;
}

function currentRuntime(): Runtime {
  const node = typeof process === 'undefined' ? undefined : process.versions?.node;
  return { node: 'Bun' in globalThis || 'Deno' in globalThis ? undefined : node };
}

/** undici 7 declares Node ≥ 20.18.1; on older Node it must not even be loaded. */
export function supportsUndici({ node }: Runtime): boolean {
  if (node === undefined) return false;
  const [major = 0, minor = 0, patch = 0] = node.split('.').map(Number);
  return major > 20 || (major === 20 && (minor > 18 || (minor === 18 && patch >= 1)));
}

/** The innermost cause's message: undici says "fetch failed", its cause says "connect ECONNREFUSED …". */
function rootMessage(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}
