import type { Db } from '../db/pool';
import { reconcilePayments } from '../payments/reconcile';
import type { Logger } from '../logger';
import type { PaymentsProvider } from '../payments/provider';

/** Cron `payments.reconcile`, every 5 minutes (guide §17): Stripe is the truth for PaymentIntents. */
export function reconcileTask(deps: {
  db: Db;
  payments: PaymentsProvider;
  log: Logger;
  defaultFeeBps: number;
  clock: () => Date;
}) {
  return async () => {
    const report = await reconcilePayments(deps, deps.clock());
    deps.log.info({ job: 'payments.reconcile', ...report }, 'payments reconciled with Stripe');
  };
}
