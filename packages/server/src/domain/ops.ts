import type { Caller } from '../caller';
import {
  activityMetrics,
  INBOX_KINDS,
  type InboxKind,
  type InboxRow,
  INTEGRITY_CHECKS,
  foldMoneyChanges,
  type IntegrityCheck,
  listInbox,
  type MetricsWindow,
  moneyMetrics,
  runIntegrityCheck,
  summarizeInbox,
} from '../db/ops';
import { decodeCursor, toPage } from '../db/pagination';
import type { Db, Queryable } from '../db/pool';
import { ValidationError } from '../errors';
import { requireRole } from '../caller';
import { RETRIES_EXHAUSTED } from './payouts';

/**
 * Runs an ops read for `caller`: a platform operator's over every organization (a system read), an organization's
 * confined to what it owns or is a party to (row-level security). `org` is the organization to filter on in
 * statements whose wall is wider than "a party to" (null for an operator). An organization's read runs outside a
 * transaction (one round trip) unless `transaction` asks for one.
 */
function opsRead<T>(
  db: Db,
  caller: Caller,
  fn: (q: Queryable, org: string | null) => Promise<T>,
  options: { transaction?: boolean } = {},
): Promise<T> {
  if (caller.kind === 'operator') return db.system((tx) => fn(tx, null));
  requireRole(caller, 'admin', 'read the operations views');
  const orgId = caller.orgId;
  return options.transaction ? db.tenant(orgId, (tx) => fn(tx, orgId)) : db.read(orgId, (q) => fn(q, orgId));
}

interface Action {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  path: string;
  command: string;
}

const ago = (since: string, now: number) => {
  const hours = Math.max(0, (now - Date.parse(since)) / 3_600_000);
  return hours < 48 ? `${Math.floor(hours)} h` : `${Math.floor(hours / 24)} days`;
};

/** Why each kind of item is stuck, in one sentence, and the one action that moves it. */
function describe(row: InboxRow, now: number): { resource: string; why: string; action: Action } {
  const { id } = row;
  const waited = ago(row.since, now);
  switch (row.kind) {
    case 'order_awaiting_funding':
      return {
        resource: 'order',
        why: `Created ${waited} ago and not paid yet (payment ${row.detail ?? 'not started'}); the sponsor funds it.`,
        action: {
          method: 'POST',
          path: `/v1/sponsorship-orders/${id}:fund`,
          command: `yardpass orders fund ${id}`,
        },
      };
    case 'deliverable_awaiting_review':
      return {
        resource: 'deliverable',
        why: `The ${row.detail} deliverable was submitted ${waited} ago and waits for review; the order cannot be released before it is approved.`,
        action: {
          method: 'POST',
          path: `/v1/deliverables/${id}:approve`,
          command: `yardpass deliverables approve ${id}`,
        },
      };
    case 'deliverable_past_due':
      return {
        resource: 'deliverable',
        why: `The ${row.detail} deliverable is ${waited} past due with no proof submitted.`,
        action: {
          method: 'POST',
          path: `/v1/deliverables/${id}/proofs`,
          command: `yardpass deliverables submit-proof ${id}`,
        },
      };
    case 'proposal_follow_up':
      return {
        resource: 'proposal',
        why: `The latest offer has waited ${waited} for the ${row.detail} to accept, counter or reject it.`,
        action: {
          method: 'POST',
          path: `/v1/proposals/${id}:accept`,
          command: `yardpass proposals accept ${id}`,
        },
      };
    case 'order_disputed':
      return {
        resource: 'order',
        why: `The sponsor's bank disputes the charge${row.detail ? ` (${row.detail})` : ''}; release and payout wait until the dispute closes. Answer it with evidence in the Stripe dashboard.`,
        action: {
          method: 'GET',
          path: `/v1/sponsorship-orders/${id}`,
          command: `yardpass orders show ${id}`,
        },
      };
    case 'order_locked':
      return {
        resource: 'order',
        why: `Locked (${row.detail ?? 'manual'}) ${waited} ago and not released; release pays the organizer once every deliverable is approved or waived.`,
        action: {
          method: 'POST',
          path: `/v1/sponsorship-orders/${id}:release`,
          command: `yardpass orders release ${id}`,
        },
      };
    case 'payout_failed':
      // Out of idempotency keys: no retry can send it; a person looks at Stripe first.
      if (row.detail?.startsWith(RETRIES_EXHAUSTED))
        return {
          resource: 'payout',
          why: `The transfer to the organizer failed for good ${waited} ago: ${row.detail} The money stays owed to the organizer.`,
          action: { method: 'GET', path: `/v1/payouts/${id}`, command: `yardpass payouts show ${id}` },
        };
      return {
        resource: 'payout',
        why: `The transfer to the organizer failed ${waited} ago${row.detail ? `: ${row.detail}` : ''}. Retry it once the cause is fixed (it never transfers twice); the money stays owed to the organizer until then.`,
        action: {
          method: 'POST',
          path: `/v1/payouts/${id}:retry`,
          command: `yardpass payouts retry ${id}`,
        },
      };
    case 'payout_awaiting_configuration':
      return {
        resource: 'payout',
        why: `Waiting ${waited} for the organizer to finish its payout configuration; the transfer resumes by itself once it can receive it.`,
        action: {
          method: 'POST',
          path: '/v1/payout-configuration:onboard',
          command: 'yardpass payout-config onboard',
        },
      };
    case 'payout_reversal_failed':
      return {
        resource: 'payout',
        why: `The organizer owes this transfer's share of a lost dispute back: Stripe refused ${waited} ago to reverse it${row.detail ? ` (${row.detail})` : ''}. A retry never reverses twice.`,
        action: {
          method: 'POST',
          path: `/v1/payouts/${id}:retry`,
          command: `yardpass payouts retry ${id}`,
        },
      };
    case 'webhook_endpoint_failing':
      return {
        resource: 'webhook endpoint',
        why:
          row.detail === null
            ? `Every delivery has failed for ${waited}; it is disabled if this goes on. Fix the receiver, then enable it again to reset.`
            : `Disabled (${row.detail}) ${waited} ago: no events are sent to it. Fix the receiver, then enable it.`,
        action: {
          method: 'PATCH',
          path: `/v1/webhook-endpoints/${id}`,
          command: `yardpass webhooks endpoints update ${id} --enabled true`,
        },
      };
    case 'webhook_delivery_dead':
      return {
        resource: 'webhook delivery',
        why: `Gave up ${waited} ago after the last attempt${row.detail ? ` (${row.detail})` : ''}; the event was never received.`,
        action: {
          method: 'POST',
          path: `/v1/webhook-deliveries/${id}:replay`,
          command: `yardpass webhooks replay ${id}`,
        },
      };
  }
}

/** The stuck-work inbox: a page of items, oldest first, of every kind or of `kind`. */
export async function getInbox(
  db: Db,
  caller: Caller,
  query: { kind?: InboxKind; limit?: number; starting_after?: string },
) {
  const limit = query.limit ?? 20;
  const after = decodeCursor(query.starting_after);
  const rows = await opsRead(
    db,
    caller,
    (tx) => listInbox(tx, { kinds: query.kind ? [query.kind] : INBOX_KINDS, limit, after }),
    { transaction: true },
  );
  const now = Date.now();
  const page = toPage(rows, limit, (row) => row.position);
  return {
    ...page,
    data: page.data.map((row) => ({
      kind: row.kind,
      id: row.id,
      org_id: row.org_id,
      since: row.since,
      amount_cents: row.amount_cents,
      currency: row.currency,
      related_id: row.related_id,
      ...describe(row, now),
    })),
  };
}

/** How many items of each kind the inbox holds, and their money by currency. */
export function getInboxSummary(db: Db, caller: Caller, query: { kind?: InboxKind }) {
  return opsRead(db, caller, (q) => summarizeInbox(q, query.kind ? [query.kind] : INBOX_KINDS));
}

/** Checks that only warn: a failing one is listed but does not fail the report. */
const WARNINGS: ReadonlySet<IntegrityCheck> = new Set(['public_sponsor_profile']);
const MAX_ROWS = 100;

/**
 * Every integrity check, over every organization for an operator, else over the rows the organization is a
 * party to. Each failing check lists up to 100 of its rows; `ok` is false when any error-level check fails.
 */
export async function runIntegrity(db: Db, caller: Caller) {
  const org = caller.kind === 'operator' ? null : caller.orgId;
  if (org) requireRole(caller, 'admin', 'run the integrity checks');
  // Checks span both parties of an order (a payout is the organizer's alone), so they read with system access
  // and the statements confine themselves to `org`'s rows.
  const checks = await db.system(async (tx) => {
    const results = [];
    for (const name of Object.keys(INTEGRITY_CHECKS) as IntegrityCheck[]) {
      const rows = await runIntegrityCheck(tx, name, { orgId: org, limit: MAX_ROWS + 1 });
      results.push({
        name,
        severity: WARNINGS.has(name) ? ('warning' as const) : ('error' as const),
        passed: rows.length === 0,
        rows: rows.slice(0, MAX_ROWS),
        more: rows.length > MAX_ROWS,
      });
    }
    return results;
  });
  return {
    ok: checks.every((check) => check.passed || check.severity === 'warning'),
    checked_at: new Date().toISOString(),
    checks,
  };
}

const MAX_PERIODS = 1000;
const DAY_MS = 86_400_000;
const PERIOD_DAYS = { day: 1, week: 7, month: 28 } as const;
const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * Business metrics (guide §21) for whole UTC days `from` (inclusive) to `to` (exclusive), by `interval`, with
 * the totals of the window. Defaults: the 30 days up to today, included, by day.
 */
export async function getBusinessMetrics(
  db: Db,
  caller: Caller,
  query: { from?: string; to?: string; interval?: 'day' | 'week' | 'month'; event_id?: string },
) {
  const interval = query.interval ?? 'day';
  const to = query.to ?? new Date(Date.now() + DAY_MS).toISOString().slice(0, 10);
  const from = query.from ?? new Date(Date.parse(to) - 30 * DAY_MS).toISOString().slice(0, 10);
  if (Date.parse(from) >= Date.parse(to))
    throw new ValidationError('`from` must be before `to` (`to` is exclusive).', [
      { path: '/query/from', message: 'Must be a day before `to`.' },
    ]);
  if ((Date.parse(to) - Date.parse(from)) / (PERIOD_DAYS[interval] * DAY_MS) > MAX_PERIODS)
    throw new ValidationError(
      `At most ${MAX_PERIODS} periods at a time; shorten the window or use a longer interval.`,
      [{ path: '/query/interval', message: `More than ${MAX_PERIODS} periods.` }],
    );
  const { activity, money } = await opsRead(db, caller, async (q, org) => {
    const window: MetricsWindow = { from, to, interval, eventId: query.event_id ?? null, orgId: org };
    return { activity: await activityMetrics(q, window), money: await moneyMetrics(q, window) };
  });
  const shape = (period: string | null) => {
    const row = activity.find((candidate) => candidate.period_start === period)!;
    return {
      packages_created: row.packages_created,
      events_with_new_packages: row.events_with_new_packages,
      packages_per_event: ratio(row.packages_created, row.events_with_new_packages),
      proposals: row.proposals,
      proposals_converted: row.proposals_converted,
      conversion_rate: ratio(row.proposals_converted, row.proposals),
      median_negotiation_seconds: row.median_negotiation_seconds,
      deliverables_due: row.deliverables_due,
      deliverables_on_time: row.deliverables_on_time,
      on_time_rate: ratio(row.deliverables_on_time, row.deliverables_due),
      slas_evaluated: row.slas_evaluated,
      slas_met: row.slas_met,
      sla_compliance_rate: ratio(row.slas_met, row.slas_evaluated),
      money: money
        .filter((line) => line.period_start === period)
        .map(({ period_start: _period, ...line }) => line),
    };
  };
  return {
    from,
    to,
    interval,
    event_id: query.event_id ?? null,
    series: activity
      .filter((row) => row.period_start !== null)
      .map((row) => ({ period_start: row.period_start!, ...shape(row.period_start) })),
    totals: shape(null),
  };
}

/** Folds the money changes booked since the last run into the day totals the business metrics read. */
export function foldMoney(db: Db): Promise<number> {
  return db.system((tx) => foldMoneyChanges(tx));
}
