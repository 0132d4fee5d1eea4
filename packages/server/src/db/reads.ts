import { NotFoundError } from '../errors';
import { type Cursor, decodeCursor, type Page, toPage } from './pagination';
import type { Db, Queryable } from './pool';

/** One row the organization sees, in one read, or a 404 naming `resource` (`'sponsorship package'`). */
export async function readOne<T>(
  db: Db,
  orgId: string,
  resource: string,
  find: (q: Queryable) => Promise<T | undefined>,
): Promise<T> {
  const row = await db.read(orgId, find);
  if (!row) throw new NotFoundError(resource);
  return row;
}

/**
 * One page of a list the organization sees, in one read: `query`'s `limit` (20 when not given) and cursor
 * go to `list` as `page`; `sortValue` reads the column the list orders by.
 */
export function readPage<T extends { id: string }>(
  db: Db,
  orgId: string,
  query: { limit?: number; starting_after?: string },
  list: (q: Queryable, page: { limit: number; after: Cursor | undefined }) => Promise<T[]>,
  sortValue: (row: T) => string,
): Promise<Page<T>> {
  const limit = query.limit ?? 20;
  const after = decodeCursor(query.starting_after);
  return db.read(orgId, async (q) => toPage(await list(q, { limit, after }), limit, sortValue));
}
