import type { Config } from '../config';
import type { Db } from '../db/pool';
import { countRequests } from '../db/rate-limits';
import { RateLimitedError } from '../errors';

export type Bucket = 'read' | 'write' | 'report';
export type RateLimit = (subject: string, bucket: Bucket) => Promise<Record<string, string>>;

const WINDOW_SECONDS = 60;
/** How often a process adds its local counts to the shared ones and reads back everyone's. */
const SYNC_INTERVAL_MS = 200;

interface Counter {
  subject: string;
  bucket: Bucket;
  windowStart: number;
  /** Everyone's count in PostgreSQL as of the last sync, this process's synced requests included. */
  shared: number;
  /** This process's requests not yet added to `shared`. */
  pending: number;
  sync?: Promise<void>;
}

/**
 * Fixed one-minute windows per credential and bucket, shared by every server process through PostgreSQL.
 * Each process counts in memory and adds its counts to the shared row at most every 200 ms (and on the
 * first request of a window), so a request costs no database round trip; within one process the count
 * is exact, across processes it lags by at most one sync. Returns the `RateLimit-*` headers, or throws
 * 429 with `Retry-After`.
 */
export function createRateLimit({ db, config }: { db: Db; config: Config }): RateLimit {
  const limits: Record<Bucket, number> = {
    read: config.YARDPASS_RATE_LIMIT_READ_PER_MINUTE,
    write: config.YARDPASS_RATE_LIMIT_WRITE_PER_MINUTE,
    report: config.YARDPASS_RATE_LIMIT_REPORT_PER_MINUTE,
  };
  const counters = new Map<string, Counter>();

  function sync(counter: Counter): Promise<void> {
    counter.sync ??= (async () => {
      const add = counter.pending;
      try {
        const total = await countRequests(db.pool, {
          subject: counter.subject,
          bucket: counter.bucket,
          windowStart: new Date(counter.windowStart * 1000),
          add,
        });
        counter.pending -= add;
        counter.shared = total;
      } finally {
        counter.sync = undefined;
      }
    })();
    return counter.sync;
  }

  const timer = setInterval(() => {
    const current = Math.floor(Date.now() / 1000 / WINDOW_SECONDS) * WINDOW_SECONDS;
    for (const [key, counter] of counters) {
      if (counter.pending > 0) void sync(counter).catch(() => undefined);
      else if (counter.windowStart < current) counters.delete(key);
    }
  }, SYNC_INTERVAL_MS);
  timer.unref();

  return async (subject, bucket) => {
    const limit = limits[bucket];
    const nowSeconds = Date.now() / 1000;
    const windowStart = Math.floor(nowSeconds / WINDOW_SECONDS) * WINDOW_SECONDS;
    const key = `${bucket}:${subject}:${windowStart}`;
    let counter = counters.get(key);
    const first = !counter;
    if (!counter) {
      counter = { subject, bucket, windowStart, shared: 0, pending: 0 };
      counters.set(key, counter);
    }
    counter.pending += 1;
    let count = counter.shared + counter.pending;
    // The first request of a window in this process learns what the other processes already counted
    // (its own request included); requests arriving meanwhile count on top of what is known.
    if (first) {
      await sync(counter);
      count = counter.shared;
    }
    const resetSeconds = Math.max(1, Math.ceil(windowStart + WINDOW_SECONDS - nowSeconds));
    const headers = {
      'RateLimit-Limit': String(limit),
      'RateLimit-Remaining': String(Math.max(0, limit - count)),
      'RateLimit-Reset': String(resetSeconds),
    };
    if (count > limit) {
      throw new RateLimitedError(`Over ${limit} ${bucket} requests a minute; retry in ${resetSeconds} s.`, {
        ...headers,
        'Retry-After': String(resetSeconds),
      });
    }
    return headers;
  };
}
