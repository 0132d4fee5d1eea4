import type { RawResponse } from './transport.js';

/**
 * What `.withResponse()` resolves to: the parsed result and the raw answer behind it.
 *
 * @example
 * ```ts
 * const { data, response, requestId, replayed }: WithResponse<Event> = await yardpass.events.retrieve(id).withResponse();
 * ```
 */
export interface WithResponse<T> {
  data: T;
  /** The HTTP answer (its body already read). */
  response: Response;
  /** The answer's `X-Request-Id`. */
  requestId: string | null;
  /** `true` when the server replayed a stored answer for this `Idempotency-Key`. */
  replayed: boolean;
}

/**
 * The promise every SDK method returns: await it for the result, or call `.withResponse()` for the
 * result together with the HTTP answer, its request id and whether it was an idempotent replay.
 *
 * @example
 * ```ts
 * const event = await yardpass.events.retrieve(id);
 * const { data, requestId, replayed } = await yardpass.events.create(body).withResponse();
 * ```
 */
export class APIPromise<T> implements Promise<T> {
  readonly [Symbol.toStringTag] = 'APIPromise';
  readonly #raw: Promise<RawResponse>;
  readonly #parse: (raw: RawResponse) => T;
  #parsed: Promise<T> | undefined;

  constructor(raw: Promise<RawResponse>, parse: (raw: RawResponse) => T) {
    this.#raw = raw;
    this.#parse = parse;
  }

  /**
   * The result together with the HTTP answer.
   *
   * @example
   * ```ts
   * const { data: key, requestId } = await yardpass.apiKeys.create({ name: 'ci' }).withResponse();
   * ```
   */
  withResponse(): Promise<WithResponse<T>> {
    return this.#raw.then((raw) => ({
      data: this.#parse(raw),
      response: raw.response,
      requestId: raw.response.headers.get('x-request-id'),
      replayed: raw.response.headers.get('idempotent-replayed') === 'true',
    }));
  }

  then<Fulfilled = T, Rejected = never>(
    onfulfilled?: ((value: T) => Fulfilled | PromiseLike<Fulfilled>) | null,
    onrejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Fulfilled | Rejected> {
    return this.#value().then(onfulfilled, onrejected);
  }

  catch<Rejected = never>(
    onrejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<T | Rejected> {
    return this.#value().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#value().finally(onfinally);
  }

  #value(): Promise<T> {
    return (this.#parsed ??= this.#raw.then(this.#parse));
  }
}
