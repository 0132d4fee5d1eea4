import type { Queryable } from './pool';

/**
 * Counts one request in the current fixed window of `windowSeconds` and returns the new count and the
 * seconds left in the window. One statement, so concurrent processes count correctly.
 */
export async function countRequest(
  db: Queryable,
  request: { subject: string; bucket: string; windowSeconds: number },
): Promise<{ count: number; resetSeconds: number }> {
  const { rows } = await db.query<{ count: number; reset_seconds: number }>(
    `with window_start as (
       select to_timestamp(floor(extract(epoch from now()) / $3) * $3) as at
     )
     insert into rate_limit_counters (subject, bucket, window_start, count)
     select $1, $2, at, 1 from window_start
     on conflict (subject, bucket, window_start) do update set count = rate_limit_counters.count + 1
     returning count, ceil(extract(epoch from window_start + make_interval(secs => $3) - now()))::int as reset_seconds`,
    [request.subject, request.bucket, request.windowSeconds],
  );
  return { count: rows[0]!.count, resetSeconds: Math.max(1, rows[0]!.reset_seconds) };
}

export async function deleteOldWindows(db: Queryable): Promise<number> {
  const { rowCount } = await db.query(
    `delete from rate_limit_counters where window_start < now() - interval '1 hour'`,
  );
  return rowCount ?? 0;
}
