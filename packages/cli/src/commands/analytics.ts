import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { OperationBody, Yardpass } from '@yardpass/sdk';
import { usageError } from '../errors.js';
import { isRecord } from '../json.js';
import type { Io } from '../output.js';
import type { Resource } from './resource.js';
import { idOption } from './id-option.js';

type AnalyticsRecord = OperationBody<'ingestAnalytics'>['records'][number];

const MAX_BATCH = 10_000;
const BAR_WIDTH = 24;

/**
 * The batch id is derived from the event and the batch's lines, so running the same file again (after a
 * failure half-way) stores nothing twice: the batches already stored answer `replayed`.
 */
function batchId(eventId: string, lines: readonly string[]): string {
  const hash = createHash('sha256').update(eventId);
  for (const line of lines) hash.update('\n').update(line);
  const hex = hash.digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function bar(done: number, total: number): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}%`;
}

/** The records of an NDJSON file: its lines that are not blank. */
async function countRecords(file: string): Promise<number> {
  const input = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let count = 0;
  for await (const line of input) if (line.trim() !== '') count += 1;
  return count;
}

/**
 * Reads NDJSON (one record per line; blank lines skipped) and sends it in batches, in order. The progress
 * bar counts records: the file is counted first (a read is quick beside the requests).
 */
export async function ingestFile(options: {
  client: Yardpass;
  io: Io;
  eventId: string;
  file: string;
  batchSize: number;
}): Promise<{ records: number; batches: number; replayed: number }> {
  const { client, io, eventId, file, batchSize } = options;
  const total = await countRecords(file);
  const totals = { records: 0, batches: 0, replayed: 0 };
  let sent = 0;
  let lineNumber = 0;
  let lines: string[] = [];
  let records: AnalyticsRecord[] = [];
  let stop = () => {};

  const flush = async () => {
    if (records.length === 0) return;
    stop();
    const count = (n: number) => n.toLocaleString('en-US');
    stop = io.spinner(`Ingesting ${bar(sent, total)} ${count(sent)} of ${count(total)} records sent`);
    const batch = await client.analytics.ingest(eventId, { batch_id: batchId(eventId, lines), records });
    sent += records.length;
    totals.records += batch.records;
    totals.batches += 1;
    if (batch.replayed) totals.replayed += 1;
    lines = [];
    records = [];
  };

  const input = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  try {
    for await (const line of input) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch (error) {
        throw usageError(
          `${file}:${lineNumber} is not JSON (${(error as Error).message}); nothing after it was sent.`,
        );
      }
      if (!isRecord(record))
        throw usageError(`${file}:${lineNumber} is not a JSON object; nothing after it was sent.`);
      lines.push(line);
      records.push(record as AnalyticsRecord);
      if (records.length >= batchSize) await flush();
    }
    await flush();
  } finally {
    stop();
    input.close();
  }
  return totals;
}

export const analytics: Resource = {
  name: 'analytics',
  noun: 'batch',
  summary: 'Send raw event analytics (impressions, post views, ticket interactions)',
  label: ['batch_id'],
  commands: [
    {
      kind: 'custom',
      path: 'ingest',
      operationId: 'ingestAnalytics',
      summary:
        'Send an NDJSON file of records in batches of up to 10,000 (re-running it stores nothing twice)',
      examples: [
        'yardpass analytics ingest --event-id 5b8f0e1c-7a51-4c5e-9a55-1f6f0a6f9c21 --file events.ndjson',
        'yardpass analytics ingest --event-id <id> --file big.ndjson --batch-size 5000 --json',
      ],
      configure: (command) =>
        idOption(command, 'event', 'The event the records belong to')
          .option('--file <path>', 'Records, one JSON object per line')
          .option('--batch-size <n>', 'Records per request, at most 10000', '10000'),
      async run(input) {
        const { client, options, json, io } = input;
        const eventId = await input.chooseId({
          resource: 'events',
          given: options.eventId as string | undefined,
          name: '--event-id',
        });
        const file = options.file as string | undefined;
        if (!file) throw usageError('Missing --file: the NDJSON file of records to send.');
        const batchSize = Number(options.batchSize);
        if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH)
          throw usageError(`--batch-size must be a whole number from 1 to ${MAX_BATCH}.`);
        const totals = await ingestFile({ client, io, eventId, file, batchSize });
        if (json) io.json(totals);
        else {
          const again = totals.replayed > 0 ? ` (${totals.replayed} already stored before)` : '';
          io.success(
            `Sent ${totals.records.toLocaleString('en-US')} records in ${totals.batches} batches${again}`,
          );
        }
      },
    },
  ],
};
