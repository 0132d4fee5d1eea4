import { listen } from './listen';
import type { Db } from './pool';

interface Subscriber<Message> {
  onMessage: (message: Message) => void;
  onLost: () => void;
}

/**
 * The live streams of one kind in this process (webhook events, command-center events) share one LISTEN
 * connection on their channel, held while any of them is open; each notification is parsed once and handed to
 * every subscriber.
 */
export interface NotificationHub<Message> {
  subscribe(subscriber: Subscriber<Message>): Promise<() => Promise<void>>;
}

export function createNotificationHub<Message>(
  db: Db,
  channel: string,
  /** The notification's payload as a message; undefined drops it. */
  parse: (payload: string) => Message | undefined,
): NotificationHub<Message> {
  const subscribers = new Set<Subscriber<Message>>();
  let listening: Promise<() => Promise<void>> | undefined;
  const stop = async () => {
    const current = listening;
    listening = undefined;
    await (
      await current?.catch(() => undefined)
    )?.();
  };
  return {
    async subscribe(subscriber) {
      subscribers.add(subscriber);
      listening ??= listen(db.pool, channel, {
        onMessage: (payload) => {
          const message = parse(payload);
          if (message !== undefined) subscribers.forEach((each) => each.onMessage(message));
        },
        // Streams end and their clients reconnect with Last-Event-ID; the next one listens again.
        onLost: () => {
          const lost = [...subscribers];
          subscribers.clear();
          void stop();
          lost.forEach((each) => each.onLost());
        },
      });
      try {
        await listening;
      } catch (error) {
        subscribers.delete(subscriber);
        listening = undefined;
        throw error;
      }
      return async () => {
        subscribers.delete(subscriber);
        if (subscribers.size === 0) await stop();
      };
    },
  };
}
