import type { Db } from '../db/pool';
import {
  claimWebhookDelivery,
  type ClaimedDelivery,
  killEndpointDeliveries,
  killWebhookDelivery,
  recordWebhookAttempt,
  requeueStrandedWebhookDeliveries,
} from './db/deliveries';
import { disableWebhookEndpoint } from './db/endpoints';
import { fanOutWebhookEvents, requeueUnfannedWebhookEvents } from './db/events';
import type { Logger } from '../logger';
import { nextDelayMs } from './schedule';
import type { Sender } from './send';
import type { WebhookSettings } from './settings';
import { signedHeaders } from './signing';
import { emitEvent } from './emit';
// The delivery engine: fan-out, attempts, retries and crash recovery, run by the worker.

const LEASE_MARGIN_MS = 5000;

export interface DeliveryDeps {
  db: Db;
  settings: WebhookSettings;
  sender: Sender;
  log: Logger;
  clock: () => Date;
}

// Events fanned out by one job, and attempts of theirs in flight at once.
const FAN_OUT_BATCH = 100;
const ATTEMPTS_IN_FLIGHT = 16;

/**
 * Fans out an event (and other events still waiting, so a burst is taken in batches) and makes the first
 * attempt of each new delivery at once, several in flight: no second job per delivery on the happy path.
 * Retries are jobs of their own (`webhooks.deliver`, with `run_at`).
 */
export async function fanOutEvent(deps: DeliveryDeps, eventId: string): Promise<number> {
  const claimed = await deps.db.system((tx) =>
    fanOutWebhookEvents(tx, {
      eventId,
      limit: FAN_OUT_BATCH,
      leaseMs: deps.settings.timeoutMs + LEASE_MARGIN_MS,
    }),
  );
  let next = 0;
  const attemptNext = async (): Promise<void> => {
    while (next < claimed.length) {
      const delivery = claimed[next++]!;
      // One failed write must not stop the others; its lease runs out and the sweep retries it.
      await attemptClaimed(deps, delivery).catch((error: unknown) =>
        deps.log.error({ err: error, delivery_id: delivery.id }, 'webhook attempt could not be recorded'),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(ATTEMPTS_IN_FLIGHT, claimed.length) }, attemptNext));
  return claimed.length;
}

/** One attempt of a delivery a `webhooks.deliver` job names (a retry, a replay, a ping). */
export async function attemptDelivery(deps: DeliveryDeps, deliveryId: string): Promise<void> {
  // The lease outlasts the attempt (bounded by the timeout) and the write that follows it.
  const claimed = await deps.db.system((tx) =>
    claimWebhookDelivery(tx, deliveryId, deps.settings.timeoutMs + LEASE_MARGIN_MS),
  );
  if (claimed) await attemptClaimed(deps, claimed);
}

/**
 * One attempt of one delivery: sign, POST (no redirects, bounded by the timeout, private addresses
 * refused), log the attempt, and schedule the next one, dead-letter it, or disable the endpoint.
 */
async function attemptClaimed(deps: DeliveryDeps, claimed: ClaimedDelivery): Promise<void> {
  const { db, settings, log } = deps;
  const deliveryId = claimed.id;
  if (!claimed.enabled) {
    await db.system((tx) => killWebhookDelivery(tx, deliveryId, 'endpoint disabled'));
    return;
  }
  const body = `{"id":${JSON.stringify(claimed.event_id)},"type":${JSON.stringify(claimed.event_type)},"created_at":${JSON.stringify(claimed.event_created_at)},"data":${claimed.data_json}}`;
  const headers = signedHeaders({
    id: claimed.event_id,
    type: claimed.event_type,
    body,
    secrets: claimed.previous_secret ? [claimed.secret, claimed.previous_secret] : [claimed.secret],
    now: deps.clock(),
  });
  const result = await deps.sender.send({ url: claimed.url, headers, body });
  const succeeded = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const gone = result.statusCode === 410;
  const retryInMs =
    succeeded || gone
      ? null
      : nextDelayMs(settings.retry, claimed.schedule_attempts + 1, result.retryAfterMs);

  await db.system(async (tx) => {
    const { failingSince } = await recordWebhookAttempt(tx, {
      delivery: claimed,
      succeeded,
      statusCode: result.statusCode,
      latencyMs: result.latencyMs,
      responseBody: result.body,
      error: result.error ?? (succeeded ? null : `unexpected status ${result.statusCode}`),
      retryInMs,
    });
    const now = deps.clock();
    const failingTooLong =
      failingSince !== null && now.getTime() - Date.parse(failingSince) >= settings.disableAfterMs;
    if (!gone && !failingTooLong) return;
    const endpoint = await disableWebhookEndpoint(tx, claimed.endpoint_id, {
      reason: gone ? 'gone' : 'failing',
      failingBefore: gone ? undefined : new Date(now.getTime() - settings.disableAfterMs + 1),
    });
    if (!endpoint) return;
    await killEndpointDeliveries(tx, endpoint.id, `endpoint disabled (${endpoint.disabled_reason})`);
    await emitEvent(tx, claimed.org_id, 'webhook_endpoint.disabled', endpoint);
    log.warn(
      {
        org_id: claimed.org_id,
        endpoint_id: endpoint.id,
        reason: endpoint.disabled_reason,
        failing_since: failingSince,
      },
      gone
        ? 'webhook endpoint disabled: it answered 410 Gone'
        : 'webhook endpoint disabled: it has been failing continuously for too long',
    );
  });
  if (retryInMs === null && !succeeded)
    log.info({ delivery_id: deliveryId, event_id: claimed.event_id }, 'webhook delivery dead-lettered');
}

/**
 * Recovers work a crashed worker held: events never fanned out and due deliveries not leased, older
 * than `graceMs` (graphile-worker keeps a dead worker's jobs locked for hours).
 */
export function sweepWebhookWork(db: Db, options: { graceMs: number; now: Date }) {
  return db.system(async (tx) => ({
    events: await requeueUnfannedWebhookEvents(tx, new Date(options.now.getTime() - options.graceMs)),
    deliveries: await requeueStrandedWebhookDeliveries(tx, options.graceMs),
  }));
}
