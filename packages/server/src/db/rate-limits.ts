import type { Queryable } from './pool';

/**
 * Adds `add` requests to the shared count of a window and returns everyone's count. One statement, so
 * concurrent processes count correctly.
 */
export async function countRequests(
  db: Queryable,
  request: { subject: string; bucket: string; windowStart: Date; add: number },
): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    `insert into rate_limit_counters (subject, bucket, window_start, count) values ($1, $2, $3, $4)
     on conflict (subject, bucket, window_start) do update set count = rate_limit_counters.count + $4
     returning count`,
    [request.subject, request.bucket, request.windowStart, request.add],
  );
  return rows[0]!.count;
}

export async function deleteOldWindows(db: Queryable): Promise<number> {
  const { rowCount } = await db.query(
    `delete from rate_limit_counters where window_start < now() - interval '1 hour'`,
  );
  return rowCount ?? 0;
}
