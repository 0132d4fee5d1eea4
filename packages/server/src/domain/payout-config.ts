import type { Config } from '../config';
import { findPayoutConfig, upsertPayoutConfig } from '../db/payouts';
import type { Db } from '../db/pool';
import { UnprocessableError } from '../errors';
import type { PaymentsProvider } from '../payments/provider';
import { recordAudit } from '../db/audit';
import { type Caller, requireRole } from '../caller';
import { resumeAwaitingPayouts } from './payouts';

type FeeConfig = Pick<
  Config,
  'YARDPASS_PLATFORM_FEE_BPS' | 'YARDPASS_PLATFORM_FEE_MIN_BPS' | 'YARDPASS_PLATFORM_FEE_MAX_BPS'
>;

function present(config: FeeConfig, orgId: string, row: Awaited<ReturnType<typeof findPayoutConfig>>) {
  return {
    org_id: orgId,
    stripe_connect_account_id: row?.stripe_connect_account_id ?? null,
    platform_fee_bps: row?.platform_fee_bps ?? config.YARDPASS_PLATFORM_FEE_BPS,
    platform_fee_limits: {
      min_bps: config.YARDPASS_PLATFORM_FEE_MIN_BPS,
      max_bps: config.YARDPASS_PLATFORM_FEE_MAX_BPS,
    },
    created_at: row?.created_at ?? null,
    updated_at: row?.updated_at ?? null,
  };
}

export async function getPayoutConfig(deps: { db: Db; config: FeeConfig }, caller: Caller) {
  const row = await deps.db.tenant(caller.orgId, (tx) => findPayoutConfig(tx, caller.orgId));
  return present(deps.config, caller.orgId, row);
}

/** `PUT /v1/payout-configuration` (owner/admin): the Connect account and a fee within the platform's limits. */
export function putPayoutConfig(
  deps: { db: Db; config: FeeConfig },
  caller: Caller,
  body: { stripe_connect_account_id?: string | null; platform_fee_bps?: number },
) {
  requireRole(caller, 'admin', 'change payout settings');
  const { YARDPASS_PLATFORM_FEE_MIN_BPS: min, YARDPASS_PLATFORM_FEE_MAX_BPS: max } = deps.config;
  const fee = body.platform_fee_bps;
  if (fee !== undefined && (fee < min || fee > max))
    throw new UnprocessableError({
      code: 'platform_fee_out_of_range',
      detail: `The platform fee must be between ${min} and ${max} basis points (got ${fee}).`,
      extra: { min_bps: min, max_bps: max },
    });
  return deps.db.tenant(caller.orgId, async (tx) => {
    const row = await upsertPayoutConfig(tx, {
      orgId: caller.orgId,
      accountId: body.stripe_connect_account_id,
      feeBps: fee,
      defaultFeeBps: deps.config.YARDPASS_PLATFORM_FEE_BPS,
    });
    // Payouts that waited for an account are queued again as soon as one is set.
    if (row.stripe_connect_account_id) await resumeAwaitingPayouts(tx, { orgId: caller.orgId });
    await recordAudit(tx, caller, {
      action: 'payout_configuration.put',
      resourceType: 'payout_configuration',
      resourceId: null,
    });
    return present(deps.config, caller.orgId, row);
  });
}

/**
 * `:onboard` (owner/admin): creates the organizer's Express account when it has none (idempotency key
 * `org:{id}:connect-account`) and answers a Stripe onboarding link for it.
 */
export async function onboardPayouts(
  deps: { db: Db; config: FeeConfig; payments: PaymentsProvider },
  caller: Caller,
  body: { return_url: string; refresh_url: string },
) {
  requireRole(caller, 'admin', 'onboard payouts');
  const accountId = await deps.db.tenant(caller.orgId, async (tx) => {
    const existing = await findPayoutConfig(tx, caller.orgId);
    if (existing?.stripe_connect_account_id) return existing.stripe_connect_account_id;
    const account = await deps.payments.createConnectAccount({
      orgId: caller.orgId,
      idempotencyKey: `org:${caller.orgId}:connect-account`,
    });
    await upsertPayoutConfig(tx, {
      orgId: caller.orgId,
      accountId: account.id,
      feeBps: undefined,
      defaultFeeBps: deps.config.YARDPASS_PLATFORM_FEE_BPS,
    });
    await resumeAwaitingPayouts(tx, { orgId: caller.orgId });
    await recordAudit(tx, caller, {
      action: 'payout_configuration.onboard',
      resourceType: 'payout_configuration',
      resourceId: null,
    });
    return account.id;
  });
  const link = await deps.payments.createOnboardingLink({
    accountId,
    refreshUrl: body.refresh_url,
    returnUrl: body.return_url,
  });
  return { account_id: accountId, url: link.url, expires_at: link.expiresAt };
}
