import type { Db } from '../db/pool';
import { listenForChanges } from './notified-cache';
import { getPublicWidget } from './widgets';

/** Notified with a workspace's id when what its published widgets show may have changed (migration 0020). */
const CHANNEL = 'yardpass_widget_inputs';
/** The longest an entry is served without asking the database: the bound should a notification never arrive. */
export const WIDGET_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

export interface PublicWidgetAnswer {
  /** `{"data": …}` as sent. */
  json: string;
  /** Quoted, as sent in the ETag header. */
  etag: string;
  /** The length of `json` in UTF-8, the Content-Length. */
  bytes: number;
}

interface Entry extends PublicWidgetAnswer {
  workspaceId: string;
  expires: number;
}

/**
 * The public widget answers of this process, so that a hit costs no database round trip. Every process LISTENs
 * on `yardpass_widget_inputs` and drops a workspace's entries when it is notified (a change committed through any
 * process, see migration 0020); an entry is also never older than {@link WIDGET_CACHE_TTL_MS}. Nothing is cached
 * while no LISTEN is in effect (see `listenForChanges`).
 */
export function createPublicWidgetCache(db: Db, now: () => number = Date.now) {
  const entries = new Map<string, Entry>();
  const byWorkspace = new Map<string, Set<string>>();
  const forget = (publicId: string) => {
    const entry = entries.get(publicId);
    if (!entry) return;
    entries.delete(publicId);
    const ids = byWorkspace.get(entry.workspaceId)!;
    ids.delete(publicId);
    if (ids.size === 0) byWorkspace.delete(entry.workspaceId);
  };
  const changes = listenForChanges(
    db,
    CHANNEL,
    {
      onMessage: (workspaceId) => {
        for (const publicId of byWorkspace.get(workspaceId) ?? []) forget(publicId);
      },
      onLost: () => {
        entries.clear();
        byWorkspace.clear();
      },
    },
    now,
  );

  const hit = (publicId: string): PublicWidgetAnswer | undefined => {
    const entry = entries.get(publicId);
    return entry && entry.expires > now() ? entry : undefined;
  };

  // The database read of each widget under way, with the generation it started at: when an entry runs out
  // while many requests are in flight, they share one read instead of all reading at once.
  const reads = new Map<string, { since: number; answer: Promise<PublicWidgetAnswer> }>();

  const read = async (publicId: string, since: number | undefined): Promise<PublicWidgetAnswer> => {
    const widget = await getPublicWidget(db, publicId);
    const json = `{"data":${widget.body}}`;
    const answer = { json, etag: `"${widget.etag}"`, bytes: Buffer.byteLength(json) };
    // Kept only when read at the current version with a LISTEN in effect throughout.
    if (since === changes.generation && widget.fresh) {
      forget(publicId);
      if (entries.size >= MAX_ENTRIES) forget(entries.keys().next().value!);
      entries.set(publicId, {
        ...answer,
        workspaceId: widget.workspace_id,
        expires: now() + WIDGET_CACHE_TTL_MS,
      });
      byWorkspace.set(widget.workspace_id, (byWorkspace.get(widget.workspace_id) ?? new Set()).add(publicId));
    }
    return answer;
  };

  return {
    /** The widget's answer while it is cached (no database round trip), else undefined. */
    hit,
    /** The widget's answer; 404 (NotFoundError) when no published widget has `publicId`. */
    get(publicId: string): Promise<PublicWidgetAnswer> {
      const cached = hit(publicId);
      if (cached) return Promise.resolve(cached);
      changes.listen();
      if (!changes.live) return read(publicId, undefined);
      // A read that started before the latest notification may return what it replaced: not shared.
      const shared = reads.get(publicId);
      const { generation } = changes;
      if (shared?.since === generation) return shared.answer;
      const answer = read(publicId, generation);
      reads.set(publicId, { since: generation, answer });
      const done = () => {
        if (reads.get(publicId)?.answer === answer) reads.delete(publicId);
      };
      answer.then(done, done);
      return answer;
    },
  };
}

export type PublicWidgetCache = ReturnType<typeof createPublicWidgetCache>;
