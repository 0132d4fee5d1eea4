import { describe, expect, it } from 'vitest';
import { colorEnabled, createIo, detail, formatMoney, formatTime, relativeTime, table } from './output.js';

const now = new Date('2026-06-01T12:00:00Z');

const io = (options: { tty?: boolean; env?: Record<string, string>; columns?: number } = {}) => {
  const stream = { write: () => true, isTTY: options.tty ?? false, columns: options.columns };
  return createIo({ stdout: stream, stderr: stream, env: options.env ?? {}, now: () => now });
};

describe('formatMoney', () => {
  it.each([
    [150000, 'USD', '$1,500.00 USD'],
    [99, 'EUR', '€0.99 EUR'],
    [150000, 'JPY', '¥150,000 JPY'],
    [0, 'GBP', '£0.00 GBP'],
    [150000, 'XX', '150000 XX (minor units)'],
  ])('formats %i minor units of %s as %s', (minor, currency, expected) => {
    expect(formatMoney(minor, currency)).toBe(expected);
  });

  it('leaves out the code when asked, as Intl writes the amount in its currency', () => {
    expect(formatMoney(450000, 'USD', { code: false })).toBe('$4,500.00');
    expect(formatMoney(450000, 'CAD', { code: false })).toBe('CA$4,500.00');
  });
});

describe('relativeTime', () => {
  it.each([
    ['2026-06-01T11:59:30Z', 'just now'],
    ['2026-06-01T11:57:00Z', '3 minutes ago'],
    ['2026-06-01T09:00:00Z', '3 hours ago'],
    ['2026-05-30T12:00:00Z', '2 days ago'],
    ['2026-06-15T12:00:00Z', 'in 2 weeks'],
    ['2027-07-01T12:00:00Z', 'in 1 year'],
  ])('says %s is %s', (time, expected) => {
    expect(relativeTime(new Date(time), now)).toBe(expected);
  });
});

describe('colorEnabled', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [false, { FORCE_COLOR: '1' }, true],
    [true, { FORCE_COLOR: '0' }, false],
    [true, { TERM: 'dumb' }, false],
  ])('on a terminal: %s, with %j → %s', (tty, env, expected) => {
    expect(colorEnabled({ write: () => true, isTTY: tty }, env)).toBe(expected);
  });

  it('styles text only when color is on', () => {
    expect(io({ tty: true }).out.bold('x')).toBe('\u001b[1mx\u001b[22m');
    expect(io({ tty: true, env: { NO_COLOR: '1' } }).out.bold('x')).toBe('x');
  });
});

describe('table', () => {
  it('aligns columns under upper-case headers, showing money, empty values and relative times', () => {
    const items = [
      { id: 'a', price_cents: 150000, currency: 'USD', note: null, created_at: '2026-06-01T11:00:00Z' },
      { id: 'bbbb', price_cents: 5, currency: 'EUR', note: 'x', created_at: '2026-05-01T12:00:00Z' },
    ];
    expect(
      table({ items, columns: ['id', 'price_cents', 'note', 'created_at'], io: io() }).split('\n'),
    ).toEqual([
      'ID    PRICE          NOTE  CREATED AT',
      'a     $1,500.00 USD  -     1 hour ago',
      'bbbb  €0.05 EUR      x     1 month ago',
    ]);
  });

  it('cuts lines to the width of the terminal', () => {
    const lines = table({
      items: [{ id: 'x'.repeat(50) }],
      columns: ['id'],
      io: io({ tty: true, columns: 20 }),
    });
    expect(lines.split('\n')[1]).toBe(`${'x'.repeat(19)}…`);
  });
});

describe('detail', () => {
  it('lists every field with a human label, nested objects on their own lines', () => {
    const text = detail({
      item: {
        id: 'e1',
        brand_safety_tags: ['a', 'b'],
        target_audience: { age: '18-34', interests: ['music'] },
      },
      title: 'Summer Fest',
      io: io(),
    });
    expect(text.split('\n')).toEqual([
      'Summer Fest',
      'Id                 e1',
      'Brand safety tags  a, b',
      'Target audience    age: 18-34',
      '                   interests: music',
    ]);
  });

  it('shows money in the currency, times in local time and numbers with separators, nested values too', () => {
    const text = detail({
      item: {
        price_cents: 450000,
        currency: 'EUR',
        expected_reach: 40000,
        audience_snapshot: { ticket_revenue_cents_30d: 2598000, captured_at: '2026-07-01T18:00:00Z' },
      },
      io: io(),
    });
    expect(text.split('\n')).toEqual([
      'Price              €4,500.00',
      'Currency           EUR',
      'Expected reach     40,000',
      'Audience snapshot  ticket_revenue_cents_30d: €25,980.00',
      `                   captured_at: ${formatTime('2026-07-01T18:00:00Z')}`,
    ]);
  });
});

describe('formatTime', () => {
  it.each([
    ['UTC', '2026-07-01 18:00 UTC'],
    ['America/Chicago', '2026-07-01 13:00 CDT'],
    ['Asia/Tokyo', '2026-07-02 03:00 GMT+9'],
  ])('shows an RFC 3339 time in the zone %s as %s', (zone, expected) => {
    expect(formatTime('2026-07-01T18:00:00Z', zone)).toBe(expected);
  });
});
