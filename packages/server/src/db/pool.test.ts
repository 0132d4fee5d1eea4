import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/database';
import { createDb, isoTimestamp } from './pool';

describe('isoTimestamp', () => {
  it('reads what PostgreSQL sends in UTC exactly as Date would', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom('+00', ''),
        (date, micros, offset) => {
          const [day, time] = date.toISOString().replace('Z', '').split('T') as [string, string];
          const fraction = `${time.slice(9)}${String(micros).padStart(3, '0')}`.replace(/0+$/, '');
          const sent = `${day} ${time.slice(0, 8)}${fraction ? `.${fraction}` : ''}${offset}`;
          expect(isoTimestamp(sent)).toBe(
            new Date(`${sent.replace(' ', 'T')}${offset ? ':00' : 'Z'}`).toISOString(),
          );
        },
      ),
    );
  });

  it('falls back to Date for other offsets', () => {
    expect(isoTimestamp('2026-11-24 03:00:00.5+02')).toBe('2026-11-24T01:00:00.500Z');
  });
});

describe('Db.listen', () => {
  it('tells every onLost once when the listening connection fails, and listens again on the next call', async () => {
    const db = createDb({ databaseUrl: await createTestDatabase(), max: 2 });
    try {
      const heard: string[] = [];
      let lost = 0;
      await db.listen(
        'pool_test_a',
        (payload) => heard.push(`a:${payload}`),
        () => lost++,
      );
      await db.listen(
        'pool_test_b',
        (payload) => heard.push(`b:${payload}`),
        () => lost++,
      );
      const notify = (channel: string, payload: string) =>
        db.pool.query('select pg_notify($1, $2)', [channel, payload]);
      const until = async (check: () => boolean) => {
        for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
        expect(check()).toBe(true);
      };
      await notify('pool_test_a', '1');
      await until(() => heard.includes('a:1'));

      await db.pool.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and query like 'listen pool_test_%'`,
      );
      await until(() => lost === 2);
      // Nothing listens until someone calls again: the old handlers are forgotten, not silently kept.
      await db.listen('pool_test_a', (payload) => heard.push(`again:${payload}`));
      await notify('pool_test_a', '2');
      await notify('pool_test_b', '2');
      await until(() => heard.includes('again:2'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard).toEqual(['a:1', 'again:2']);
      expect(lost).toBe(2);
    } finally {
      await db.close();
    }
  });
});
