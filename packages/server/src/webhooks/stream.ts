import type { Db } from '../db/pool';
import { createNotificationHub, type NotificationHub } from '../db/notification-hub';
import { findWebhookEvent, listWebhookEventsAfter, WEBHOOK_EVENTS_CHANNEL } from './db/events';
import type { Caller } from '../caller';
import { publicEvent } from './events';
// The live stream of committed events (server-sent events), one LISTEN connection per process.

/** Every open event stream of this process shares one LISTEN connection, held while any stream is open. */
export type WebhookEventHub = NotificationHub<{ orgId: string; eventId: string }>;

export function createWebhookEventHub(db: Db): WebhookEventHub {
  // The payload is `<org id>:<event id>`.
  return createNotificationHub(db, WEBHOOK_EVENTS_CHANNEL, (payload) => {
    const [orgId, eventId] = payload.split(':');
    return orgId && eventId ? { orgId, eventId } : undefined;
  });
}

/**
 * The caller's events as they are committed, after those following `lastEventId` (resume). Ends when
 * `signal` aborts or the server loses its LISTEN connection (the client resumes with Last-Event-ID).
 * Committed order, at least once: a consumer de-duplicates on `id`.
 */
export async function* streamWebhookEvents(
  db: Db,
  hub: WebhookEventHub,
  caller: Caller,
  options: { lastEventId?: string; types: string[] | null; signal: AbortSignal },
): AsyncGenerator<ReturnType<typeof publicEvent>> {
  const pending: string[] = [];
  let lost = false;
  let wake: (() => void) | undefined;
  const unsubscribe = await hub.subscribe({
    onMessage: ({ orgId, eventId }) => {
      if (orgId !== caller.orgId) return;
      pending.push(eventId);
      wake?.();
    },
    onLost: () => {
      lost = true;
      wake?.();
    },
  });
  const aborted = new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve();
    options.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  const seen = new Set<string>();
  try {
    let afterId = options.lastEventId;
    while (afterId && !options.signal.aborted) {
      const backlog = await db.tenant(caller.orgId, (tx) =>
        listWebhookEventsAfter(tx, { afterId: afterId!, types: options.types, limit: 500 }),
      );
      for (const event of backlog) {
        seen.add(event.id);
        yield publicEvent(event);
      }
      afterId = backlog.length === 500 ? backlog.at(-1)!.id : undefined;
    }
    while (!options.signal.aborted && !(lost && pending.length === 0)) {
      if (pending.length === 0) {
        await Promise.race([new Promise<void>((resolve) => (wake = resolve)), aborted]);
        wake = undefined;
        continue;
      }
      const id = pending.shift()!;
      if (seen.has(id)) continue;
      const event = await db.read(caller.orgId, (tx) => findWebhookEvent(tx, id));
      if (event && (!options.types || options.types.includes(event.type))) yield publicEvent(event);
    }
  } finally {
    await unsubscribe();
  }
}
