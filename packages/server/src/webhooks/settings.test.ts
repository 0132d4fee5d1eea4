import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { loadSpec } from '../spec';
import { webhookSettings } from './settings';

const production = { DATABASE_URL: 'postgres://x@localhost/db', YARDPASS_PAYMENTS: 'sandbox' };

describe('webhookSettings', () => {
  it('defaults to the Standard Webhooks schedule, 10 s attempts, 24 h overlap and 5 days before disabling', () => {
    const settings = webhookSettings(loadConfig(production, 'start'), loadSpec());
    const s = 1000;
    const h = 3600 * s;
    expect(settings.retry).toEqual({
      scheduleMs: [0, 5 * s, 300 * s, 1800 * s, 2 * h, 5 * h, 10 * h, 14 * h, 20 * h, 24 * h],
      jitter: 0.2,
      retryAfterMaxMs: 24 * h,
    });
    expect(settings).toMatchObject({
      timeoutMs: 10 * s,
      secretOverlapMs: 24 * h,
      disableAfterMs: 5 * 24 * h,
      allowPrivate: false,
    });
    expect(settings.eventTypes.map((type) => type.type)).toContain('order.funded');
  });

  it('allows private addresses in dev unless told otherwise, and elsewhere only when told', () => {
    expect(webhookSettings(loadConfig({}, 'dev')).allowPrivate).toBe(true);
    expect(
      webhookSettings(loadConfig({ YARDPASS_ALLOW_PRIVATE_WEBHOOK_URLS: 'false' }, 'dev')).allowPrivate,
    ).toBe(false);
    const allowed = loadConfig({ ...production, YARDPASS_ALLOW_PRIVATE_WEBHOOK_URLS: 'true' }, 'start');
    expect(webhookSettings(allowed).allowPrivate).toBe(true);
  });

  it('reads durations in ms, s, m, h, d or plain seconds', () => {
    const config = loadConfig(
      { YARDPASS_WEBHOOK_RETRY_SCHEDULE: '0,250ms,2,1.5m,1h,1d', YARDPASS_WEBHOOK_TIMEOUT: '2500ms' },
      'dev',
    );
    expect(config.YARDPASS_WEBHOOK_RETRY_SCHEDULE).toEqual([0, 250, 2000, 90_000, 3_600_000, 86_400_000]);
    expect(config.YARDPASS_WEBHOOK_TIMEOUT).toBe(2500);
  });

  it.each([
    ['YARDPASS_WEBHOOK_RETRY_SCHEDULE', '0,soon', /^Invalid YARDPASS_WEBHOOK_RETRY_SCHEDULE: .*durations/],
    ['YARDPASS_WEBHOOK_TIMEOUT', 'ten seconds', /^Invalid YARDPASS_WEBHOOK_TIMEOUT: must be a duration/],
    ['YARDPASS_ALLOW_PRIVATE_WEBHOOK_URLS', 'yes', /^Invalid YARDPASS_ALLOW_PRIVATE_WEBHOOK_URLS/],
  ])('stops start-up with one line naming %s when it is %j', (name, value, message) => {
    expect(() => loadConfig({ [name]: value }, 'dev')).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value }, 'dev')).toThrow(message);
  });
});
