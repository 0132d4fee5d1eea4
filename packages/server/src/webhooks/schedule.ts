export interface RetryPolicy {
  /** Delay before each attempt, the first included (Standard Webhooks: 0, 5 s, 5 min, … 24 h). */
  scheduleMs: number[];
  /** ±fraction of random jitter on every delay after the first. */
  jitter: number;
  /** The longest `Retry-After` honoured. */
  retryAfterMaxMs: number;
}

/**
 * When to try again after failed attempt number `attempt` (1-based, within the current schedule), or
 * `null` when it was the last one. A `Retry-After` longer than the scheduled delay is honoured, up to
 * the policy's bound; a shorter one never makes us retry sooner than the schedule.
 */
export function nextDelayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number | null {
  const scheduled = policy.scheduleMs[attempt];
  if (scheduled === undefined) return null;
  const jittered = scheduled * (1 + policy.jitter * (2 * random() - 1));
  const asked = retryAfterMs === null ? 0 : Math.min(retryAfterMs, policy.retryAfterMaxMs);
  return Math.round(Math.max(jittered, asked));
}
