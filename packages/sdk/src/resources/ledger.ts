import { APIResource } from '../resource.js';

/**
 * The double-entry ledger of the organization's orders (owner or admin).
 *
 * @example
 * ```ts
 * const { data } = await yardpass.ledger.transactions({ order_id: orderId });
 * ```
 */
export class Ledger extends APIResource {
  /**
   * Lists ledger accounts with their posted and pending balances.
   *
   * @example
   * ```ts
   * for await (const account of yardpass.ledger.accounts({ kind: 'escrow' })) console.log(account.balance_cents);
   * ```
   */
  accounts = this.listEndpoint('listLedgerAccounts', 'GET /v1/ledger/accounts');

  /**
   * Lists ledger transactions with their entries, newest first.
   *
   * @example
   * ```ts
   * const page = await yardpass.ledger.transactions({ order_id: orderId, status: 'pending' });
   * ```
   */
  transactions = this.listEndpoint('listLedgerTransactions', 'GET /v1/ledger/transactions');
}
