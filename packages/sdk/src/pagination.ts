import { APIPromise } from './api-promise.js';
import { YardpassError } from './errors.js';
import type { RawResponse } from './transport.js';

/** Fetches the page that starts after `cursor` (`undefined` for the first). */
type FetchPage<Item> = (cursor: string | undefined) => PagePromise<Item>;

interface ListEnvelope<Item> {
  data: Item[];
  has_more: boolean;
  next_cursor: string | null;
}

/**
 * One page of a list: its items, whether more follow, and the way to the next page. Iterating it with
 * `for await` yields its items and those of every page after it.
 *
 * @example
 * ```ts
 * let page = await yardpass.events.list({ limit: 100 });
 * while (true) {
 *   for (const event of page.data) console.log(event.title);
 *   if (!page.hasNextPage()) break;
 *   page = await page.getNextPage();
 * }
 * ```
 */
export class Page<Item> implements AsyncIterable<Item> {
  readonly data: Item[];
  readonly has_more: boolean;
  /** Pass as `starting_after` to get the next page; `null` on the last one. */
  readonly next_cursor: string | null;
  readonly #fetchPage: FetchPage<Item>;

  constructor(envelope: ListEnvelope<Item>, fetchPage: FetchPage<Item>) {
    this.data = envelope.data;
    this.has_more = envelope.has_more;
    this.next_cursor = envelope.next_cursor;
    this.#fetchPage = fetchPage;
  }

  /** Whether another page follows this one. */
  hasNextPage(): boolean {
    return this.has_more && this.next_cursor !== null;
  }

  /**
   * The next page, with the same filters and options; rejects when there is none.
   *
   * @example
   * ```ts
   * if (page.hasNextPage()) page = await page.getNextPage();
   * ```
   */
  getNextPage(): PagePromise<Item> {
    if (this.next_cursor === null || !this.has_more) {
      const error = new YardpassError('There is no next page; check `hasNextPage()` first.', {
        code: 'no-next-page',
      });
      return new PagePromise(Promise.reject(error), () => this);
    }
    return this.#fetchPage(this.next_cursor);
  }

  [Symbol.asyncIterator](): AsyncIterator<Item> {
    return itemsFrom(this);
  }
}

async function* itemsFrom<Item>(first: Page<Item>): AsyncGenerator<Item> {
  for (let page = first; ; page = await page.getNextPage()) {
    yield* page.data;
    if (!page.hasNextPage()) return;
  }
}

/**
 * What list methods return: await it for the first {@link Page}, or iterate it with `for await` for
 * every item of every page, fetched as the loop goes.
 *
 * @example
 * ```ts
 * for await (const sponsor of yardpass.sponsors.list({ industry: 'beverages' })) {
 *   console.log(sponsor.name);
 * }
 * const first50 = await yardpass.events.list({ city: 'Austin' }).toArray({ limit: 50 });
 * ```
 */
export class PagePromise<Item> extends APIPromise<Page<Item>> implements AsyncIterable<Item> {
  /** Lists a collection: `fetchPage(undefined)` is the first page. */
  static list<Item>(fetchPage: (cursor: string | undefined) => Promise<RawResponse>): PagePromise<Item> {
    const next: FetchPage<Item> = (cursor) =>
      new PagePromise(fetchPage(cursor), (raw) => new Page(raw.body as ListEnvelope<Item>, next));
    return next(undefined);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    yield* await this;
  }

  /**
   * Every item of every page, or the first `limit` of them (no further page is fetched).
   *
   * @example
   * ```ts
   * const keys = await yardpass.apiKeys.list().toArray();
   * ```
   */
  async toArray(options: { limit?: number } = {}): Promise<Item[]> {
    const limit = options.limit ?? Infinity;
    const items: Item[] = [];
    if (limit <= 0) return items;
    for await (const item of this) {
      items.push(item);
      if (items.length >= limit) break;
    }
    return items;
  }
}
