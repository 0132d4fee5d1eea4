import type { Agent, IncomingMessage } from 'node:http';
import type { Fetch } from '@yardpass/sdk';

/** Statuses whose answer has no body (a `Response` refuses one). */
const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * The `fetch` the CLI gives its SDK client: node:http(s) over keep-alive agents the CLI owns, so that
 * `close()` ends their connections once a command has answered and the process exits at once. With Node's
 * own fetch a one-shot command stayed alive for about half a second after printing its answer (a kept-alive
 * socket, then undici's own shutdown). The modules load on the first request, so `--help` never pays for them.
 */
export function nodeFetch(): { fetch: Fetch; close(): void } {
  const agents = new Map<string, Agent>();
  const fetch: Fetch = async (url, init) => {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:')
      throw new TypeError(`Cannot fetch ${target.protocol} URLs.`);
    const { Agent, request } =
      target.protocol === 'https:' ? await import('node:https') : await import('node:http');
    const agent = agents.get(target.protocol) ?? new Agent({ keepAlive: true });
    agents.set(target.protocol, agent);
    const { body, signal } = init;
    if (body !== undefined && body !== null && typeof body !== 'string' && !(body instanceof Uint8Array))
      throw new TypeError('The CLI sends only text or bytes as a request body.');
    const { Readable } = await import('node:stream');
    return new Promise<Response>((resolve, reject) => {
      const outgoing = request(target, {
        method: init.method ?? 'GET',
        headers: Object.fromEntries(new Headers(init.headers).entries()),
        agent,
        ...(signal ? { signal } : {}),
      });
      outgoing.on('error', reject);
      outgoing.on('response', (answer: IncomingMessage) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(answer.headers))
          for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
            headers.append(name, one);
        const status = answer.statusCode ?? 0;
        const empty = NO_BODY.has(status) || init.method === 'HEAD';
        if (empty) answer.resume();
        resolve(
          new Response(empty ? null : (Readable.toWeb(answer) as ReadableStream<Uint8Array>), {
            status,
            statusText: answer.statusMessage ?? '',
            headers,
          }),
        );
      });
      outgoing.end(body ?? undefined);
    });
  };
  return {
    fetch,
    close() {
      for (const agent of agents.values()) agent.destroy();
    },
  };
}
