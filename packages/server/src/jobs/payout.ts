import type { Db } from '../db/pool';
import { runPayout } from '../domain/payouts';
import type { Logger } from '../logger';
import type { PaymentsProvider } from '../payments/provider';

/**
 * Task `payouts.transfer` (payload `{ payout_id }`), enqueued by the release (or a cancellation penalty) in the
 * same transaction. A failed attempt throws after recording itself, so graphile-worker retries with its backoff.
 */
export function payoutTask(deps: { db: Db; payments: PaymentsProvider; log: Logger }) {
  return async (payload: unknown) => {
    const payoutId = (payload as { payout_id?: unknown } | null)?.payout_id;
    if (typeof payoutId !== 'string') throw new Error('payouts.transfer needs { payout_id }');
    const payout = await runPayout(deps, payoutId);
    deps.log.info({ job: 'payouts.transfer', payout_id: payoutId, status: payout?.status }, 'payout run');
  };
}
