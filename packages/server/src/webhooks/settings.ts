import type { Config } from '../config';
import type { Spec } from '../spec';
import { type WebhookEventType, webhookEventTypes } from './event-types';
import type { RetryPolicy } from './schedule';

/** Everything webhook delivery is configured by, read once from the config and the contract. */
export interface WebhookSettings {
  retry: RetryPolicy;
  timeoutMs: number;
  /** An endpoint failing continuously this long is disabled. */
  disableAfterMs: number;
  secretOverlapMs: number;
  /** Plain http and private addresses allowed (dev mode, local receivers). */
  allowPrivate: boolean;
  eventTypes: WebhookEventType[];
}

export function webhookSettings(config: Config, spec?: Spec): WebhookSettings {
  return {
    retry: {
      scheduleMs: config.YARDPASS_WEBHOOK_RETRY_SCHEDULE,
      jitter: config.YARDPASS_WEBHOOK_RETRY_JITTER,
      retryAfterMaxMs: config.YARDPASS_WEBHOOK_RETRY_AFTER_MAX,
    },
    timeoutMs: config.YARDPASS_WEBHOOK_TIMEOUT,
    disableAfterMs: config.YARDPASS_WEBHOOK_DISABLE_AFTER,
    secretOverlapMs: config.YARDPASS_WEBHOOK_SECRET_OVERLAP,
    allowPrivate: config.YARDPASS_ALLOW_PRIVATE_WEBHOOK_URLS ?? false,
    eventTypes: spec ? webhookEventTypes(spec.document) : [],
  };
}
