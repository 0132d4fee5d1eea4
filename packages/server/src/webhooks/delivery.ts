import type { Db } from '../db/pool';
import {
  type AttemptOutcome,
  claimEndpointDeliveries,
  type ClaimedDelivery,
  killEndpointDeliveries,
  recordWebhookAttempts,
  requeueStrandedWebhookDeliveries,
  scheduleEndpointDeliveries,
} from './db/deliveries';
import { disableWebhookEndpoint } from './db/endpoints';
import { fanOutWebhookEvents, requeueUnfannedWebhookEvents } from './db/events';
import type { Logger } from '../logger';
import { nextDelayMs } from './schedule';
import type { Sender } from './send';
import type { WebhookSettings } from './settings';
import { signedHeaders } from './signing';
import { emitEvent } from './emit';
// The delivery engine: fan-out, attempts in sets per endpoint, retries and crash recovery, run by the worker.

const LEASE_MARGIN_MS = 5000;

export interface DeliveryDeps {
  db: Db;
  settings: WebhookSettings;
  sender: Sender;
  log: Logger;
  clock: () => Date;
}

// Events fanned out per statement. Deliveries of one endpoint claimed per set and attempts in flight at once:
// to a failing endpoint one at a time in sets of 4, by one job at a time, so a hanging one holds one worker slot
// for 4 time-outs at most.
// Either way a set takes at most 4 rounds of attempts, which its lease covers.
const FAN_OUT_BATCH = 500;
const DELIVERY_SET = 128;
const ATTEMPTS_IN_FLIGHT = 32;
const FAILING_SET = 4;
const ROUNDS = DELIVERY_SET / ATTEMPTS_IN_FLIGHT;

/**
 * Fans out every event waiting, oldest first, in sets: each set is one statement that writes the deliveries
 * and queues one `webhooks.deliver` job per endpoint touched. Answers how many events.
 */
export async function fanOutEvents(deps: DeliveryDeps): Promise<number> {
  let total = 0;
  for (;;) {
    const events = await deps.db.system((tx) => fanOutWebhookEvents(tx, { limit: FAN_OUT_BATCH }));
    total += events;
    if (events < FAN_OUT_BATCH) return total;
  }
}

/**
 * Attempts the due deliveries of one endpoint, a set at a time: one statement takes the set's leases, the
 * attempts run (several in flight, keep-alive connections), one statement logs them all and queues the
 * endpoint's next job at its earliest remaining attempt. A healthy endpoint is drained; a failing one gets
 * one set per job, so it cannot hold a worker slot for long. Answers how many attempts were made.
 */
export async function deliverEndpoint(deps: DeliveryDeps, endpointId: string): Promise<number> {
  const leaseMs = ROUNDS * deps.settings.timeoutMs + LEASE_MARGIN_MS;
  let total = 0;
  for (;;) {
    const claimed = await deps.db.system((tx) =>
      claimEndpointDeliveries(tx, { endpointId, limit: DELIVERY_SET, failingLimit: FAILING_SET, leaseMs }),
    );
    if (claimed.length === 0) {
      // After a set, its log queued what follows.
      if (total === 0) await deps.db.system((tx) => scheduleEndpointDeliveries(tx, endpointId));
      return total;
    }
    const first = claimed[0]!;
    if (!first.enabled) {
      await deps.db.system((tx) => killEndpointDeliveries(tx, endpointId, 'endpoint disabled'));
      return total;
    }
    const outcomes = await attemptAll(deps, claimed, first.failing ? 1 : ATTEMPTS_IN_FLIGHT);
    await recordOutcomes(deps, first, outcomes);
    total += claimed.length;
    if (first.failing || claimed.length < DELIVERY_SET) return total;
  }
}

async function attemptAll(
  deps: DeliveryDeps,
  claimed: ClaimedDelivery[],
  inFlight: number,
): Promise<(AttemptOutcome & { gone: boolean })[]> {
  const outcomes: (AttemptOutcome & { gone: boolean })[] = [];
  let next = 0;
  const attemptNext = async (): Promise<void> => {
    while (next < claimed.length) outcomes.push(await attempt(deps, claimed[next++]!));
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, claimed.length) }, attemptNext));
  return outcomes;
}

/** One attempt of one delivery: sign, POST (no redirects, bounded by the timeout, private addresses refused). */
async function attempt(
  deps: DeliveryDeps,
  claimed: ClaimedDelivery,
): Promise<AttemptOutcome & { gone: boolean }> {
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
  return {
    deliveryId: claimed.id,
    succeeded,
    gone,
    statusCode: result.statusCode,
    latencyMs: result.latencyMs,
    responseBody: result.body,
    error: result.error ?? (succeeded ? null : `unexpected status ${result.statusCode}`),
    retryInMs:
      succeeded || gone
        ? null
        : nextDelayMs(deps.settings.retry, claimed.schedule_attempts + 1, result.retryAfterMs),
  };
}

/**
 * Logs a set's attempts and schedules what follows: retries, dead letters, and the endpoint disabled when
 * it answered 410 Gone or has been failing for too long.
 */
async function recordOutcomes(
  deps: DeliveryDeps,
  endpoint: ClaimedDelivery,
  outcomes: (AttemptOutcome & { gone: boolean })[],
): Promise<void> {
  const { db, settings, log } = deps;
  const gone = outcomes.some((outcome) => outcome.gone);
  await db.system(async (tx) => {
    const { failingSince } = await recordWebhookAttempts(
      tx,
      endpoint.endpoint_id,
      outcomes,
      endpoint.failing,
    );
    const now = deps.clock();
    const failingTooLong =
      failingSince !== null && now.getTime() - Date.parse(failingSince) >= settings.disableAfterMs;
    if (!gone && !failingTooLong) return;
    const disabled = await disableWebhookEndpoint(tx, endpoint.endpoint_id, {
      reason: gone ? 'gone' : 'failing',
      failingBefore: gone ? undefined : new Date(now.getTime() - settings.disableAfterMs + 1),
    });
    if (!disabled) return;
    await killEndpointDeliveries(tx, disabled.id, `endpoint disabled (${disabled.disabled_reason})`);
    await emitEvent(tx, endpoint.org_id, 'webhook_endpoint.disabled', disabled);
    log.warn(
      {
        org_id: endpoint.org_id,
        endpoint_id: disabled.id,
        reason: disabled.disabled_reason,
        failing_since: failingSince,
      },
      gone
        ? 'webhook endpoint disabled: it answered 410 Gone'
        : 'webhook endpoint disabled: it has been failing continuously for too long',
    );
  });
  for (const outcome of outcomes) {
    if (outcome.retryInMs === null && !outcome.succeeded)
      log.info({ delivery_id: outcome.deliveryId }, 'webhook delivery dead-lettered');
  }
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
