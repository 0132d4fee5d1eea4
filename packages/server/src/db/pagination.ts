import { ValidationError } from '../errors';

/** A keyset position: the sort value and id of the last row of the previous page. */
export interface Cursor {
  value: string;
  id: string;
}

export interface Page<T> {
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}

export function decodeCursor(cursor: string | undefined): Cursor | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof value === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id))
      return { value, id };
  } catch {
    // fall through to the problem below
  }
  throw new ValidationError('`starting_after` is not a cursor this API issued.', [
    { path: '/starting_after', message: 'Pass the `next_cursor` of the previous page unchanged.' },
  ]);
}

/**
 * Turns `limit + 1` fetched rows into a page; the extra row only says there is more.
 * `sortValue` reads the column the query orders by (with `id` as tie-breaker).
 */
export function toPage<T extends { id: string }>(
  rows: T[],
  limit: number,
  sortValue: (row: T) => string,
): Page<T> {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  const hasMore = rows.length > limit;
  return {
    data,
    has_more: hasMore,
    next_cursor:
      hasMore && last ? Buffer.from(JSON.stringify([sortValue(last), last.id])).toString('base64url') : null,
  };
}
