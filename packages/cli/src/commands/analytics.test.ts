import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Yardpass } from '@yardpass/sdk';
import { describe, expect, it } from 'vitest';
import { createIo } from '../output.js';
import { ingestFile } from './analytics.js';

describe('ingestFile', () => {
  it('counts records, not bytes, in its progress line, and sends them in batches', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yardpass-ingest-'));
    const file = join(dir, 'records.ndjson');
    const record = (n: number) =>
      JSON.stringify({ kind: 'impression', occurred_at: '2026-07-01T18:00:00Z', n });
    // Records of very different lengths, and blank lines: a byte count would misjudge the share sent.
    await writeFile(
      file,
      [record(1), '', record(2), `${record(3)}${' '.repeat(5000)}`, record(4), record(5), ''].join('\n'),
    );
    const sizes: number[] = [];
    const client = new Yardpass({
      apiKey: 'yp_test_key',
      baseUrl: 'http://yardpass.test',
      fetch: (_url, init) => {
        const { records } = JSON.parse(init.body as string) as { records: unknown[] };
        sizes.push(records.length);
        return Promise.resolve(
          Response.json({ data: { records: records.length, replayed: false } }, { status: 201 }),
        );
      },
    });
    const stream = { write: () => true, isTTY: false };
    const progress: string[] = [];
    const io = {
      ...createIo({ stdout: stream, stderr: stream, env: {} }),
      spinner: (text: string) => {
        progress.push(text);
        return () => undefined;
      },
    };
    const totals = await ingestFile({ client, io, eventId: 'e1', file, batchSize: 2 });
    expect(sizes).toEqual([2, 2, 1]);
    expect(totals).toEqual({ records: 5, batches: 3, replayed: 0 });
    expect(progress).toEqual([
      `Ingesting [${'-'.repeat(24)}]   0% 0 of 5 records sent`,
      `Ingesting [${'#'.repeat(10)}${'-'.repeat(14)}]  40% 2 of 5 records sent`,
      `Ingesting [${'#'.repeat(19)}${'-'.repeat(5)}]  80% 4 of 5 records sent`,
    ]);
  });
});
