import { APIResource } from '../resource.js';

/**
 * The operator's views: stuck work, integrity checks and business metrics. An organization's owner or admin
 * sees its own; a platform operator key (`yardpass-server operators create`) sees every organization's.
 *
 * @example
 * ```ts
 * for await (const item of yardpass.ops.inbox()) console.log(item.kind, item.why, item.action.command);
 * ```
 */
export class Ops extends APIResource {
  /**
   * Stuck work, oldest first: each item says why, since when, the money it holds and the action that moves it.
   *
   * @example
   * ```ts
   * const page = await yardpass.ops.inbox({ kind: 'order_locked', limit: 100 });
   * ```
   */
  inbox = this.listEndpoint('getOpsInbox', 'GET /v1/ops/inbox');

  /**
   * How many items of each kind the inbox holds, and the money they hold by currency.
   *
   * @example
   * ```ts
   * for (const line of await yardpass.ops.inboxSummary()) console.log(line.kind, line.count, line.amount_cents);
   * ```
   */
  inboxSummary = this.endpoint('getOpsInboxSummary', 'GET /v1/ops/inbox/summary', 'query');

  /**
   * Runs the integrity checks; `ok` is false when one fails, and each failing check lists its rows.
   *
   * @example
   * ```ts
   * const { ok, checks } = await yardpass.ops.integrity();
   * ```
   */
  integrity = this.endpoint('getOpsIntegrity', 'GET /v1/ops/integrity');

  /**
   * Business metrics by day, week or month, money by currency, with the window's totals.
   *
   * @example
   * ```ts
   * const { series, totals } = await yardpass.ops.businessMetrics({ from: '2026-03-01', to: '2026-04-01', interval: 'week' });
   * ```
   */
  businessMetrics = this.endpoint('getBusinessMetrics', 'GET /v1/metrics/business', 'query');

  /**
   * Compares Stripe's charges, transfers, refunds and disputes of a period with the ledger now, and stores the run
   * (platform operator keys only; default period: yesterday, UTC).
   *
   * @example
   * ```ts
   * const run = await yardpass.ops.runReconciliation({ from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' });
   * for (const difference of run.differences) console.log(difference.issue, difference.object_id);
   * ```
   */
  runReconciliation = this.endpoint('runReconciliation', 'POST /v1/ops/reconciliation:run', 'body');

  /**
   * Stored reconciliation runs, newest first (platform operator keys only).
   *
   * @example
   * ```ts
   * const [latest] = (await yardpass.ops.reconciliations({ limit: 1 })).data;
   * ```
   */
  reconciliations = this.listEndpoint('listReconciliations', 'GET /v1/ops/reconciliations');

  /**
   * One reconciliation run with its differences (platform operator keys only).
   *
   * @example
   * ```ts
   * const { status, differences } = await yardpass.ops.reconciliation(runId);
   * ```
   */
  reconciliation = this.endpoint('getReconciliation', 'GET /v1/ops/reconciliations/{id}');
}
