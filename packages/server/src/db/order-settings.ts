import type { components } from '../generated/openapi';
import type { Queryable, Tx } from './pool';

export type OrderSettingsRow = components['schemas']['OrderSettings'];

/** The windows when an organization never set them (DESIGN §5 "Money off the happy path"). */
export const DEFAULT_ORDER_SETTINGS = {
  payment_window_hours: 72,
  review_window_days: 7,
  auto_release_after_days: null,
} as const;

const columns = 'org_id, payment_window_hours, review_window_days, auto_release_after_days, updated_at';

export async function findOrderSettings(tx: Queryable, orgId: string): Promise<OrderSettingsRow | undefined> {
  const { rows } = await tx.query<OrderSettingsRow>(
    `select ${columns} from order_settings where org_id = $1`,
    [orgId],
  );
  return rows[0];
}

/** Sets the given windows (a field left out keeps its value; `auto_release_after_days: null` turns it off). */
export async function upsertOrderSettings(
  tx: Tx,
  orgId: string,
  changes: components['schemas']['OrderSettingsInput'],
): Promise<OrderSettingsRow> {
  const { rows } = await tx.query<OrderSettingsRow>(
    `insert into order_settings (org_id, payment_window_hours, review_window_days, auto_release_after_days)
     values ($1, coalesce($2::int, $6::int), coalesce($3::int, $7::int), $4::int)
     on conflict (org_id) do update set
       payment_window_hours = coalesce($2::int, order_settings.payment_window_hours),
       review_window_days = coalesce($3::int, order_settings.review_window_days),
       auto_release_after_days = case when $5::boolean then excluded.auto_release_after_days
                                      else order_settings.auto_release_after_days end,
       updated_at = now()
     returning ${columns}`,
    [
      orgId,
      changes.payment_window_hours ?? null,
      changes.review_window_days ?? null,
      changes.auto_release_after_days ?? null,
      changes.auto_release_after_days !== undefined,
      DEFAULT_ORDER_SETTINGS.payment_window_hours,
      DEFAULT_ORDER_SETTINGS.review_window_days,
    ],
  );
  return rows[0]!;
}

// The organizer's windows for each row, with the defaults where it set none (`s` joined on the organizer).
const paymentWindow = `make_interval(hours => coalesce(s.payment_window_hours, ${DEFAULT_ORDER_SETTINGS.payment_window_hours}))`;
const reviewWindow = `make_interval(days => coalesce(s.review_window_days, ${DEFAULT_ORDER_SETTINGS.review_window_days}))`;
const releaseWindow = 'make_interval(days => s.auto_release_after_days)';
const DAY = `interval '1 day'`;
/** When a submitted deliverable was submitted: its latest proof (else its last change). */
const submittedAt = `coalesce((select max(p.created_at) from deliverable_proofs p where p.deliverable_id = d.id), d.updated_at)`;

const orders = 'sponsorship_orders o left join order_settings s on s.org_id = o.organizer_org_id';
const reviewed = 'deliverables d left join order_settings s on s.org_id = d.organizer_org_id';

/**
 * Each time-out, as the rows it is due for by `$1` (now): their table, the condition and the order in which the
 * job takes them (oldest first). `remind` kinds end within a day, the others have ended. Unpaid orders with a fund
 * call in flight wait for it; auto-release needs a fulfilled, undisputed order.
 */
const due = {
  paymentRemind: {
    from: orders,
    key: 'o',
    order: 'o.created_at',
    where: `o.status = 'pending' and o.escrow_state = 'pending' and o.payment_due_notified_at is null
       and o.created_at + ${paymentWindow} - least(${DAY}, ${paymentWindow} / 2) <= $1
       and o.created_at + ${paymentWindow} > $1`,
  },
  paymentExpire: {
    from: orders,
    key: 'o',
    order: 'o.created_at',
    where: `o.status = 'pending' and o.escrow_state = 'pending' and o.payment_requested_at is null
       and o.created_at + ${paymentWindow} <= $1`,
  },
  reviewRemind: {
    from: reviewed,
    key: 'd',
    order: 'd.updated_at',
    where: `d.status = 'submitted' and d.review_due_notified_at is null
       and ${submittedAt} + ${reviewWindow} - ${DAY} <= $1 and ${submittedAt} + ${reviewWindow} > $1`,
  },
  reviewApprove: {
    from: reviewed,
    key: 'd',
    order: 'd.updated_at',
    where: `d.status = 'submitted' and ${submittedAt} + ${reviewWindow} <= $1`,
  },
  releaseRemind: {
    from: orders,
    key: 'o',
    order: 'o.locked_at',
    where: `o.escrow_state = 'locked' and not o.disputed and o.release_due_notified_at is null
       and s.auto_release_after_days is not null
       and o.locked_at + ${releaseWindow} - ${DAY} <= $1 and o.locked_at + ${releaseWindow} > $1`,
  },
  releaseAct: {
    from: orders,
    key: 'o',
    order: 'o.locked_at',
    where: `o.escrow_state = 'locked' and not o.disputed and s.auto_release_after_days is not null
       and o.locked_at + ${releaseWindow} <= $1
       and not exists (select from deliverables d where d.order_id = o.id and d.status not in ('approved', 'waived'))`,
  },
} as const;

export type DueKind = keyof typeof due;

/** The ids `kind` is due for by `now`, oldest first. */
export async function listDue(tx: Queryable, kind: DueKind, now: Date, limit: number): Promise<string[]> {
  const { from, key, where, order } = due[kind];
  const { rows } = await tx.query<{ id: string }>(
    `select ${key}.id from ${from} where ${where} order by ${order} limit $2`,
    [now, limit],
  );
  return rows.map((row) => row.id);
}

/**
 * Locks row `id` and answers whether `kind` is still due for it: two workers may list the same rows; the second
 * to lock one waits for the first to commit and then, the condition read again on the new row, finds it no
 * longer due.
 */
export async function isStillDue(tx: Queryable, kind: DueKind, id: string, now: Date): Promise<boolean> {
  const { from, key, where } = due[kind];
  const { rows } = await tx.query(
    `select 1 from ${from} where ${where} and ${key}.id = $2 for update of ${key}`,
    [now, id],
  );
  return rows.length === 1;
}

/** Marks the reminder of `kind` sent; false when another worker sent it first. */
export async function markReminded(
  tx: Tx,
  kind: 'paymentRemind' | 'reviewRemind' | 'releaseRemind',
  id: string,
): Promise<boolean> {
  const statement = {
    paymentRemind:
      'update sponsorship_orders set payment_due_notified_at = now() where id = $1 and payment_due_notified_at is null',
    releaseRemind:
      'update sponsorship_orders set release_due_notified_at = now() where id = $1 and release_due_notified_at is null',
    reviewRemind:
      'update deliverables set review_due_notified_at = now() where id = $1 and review_due_notified_at is null',
  }[kind];
  const { rowCount } = await tx.query(statement, [id]);
  return rowCount === 1;
}
