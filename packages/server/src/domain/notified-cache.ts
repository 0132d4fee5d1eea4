import type { Db } from '../db/pool';

/** After a failed LISTEN, the next attempt waits this long (requests meanwhile read the database). */
const RETRY_MS = 1_000;

/**
 * The LISTEN a cache of this process relies on to drop what a change committed through any process made stale.
 * Nothing may be cached while no LISTEN is in effect (`live` false): before the first one, and from the moment the
 * listening connection is lost (the cache is told to drop everything) until a later `listen()` has succeeded.
 * `generation` changes on every notification, loss and local `changed()`: a read that started before one may have
 * seen what it replaced, so it is kept only if the generation it started at is still current.
 */
export function listenForChanges(
  db: Db,
  channel: string,
  handlers: { onMessage: (payload: string) => void; onLost: () => void },
  now: () => number,
) {
  let live = false;
  let subscribing: Promise<void> | undefined;
  let retryAt = 0;
  let generation = 0;

  const onMessage = (payload: string) => {
    generation++;
    handlers.onMessage(payload);
  };
  const onLost = () => {
    live = false;
    generation++;
    handlers.onLost();
  };
  return {
    get live() {
      return live;
    },
    get generation() {
      return generation;
    },
    /** Starts listening unless a LISTEN is in effect or under way (or failed less than RETRY_MS ago). */
    listen() {
      if (live || subscribing || now() < retryAt) return;
      subscribing = db
        .listen(channel, onMessage, onLost)
        .then(
          () => void (live = true),
          () => void (retryAt = now() + RETRY_MS),
        )
        .finally(() => (subscribing = undefined));
    },
    /** A change this process knows of before its notification arrives: reads under way are not kept. */
    changed() {
      generation++;
    },
  };
}
