import {
  claimBatch,
  type Counts,
  ensurePartitions,
  findBatch,
  findOwnedEvent,
  insertRecords,
} from '../db/analytics';
import type { Db } from '../db/pool';
import { type FieldError, NotFoundError, ValidationError } from '../errors';
import type { components } from '../generated/openapi';
import type { Caller } from '../caller';

type AnalyticsRecord = components['schemas']['AnalyticsRecord'];
type Kind = AnalyticsRecord['kind'];
type Field = Exclude<keyof AnalyticsRecord, 'kind' | 'occurred_at' | 'session_id' | 'age_segment' | 'city'>;

/** Which fields each kind takes beyond the common ones, and which of them it needs. */
const fields: Record<Kind, { allowed: Field[]; required: Field[] }> = {
  impression: { allowed: ['source', 'utm_source', 'placement'], required: [] },
  post_view: { allowed: ['post_id', 'dwell_ms'], required: ['post_id', 'dwell_ms'] },
  ticket_open: { allowed: ['utm_source', 'promo_code'], required: [] },
  ticket_purchase: { allowed: ['value_cents', 'utm_source', 'promo_code'], required: ['value_cents'] },
};
const specific = new Set<string>([
  'source',
  'utm_source',
  'placement',
  'post_id',
  'dwell_ms',
  'value_cents',
  'promo_code',
]);
const MAX_FUTURE_MS = 24 * 3_600_000;
const MAX_ERRORS = 20;

/** The rules the schema cannot say: fields per kind, and no records from the future. */
function checkRecords(records: AnalyticsRecord[], now: Date): void {
  const errors: FieldError[] = [];
  const latest = now.getTime() + MAX_FUTURE_MS;
  for (let index = 0; index < records.length && errors.length < MAX_ERRORS; index++) {
    const record = records[index]!;
    const rule = fields[record.kind];
    for (const name of rule.required) {
      if (record[name] === undefined)
        errors.push({ path: `/records/${index}/${name}`, message: `Required for a ${record.kind}.` });
    }
    for (const name of Object.keys(record)) {
      if (specific.has(name) && !rule.allowed.includes(name as Field))
        errors.push({ path: `/records/${index}/${name}`, message: `Not a field of a ${record.kind}.` });
    }
    if (Date.parse(record.occurred_at) > latest)
      errors.push({ path: `/records/${index}/occurred_at`, message: 'Lies more than a day in the future.' });
  }
  if (errors.length > 0)
    throw new ValidationError('The batch has invalid records; nothing was stored.', errors);
}

function count(records: AnalyticsRecord[]): Counts {
  const counts: Counts = { records: records.length, impressions: 0, post_views: 0, ticket_events: 0 };
  for (const record of records) {
    if (record.kind === 'impression') counts.impressions++;
    else if (record.kind === 'post_view') counts.post_views++;
    else counts.ticket_events++;
  }
  return counts;
}

/**
 * Stores a batch of raw records of one of the caller's events, all or nothing. A batch id already stored
 * for the event stores nothing and answers the first batch with `replayed: true` (a concurrent duplicate
 * waits for the first on the batch row, then does the same).
 */
export function ingestBatch(
  db: Db,
  caller: Caller,
  input: { eventId: string; batchId: string; records: AnalyticsRecord[]; now: Date },
) {
  checkRecords(input.records, input.now);
  const counts = count(input.records);
  return db.tenant(caller.orgId, async (tx) => {
    if (!(await findOwnedEvent(tx, input.eventId))) throw new NotFoundError('event');
    const claimed = await claimBatch(tx, {
      orgId: caller.orgId,
      eventId: input.eventId,
      batchId: input.batchId,
      counts,
    });
    if (!claimed) {
      const stored = (await findBatch(tx, input.eventId, input.batchId))!;
      return { batch: { ...stored, replayed: true }, created: false };
    }
    await insertRecords(tx, {
      orgId: caller.orgId,
      eventId: input.eventId,
      batchId: input.batchId,
      records: input.records,
    });
    return { batch: { ...claimed, replayed: false }, created: true };
  });
}

/**
 * Daily: the analytics partitions of this month and the next three exist (guide §17). Rows that reached the
 * default partition for one of those months move into it. `firstMonth` overrides the start (backfills).
 */
export function ensureAnalyticsPartitions(
  db: Db,
  options: { now: Date; months?: number; firstMonth?: Date },
) {
  const start = options.firstMonth ?? options.now;
  const month = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
  return db.system((tx) => ensurePartitions(tx, month, options.months ?? 4));
}
