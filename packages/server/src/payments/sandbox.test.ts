import { describe, expect, it } from 'vitest';
import { PaymentsRejectedError } from './provider';
import { createSandboxProvider } from './sandbox';

describe('sandbox transfer reversals', () => {
  it('answers the same reversal for the same key and refuses reversing more than the transfer has left', async () => {
    const sandbox = createSandboxProvider();
    const transfer = await sandbox.createTransfer({
      amountCents: 1_000,
      currency: 'USD',
      destination: 'acct_1Sandbox',
      sourceTransaction: 'ch_1Sandbox',
      transferGroup: 'order',
      metadata: { payout_id: 'payout' },
      idempotencyKey: 'payout:1',
    });
    const reverse = (amountCents: number, idempotencyKey: string) =>
      sandbox.reverseTransfer({ transferId: transfer.id, amountCents, metadata: {}, idempotencyKey });

    const first = await reverse(600, 'reversal:1');
    expect(await reverse(600, 'reversal:1')).toEqual(first);
    await expect(reverse(600, 'reversal:2')).rejects.toThrow(PaymentsRejectedError);
    await expect(reverse(600, 'reversal:2')).rejects.toThrow('only 400 cents');
    expect((await reverse(400, 'reversal:3')).id).not.toBe(first.id);
  });

  it('finds a reversal by the payout reversal its metadata names', async () => {
    const sandbox = createSandboxProvider();
    const transferId = 'tr_1Sandbox';
    const made = await sandbox.reverseTransfer({
      transferId,
      amountCents: 500,
      metadata: { payout_reversal_id: 'reversal-a' },
      idempotencyKey: 'reversal:a',
    });
    expect(await sandbox.findReversal({ transferId, payoutReversalId: 'reversal-a' })).toEqual(made);
    expect(await sandbox.findReversal({ transferId, payoutReversalId: 'reversal-b' })).toBeUndefined();
  });
});
