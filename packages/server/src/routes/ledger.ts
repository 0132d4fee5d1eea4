import type { Db } from '../db/pool';
import { listAccountsPage, listTransactionsPage } from '../domain/ledger';
import { type Handlers, page } from '../http/router';

export const ledgerRoutes = ({ db }: { db: Db }) =>
  ({
    listLedgerAccounts: async ({ caller, query }) => page(await listAccountsPage(db, caller, query)),
    listLedgerTransactions: async ({ caller, query }) => page(await listTransactionsPage(db, caller, query)),
  }) satisfies Partial<Handlers>;
