import { ensurePartitions } from '../db/analytics';
import type { Db } from '../db/pool';

/**
 * Daily: the analytics partitions of this month and the next three exist (guide §17). Rows that reached the
 * default partition for one of those months move into it. `firstMonth` overrides the start (backfills).
 */
export function ensureAnalyticsPartitions(
  db: Db,
  options: { now: Date; months?: number; firstMonth?: Date },
) {
  const start = options.firstMonth ?? options.now;
  const month = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
  return db.system((tx) => ensurePartitions(tx, month, options.months ?? 4));
}
