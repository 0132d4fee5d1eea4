import { findOrderParties, insertDeliverables } from '../db/deliverables';
import { type Db, type Tx, withSystemAccess } from '../db/pool';
import { readPage } from '../db/reads';
import {
  findSla,
  gatherSlaEvidence,
  listPendingSlasOfOrder,
  listSlas,
  listSlasToEvaluate,
  recordSlaOutcome,
  recordSlaProgress,
  setSlaRemedy,
  type SlaRow,
  type SlaStatus,
} from '../db/slas';
import { NotFoundError } from '../errors';
import { type BreachEffect, breachEffect, evidenceKeys, isRate } from './sla-terms';
import { recordAudit } from '../db/audit';
import type { Caller } from '../caller';
import { emitEvent } from '../webhooks/emit';

/** The refund a penalty becomes: the orders domain's `issueRefund`, idempotent by `reference`. */
export type IssueRefund = (
  db: Db,
  refund: { orderId: string; amountCents: number; reason: string; reference: string },
) => Promise<unknown>;

export function listSlasPage(
  db: Db,
  caller: Caller,
  query: {
    order_id?: string;
    event_id?: string;
    status?: SlaStatus;
    limit?: number;
    starting_after?: string;
  },
) {
  return readPage(
    db,
    caller.orgId,
    query,
    (tx, page) => listSlas(tx, { ...query, ...page }),
    (row) => row.due_at,
  );
}

/** The penalty of a breach: `penalty_cents`, else `penalty_pct` of the order amount; never more than the order. */
export function penaltyOf(effect: BreachEffect, orderAmountCents: number): number {
  const cents =
    effect.penaltyCents > 0
      ? effect.penaltyCents
      : effect.penaltyPct > 0
        ? Math.round(orderAmountCents * effect.penaltyPct)
        : 0;
  return Math.min(Math.max(0, Math.trunc(cents)), orderAmountCents);
}

/**
 * Measures an SLA where its frozen term says: the event's stats or the approved proofs. SLAs made before terms
 * existed take the larger of both.
 */
async function measure(tx: Tx, sla: SlaRow) {
  const keys = evidenceKeys(sla.metric);
  const source = sla.terms?.source;
  const evidence = await gatherSlaEvidence(tx, sla, {
    statKey: source === 'proof_metrics' ? null : keys.stat,
    proofKey: source === 'event_stats' ? null : keys.proof,
    average: isRate(sla.metric),
  });
  return {
    actual: Math.max(evidence.snapshot?.value ?? 0, evidence.proofs.total),
    snapshotIds: evidence.snapshot ? [evidence.snapshot.id] : [],
    proofIds: evidence.proofs.ids,
  };
}

async function emitBreach(tx: Tx, id: string): Promise<void> {
  const sla = (await findSla(tx, id))!;
  await emitEvent(tx, sla.organizer_org_id, 'sla.breached', sla);
  if (sla.sponsor_org_id !== sla.organizer_org_id)
    await emitEvent(tx, sla.sponsor_org_id, 'sla.breached', sla);
}

/**
 * Marks met, in the approving transaction, every pending SLA of the order that the approved proofs (or the
 * latest snapshot) already satisfy (guide §16: "approve proof → SLA marked satisfied").
 */
export async function satisfySlasFromProofs(tx: Tx, orderId: string): Promise<void> {
  await withSystemAccess(tx, async () => {
    for (const sla of await listPendingSlasOfOrder(tx, orderId)) {
      const measured = await measure(tx, sla);
      if (measured.actual >= sla.target)
        await recordSlaOutcome(tx, sla.id, { status: 'met', ...measured, penaltyCents: null });
      else await recordSlaProgress(tx, sla.id, measured);
    }
  });
}

/**
 * Evaluates one SLA (nightly job and on demand). Under a row lock: a pending SLA is measured from the latest
 * snapshot and approved proofs; met when the target is reached, breached when it is not and the due date plus
 * grace has passed (penalty and make-good decided once, `sla.breached` emitted), else left pending with the
 * evidence so far. Then a penalty not yet refunded is refunded through the orders domain, idempotently by
 * `sla:<id>`, so two evaluations at once (or a crash in between) still refund exactly once.
 */
export async function evaluateSla(
  db: Db,
  id: string,
  options: { now: Date; issueRefund?: IssueRefund },
): Promise<SlaRow | undefined> {
  const sla = await db.system(async (tx) => {
    const current = await findSla(tx, id, { lock: true });
    if (!current || current.status !== 'pending') return current;
    const measured = await measure(tx, current);
    if (measured.actual >= current.target) {
      await recordSlaOutcome(tx, id, { status: 'met', ...measured, penaltyCents: null });
    } else if (new Date(current.evaluate_after).getTime() <= options.now.getTime()) {
      const order = (await findOrderParties(tx, current.order_id))!;
      // Never more than what is left to refund, so the refund cannot be refused for its size.
      const effect = breachEffect(current.terms, current.breach_policy);
      const penaltyCents = Math.min(
        penaltyOf(effect, order.amount_cents),
        order.amount_cents - order.refunded_cents,
      );
      await recordSlaOutcome(tx, id, { status: 'breached', ...measured, penaltyCents });
      if (effect.makeGood) {
        const [makegood] = await insertDeliverables(tx, [
          {
            organizer_org_id: current.organizer_org_id,
            sponsor_org_id: current.sponsor_org_id,
            event_id: current.event_id,
            sponsor_id: current.sponsor_id,
            order_id: current.order_id,
            package_id: current.package_id,
            benefit_key: null,
            sla_id: id,
            type: 'makegood',
            spec: {
              metric: current.metric,
              target: current.target,
              actual: measured.actual,
              shortfall: current.target - measured.actual,
            },
            due_at: null,
            evidence_required: true,
            owner_side: 'organizer',
          },
        ]);
        if (makegood) await setSlaRemedy(tx, id, { makegoodDeliverableId: makegood.id });
      }
      await emitBreach(tx, id);
    } else {
      await recordSlaProgress(tx, id, measured);
    }
    return findSla(tx, id);
  });
  if (!sla || sla.status !== 'breached' || !sla.penalty_cents || sla.refund_reference) return sla;
  if (!options.issueRefund) return sla;
  const reference = `sla:${id}`;
  await options.issueRefund(db, {
    orderId: sla.order_id,
    amountCents: sla.penalty_cents,
    reason: `SLA breach: ${sla.metric} reached ${sla.actual ?? 0} of ${sla.target}`,
    reference,
  });
  return db.system(async (tx) => {
    await setSlaRemedy(tx, id, { refundReference: reference });
    return findSla(tx, id);
  });
}

/**
 * The nightly run: every SLA past its due date plus grace, and every breach whose refund is not recorded. One SLA
 * that fails (its refund refused, say) does not stop the others; it is counted and tried again next run.
 */
export async function evaluateDueSlas(db: Db, options: { now: Date; issueRefund?: IssueRefund }) {
  const ids = await db.system((tx) => listSlasToEvaluate(tx, options.now.toISOString()));
  const outcome = { evaluated: 0, met: 0, breached: 0, pending: 0, failed: 0 };
  const failures: { sla_id: string; error: string }[] = [];
  for (const id of ids) {
    try {
      const sla = await evaluateSla(db, id, options);
      if (!sla) continue;
      outcome.evaluated += 1;
      outcome[sla.status] += 1;
    } catch (error) {
      outcome.failed += 1;
      failures.push({ sla_id: id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { ...outcome, failures };
}

/** `POST /v1/slas/{id}:evaluate`: either party may ask for an evaluation now. */
export async function evaluateSlaForCaller(
  db: Db,
  caller: Caller,
  id: string,
  options: { now: Date; issueRefund?: IssueRefund },
) {
  const visible = await db.read(caller.orgId, (tx) => findSla(tx, id));
  if (!visible) throw new NotFoundError('SLA');
  await evaluateSla(db, id, options);
  return db.tenant(caller.orgId, async (tx) => {
    await recordAudit(tx, caller, { action: 'sla.evaluate', resourceType: 'sla', resourceId: id });
    return (await findSla(tx, id))!;
  });
}
