import type { Caller } from '../caller';
import { decodeCursor, toPage } from '../db/pagination';
import type { Db } from '../db/pool';
import {
  findLedgerRecords,
  findRun,
  finishRun,
  insertRun,
  type LedgerRecord,
  listDifferences,
  listRuns,
  type ReconciliationDifferenceRow,
} from '../db/reconciliations';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import type { Logger } from '../logger';
import type { PaymentsProvider, ProcessorRecord, ProcessorRecordType } from '../payments/provider';

const TYPES: readonly ProcessorRecordType[] = ['charge', 'transfer', 'refund', 'dispute'];
const DAY_MS = 86_400_000;

type Difference = Omit<ReconciliationDifferenceRow, 'id'>;

/**
 * Every difference between the processor's records and ours: a record only the processor has (or that the ledger
 * never booked), one we booked in the period that the processor does not list, and different amounts. Disputes
 * are compared by presence: their amount is the bank's claim, not a booking.
 */
export function compareRecords(
  processor: readonly ProcessorRecord[],
  ours: readonly LedgerRecord[],
): Difference[] {
  const key = (type: string, id: string) => `${type}:${id}`;
  const mine = new Map(ours.map((record) => [key(record.type, record.id), record]));
  const theirs = new Set(processor.map((record) => key(record.type, record.id)));
  const differences: Difference[] = [];
  for (const record of processor) {
    const match = mine.get(key(record.type, record.id));
    const base = {
      object_type: record.type,
      object_id: record.id,
      order_id: match?.order_id ?? null,
      processor_amount_cents: record.amountCents,
      ledger_amount_cents: match?.amount_cents ?? null,
      currency: record.currency,
    };
    if (!match || match.amount_cents === null)
      differences.push({
        ...base,
        issue: 'missing_in_ledger',
        detail: match
          ? `The ${record.type} is recorded on order ${match.order_id} but the ledger has no posted booking of it.`
          : `The processor has this ${record.type} and nothing here refers to it.`,
      });
    else if (
      record.type !== 'dispute' &&
      (match.amount_cents !== record.amountCents || match.currency !== record.currency)
    )
      differences.push({
        ...base,
        issue: 'amount_mismatch',
        detail: `The processor has ${record.amountCents} ${record.currency}; the ledger booked ${match.amount_cents} ${match.currency}.`,
      });
  }
  for (const record of ours)
    if (record.in_period && !theirs.has(key(record.type, record.id)))
      differences.push({
        object_type: record.type,
        object_id: record.id,
        order_id: record.order_id,
        processor_amount_cents: null,
        ledger_amount_cents: record.amount_cents,
        currency: record.currency,
        issue: 'missing_at_processor',
        detail: `The ledger booked this ${record.type} in the period; the processor does not list it.`,
      });
  return differences;
}

export interface ReconciliationDeps {
  db: Db;
  payments: PaymentsProvider;
  log: Logger;
}

/**
 * Compares the processor's charges, transfers, refunds and disputes created in `[from, to)` with the ledger
 * (guide §17) and stores the run with every difference. A processor that cannot be listed fails the run, which
 * is stored as failed with the reason.
 */
export async function reconcileLedger(
  deps: ReconciliationDeps,
  input: { from: Date; to: Date; trigger: 'schedule' | 'manual' },
) {
  const run = await deps.db.system((tx) =>
    insertRun(tx, { provider: deps.payments.mode, trigger: input.trigger, from: input.from, to: input.to }),
  );
  let finished;
  try {
    const lists = await Promise.all(
      TYPES.map((type) => deps.payments.listRecords({ type, from: input.from, to: input.to })),
    );
    const processor = lists.flat();
    const ids = Object.fromEntries(
      TYPES.map((type, index) => [type, lists[index]!.map((record) => record.id)]),
    ) as Record<ProcessorRecordType, string[]>;
    const differences = await deps.db.system(async (tx) =>
      compareRecords(processor, await findLedgerRecords(tx, { from: input.from, to: input.to, ids })),
    );
    const checked = Object.fromEntries(TYPES.map((type, index) => [`${type}s`, lists[index]!.length]));
    finished = await deps.db.system((tx) =>
      finishRun(tx, run.id, { status: 'completed', checked, error: null, differences }),
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    deps.log.error({ err: error, run_id: run.id }, 'reconciliation failed');
    finished = await deps.db.system((tx) =>
      finishRun(tx, run.id, { status: 'failed', checked: {}, error: reason, differences: [] }),
    );
  }
  if (finished.difference_count > 0)
    deps.log.warn(
      { run_id: run.id, differences: finished.difference_count },
      'reconciliation found differences between the processor and the ledger',
    );
  return getRunDetail(deps.db, run.id);
}

function requireOperator(caller: Caller): void {
  if (caller.kind !== 'operator')
    throw new ForbiddenError(
      "Reconciliation compares the platform's Stripe account with the whole ledger: use a platform operator key (`yardpass-server operators create`).",
    );
}

async function getRunDetail(db: Db, id: string) {
  return db.system(async (tx) => {
    const run = await findRun(tx, id);
    if (!run) throw new NotFoundError('reconciliation');
    return { ...run, differences: await listDifferences(tx, id) };
  });
}

/** `POST /v1/ops/reconciliation:run`: the previous whole UTC day unless a period is given. */
export function runReconciliation(
  deps: ReconciliationDeps,
  caller: Caller,
  body: { from?: string; to?: string } = {},
  now = new Date(),
) {
  requireOperator(caller);
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const to = body.to ? new Date(body.to) : new Date(today);
  const from = body.from ? new Date(body.from) : new Date(to.getTime() - DAY_MS);
  if (from >= to)
    throw new ValidationError('`from` must be before `to`.', [
      { path: '/from', message: 'Must be before `to`.' },
    ]);
  if (to.getTime() - from.getTime() > 31 * DAY_MS)
    throw new ValidationError('Reconcile at most 31 days at a time.', [
      { path: '/to', message: 'At most 31 days after `from`.' },
    ]);
  return reconcileLedger(deps, { from, to, trigger: 'manual' });
}

export function listReconciliationsPage(
  db: Db,
  caller: Caller,
  query: { limit?: number; starting_after?: string },
) {
  requireOperator(caller);
  const limit = query.limit ?? 20;
  const after = decodeCursor(query.starting_after);
  return db.system(async (tx) =>
    toPage(await listRuns(tx, { limit, after }), limit, (run) => run.started_at),
  );
}

export function getReconciliation(db: Db, caller: Caller, id: string) {
  requireOperator(caller);
  return getRunDetail(db, id);
}
