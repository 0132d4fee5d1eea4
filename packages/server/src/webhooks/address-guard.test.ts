import { describe, expect, it } from 'vitest';
import { isBlockedAddress } from './address-guard';
import { parseRetryAfter } from './send';
import { nextDelayMs } from './schedule';

describe('isBlockedAddress', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd00:ec2::254',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    'not an ip',
  ])('refuses %s', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows the public address %s',
    (address) => {
      expect(isBlockedAddress(address)).toBe(false);
    },
  );
});

describe('nextDelayMs', () => {
  const policy = { scheduleMs: [0, 5000, 300_000], jitter: 0.2, retryAfterMaxMs: 3_600_000 };

  it('follows the schedule with ±20% jitter and stops after the last attempt', () => {
    expect(nextDelayMs(policy, 1, null, () => 0.5)).toBe(5000);
    expect(nextDelayMs(policy, 1, null, () => 0)).toBe(4000);
    expect(nextDelayMs(policy, 1, null, () => 1)).toBe(6000);
    expect(nextDelayMs(policy, 2, null, () => 0.5)).toBe(300_000);
    expect(nextDelayMs(policy, 3, null)).toBeNull();
  });

  it('honours a longer Retry-After up to its bound, never a shorter one', () => {
    expect(nextDelayMs(policy, 1, 60_000, () => 0.5)).toBe(60_000);
    expect(nextDelayMs(policy, 1, 1000, () => 0.5)).toBe(5000);
    expect(nextDelayMs(policy, 1, 86_400_000, () => 0.5)).toBe(3_600_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter(new Date(10_000 + 30_000).toUTCString(), 10_000)).toBe(30_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
  });
});
