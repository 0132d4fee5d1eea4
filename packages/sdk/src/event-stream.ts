import { createParser } from 'eventsource-parser';
import { APIConnectionError, APIUserAbortError, YardpassError } from './errors.js';
import type { QueryParams, RequestOptions } from './options.js';
import type { Send } from './transport.js';

/** Options of the SDK's live streams (`webhooks.events.stream`, `commandCenter.stream`). */
export interface EventStreamOptions {
  /** Resume after this event id (what you last handled); reconnections resume by themselves. */
  lastEventId?: string;
  /** Stops the stream: the loop ends quietly. */
  signal?: AbortSignal;
  /** Called each time the stream is (re)connected. */
  onConnect?: () => void;
  /**
   * Wait before reconnecting after the connection drops, and between tries while the server is away
   * (default 1000 ms). A first connection that fails, and any error answer, throw.
   */
  reconnectDelayMs?: number;
}

/**
 * Server-sent events at `path` as an async iterable of their parsed `data`: a dropped connection is resumed
 * after the last event received (`Last-Event-ID`), like EventSource; it ends when `signal` aborts.
 */
export async function* streamEvents<Event>(
  send: Send,
  options: EventStreamOptions & { path: string; query?: QueryParams },
): AsyncGenerator<Event> {
  let lastEventId = options.lastEventId;
  let connected = false;
  const { signal } = options;
  const pause = () => new Promise((resolve) => setTimeout(resolve, options.reconnectDelayMs ?? 1000));
  while (!signal?.aborted) {
    const request: RequestOptions = {
      signal,
      // The stream is open for as long as it is read; a dropped one is resumed below, not retried.
      timeout: 2 ** 31 - 1,
      maxRetries: 0,
      headers: { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
    };
    let body: unknown;
    try {
      ({ body } = await send({ ...request, method: 'GET', path: options.path, query: options.query }));
    } catch (error) {
      if (error instanceof APIUserAbortError) return;
      // Like EventSource: once connected, a server that is away (restarting) is waited for; a first
      // connection that fails, or any error answer, is thrown.
      if (!connected || !(error instanceof APIConnectionError)) throw error;
      await pause();
      continue;
    }
    if (!(body instanceof ReadableStream))
      throw new YardpassError('The server did not answer with an event stream.', { code: 'invalid-stream' });
    connected = true;
    options.onConnect?.();
    const queue: Event[] = [];
    const parser = createParser({
      onEvent: (message) => {
        if (!message.data) return;
        queue.push(JSON.parse(message.data) as Event);
        if (message.id) lastEventId = message.id;
      },
    });
    const reader = (body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const cancel = () => void reader.cancel().catch(() => undefined);
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.feed(decoder.decode(value, { stream: true }));
        while (queue.length > 0) yield queue.shift()!;
      }
    } catch {
      // The connection dropped: reconnect below, after the last event received.
    } finally {
      signal?.removeEventListener('abort', cancel);
      cancel();
    }
    if (signal?.aborted) return;
    await pause();
  }
}
