import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  startEarlyInARateLimitWindow,
  startSecondServer,
  startTestServer,
  type TestServer,
} from '../../../../test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    YARDPASS_RATE_LIMIT_READ_PER_MINUTE: '5',
    YARDPASS_RATE_LIMIT_WRITE_PER_MINUTE: '2',
  });
});
afterAll(() => server.close());

/** Everyone's shared read count this minute, as the processes have synced it (keys are tenant-private). */
async function sharedReads(): Promise<number> {
  const { rows } = await server.db.pool.query<{ count: number }>(
    `select coalesce(sum(count), 0)::int as count from rate_limit_counters
     where bucket = 'read' and window_start = date_trunc('minute', now())`,
  );
  return rows[0]!.count;
}

describe('rate limits', () => {
  it('counts reads per key and answers 429 with Retry-After and RateLimit headers over the limit', async () => {
    const org = await server.createOrg('Busy');
    await startEarlyInARateLimitWindow();
    const results = await Promise.all(Array.from({ length: 8 }, () => api(server, org)('GET', '/v1/events')));
    const served = results.filter((r) => r.status === 200);
    expect(served).toHaveLength(5);
    // A JSON answer carries the pipeline's headers as much as a problem does.
    expect(served[0]!.headers.get('ratelimit-limit')).toBe('5');
    expect(served[0]!.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    const limited = results.filter((r) => r.status === 429);
    expect(limited).toHaveLength(3);
    const res = limited[0]!;
    expect(res.json.type).toBe('https://yardpass.dev/problems/rate-limited');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.headers.get('ratelimit-limit')).toBe('5');
    expect(res.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(res.headers.get('ratelimit-reset'))).toBeLessThanOrEqual(60);
  });

  it('keeps separate buckets for reads and writes, and per key', async () => {
    const org = await server.createOrg('Writer');
    await startEarlyInARateLimitWindow();
    for (let i = 0; i < 2; i++)
      expect((await api(server, org)('POST', '/v1/sponsors', { body: { name: `S${i}` } })).status).toBe(201);
    expect((await api(server, org)('POST', '/v1/sponsors', { body: { name: 'S3' } })).status).toBe(429);
    expect((await api(server, org)('GET', '/v1/sponsors')).status).toBe(200);
    const other = await server.createOrg('Other');
    expect((await api(server, other)('POST', '/v1/sponsors', { body: { name: 'S' } })).status).toBe(201);
  });

  it('shares the count between server processes on one database', async () => {
    const second = await startSecondServer(server.databaseUrl, { YARDPASS_RATE_LIMIT_READ_PER_MINUTE: '5' });
    try {
      const org = await server.createOrg('Two processes');
      await startEarlyInARateLimitWindow();
      const before = await sharedReads();
      for (let i = 0; i < 4; i++) expect((await api(server, org)('GET', '/v1/events')).status).toBe(200);
      // The first process adds its counts to the shared row within a sync interval (longer on a busy machine).
      await expect.poll(() => sharedReads(), { timeout: 10_000, interval: 100 }).toBe(before + 4);
      expect((await api(second, org)('GET', '/v1/events')).status).toBe(200);
      const over = await api(second, org)('GET', '/v1/events');
      expect(over.status).toBe(429);
      expect(over.headers.get('ratelimit-remaining')).toBe('0');
    } finally {
      await second.close();
    }
  });
});
