import type { Db } from '../db/pool';
import { rollupAll } from '../domain/stats';

/** Hourly: stat snapshots and audience insights for every event with activity, in set-based SQL. */
export function rollupStats(db: Db, options: { now: Date; minSegment: number }) {
  return rollupAll(db, options);
}
