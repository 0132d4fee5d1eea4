import type { components } from '../generated/openapi';
import type { Cursor } from './pagination';
import type { Queryable, Tx } from './pool';
import { updateById } from './sql';
import { addJob, enqueueSql } from './jobs';

export type PayoutRow = components['schemas']['Payout'];
export type PayoutConfigRow = {
  org_id: string;
  stripe_connect_account_id: string | null;
  platform_fee_bps: number;
  created_at: string;
  updated_at: string;
};

const columns = `id, org_id, order_id, deliverable_id, amount_cents, fee_cents, currency, status, destination_account_id,
  stripe_transfer_id, reversed_cents, payout_attempts, payout_failure_reason, retry_count, transfer_requested_at,
  paid_at, created_at, updated_at`;

// One job per payout (its key), three attempts; graphile-worker's public `jobs` view finds it by that key.
const payoutJob = (row: string) => ({ jobKey: `'payout:' || ${row}.id`, maxAttempts: 3 });

/**
 * Creates a payout and enqueues its job in the caller's transaction: the order's (at most one) or, with
 * `deliverableId`, one milestone's (at most one per deliverable); a second call answers the existing payout. The
 * job key makes a re-enqueue of the same payout a no-op.
 */
export async function insertPayout(
  tx: Tx,
  payout: {
    orgId: string;
    orderId: string;
    deliverableId?: string;
    amountCents: number;
    feeCents: number;
    currency: string;
  },
): Promise<{ payout: PayoutRow; created: boolean }> {
  const { rows } = await tx.query<PayoutRow>(
    `with payout as (
       insert into sponsorship_payouts (org_id, order_id, deliverable_id, amount_cents, fee_cents, currency)
       values ($1, $2, $3, $4, $5, $6)
       on conflict ${payout.deliverableId ? '(deliverable_id) where deliverable_id is not null' : '(order_id) where deliverable_id is null'}
       do nothing returning ${columns}
     ), job as (
       select ${enqueueSql('payouts.transfer', { payout_id: 'payout.id' }, payoutJob('payout'))} from payout
     )
     select payout.* from payout, (select count(*) from job) as enqueued`,
    [
      payout.orgId,
      payout.orderId,
      payout.deliverableId ?? null,
      payout.amountCents,
      payout.feeCents,
      payout.currency,
    ],
  );
  if (rows[0]) return { payout: rows[0], created: true };
  const existing = await tx.query<PayoutRow>(
    `select ${columns} from sponsorship_payouts
      where order_id = $1 and deliverable_id is not distinct from $2::uuid`,
    [payout.orderId, payout.deliverableId ?? null],
  );
  return { payout: existing.rows[0]!, created: false };
}

export async function findPayout(
  tx: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<PayoutRow | undefined> {
  const { rows } = await tx.query<PayoutRow>(
    `select ${columns} from sponsorship_payouts where id = $1${options.forUpdate ? ' for update' : ''}`,
    [id],
  );
  return rows[0];
}

/** The order's payout of a whole-order release (milestone payouts have their own deliverable). */
export async function findPayoutByOrder(tx: Queryable, orderId: string): Promise<PayoutRow | undefined> {
  const { rows } = await tx.query<PayoutRow>(
    `select ${columns} from sponsorship_payouts where order_id = $1 and deliverable_id is null`,
    [orderId],
  );
  return rows[0];
}

/** Every payout of the order: its whole-order payout, or one per released milestone, oldest first. */
export async function listOrderPayouts(
  tx: Queryable,
  orderId: string,
  options: { forUpdate?: boolean } = {},
): Promise<PayoutRow[]> {
  const { rows } = await tx.query<PayoutRow>(
    `select ${columns} from sponsorship_payouts where order_id = $1 order by created_at, id${options.forUpdate ? ' for update' : ''}`,
    [orderId],
  );
  return rows;
}

export async function findPayoutByTransfer(
  tx: Queryable,
  transferId: string,
): Promise<PayoutRow | undefined> {
  const { rows } = await tx.query<PayoutRow>(
    `select ${columns} from sponsorship_payouts where stripe_transfer_id = $1 for update`,
    [transferId],
  );
  return rows[0];
}

export async function listPayouts(
  tx: Queryable,
  filter: { orderId?: string; status?: string; limit: number; after?: Cursor },
): Promise<PayoutRow[]> {
  const { rows } = await tx.query<PayoutRow>(
    `select ${columns} from sponsorship_payouts
      where ($1::uuid is null or order_id = $1) and ($2::text is null or status = $2)
        and ($3::timestamptz is null or (created_at, id) < ($3, $4::uuid))
      order by created_at desc, id desc limit $5`,
    [
      filter.orderId ?? null,
      filter.status ?? null,
      filter.after?.value ?? null,
      filter.after?.id ?? null,
      filter.limit + 1,
    ],
  );
  return rows;
}

export async function updatePayout(
  tx: Tx,
  id: string,
  changes: Partial<{
    status: PayoutRow['status'];
    destination_account_id: string | null;
    stripe_transfer_id: string;
    amount_cents: number;
    reversed_cents: number;
    payout_attempts: number;
    payout_failure_reason: string | null;
    transfer_requested_at: Date;
    paid_at: Date;
  }>,
): Promise<PayoutRow> {
  const row = await updateById<PayoutRow>(tx, {
    table: 'sponsorship_payouts',
    id,
    changes,
    returning: columns,
  });
  return row!;
}

/**
 * Payouts still pending whose job is gone or has used up its attempts (a worker died mid-run), and payouts left
 * `processing` (the process died while Stripe answered): enqueued again under their job key, which revives a job
 * that used up its attempts and leaves a running one alone. A disputed order's payout waits for the dispute.
 */
export async function requeueStalledPayouts(tx: Tx, before: Date): Promise<number> {
  const { rows } = await tx.query<{ requeued: number }>(
    `select count(${enqueueSql('payouts.transfer', { payout_id: 'p.id' }, payoutJob('p'))})::int as requeued
       from sponsorship_payouts p
      where ((p.status = 'pending' and p.updated_at <= $1) or (p.status = 'processing' and p.transfer_requested_at <= $1))
        and not exists (select from sponsorship_orders o where o.id = p.order_id and o.disputed)
        and not exists (select from graphile_worker.jobs j
                         where j.key = 'payout:' || p.id and j.attempts < j.max_attempts
                           -- a job locked this long belongs to a dead worker (SIGKILL mid-transfer): graphile-worker
                           -- would keep it locked for 4 hours; add_job gives its key to the new job
                           and (j.locked_at is null or j.locked_at > $1))`,
    [before.toISOString()],
  );
  return rows[0]?.requeued ?? 0;
}

/**
 * Queues a payout's transfer job again. `retry`: a new try of a `failed` or `awaiting_configuration` payout, its
 * attempts counted afresh, under the next idempotency key of its family (`retry_count` + 1) when the current key
 * reached Stripe (`transfer_requested_at`; Stripe would answer its refusal again), else under the same key (a
 * payout parked before any transfer was asked, e.g. without a Connect account, spends no key while it waits).
 */
export async function requeuePayout(
  tx: Tx,
  payout: PayoutRow,
  options: { retry: boolean },
): Promise<PayoutRow> {
  const { rows } = await tx.query<PayoutRow>(
    `update sponsorship_payouts
        set status = 'pending', updated_at = now(),
            retry_count = retry_count + case when $2 and transfer_requested_at is not null then 1 else 0 end,
            transfer_requested_at = case when $2 then null else transfer_requested_at end,
            payout_attempts = case when $2 then 0 else payout_attempts end,
            payout_failure_reason = case when $2 then null else payout_failure_reason end
      where id = $1 returning ${columns}`,
    [payout.id, options.retry],
  );
  await addJob(
    tx,
    'payouts.transfer',
    { payout_id: payout.id },
    { jobKey: `payout:${payout.id}`, maxAttempts: 3 },
  );
  return rows[0]!;
}

/**
 * Payouts waiting for configuration whose organizer now has a Connect account, locked for their requeue: of one
 * organization, or (reconciliation) those whose configuration changed since they were parked or that were parked
 * before `parkedBefore`.
 */
export async function listAwaitingPayouts(
  tx: Tx,
  filter: { orgId?: string; parkedBefore?: Date },
): Promise<PayoutRow[]> {
  const { rows } = await tx.query<PayoutRow>(
    `select ${columns} from sponsorship_payouts p
      where p.status = 'awaiting_configuration' and ($1::uuid is null or p.org_id = $1)
        and exists (select from payout_configurations c
                     where c.org_id = p.org_id and c.stripe_connect_account_id is not null
                       and ($2::timestamptz is null or c.updated_at > p.updated_at or p.updated_at <= $2))
      for update`,
    [filter.orgId ?? null, filter.parkedBefore ?? null],
  );
  return rows;
}

/** The organization whose payout configuration names the Connect account `accountId`. */
export async function findPayoutConfigByAccount(
  tx: Queryable,
  accountId: string,
): Promise<PayoutConfigRow | undefined> {
  const { rows } = await tx.query<PayoutConfigRow>(
    `select ${configColumns} from payout_configurations where stripe_connect_account_id = $1`,
    [accountId],
  );
  return rows[0];
}

const configColumns = 'org_id, stripe_connect_account_id, platform_fee_bps, created_at, updated_at';

export async function findPayoutConfig(tx: Queryable, orgId: string): Promise<PayoutConfigRow | undefined> {
  const { rows } = await tx.query<PayoutConfigRow>(
    `select ${configColumns} from payout_configurations where org_id = $1`,
    [orgId],
  );
  return rows[0];
}

export async function upsertPayoutConfig(
  tx: Tx,
  config: {
    orgId: string;
    accountId: string | null | undefined;
    feeBps: number | undefined;
    defaultFeeBps: number;
  },
): Promise<PayoutConfigRow> {
  const { rows } = await tx.query<PayoutConfigRow>(
    `insert into payout_configurations (org_id, stripe_connect_account_id, platform_fee_bps)
     values ($1, $2, coalesce($3::int, $4::int))
     on conflict (org_id) do update set
       stripe_connect_account_id = case when $5::boolean then excluded.stripe_connect_account_id
                                        else payout_configurations.stripe_connect_account_id end,
       platform_fee_bps = coalesce($3::int, payout_configurations.platform_fee_bps),
       updated_at = now()
     returning ${configColumns}`,
    [
      config.orgId,
      config.accountId ?? null,
      config.feeBps ?? null,
      config.defaultFeeBps,
      config.accountId !== undefined,
    ],
  );
  return rows[0]!;
}
