import type { Config } from '../config';
import type { Db } from '../db/pool';
import { countRequest } from '../db/rate-limits';
import { RateLimitedError } from '../errors';

export type Bucket = 'read' | 'write' | 'report';
export type RateLimit = (subject: string, bucket: Bucket) => Promise<Record<string, string>>;

/**
 * Fixed one-minute windows per credential and bucket, counted in PostgreSQL so every server process
 * shares them. Returns the `RateLimit-*` headers, or throws 429 with `Retry-After`.
 */
export function createRateLimit({ db, config }: { db: Db; config: Config }): RateLimit {
  const limits: Record<Bucket, number> = {
    read: config.YARDPASS_RATE_LIMIT_READ_PER_MINUTE,
    write: config.YARDPASS_RATE_LIMIT_WRITE_PER_MINUTE,
    report: config.YARDPASS_RATE_LIMIT_REPORT_PER_MINUTE,
  };
  return async (subject, bucket) => {
    const limit = limits[bucket];
    const { count, resetSeconds } = await countRequest(db.pool, { subject, bucket, windowSeconds: 60 });
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
