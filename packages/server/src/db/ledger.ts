import type { components } from '../generated/openapi';
import type { Cursor } from './pagination';
import type { Queryable, Tx } from './pool';

export type LedgerAccountRow = components['schemas']['LedgerAccount'];
export type LedgerTransactionRow = components['schemas']['LedgerTransaction'];
export type AccountKind = LedgerAccountRow['kind'];
export type TransactionKind = LedgerTransactionRow['kind'];

/** Finds or opens the account named by `code`; answers its id. */
export async function ensureAccount(
  tx: Tx,
  account: {
    code: string;
    kind: AccountKind;
    currency: string;
    orgId: string | null;
    orderId: string | null;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `with opened as (
       insert into ledger_accounts (code, kind, currency, org_id, order_id) values ($1, $2, $3, $4, $5)
       on conflict (code) do nothing returning id
     )
     select id from opened union all select id from ledger_accounts where code = $1 limit 1`,
    [account.code, account.kind, account.currency, account.orgId, account.orderId],
  );
  if (rows[0]) return rows[0].id;
  // Opened by a concurrent transaction after this statement's snapshot: it is committed now.
  const again = await tx.query<{ id: string }>('select id from ledger_accounts where code = $1', [
    account.code,
  ]);
  return again.rows[0]!.id;
}

/**
 * Books a transaction and its entries once per `reference` (a second booking with the same reference is a
 * no-op answering `false`). The database checks at commit that the entries sum to zero per currency.
 */
export async function insertLedgerTransaction(
  tx: Tx,
  transaction: {
    reference: string;
    kind: TransactionKind;
    status: 'pending' | 'posted';
    orderId: string | null;
    organizerOrgId: string | null;
    sponsorOrgId: string | null;
    description: string;
    entries: { accountId: string; amountCents: number; currency: string }[];
  },
): Promise<boolean> {
  const { rows } = await tx.query<{ id: string }>(
    `with booked as (
       insert into ledger_transactions (reference, kind, status, order_id, organizer_org_id, sponsor_org_id,
         description, posted_at)
       values ($1, $2, $3, $4, $5, $6, $7, case when $3 = 'posted' then now() end)
       on conflict (reference) do nothing returning id
     ), entries as (
       insert into ledger_entries (transaction_id, account_id, amount_cents, currency)
       select booked.id, e.account_id, e.amount_cents, e.currency
         from booked, unnest($8::uuid[], $9::bigint[], $10::text[]) as e(account_id, amount_cents, currency)
       returning 1
     )
     select id from booked, (select count(*) from entries) as written`,
    [
      transaction.reference,
      transaction.kind,
      transaction.status,
      transaction.orderId,
      transaction.organizerOrgId,
      transaction.sponsorOrgId,
      transaction.description,
      transaction.entries.map((entry) => entry.accountId),
      transaction.entries.map((entry) => entry.amountCents),
      transaction.entries.map((entry) => entry.currency),
    ],
  );
  return rows.length === 1;
}

/** Moves the order's pending transactions of `kind` to `posted` or `voided`; answers how many moved. */
export async function settlePendingTransactions(
  tx: Tx,
  orderId: string,
  kind: TransactionKind,
  to: 'posted' | 'voided',
): Promise<number> {
  const { rowCount } = await tx.query(
    `update ledger_transactions
        set status = $3, posted_at = case when $3 = 'posted' then now() end,
            voided_at = case when $3 = 'voided' then now() end
      where order_id = $1 and kind = $2 and status = 'pending'`,
    [orderId, kind, to],
  );
  return rowCount ?? 0;
}

/** How many transactions of `kind` the order has (numbers the references of re-bookings). */
export async function countOrderTransactions(
  tx: Queryable,
  orderId: string,
  kind: TransactionKind,
): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(
    'select count(*)::int as n from ledger_transactions where order_id = $1 and kind = $2',
    [orderId, kind],
  );
  return rows[0]?.n ?? 0;
}

const transactionColumns = `t.id, t.reference, t.kind, t.status, t.order_id, t.description, t.created_at, t.posted_at,
  t.voided_at,
  coalesce((select json_agg(json_build_object('account_id', a.id, 'account_code', a.code, 'account_kind', a.kind,
                  'amount_cents', e.amount_cents, 'currency', e.currency) order by e.amount_cents)
              from ledger_entries e join ledger_accounts a on a.id = e.account_id
             where e.transaction_id = t.id), '[]') as entries`;

export async function listLedgerTransactions(
  tx: Queryable,
  filter: { orderId?: string; kind?: string; status?: string; limit: number; after?: Cursor },
): Promise<LedgerTransactionRow[]> {
  const { rows } = await tx.query<LedgerTransactionRow>(
    `select ${transactionColumns} from ledger_transactions t
      where ($1::uuid is null or t.order_id = $1) and ($2::text is null or t.kind = $2)
        and ($3::text is null or t.status = $3)
        and ($4::timestamptz is null or (t.created_at, t.id) < ($4, $5::uuid))
      order by t.created_at desc, t.id desc limit $6`,
    [
      filter.orderId ?? null,
      filter.kind ?? null,
      filter.status ?? null,
      filter.after?.value ?? null,
      filter.after?.id ?? null,
      filter.limit + 1,
    ],
  );
  return rows;
}

/** The order's transactions in booking order (for its detail). */
export async function listOrderTransactions(tx: Queryable, orderId: string): Promise<LedgerTransactionRow[]> {
  const { rows } = await tx.query<LedgerTransactionRow>(
    `select ${transactionColumns} from ledger_transactions t where t.order_id = $1 order by t.created_at, t.id`,
    [orderId],
  );
  return rows;
}

const accountColumns = `a.id, a.code, a.kind, a.currency, a.org_id, a.order_id, a.created_at,
  coalesce(sum(e.amount_cents) filter (where t.status = 'posted'), 0)::bigint as balance_cents,
  coalesce(sum(e.amount_cents) filter (where t.status = 'pending'), 0)::bigint as pending_cents`;

/** Accounts with balances derived from the entries the caller may see. */
export async function listLedgerAccounts(
  tx: Queryable,
  filter: { kind?: string; currency?: string; limit: number; after?: Cursor },
): Promise<LedgerAccountRow[]> {
  const { rows } = await tx.query<LedgerAccountRow>(
    `select ${accountColumns}
       from ledger_accounts a
       left join ledger_entries e on e.account_id = a.id
       left join ledger_transactions t on t.id = e.transaction_id
      where ($1::text is null or a.kind = $1) and ($2::text is null or a.currency = $2)
        and ($3::text is null or (a.code, a.id) > ($3, $4::uuid))
        and (a.org_id is not null or a.order_id is not null or t.id is not null)
      group by a.id order by a.code, a.id limit $5`,
    [
      filter.kind ?? null,
      filter.currency ?? null,
      filter.after?.value ?? null,
      filter.after?.id ?? null,
      filter.limit + 1,
    ],
  );
  return rows;
}

/**
 * What the order's escrow still holds (posted balance) and what left it for the organizer and the platform fee:
 * the posted lock of a whole-order release, or each milestone's release.
 */
export async function escrowPosition(
  tx: Queryable,
  escrowCode: string,
): Promise<{ held_cents: number; released_cents: number }> {
  const { rows } = await tx.query<{ held_cents: string; released_cents: string }>(
    `select coalesce(sum(e.amount_cents), 0) as held_cents,
            -coalesce(sum(e.amount_cents) filter (where t.kind in ('lock', 'release')), 0) as released_cents
       from ledger_accounts a
       join ledger_entries e on e.account_id = a.id
       join ledger_transactions t on t.id = e.transaction_id and t.status = 'posted'
      where a.code = $1`,
    [escrowCode],
  );
  return {
    held_cents: Number(rows[0]?.held_cents ?? 0),
    released_cents: Number(rows[0]?.released_cents ?? 0),
  };
}

/** Posted and pending balance of one account (e.g. an order's escrow). */
export async function accountBalance(
  tx: Queryable,
  code: string,
): Promise<{ balance_cents: number; pending_cents: number }> {
  const { rows } = await tx.query<{ balance_cents: number; pending_cents: number }>(
    `select coalesce(sum(e.amount_cents) filter (where t.status = 'posted'), 0)::bigint as balance_cents,
            coalesce(sum(e.amount_cents) filter (where t.status = 'pending'), 0)::bigint as pending_cents
       from ledger_accounts a
       join ledger_entries e on e.account_id = a.id
       join ledger_transactions t on t.id = e.transaction_id
      where a.code = $1`,
    [code],
  );
  return rows[0] ?? { balance_cents: 0, pending_cents: 0 };
}
