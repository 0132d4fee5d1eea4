import { WebhookVerificationError, type HeadersInput } from '@yardpass/webhook-verifier';

/** The parts of Node's `http.IncomingMessage` the Node and Express adapters use. */
export interface IncomingRequest extends AsyncIterable<Uint8Array | string> {
  headers: HeadersInput;
}

/** The parts of Node's `http.ServerResponse` the Node and Express adapters use. */
export interface OutgoingResponse {
  statusCode: number;
  readonly headersSent: boolean;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}

/** Bodies larger than this are refused before verification. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * The JSON body of a 400 answer when the delivery failed verification. Undefined for other errors,
 * including `malformed_secret`: a bad secret is this server's fault, so it goes to the framework's error
 * path (a logged 500, which Yardpass retries) instead of telling the sender its delivery was bad.
 */
export function rejection(error: unknown): string | undefined {
  if (!(error instanceof WebhookVerificationError) || error.reason === 'malformed_secret') return undefined;
  return JSON.stringify({ reason: error.reason, message: error.message });
}

/** Collects the raw body of a Node request, refusing more than `maxBytes`. */
export async function readBody(
  request: AsyncIterable<Uint8Array | string>,
  maxBytes: number,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    if (size > maxBytes) {
      throw new WebhookVerificationError(
        'invalid_payload',
        `The body is larger than the ${maxBytes} byte limit.`,
      );
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, size);
}

export function reply(response: OutgoingResponse, status: number, json?: string): void {
  if (response.headersSent) return;
  response.statusCode = status;
  if (json !== undefined) response.setHeader('content-type', 'application/json');
  response.end(json);
}

export function badRequest(json: string): Response {
  return new Response(json, { status: 400, headers: { 'content-type': 'application/json' } });
}

/** The handler's own `Response` when it returned one, else 204 No Content. */
export function eventResponse(result: unknown): Response {
  return result instanceof Response ? result : new Response(null, { status: 204 });
}
