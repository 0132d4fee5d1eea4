import type { Config } from '../config';
import type { Db } from '../db/pool';
import { getPayoutConfig, onboardPayouts, putPayoutConfig } from '../domain/payout-config';
import { getPayout, listPayoutsPage, retryPayout } from '../domain/payouts';
import { type Handlers, ok, page } from '../http/router';
import type { PaymentsProvider } from '../payments/provider';

export const payoutRoutes = (deps: { db: Db; payments: PaymentsProvider; config: Config }) =>
  ({
    listPayouts: async ({ caller, query }) => page(await listPayoutsPage(deps.db, caller, query)),
    getPayout: async ({ caller, params }) => ok(await getPayout(deps.db, caller, params.id)),
    retryPayout: async ({ caller, params }) => ok(await retryPayout(deps, caller, params.id)),
    getPayoutConfiguration: async ({ caller }) => ok(await getPayoutConfig(deps, caller)),
    putPayoutConfiguration: async ({ caller, body }) => ok(await putPayoutConfig(deps, caller, body)),
    onboardPayoutConfiguration: async ({ caller, body }) => ok(await onboardPayouts(deps, caller, body)),
  }) satisfies Partial<Handlers>;
