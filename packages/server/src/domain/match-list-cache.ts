import type { Db } from '../db/pool';
import { listenForChanges } from './notified-cache';

/** Notified when anything a match list shows or filters on may have changed (migration 0024). */
const CHANNEL = 'yardpass_match_inputs';
/** The longest a page is served without asking the database: the bound should a notification never arrive. */
export const MATCH_LIST_CACHE_TTL_MS = 5_000;
/** A page of 50 is about 60 kB of JSON, kept with its objects: a few tens of MB at most. */
const MAX_ENTRIES = 200;

/**
 * The pages of match lists this process read, so that reading the same page again costs no database round trip:
 * a ranked list changes only when the worker re-scores or someone acts on a pair, and is read far more often.
 * A page is kept under the reading organization and everything that selects it, and was read through that
 * organization's row-level security. Every process LISTENs on `yardpass_match_inputs` and drops all its pages when
 * notified (any change committed through any process that can alter a list, see migration 0024); this process's
 * own writes (the API's write operations, the drain's batches) drop them before their notification arrives
 * (`changed`), so a client reads its own writes. A page is never older than {@link MATCH_LIST_CACHE_TTL_MS}, and
 * nothing is cached while no LISTEN is in effect.
 */
export function createMatchListCache(db: Db, now: () => number = Date.now) {
  const entries = new Map<string, { page: unknown; expires: number }>();
  const changes = listenForChanges(
    db,
    CHANNEL,
    { onMessage: () => entries.clear(), onLost: () => entries.clear() },
    now,
  );
  return {
    /** What `key` names, from memory or else from `read` (kept when nothing changed while it read). */
    async get<T>(key: string, read: () => Promise<T>): Promise<T> {
      const entry = entries.get(key);
      if (entry && entry.expires > now()) return entry.page as T;
      changes.listen();
      const since = changes.live ? changes.generation : undefined;
      const page = await read();
      if (since === changes.generation) {
        entries.delete(key);
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
        entries.set(key, { page, expires: now() + MATCH_LIST_CACHE_TTL_MS });
      }
      return page;
    },
    /** This process committed a change that may alter a list: every page is dropped now. */
    changed() {
      changes.changed();
      entries.clear();
    },
  };
}

export type MatchListCache = ReturnType<typeof createMatchListCache>;

const caches = new WeakMap<Db, MatchListCache>();

/** The process's match list cache for `db`: the API reads through it; the API's writes and the drain drop it. */
export function matchListsOf(db: Db): MatchListCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = createMatchListCache(db)));
  return cache;
}
