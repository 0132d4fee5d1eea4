import { findOwnedEvent } from '../db/analytics';
import type { Db, Tx } from '../db/pool';
import { latestSnapshot, rollup, snapshotSeries } from '../db/stats';
import { NotFoundError, ValidationError } from '../errors';
import type { components } from '../generated/openapi';
import { shareableAudience } from './audience';
import type { Caller } from '../caller';

type EventStats = components['schemas']['EventStats'];

const DAY_MS = 86_400_000;

/** The hourly job: every event with activity in the last 30 days, in set-based statements. */
export function rollupAll(db: Db, options: { now: Date; minSegment: number }) {
  return db.system((tx) => rollup(tx, options));
}

async function readStats(
  tx: Tx,
  eventId: string,
  window: { from: Date; to: Date; points: number; now: Date },
): Promise<EventStats> {
  const latest = await latestSnapshot(tx, eventId);
  const rows = await snapshotSeries(tx, eventId, {
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    limit: window.points,
  });
  const series: EventStats['series'] = [];
  for (const row of rows) {
    let point = series.at(-1);
    if (point?.captured_at !== row.captured_at) {
      point = { captured_at: row.captured_at, metrics: {} };
      series.push(point);
    }
    point.metrics[row.metric_key] = row.metric_value;
  }
  return {
    event_id: eventId,
    captured_at: latest[0]?.captured_at ?? null,
    metrics: Object.fromEntries(latest.map((row) => [row.metric_key, row.metric_value])),
    snapshot_ids: Object.fromEntries(latest.map((row) => [row.metric_key, row.id])),
    series,
    audience: await shareableAudience(tx, eventId, window.now),
  };
}

export function getEventStats(
  db: Db,
  caller: Caller,
  input: { eventId: string; from?: string; to?: string; points?: number; now: Date },
) {
  const to = input.to ? new Date(input.to) : input.now;
  const from = input.from ? new Date(input.from) : new Date(to.getTime() - 7 * DAY_MS);
  if (from > to) {
    throw new ValidationError('`from` is after `to`.', [
      { path: '/query/from', message: 'Must not be after `to`.' },
    ]);
  }
  return db.tenant(caller.orgId, async (tx) => {
    if (!(await findOwnedEvent(tx, input.eventId))) throw new NotFoundError('event');
    return readStats(tx, input.eventId, { from, to, points: input.points ?? 168, now: input.now });
  });
}

/** Runs the rollup for one of the caller's events now and answers its stats. */
export function refreshEventStats(
  db: Db,
  caller: Caller,
  input: { eventId: string; now: Date; minSegment: number },
) {
  return db.tenant(caller.orgId, async (tx) => {
    if (!(await findOwnedEvent(tx, input.eventId))) throw new NotFoundError('event');
    await rollup(tx, { now: input.now, minSegment: input.minSegment, eventId: input.eventId });
    return readStats(tx, input.eventId, {
      from: new Date(input.now.getTime() - 7 * DAY_MS),
      to: input.now,
      points: 168,
      now: input.now,
    });
  });
}
