import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { workerLogger } from './worker';

describe('workerLogger', () => {
  it("keeps graphile-worker's routine info out of the default level, and its warnings and errors in", () => {
    const lines: { level: number; msg: string; worker?: unknown }[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()));
        done();
      },
    });
    const logger = workerLogger(pino({ level: 'info' }, sink)).scope({ label: 'worker' });
    logger.info('Completed task 9 (matching.drain, 78.25ms) with success', { job: { id: 9 } });
    logger.debug('Picked up a job');
    logger.warn('Worker is slow to release');
    logger.error('Failed task 10 (payouts.transfer) with error boom');
    expect(lines.map(({ level, msg }) => ({ level, msg }))).toEqual([
      { level: 40, msg: 'Worker is slow to release' },
      { level: 50, msg: 'Failed task 10 (payouts.transfer) with error boom' },
    ]);
    expect(lines[0]!.worker).toEqual({ label: 'worker' });
  });
});
