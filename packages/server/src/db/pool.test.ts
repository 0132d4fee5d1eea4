import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTimestamp } from './pool';

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
