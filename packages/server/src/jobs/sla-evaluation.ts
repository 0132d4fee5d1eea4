import type { Db } from '../db/pool';
import { evaluateDueSlas, type IssueRefund } from '../domain/slas';

/**
 * Nightly: evaluates every SLA whose due date plus grace has passed, applying breach policies (guide §11), and
 * finishes penalty refunds a previous run did not get to record. Safe to run twice at once.
 */
export function slaEvaluation(db: Db, options: { now: Date; issueRefund?: IssueRefund }) {
  return evaluateDueSlas(db, options);
}
